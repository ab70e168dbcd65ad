// Loads a trained anti-fraud model file and scores one checkout: score 0–1000, decision by the
// model's thresholds, and the features that pushed the score up, as reason codes.
//
// The file keeps the random forest's trees in a compact form with each node's fraud share (from
// the training set), so that the probability is the mean of the leaves' shares (finer than the
// trees' hard votes) and each tree's path splits that probability into per-feature contributions
// (Saabas' tree-path method): root share + Σ contributions = the tree's leaf share.
import { readFile } from 'node:fs/promises';
import { isWellFormed, leafOf, meanLeafShare, raisedReasons, rankContributions, type CompactTree, type FeatureContribution as ForestFeatureContribution } from '../forest.js';
import { featureOrder, toFeatureVector, type CheckoutFeatures, type FeatureName } from './features.js';
import { featureReasons, reason, type Reason, type ReasonCode } from './reasons.js';

export type Decision = 'APPROVE' | 'REVIEW' | 'DECLINE';

export type { CompactTree };

export interface FraudModelFile {
  format: 'medpay-fraud-forest/1';
  modelVersion: string;
  trainedAt: string;
  seed: number;
  featureOrder: FeatureName[];
  /** Scores (0–1000) at and above which the model asks for review or declines. */
  thresholds: { review: number; decline: number };
  training: Record<string, unknown>;
  trees: CompactTree[];
}

/** A feature's score points for one checkout. */
export type FeatureContribution = ForestFeatureContribution<FeatureName>;

export interface ModelAssessment {
  score: number;
  decision: Decision;
  modelVersion: string;
  /** What raised the risk, strongest first; empty when nothing stood out. */
  reasons: Reason[];
  topFeatures: FeatureContribution[];
}

/** A reason needs at least this many points before it is named: below it, it is noise of the averaging. */
const minimumReasonPoints = 5;
const maximumReasons = 3;
const amountReasons: ReadonlySet<ReasonCode> = new Set(['HIGH_TICKET', 'TICKET_FAR_ABOVE_CLINIC_NORM', 'TICKET_ABOVE_CATEGORY_NORM']);

export function decide(score: number, thresholds: FraudModelFile['thresholds']): Decision {
  if (score >= thresholds.decline) return 'DECLINE';
  if (score >= thresholds.review) return 'REVIEW';
  return 'APPROVE';
}

export class FraudModel {
  private constructor(readonly file: FraudModelFile) {}

  get version(): string {
    return this.file.modelVersion;
  }

  get thresholds(): FraudModelFile['thresholds'] {
    return this.file.thresholds;
  }

  /** Refuses a file whose features are not the ones this code computes, in the same order: it would score nonsense. */
  static fromFile(file: FraudModelFile): FraudModel {
    if (file.format !== 'medpay-fraud-forest/1') throw new Error(`Unknown fraud model format ${String(file.format)}`);
    const expected = featureOrder.join(',');
    if (file.featureOrder.join(',') !== expected) {
      throw new Error(`Fraud model ${file.modelVersion} was trained on other features: ${file.featureOrder.join(',')}`);
    }
    if (file.trees.length === 0) throw new Error(`Fraud model ${file.modelVersion} has no trees`);
    if (!file.trees.every((tree) => isWellFormed(tree, featureOrder.length))) throw new Error(`Fraud model ${file.modelVersion} has a malformed tree`);
    if (!(file.thresholds.review > 0 && file.thresholds.review < file.thresholds.decline && file.thresholds.decline <= 1000)) {
      throw new Error(`Fraud model ${file.modelVersion} has thresholds out of order: ${JSON.stringify(file.thresholds)}`);
    }
    return new FraudModel(file);
  }

  static async load(path: string | URL): Promise<FraudModel> {
    return FraudModel.fromFile(JSON.parse(await readFile(path, 'utf8')) as FraudModelFile);
  }

  /** Fraud probability (0–1) for an input vector in `featureOrder`. */
  probability(vector: readonly number[]): number {
    return meanLeafShare(this.file.trees, (tree) => leafOf(tree, vector));
  }

  /** Mean root share plus the per-feature contributions along each tree's path; they add up to `probability`. */
  contributions(vector: readonly number[]): { bias: number; byFeature: number[] } {
    const byFeature = new Array<number>(featureOrder.length).fill(0);
    let bias = 0;
    for (const tree of this.file.trees) {
      let node = 0;
      bias += tree.share[0]!;
      while (tree.feature[node]! >= 0) {
        const feature = tree.feature[node]!;
        const next = vector[feature]! < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
        byFeature[feature]! += tree.share[next]! - tree.share[node]!;
        node = next;
      }
    }
    const trees = this.file.trees.length;
    return { bias: bias / trees, byFeature: byFeature.map((value) => value / trees) };
  }

  assess(features: CheckoutFeatures): ModelAssessment {
    const vector = toFeatureVector(features);
    const { bias, byFeature } = this.contributions(vector);
    const probability = byFeature.reduce((sum, value) => sum + value, bias);
    const score = Math.min(1000, Math.max(0, Math.round(probability * 1000)));
    const contributions = rankContributions(featureOrder, vector, byFeature);
    return {
      score,
      decision: decide(score, this.file.thresholds),
      modelVersion: this.file.modelVersion,
      reasons: reasonsFrom(contributions),
      topFeatures: contributions.filter((entry) => entry.points > 0).slice(0, 5),
    };
  }
}

/** Features grouped by the reason they speak for; a new account together with a high ticket is one reason, not two. */
function reasonsFrom(contributions: readonly FeatureContribution[]): Reason[] {
  const codes = raisedReasons(contributions, featureReasons, minimumReasonPoints);
  const newAccount = codes.indexOf('NEW_ACCOUNT');
  if (newAccount >= 0 && codes.some((code) => amountReasons.has(code))) codes[newAccount] = 'NEW_ACCOUNT_HIGH_TICKET';
  return codes.slice(0, maximumReasons).map(reason);
}
