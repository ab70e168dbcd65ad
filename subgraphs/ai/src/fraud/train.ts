// Trains the anti-fraud random forest on the synthetic checkouts, picks the REVIEW and DECLINE
// thresholds on a validation split, and evaluates on a held-out split no choice has seen.
//
// ml-random-forest (ml-cart trees, bagging, per-tree feature subsets) does the fitting. Its own
// JSON round-trips through `RandomForestClassifier.load`, but it repeats every option in every node
// (large), keeps class distributions at the leaves only and scores by hard votes (steps of
// 1/trees); so the trees are re-written compactly with each node's fraud share (see model.ts).
import { RandomForestClassifier } from 'ml-random-forest';
import { featureOrder, toFeatureVector, type CheckoutFeatures } from './features.js';
import { decide, FraudModel, type CompactTree, type Decision, type FraudModelFile } from './model.js';
import { generateCheckouts, mulberry32, type CheckoutPattern, type LabelledCheckout } from './synthetic.js';

export interface TrainingOptions {
  modelVersion: string;
  seed: number;
  /** Checkouts generated in all (train 40 %, validation 20 %, held-out 40 %). */
  rows: number;
  trees: number;
  maxDepth: number;
  /** Legitimate checkouts kept per fraud one when fitting: ml-cart's split search is quadratic in rows, and the rare class needs weight. */
  legitimatePerFraud: number;
  /** Share of the features each tree may use. */
  featureShare: number;
  /** Precision on validation the DECLINE threshold must reach: declining an honest patient is costly. */
  declinePrecision: number;
  /** Precision on validation the REVIEW threshold must keep: an analyst may look at a few honest checkouts per fraud caught. */
  reviewPrecision: number;
  /** REVIEW never flags more than this share of checkouts (review or decline), whatever the precision. */
  maximumReviewShare: number;
  /** Checkouts of the platform whose fraud is known (reviews, disputes): fitted with the synthetic ones, PLATFORM_LABEL_WEIGHT times each. */
  platformLabels?: readonly PlatformLabel[];
  trainedAt?: Date;
}

/** A real checkout's features as scored, and what became of it (payments' fraudLabels). */
export interface PlatformLabel {
  features: Record<string, number>;
  label: 0 | 1;
}

/**
 * How many synthetic rows one platform label weighs (it is fitted this many times): few, but real —
 * and the analyst's word. Not evaluated on: the held-out figures stay comparable between versions.
 */
export const PLATFORM_LABEL_WEIGHT = 10;

export const defaultTrainingOptions: Omit<TrainingOptions, 'modelVersion'> = {
  seed: 20_261_205,
  rows: 30_000,
  trees: 24,
  maxDepth: 8,
  legitimatePerFraud: 4,
  featureShare: 0.7,
  declinePrecision: 0.95,
  reviewPrecision: 0.3,
  maximumReviewShare: 0.06,
};

/** Recorded in every model file; a test keeps it equal to the pinned dependency. */
export const trainerLibrary = 'ml-random-forest@2.1.0';

export type Split = 'train' | 'validation' | 'heldOut';

/**
 * Rows are independent draws, so a split by position is as good as a shuffled one and needs no state.
 * Fitting cost grows with the square of the fitted rows, so the held-out split gets the rows that buy
 * steadier figures (fraud is rare: 20 % of 20,000 held only ~140 frauds).
 */
export function splitOf(index: number): Split {
  const slot = index % 5;
  return slot < 2 ? 'train' : slot === 2 ? 'validation' : 'heldOut';
}

export function splitCheckouts(rows: readonly LabelledCheckout[]): Record<Split, LabelledCheckout[]> {
  const splits: Record<Split, LabelledCheckout[]> = { train: [], validation: [], heldOut: [] };
  rows.forEach((row, index) => splits[splitOf(index)].push(row));
  return splits;
}

export interface ConfusionMatrix {
  truePositives: number;
  falsePositives: number;
  trueNegatives: number;
  falseNegatives: number;
}

export interface ThresholdEvaluation {
  threshold: number;
  precision: number;
  recall: number;
  /** Share of all checkouts at or above the threshold. */
  flaggedShare: number;
  confusion: ConfusionMatrix;
}

export interface EvaluationReport {
  rows: number;
  fraudRows: number;
  rocAuc: number;
  /** Fraud share scored at or above REVIEW (review or decline), per fraud pattern. */
  recallByPattern: Partial<Record<CheckoutPattern, { rows: number; flagged: number; recall: number }>>;
  /** Legitimate checkouts per decision. */
  legitimateDecisions: Record<Decision, number>;
  review: ThresholdEvaluation;
  decline: ThresholdEvaluation;
}

export interface TrainingReport {
  modelVersion: string;
  trainedAt: string;
  seed: number;
  options: Omit<TrainingOptions, 'trainedAt' | 'platformLabels'>;
  dataset: { rows: number; fraudRows: number; fittedRows: number; splits: Record<Split, number>; platformLabels: { used: number; fraud: number; skipped: number } };
  thresholds: FraudModelFile['thresholds'];
  validation: EvaluationReport;
  heldOut: EvaluationReport;
  trainingSeconds: number;
}

/** ROC AUC as the probability that a random fraud outscores a random legitimate checkout (ties count half). */
export function rocAuc(scores: readonly number[], labels: readonly (0 | 1)[]): number {
  const order = scores.map((score, index) => ({ score, label: labels[index]! })).sort((a, b) => a.score - b.score);
  let rankSumPositives = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && order[end]!.score === order[start]!.score) end += 1;
    const averageRank = (start + 1 + end) / 2;
    for (let index = start; index < end; index += 1) {
      if (order[index]!.label === 1) {
        rankSumPositives += averageRank;
        positives += 1;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSumPositives - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export function evaluateThreshold(scores: readonly number[], labels: readonly (0 | 1)[], threshold: number): ThresholdEvaluation {
  const confusion: ConfusionMatrix = { truePositives: 0, falsePositives: 0, trueNegatives: 0, falseNegatives: 0 };
  scores.forEach((score, index) => {
    const flagged = score >= threshold;
    if (labels[index] === 1) confusion[flagged ? 'truePositives' : 'falseNegatives'] += 1;
    else confusion[flagged ? 'falsePositives' : 'trueNegatives'] += 1;
  });
  const flagged = confusion.truePositives + confusion.falsePositives;
  const positives = confusion.truePositives + confusion.falseNegatives;
  return {
    threshold,
    precision: round4(flagged === 0 ? 1 : confusion.truePositives / flagged),
    recall: round4(positives === 0 ? 1 : confusion.truePositives / positives),
    flaggedShare: round4(flagged / scores.length),
    confusion,
  };
}

/**
 * DECLINE: the lowest score from which precision stays at `declinePrecision` all the way up.
 * REVIEW: below DECLINE, the lowest score from which precision stays at `reviewPrecision` and no
 * more than `maximumReviewShare` of checkouts are flagged.
 */
export function chooseThresholds(
  scores: readonly number[],
  labels: readonly (0 | 1)[],
  options: Pick<TrainingOptions, 'declinePrecision' | 'reviewPrecision' | 'maximumReviewShare'>,
): FraudModelFile['thresholds'] {
  let decline = 1000;
  for (let threshold = 1000; threshold >= 1; threshold -= 1) {
    const evaluation = evaluateThreshold(scores, labels, threshold);
    if (evaluation.confusion.truePositives + evaluation.confusion.falsePositives < 10) continue;
    if (evaluation.precision < options.declinePrecision) break;
    decline = threshold;
  }
  let review = decline - 1;
  for (let threshold = decline - 1; threshold >= 1; threshold -= 1) {
    const evaluation = evaluateThreshold(scores, labels, threshold);
    if (evaluation.flaggedShare > options.maximumReviewShare || evaluation.precision < options.reviewPrecision) break;
    review = threshold;
  }
  return { review, decline };
}

export function evaluate(model: FraudModel, rows: readonly LabelledCheckout[]): EvaluationReport {
  const scores = rows.map((row) => Math.round(model.probability(toFeatureVector(row.features)) * 1000));
  const labels = rows.map((row) => row.label);
  const recallByPattern: EvaluationReport['recallByPattern'] = {};
  const legitimateDecisions: Record<Decision, number> = { APPROVE: 0, REVIEW: 0, DECLINE: 0 };
  rows.forEach((row, index) => {
    const decision = decide(scores[index]!, model.thresholds);
    if (row.label === 0) {
      legitimateDecisions[decision] += 1;
      return;
    }
    const entry = (recallByPattern[row.pattern] ??= { rows: 0, flagged: 0, recall: 0 });
    entry.rows += 1;
    if (decision !== 'APPROVE') entry.flagged += 1;
    entry.recall = round4(entry.flagged / entry.rows);
  });
  return {
    rows: rows.length,
    fraudRows: labels.filter((label) => label === 1).length,
    rocAuc: round4(rocAuc(scores, labels)),
    recallByPattern,
    legitimateDecisions,
    review: evaluateThreshold(scores, labels, model.thresholds.review),
    decline: evaluateThreshold(scores, labels, model.thresholds.decline),
  };
}

/** ml-cart's node as its JSON has it: a split node has both children, a leaf has neither. */
interface CartNode {
  splitColumn?: number;
  splitValue?: number;
  left?: CartNode;
  right?: CartNode;
}

/**
 * One fitted tree in compact form. Node shares come from the whole training split, not the
 * rebalanced fitting sample, so the mean of leaf shares is a fraud probability at the real base
 * rate; each share is pulled toward its parent's by one pseudo-row, so tiny leaves do not jump to 0 or 1.
 */
function compactTree(root: CartNode, featureIndexes: readonly number[], vectors: readonly number[][], labels: readonly (0 | 1)[]): CompactTree {
  const tree: CompactTree = { feature: [], threshold: [], left: [], right: [], share: [] };
  const visit = (node: CartNode, rows: readonly number[], parentShare: number): number => {
    const id = tree.feature.length;
    const frauds = rows.reduce((sum, row) => sum + labels[row]!, 0);
    const share = (frauds + parentShare) / (rows.length + 1);
    tree.share.push(round4(share));
    const isSplit = node.left !== undefined && node.right !== undefined && node.splitColumn !== undefined && node.splitValue !== undefined;
    if (!isSplit) {
      tree.feature.push(-1);
      tree.threshold.push(0);
      tree.left.push(-1);
      tree.right.push(-1);
      return id;
    }
    const feature = featureIndexes[node.splitColumn!]!;
    const threshold = node.splitValue!;
    tree.feature.push(feature);
    tree.threshold.push(threshold);
    tree.left.push(-1);
    tree.right.push(-1);
    const lesser = rows.filter((row) => vectors[row]![feature]! < threshold);
    const greater = rows.filter((row) => vectors[row]![feature]! >= threshold);
    tree.left[id] = visit(node.left!, lesser, share);
    tree.right[id] = visit(node.right!, greater, share);
    return id;
  };
  const baseRate = labels.reduce<number>((sum, label) => sum + label, 0) / labels.length;
  visit(root, labels.map((_, index) => index), baseRate);
  return tree;
}

export function trainFraudModel(options: TrainingOptions): { model: FraudModelFile; report: TrainingReport } {
  const started = performance.now();
  const rows = generateCheckouts(options.rows, options.seed);
  const splits = splitCheckouts(rows);
  const trainVectors = splits.train.map((row) => toFeatureVector(row.features));
  const trainLabels = splits.train.map((row) => row.label);

  // Every fraud row, and a seeded sample of legitimate ones.
  const fraudCount = trainLabels.filter((label) => label === 1).length;
  const keepLegitimate = Math.min(1, (fraudCount * options.legitimatePerFraud) / (trainLabels.length - fraudCount));
  const random = mulberry32(options.seed ^ 0x5eed);
  const fitted = trainLabels.map((_, index) => index).filter((index) => trainLabels[index] === 1 || random() < keepLegitimate);
  // Labels scored on other features (another model version's) cannot be fitted: counted, skipped.
  const platform = (options.platformLabels ?? []).flatMap((row) => (featureOrder.every((name) => Number.isFinite(row.features[name])) ? [{ vector: toFeatureVector(row.features as CheckoutFeatures), label: row.label }] : []));
  for (const row of platform) {
    trainVectors.push(row.vector);
    trainLabels.push(row.label);
    for (let copy = 0; copy < PLATFORM_LABEL_WEIGHT; copy += 1) fitted.push(trainVectors.length - 1);
  }

  const forest = new RandomForestClassifier({
    nEstimators: options.trees,
    maxFeatures: options.featureShare,
    replacement: false,
    useSampleBagging: true,
    noOOB: true,
    seed: options.seed,
    treeOptions: { maxDepth: options.maxDepth, minNumSamples: 3, gainThreshold: 0.0001 },
  });
  forest.train(
    fitted.map((index) => trainVectors[index]!),
    fitted.map((index) => trainLabels[index]!),
  );
  const forestJson = forest.toJSON().baseModel;
  const trees = forestJson.estimators.map((estimator: { root: CartNode }, index: number) => compactTree(estimator.root, forestJson.indexes[index]!, trainVectors, trainLabels));

  const trainedAt = (options.trainedAt ?? new Date()).toISOString();
  const draft: FraudModelFile = {
    format: 'medpay-fraud-forest/1',
    modelVersion: options.modelVersion,
    trainedAt,
    seed: options.seed,
    featureOrder: [...featureOrder],
    // Placeholders until chosen on the validation scores below.
    thresholds: { review: 500, decline: 900 },
    training: { library: trainerLibrary, trees: options.trees, maxDepth: options.maxDepth, featureShare: options.featureShare, legitimatePerFraud: options.legitimatePerFraud, rows: options.rows },
    trees,
  };
  const unthresholded = FraudModel.fromFile(draft);
  const validationScores = splits.validation.map((row) => Math.round(unthresholded.probability(toFeatureVector(row.features)) * 1000));
  const thresholds = chooseThresholds(validationScores, splits.validation.map((row) => row.label), options);
  const model: FraudModelFile = { ...draft, thresholds };
  const loaded = FraudModel.fromFile(model);

  const { trainedAt: _ignored, platformLabels: _counted, ...recordedOptions } = options;
  const report: TrainingReport = {
    modelVersion: options.modelVersion,
    trainedAt,
    seed: options.seed,
    options: recordedOptions,
    dataset: {
      rows: rows.length,
      fraudRows: rows.filter((row) => row.label === 1).length,
      fittedRows: fitted.length,
      splits: { train: splits.train.length, validation: splits.validation.length, heldOut: splits.heldOut.length },
      platformLabels: { used: platform.length, fraud: platform.filter((row) => row.label === 1).length, skipped: (options.platformLabels?.length ?? 0) - platform.length },
    },
    thresholds,
    validation: evaluate(loaded, splits.validation),
    heldOut: evaluate(loaded, splits.heldOut),
    trainingSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  return { model, report };
}

function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
