// Loads a trained credit model file and scores one crediário request: score 0–1000 (probability of
// default × 1000), approval below the model's threshold, and, when refused, the factors that raised
// the risk as reason codes.
//
// The trees are the compact form of ../forest.ts (each node keeps its training default share).
// Unlike fraud, the score is made monotone in every feature by `riskDirection` (features.ts): each
// tree answers with the highest leaf share among the leaves reachable by requests that are no riskier
// than this one in every feature (its "envelope"). A worse history, a larger amount or a heavier
// installment can then never score better, which a plain forest does not guarantee; the offer's
// search over amounts relies on it. The explanation is the tree-path split (Saabas) of the path to
// that leaf, so bias + Σ contributions = the score's probability exactly.
import { readFile } from 'node:fs/promises';
import { isWellFormed, leafOf, meanLeafShare, parentsOf, raisedReasons, rankContributions, type CompactTree, type FeatureContribution as ForestFeatureContribution } from '../forest.js';
import { creditFeatures, DEFAULT_MONTHLY_RATE, featureOrder, riskDirection, toFeatureVector, type CreditApplicant, type CreditFeatures, type CreditRequest, type FeatureName } from './features.js';
import { featureReasons, reason, type Reason } from './reasons.js';

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

/** A feature's score points for one request. */
export type FeatureContribution = ForestFeatureContribution<FeatureName>;

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
    return meanLeafShare(this.file.trees, (tree) => envelopeLeaf(tree, vector));
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
    const contributions = rankContributions(featureOrder, vector, byFeature);
    return {
      score,
      approved,
      modelVersion: this.file.modelVersion,
      reasons: approved ? [] : reasonsFrom(contributions),
      topFeatures: contributions.filter((entry) => entry.points > 0).slice(0, 5),
    };
  }

  /** The score of an applicant's request. Protected attributes ride along on the record and are never read. */
  scoreApplicant(applicant: Pick<CreditApplicant, 'incomeBand' | 'history'>, request: CreditRequest, monthlyRate: number = DEFAULT_MONTHLY_RATE): CreditScore {
    return this.score(creditFeatures(applicant, request, monthlyRate));
  }
}

/** Probability (0–1) to the 0–1000 score. */
/** The credit model the service loads; a new version is a new file (scripts/ai-train-credit.ts --version X). */
export const CREDIT_MODEL_URL = new URL('../../models/credit-1.0.0.json', import.meta.url);

export function toScore(probability: number): number {
  return Math.min(1000, Math.max(0, Math.round(probability * 1000)));
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
  const codes = raisedReasons(contributions, featureReasons, minimumReasonPoints).slice(0, maximumReasons);
  return (codes.length > 0 ? codes : (['OVERALL_RISK'] as const)).map(reason);
}
