// @medpay/ai: the ai subgraph's building blocks (today the patient assistant's language part).
export { INTENTS, type Intent, type KnownIntent, type Utterances } from './assistant/intents/intent.js';
export { TRAINING } from './assistant/intents/training.js';
export { EVALUATION } from './assistant/intents/evaluation.js';
export { normalize } from './assistant/normalize.js';
export { AssistantNlu, CONFIDENCE_THRESHOLD, MODEL_URL, trainModel, trainingDigest, type Classification, type TrainedModel } from './assistant/nlu.js';
export { evaluate, type EvaluationReport } from './assistant/evaluate.js';
export { FAQ, type FaqEntry } from './assistant/faq/entries.js';
export { FaqIndex, type FaqHit } from './assistant/faq/faq-index.js';
export { reply, fillTemplate, DATA_ANSWERS, type AssistantReply, type AssistantContext, type DataQuery } from './assistant/assistant.js';
