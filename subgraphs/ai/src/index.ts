// The ai subgraph's package: the service (the patient assistant's askAssistant), the anti-fraud model
// (features, synthetic data, training, scoring with explanations, hard rules) and the patient
// assistant's language part (intents, FAQ, replies).
export { aiConfigShape, loadAiConfig, type AiConfig } from './config.js';
export { aiTypeDefs, startAiService, type AiService } from './service.js';
export { RiskSignals, type CheckoutRequest } from './fraud/signals.js';
export { MemoryCheckoutLog, RedisCheckoutLog, type CheckoutLog } from './fraud/checkout-log.js';
export { mulberry32 } from './random.js';
export { FraudDesk, FRAUD_MODEL_URL } from './fraud/desk.js';
export * from './fraud/features.js';
export * from './fraud/reasons.js';
export * from './fraud/model.js';
export * from './fraud/rules.js';
export * from './fraud/assess.js';
export { generateCheckouts, fraudPatternRates, type CheckoutPattern, type FraudPattern, type LabelledCheckout } from './fraud/synthetic.js';
export { defaultTrainingOptions, PLATFORM_LABEL_WEIGHT, trainFraudModel, type EvaluationReport, type PlatformLabel, type TrainingOptions, type TrainingReport } from './fraud/train.js';
export { INTENTS, type Intent, type KnownIntent, type Utterances } from './assistant/intents/intent.js';
export { TRAINING } from './assistant/intents/training.js';
export { EVALUATION } from './assistant/intents/evaluation.js';
export { normalize } from './assistant/normalize.js';
export { AssistantNlu, CONFIDENCE_THRESHOLD, MODEL_URL, trainModel, trainingDigest, type Classification, type TrainedModel } from './assistant/nlu.js';
export { evaluate, type EvaluationReport as AssistantEvaluationReport } from './assistant/evaluate.js';
export { FAQ, type FaqEntry } from './assistant/faq/entries.js';
export { FaqIndex, type FaqHit } from './assistant/faq/faq-index.js';
export { reply, fillTemplate, DATA_ANSWERS, type AssistantReply, type AssistantContext, type DataQuery } from './assistant/assistant.js';
export { brazilianDate, nextInstallmentAnswer, paymentStatusAnswer, remainingBalanceAnswer } from './assistant/data-answers.js';
