/** Intent accuracy of a classifier over labelled utterances (the held-out set), with its confusions. */
import { INTENTS, type Intent, type KnownIntent, type Utterances } from './intents/intent.js';
import type { Classification } from './nlu.js';

export interface Misclassification {
  utterance: string;
  expected: KnownIntent;
  predicted: Intent;
  confidence: number;
}

export interface EvaluationReport {
  total: number;
  correct: number;
  accuracy: number;
  perIntent: Record<KnownIntent, { total: number; correct: number; accuracy: number }>;
  /** expected intent → predicted intent → count, wrong predictions only */
  confusions: Partial<Record<KnownIntent, Partial<Record<Intent, number>>>>;
  misclassified: Misclassification[];
}

export async function evaluate(classifier: { classify(message: string): Promise<Classification> }, utterances: Utterances): Promise<EvaluationReport> {
  const perIntent = {} as EvaluationReport['perIntent'];
  const confusions: EvaluationReport['confusions'] = {};
  const misclassified: Misclassification[] = [];
  for (const expected of INTENTS) {
    let correct = 0;
    for (const utterance of utterances[expected]) {
      const { intent, confidence } = await classifier.classify(utterance);
      if (intent === expected) {
        correct += 1;
        continue;
      }
      misclassified.push({ utterance, expected, predicted: intent, confidence: Math.round(confidence * 1000) / 1000 });
      const row = (confusions[expected] ??= {});
      row[intent] = (row[intent] ?? 0) + 1;
    }
    const total = utterances[expected].length;
    perIntent[expected] = { total, correct, accuracy: total === 0 ? 0 : correct / total };
  }
  const total = INTENTS.reduce((sum, intent) => sum + perIntent[intent].total, 0);
  const correct = INTENTS.reduce((sum, intent) => sum + perIntent[intent].correct, 0);
  return { total, correct, accuracy: total === 0 ? 0 : correct / total, perIntent, confusions, misclassified };
}
