// Trains the anti-fraud random forest on the synthetic checkouts, picks the REVIEW and DECLINE
// thresholds on a validation split, and evaluates on a held-out split no choice has seen.
//
// ml-random-forest (ml-cart trees, bagging, per-tree feature subsets) does the fitting. Its own
// JSON round-trips through `RandomForestClassifier.load`, but it repeats every option in every node
// (large), keeps class distributions at the leaves only and scores by hard votes (steps of
// 1/trees); so the trees are re-written compactly with each node's fraud share (see ../forest.ts).
import { RandomForestClassifier } from 'ml-random-forest';
import { compactTree, evaluateThreshold, rebalancedRows, rocAuc, round4, splitRows, trainerLibrary, type CartNode, type Split, type ThresholdEvaluation } from '../forest.js';
import { mulberry32 } from '../random.js';
import { featureOrder, toFeatureVector, type CheckoutFeatures } from './features.js';
import { decide, FraudModel, type Decision, type FraudModelFile } from './model.js';
import { generateCheckouts, type CheckoutPattern, type LabelledCheckout } from './synthetic.js';

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

/** Pseudo-rows pulling each node's fraud share toward its parent's (see `compactTree`); fraud-1.0.0 was trained with one. */
const PRIOR_ROWS = 1;

export function splitCheckouts(rows: readonly LabelledCheckout[]): Record<Split, LabelledCheckout[]> {
  return splitRows(rows);
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

export function trainFraudModel(options: TrainingOptions): { model: FraudModelFile; report: TrainingReport } {
  const started = performance.now();
  const rows = generateCheckouts(options.rows, options.seed);
  const splits = splitCheckouts(rows);
  const trainVectors = splits.train.map((row) => toFeatureVector(row.features));
  const trainLabels = splits.train.map((row) => row.label);

  // Every fraud row, and a seeded sample of legitimate ones.
  const fitted = rebalancedRows(trainLabels, options.legitimatePerFraud, mulberry32(options.seed ^ 0x5eed));
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
  const trees = forestJson.estimators.map((estimator: { root: CartNode }, index: number) => compactTree(estimator.root, forestJson.indexes[index]!, trainVectors, trainLabels, PRIOR_ROWS));

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
