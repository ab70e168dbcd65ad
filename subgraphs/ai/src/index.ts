// The ai subgraph's package. For now: the anti-fraud model (features, synthetic data, training,
// scoring with explanations, hard rules); the GraphQL service comes next.
export * from './fraud/features.js';
export * from './fraud/reasons.js';
export * from './fraud/model.js';
export * from './fraud/rules.js';
export * from './fraud/assess.js';
export { generateCheckouts, fraudPatternRates, type CheckoutPattern, type FraudPattern, type LabelledCheckout } from './fraud/synthetic.js';
export { defaultTrainingOptions, trainFraudModel, type TrainingOptions, type TrainingReport, type EvaluationReport } from './fraud/train.js';
