// The fraud assessment payments asks for before a charge: the model's score and explanation with
// the hard rules applied on top.
import type { CheckoutFeatures } from './features.js';
import type { Decision, FeatureContribution, FraudModel } from './model.js';
import type { Reason } from './reasons.js';
import { applyRules, fraudRules, severity, type FraudRule, type RuleHit } from './rules.js';

export interface FraudAssessment {
  /** 0–1000. The model's score, raised to the decision's threshold when a rule decided more severely. */
  score: number;
  modelScore: number;
  decision: Decision;
  modelVersion: string;
  /** Rule reasons first, then the model's, without repeats. */
  reasons: Reason[];
  rulesFired: RuleHit[];
  topFeatures: FeatureContribution[];
}

export function assessCheckout(model: FraudModel, features: CheckoutFeatures, rules: readonly FraudRule[] = fraudRules): FraudAssessment {
  const assessment = model.assess(features);
  const rulesFired = applyRules(features, rules);
  let decision = assessment.decision;
  for (const hit of rulesFired) if (severity[hit.atLeast] > severity[decision]) decision = hit.atLeast;
  const floor = decision === 'DECLINE' ? model.thresholds.decline : decision === 'REVIEW' ? model.thresholds.review : 0;
  const reasons: Reason[] = [];
  for (const candidate of [...rulesFired.map((hit) => hit.reason), ...assessment.reasons]) {
    if (!reasons.some((existing) => existing.code === candidate.code)) reasons.push(candidate);
  }
  return {
    score: Math.max(assessment.score, floor),
    modelScore: assessment.score,
    decision,
    modelVersion: assessment.modelVersion,
    reasons,
    rulesFired,
    topFeatures: assessment.topFeatures,
  };
}
