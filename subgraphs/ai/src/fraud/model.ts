// Loads a trained anti-fraud model file and scores one checkout: score 0–1000, decision by the
// model's thresholds, and the features that pushed the score up, as reason codes.
//
// The file keeps the random forest's trees in a compact form with each node's fraud share (from
// the training set), so that the probability is the mean of the leaves' shares (finer than the
// trees' hard votes) and each tree's path splits that probability into per-feature contributions
// (Saabas' tree-path method): root share + Σ contributions = the tree's leaf share.
import { readFile } from 'node:fs/promises';
import { featureOrder, toFeatureVector, type CheckoutFeatures, type FeatureName } from './features.js';
import { featureReasons, reason, type Reason, type ReasonCode } from './reasons.js';

export type Decision = 'APPROVE' | 'REVIEW' | 'DECLINE';

/** One tree as parallel arrays indexed by node; node 0 is the root, `feature[i] = -1` marks a leaf. */
export interface CompactTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Share of fraud among the training checkouts that reach the node (0–1). */
  share: number[];
}

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

export interface FeatureContribution {
  feature: FeatureName;
  value: number;
  /** How many score points (of 1000) this feature added (+) or removed (−) for this checkout. */
  points: number;
}

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
    let sum = 0;
    for (const tree of this.file.trees) sum += tree.share[leafOf(tree, vector)]!;
    return sum / this.file.trees.length;
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
    const contributions = featureOrder
      .map((feature, index) => ({ feature, value: vector[index]!, points: round1(byFeature[index]! * 1000) }))
      .sort((a, b) => b.points - a.points);
    return {
      score,
      decision: decide(score, this.file.thresholds),
      modelVersion: this.file.modelVersion,
      reasons: reasonsFrom(contributions),
      topFeatures: contributions.filter((entry) => entry.points > 0).slice(0, 5),
    };
  }
}

/** Children after their parent and inside the tree, so scoring always reaches a leaf; features inside the vector. */
function isWellFormed(tree: CompactTree, features: number): boolean {
  const size = tree.feature.length;
  if ([tree.threshold, tree.left, tree.right, tree.share].some((column) => column.length !== size) || size === 0) return false;
  return tree.feature.every((feature, node) => {
    if (feature === -1) return true;
    const children = [tree.left[node]!, tree.right[node]!];
    return feature >= 0 && feature < features && Number.isFinite(tree.threshold[node]) && children.every((child) => child > node && child < size);
  });
}

function leafOf(tree: CompactTree, vector: readonly number[]): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    node = vector[tree.feature[node]!]! < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return node;
}

/** Features grouped by the reason they speak for; a new account together with a high ticket is one reason, not two. */
function reasonsFrom(contributions: readonly FeatureContribution[]): Reason[] {
  const points = new Map<ReasonCode, number>();
  for (const { feature, points: value } of contributions) {
    const code = featureReasons[feature];
    points.set(code, (points.get(code) ?? 0) + value);
  }
  const raised = [...points].filter(([, value]) => value >= minimumReasonPoints).sort((a, b) => b[1] - a[1]);
  const codes = raised.map(([code]) => code);
  const newAccount = codes.indexOf('NEW_ACCOUNT');
  if (newAccount >= 0 && codes.some((code) => amountReasons.has(code))) codes[newAccount] = 'NEW_ACCOUNT_HIGH_TICKET';
  return codes.slice(0, maximumReasons).map(reason);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
