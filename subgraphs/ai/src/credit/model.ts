// Loads a trained credit model file and scores one crediário request: score 0–1000 (probability of
// default × 1000), approval below the model's threshold, and, when refused, the factors that raised
// the risk as reason codes.
//
// The trees are the compact form of ../fraud/model.ts (each node keeps its training default share).
// Unlike fraud, the score is made monotone in every feature by `riskDirection` (features.ts): each
// tree answers with the highest leaf share among the leaves reachable by requests that are no riskier
// than this one in every feature (its "envelope"). A worse history, a larger amount or a heavier
// installment can then never score better, which a plain forest does not guarantee; the offer's
// search over amounts relies on it. The explanation is the tree-path split (Saabas) of the path to
// that leaf, so bias + Σ contributions = the score's probability exactly.
import { readFile } from 'node:fs/promises';
import type { CompactTree } from '../fraud/model.js';
import { creditFeatures, DEFAULT_MONTHLY_RATE, featureOrder, riskDirection, toFeatureVector, type CreditApplicant, type CreditFeatures, type CreditRequest, type FeatureName } from './features.js';
import { featureReasons, reason, type Reason, type ReasonCode } from './reasons.js';

export type { CompactTree };

export const CREDIT_MODEL_FORMAT = 'medpay-credit-forest/1';

export interface CreditModelFile {
  format: typeof CREDIT_MODEL_FORMAT;
  modelVersion: string;
  /** Version of train.ts's procedure that produced the file. */
  trainerVersion: string;
  trainedAt: string;
  seed: number;
  featureOrder: FeatureName[];
  /** `riskDirection` in `featureOrder` when trained: the threshold was chosen under these constraints. */
  riskDirection: number[];
  /** Approve when the score (0–1000) is below this. */
  approvalThreshold: number;
  training: Record<string, unknown>;
  trees: CompactTree[];
}

export interface FeatureContribution {
  feature: FeatureName;
  value: number;
  /** How many score points (of 1000) this feature added (+) or removed (−) for this request. */
  points: number;
}

export interface CreditScore {
  /** Probability of default × 1000, rounded. */
  score: number;
  approved: boolean;
  modelVersion: string;
  /** What raised the risk, strongest first; only when refused, and then never empty. */
  reasons: Reason[];
  topFeatures: FeatureContribution[];
}

/** A reason needs at least this many points before it is named: below it, it is noise of the averaging. */
const minimumReasonPoints = 5;
const maximumReasons = 3;
const directions = featureOrder.map((name) => riskDirection[name]);

export class CreditModel {
  private readonly parents: number[][];

  private constructor(readonly file: CreditModelFile) {
    this.parents = file.trees.map(parentsOf);
  }

  get version(): string {
    return this.file.modelVersion;
  }

  get approvalThreshold(): number {
    return this.file.approvalThreshold;
  }

  /** Refuses a file whose features or constraints are not this code's, or whose trees or threshold are broken: it would score nonsense. */
  static fromFile(file: CreditModelFile): CreditModel {
    if (file.format !== CREDIT_MODEL_FORMAT) throw new Error(`Unknown credit model format ${String(file.format)}`);
    if (!Array.isArray(file.featureOrder) || file.featureOrder.join(',') !== featureOrder.join(',')) {
      throw new Error(`Credit model ${file.modelVersion} was trained on other features: ${String(file.featureOrder)}`);
    }
    if (!Array.isArray(file.riskDirection) || file.riskDirection.join(',') !== directions.join(',')) {
      throw new Error(`Credit model ${file.modelVersion} was trained under other risk directions: ${String(file.riskDirection)}`);
    }
    if (!Array.isArray(file.trees) || file.trees.length === 0) throw new Error(`Credit model ${file.modelVersion} has no trees`);
    if (!file.trees.every((tree) => isWellFormed(tree, featureOrder.length))) throw new Error(`Credit model ${file.modelVersion} has a malformed tree`);
    if (!(Number.isInteger(file.approvalThreshold) && file.approvalThreshold >= 1 && file.approvalThreshold <= 1000)) {
      throw new Error(`Credit model ${file.modelVersion} has an approval threshold out of range: ${String(file.approvalThreshold)}`);
    }
    return new CreditModel(file);
  }

  static async load(path: string | URL): Promise<CreditModel> {
    return CreditModel.fromFile(JSON.parse(await readFile(path, 'utf8')) as CreditModelFile);
  }

  /** Default probability (0–1) for an input vector in `featureOrder`: the mean of the trees' envelope leaves. */
  probability(vector: readonly number[]): number {
    let sum = 0;
    for (const tree of this.file.trees) sum += tree.share[envelopeLeaf(tree, vector)]!;
    return sum / this.file.trees.length;
  }

  /** Mean root share plus the per-feature contributions along each tree's path to its envelope leaf; they add up to `probability`. */
  contributions(vector: readonly number[]): { bias: number; byFeature: number[] } {
    const byFeature = new Array<number>(featureOrder.length).fill(0);
    let bias = 0;
    this.file.trees.forEach((tree, index) => {
      const parents = this.parents[index]!;
      bias += tree.share[0]!;
      for (let node = envelopeLeaf(tree, vector); node > 0; node = parents[node]!) {
        const parent = parents[node]!;
        byFeature[tree.feature[parent]!]! += tree.share[node]! - tree.share[parent]!;
      }
    });
    const trees = this.file.trees.length;
    return { bias: bias / trees, byFeature: byFeature.map((value) => value / trees) };
  }

  /** The score of a request's features. */
  score(features: CreditFeatures): CreditScore {
    const vector = toFeatureVector(features);
    const { bias, byFeature } = this.contributions(vector);
    const probability = byFeature.reduce((sum, value) => sum + value, bias);
    const score = toScore(probability);
    const approved = score < this.file.approvalThreshold;
    const contributions = featureOrder
      .map((feature, index) => ({ feature, value: vector[index]!, points: round1(byFeature[index]! * 1000) }))
      .sort((a, b) => b.points - a.points);
    return {
      score,
      approved,
      modelVersion: this.file.modelVersion,
      reasons: approved ? [] : reasonsFrom(contributions),
      topFeatures: contributions.filter((entry) => entry.points > 0).slice(0, 5),
    };
  }

  /** The score of an applicant's request. Protected attributes ride along on the record and are never read. */
  scoreApplicant(applicant: CreditApplicant, request: CreditRequest, monthlyRate: number = DEFAULT_MONTHLY_RATE): CreditScore {
    return this.score(creditFeatures(applicant, request, monthlyRate));
  }
}

/** Probability (0–1) to the 0–1000 score. */
export function toScore(probability: number): number {
  return Math.min(1000, Math.max(0, Math.round(probability * 1000)));
}

/** Children after their parent and inside the tree, so scoring always reaches a leaf; features inside the vector; shares are probabilities. */
function isWellFormed(tree: CompactTree, features: number): boolean {
  const columns = [tree.feature, tree.threshold, tree.left, tree.right, tree.share];
  if (!columns.every(Array.isArray)) return false;
  const size = tree.feature.length;
  if (size === 0 || columns.some((column) => column.length !== size)) return false;
  if (!tree.share.every((share) => Number.isFinite(share) && share >= 0 && share <= 1)) return false;
  return tree.feature.every((feature, node) => {
    if (feature === -1) return true;
    const children = [tree.left[node]!, tree.right[node]!];
    return Number.isInteger(feature) && feature >= 0 && feature < features && Number.isFinite(tree.threshold[node]) && children.every((child) => Number.isInteger(child) && child > node && child < size);
  });
}

/** Each node's parent (−1 for the root); well-formed trees give every node one parent. */
function parentsOf(tree: CompactTree): number[] {
  const parents = new Array<number>(tree.feature.length).fill(-1);
  tree.feature.forEach((feature, node) => {
    if (feature < 0) return;
    parents[tree.left[node]!] = node;
    parents[tree.right[node]!] = node;
  });
  return parents;
}

function leafOf(tree: CompactTree, vector: readonly number[]): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    node = vector[tree.feature[node]!]! < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return node;
}

/**
 * The leaf with the highest share among those a request no riskier than `vector` can reach: on a
 * risk-increasing feature such a request may be lower (so both sides are open when the value is at or
 * above the threshold), on a risk-decreasing one higher. Ties keep the request's own leaf, then the
 * first found, so the answer is deterministic.
 */
function envelopeLeaf(tree: CompactTree, vector: readonly number[]): number {
  let best = leafOf(tree, vector);
  const stack = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const feature = tree.feature[node]!;
    if (feature < 0) {
      if (tree.share[node]! > tree.share[best]!) best = node;
      continue;
    }
    const below = vector[feature]! < tree.threshold[node]!;
    const increasing = directions[feature] === 1;
    if (below || increasing) stack.push(tree.left[node]!);
    if (!below || !increasing) stack.push(tree.right[node]!);
  }
  return best;
}

/** Features grouped by the reason they speak for; a refusal always names one, the general one if nothing stood out. */
function reasonsFrom(contributions: readonly FeatureContribution[]): Reason[] {
  const points = new Map<ReasonCode, number>();
  for (const { feature, points: value } of contributions) {
    const code = featureReasons[feature];
    points.set(code, (points.get(code) ?? 0) + value);
  }
  const raised = [...points].filter(([, value]) => value >= minimumReasonPoints).sort((a, b) => b[1] - a[1]);
  const codes = raised.map(([code]) => code).slice(0, maximumReasons);
  return (codes.length > 0 ? codes : (['OVERALL_RISK'] as const)).map(reason);
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
