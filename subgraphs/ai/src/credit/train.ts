// Trains the credit random forest on the synthetic applicants, picks the approval threshold on a
// validation split, and evaluates on a held-out split no choice has seen: discrimination (ROC AUC),
// default rates among approved and refused, the rules it replaces as a baseline, and approval rates
// by protected attribute (which the model never reads) as a fairness check.
//
// Fitting is ml-random-forest's, as for fraud (see ../forest.ts's `compactTree` for why the trees are
// rewritten compactly with node shares from the whole training split).
import { RandomForestClassifier } from 'ml-random-forest';
import { compactTree, evaluateThreshold, rebalancedRows, rocAuc, round4, splitRows, trainerLibrary, type CartNode, type Split, type ThresholdEvaluation } from '../forest.js';
import { mulberry32 } from '../random.js';
import { featureOrder, riskDirection, toFeatureVector, type ProtectedAttributes } from './features.js';
import { CREDIT_MODEL_FORMAT, CreditModel, toScore, type CreditModelFile } from './model.js';
import { hardRuleRefusals } from './rules.js';
import { generateApplicants, type LabelledApplicant } from './synthetic.js';

/** Version of this training procedure, recorded in every model file; bump it when the procedure changes. */
export const creditTrainerVersion = '1.0.0';

export interface CreditTrainingOptions {
  modelVersion: string;
  seed: number;
  /** Applicants generated in all (train 40 %, validation 20 %, held-out 40 %). */
  rows: number;
  trees: number;
  maxDepth: number;
  /** ml-cart stops splitting a node with this many fitted rows or fewer: fewer, noisier leaves would spread through the monotone envelope. */
  minLeafRows: number;
  /** Repaid applicants kept per defaulted one in the pool trees are fitted from, so defaults weigh in the splits. */
  repaidPerDefault: number;
  /** Rows each tree is fitted on, drawn with replacement from that pool: ml-cart's split search is quadratic in rows. */
  rowsPerTree: number;
  /** Share of the features each tree may use. */
  featureShare: number;
  /** Pseudo-rows pulling each node's default share toward its parent's, so small leaves do not jump to 0 or 1. */
  priorRows: number;
  /** The threshold approves as many as it can while the validation default rate among approved stays at or below this. */
  maxApprovedDefaultRate: number;
  trainedAt?: Date;
}

export const defaultCreditTrainingOptions: Omit<CreditTrainingOptions, 'modelVersion'> = {
  seed: 20_260_301,
  rows: 24_000,
  trees: 40,
  maxDepth: 5,
  minLeafRows: 20,
  repaidPerDefault: 1.5,
  rowsPerTree: 400,
  featureShare: 0.7,
  priorRows: 10,
  maxApprovedDefaultRate: 0.05,
};

/** Fewer approved rows than this on validation and the default rate among them says nothing. */
const minimumApprovedRows = 50;
/** Groups smaller than this are reported but left out of the approval-rate gap: their rates are mostly sampling noise. */
export const minimumFairnessGroupRows = 300;

export function splitApplicants(rows: readonly LabelledApplicant[]): Record<Split, LabelledApplicant[]> {
  return splitRows(rows);
}

export interface GroupApproval {
  rows: number;
  approved: number;
  approvalRate: number;
  defaultRate: number;
}

export type ProtectedAttribute = keyof ProtectedAttributes;

export interface FairnessReport {
  /** Approval by each group of each protected attribute. */
  byGroup: { [A in ProtectedAttribute]: Partial<Record<ProtectedAttributes[A], GroupApproval>> };
  /** Largest difference of approval rates between groups of at least `minimumFairnessGroupRows` rows. */
  maxApprovalRateGap: Record<ProtectedAttribute, number>;
}

export interface CreditEvaluationReport {
  rows: number;
  defaultRows: number;
  defaultRate: number;
  rocAuc: number;
  approvalThreshold: number;
  approvalRate: number;
  defaultRateApproved: number;
  defaultRateRefused: number;
  /** Positive = refused (score at or above the threshold): precision is the default rate among refused, recall the share of defaulters refused. */
  refusals: ThresholdEvaluation;
  /** The model with the hard rules (rules.ts) on top, as the offer applies them. */
  withHardRules: { approvalRate: number; defaultRateApproved: number };
  /** The rules alone, as before the model: the baseline it replaces. */
  rulesOnly: { approvalRate: number; defaultRateApproved: number };
  fairness: FairnessReport;
}

export interface CreditTrainingReport {
  modelVersion: string;
  trainerVersion: string;
  trainedAt: string;
  seed: number;
  options: Omit<CreditTrainingOptions, 'trainedAt'>;
  dataset: { rows: number; defaultRows: number; fittedRows: number; splits: Record<Split, number> };
  approvalThreshold: number;
  thresholdRule: string;
  validation: CreditEvaluationReport;
  heldOut: CreditEvaluationReport;
  trainingSeconds: number;
}

const thresholdRule =
  'The highest score threshold (approve below it) whose observed default rate among approved validation applicants stays at or below maxApprovedDefaultRate, with at least 50 approved.';

/**
 * The most approving threshold whose default rate among approved (score < threshold) stays at or
 * below `maxApprovedDefaultRate` on these scores; 1 (approve nobody) when none does.
 */
export function chooseApprovalThreshold(scores: readonly number[], labels: readonly (0 | 1)[], maxApprovedDefaultRate: number): number {
  // Counts per score, then a running sum: one pass instead of one per candidate threshold.
  const rows = new Array<number>(1001).fill(0);
  const defaults = new Array<number>(1001).fill(0);
  scores.forEach((score, index) => {
    rows[score]! += 1;
    defaults[score]! += labels[index]!;
  });
  let best = 1;
  let approved = 0;
  let approvedDefaults = 0;
  for (let threshold = 1; threshold <= 1000; threshold += 1) {
    approved += rows[threshold - 1]!;
    approvedDefaults += defaults[threshold - 1]!;
    if (approved >= minimumApprovedRows && approvedDefaults / approved <= maxApprovedDefaultRate) best = threshold;
  }
  return best;
}

function rates(approvedFlags: readonly boolean[], labels: readonly (0 | 1)[]): { approvalRate: number; defaultRateApproved: number } {
  let approved = 0;
  let approvedDefaults = 0;
  approvedFlags.forEach((flag, index) => {
    if (!flag) return;
    approved += 1;
    approvedDefaults += labels[index]!;
  });
  return { approvalRate: round4(approved / approvedFlags.length), defaultRateApproved: round4(approved === 0 ? 0 : approvedDefaults / approved) };
}

export function fairness(rows: readonly LabelledApplicant[], approvedFlags: readonly boolean[]): FairnessReport {
  const attributes: ProtectedAttribute[] = ['sex', 'ageBand', 'region'];
  const byGroup = { sex: {}, ageBand: {}, region: {} } as FairnessReport['byGroup'];
  const maxApprovalRateGap = { sex: 0, ageBand: 0, region: 0 } as Record<ProtectedAttribute, number>;
  for (const attribute of attributes) {
    const groups = new Map<string, { rows: number; approved: number; defaults: number }>();
    rows.forEach((row, index) => {
      const group = row.protected[attribute];
      const entry = groups.get(group) ?? { rows: 0, approved: 0, defaults: 0 };
      entry.rows += 1;
      entry.approved += approvedFlags[index] ? 1 : 0;
      entry.defaults += row.label;
      groups.set(group, entry);
    });
    const table: Record<string, GroupApproval> = {};
    for (const [group, entry] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
      table[group] = { rows: entry.rows, approved: entry.approved, approvalRate: round4(entry.approved / entry.rows), defaultRate: round4(entry.defaults / entry.rows) };
    }
    (byGroup as Record<ProtectedAttribute, Record<string, GroupApproval>>)[attribute] = table;
    const comparable = Object.values(table).filter((entry) => entry.rows >= minimumFairnessGroupRows).map((entry) => entry.approvalRate);
    maxApprovalRateGap[attribute] = comparable.length < 2 ? 0 : round4(Math.max(...comparable) - Math.min(...comparable));
  }
  return { byGroup, maxApprovalRateGap };
}

export function evaluateCredit(model: CreditModel, rows: readonly LabelledApplicant[]): CreditEvaluationReport {
  const scores = rows.map((row) => toScore(model.probability(toFeatureVector(row.features))));
  const labels = rows.map((row) => row.label);
  const approved = scores.map((score) => score < model.approvalThreshold);
  const refusals = evaluateThreshold(scores, labels, model.approvalThreshold);
  const allowedByRules = rows.map((row) => hardRuleRefusals(row.applicant.history, row.request.financedAmountCentavos).length === 0);
  const defaultRows = labels.filter((label) => label === 1).length;
  const modelRates = rates(approved, labels);
  const c = refusals.confusion;
  return {
    rows: rows.length,
    defaultRows,
    defaultRate: round4(defaultRows / rows.length),
    rocAuc: round4(rocAuc(scores, labels)),
    approvalThreshold: model.approvalThreshold,
    approvalRate: modelRates.approvalRate,
    defaultRateApproved: modelRates.defaultRateApproved,
    defaultRateRefused: round4(c.truePositives + c.falsePositives === 0 ? 0 : c.truePositives / (c.truePositives + c.falsePositives)),
    refusals,
    withHardRules: rates(approved.map((flag, index) => flag && allowedByRules[index]!), labels),
    rulesOnly: rates(allowedByRules, labels),
    fairness: fairness(rows, approved),
  };
}

export function trainCreditModel(options: CreditTrainingOptions): { model: CreditModelFile; report: CreditTrainingReport } {
  const started = performance.now();
  const rows = generateApplicants(options.rows, options.seed);
  const splits = splitApplicants(rows);
  const trainVectors = splits.train.map((row) => toFeatureVector(row.features));
  const trainLabels = splits.train.map((row) => row.label);

  // Every defaulted row, and a seeded sample of repaid ones.
  const random = mulberry32(options.seed ^ 0x5eed);
  const fitted = rebalancedRows(trainLabels, options.repaidPerDefault, random);

  // One forest of one tree per subsample (sklearn's max_samples): the forest's own bagging draws as
  // many rows as it is given, and ml-cart's quadratic split search makes that the whole training cost.
  const trees = Array.from({ length: options.trees }, (_, treeIndex) => {
    const sample = Array.from({ length: Math.min(options.rowsPerTree, fitted.length) }, () => fitted[Math.floor(random() * fitted.length)]!);
    const forest = new RandomForestClassifier({
      nEstimators: 1,
      maxFeatures: options.featureShare,
      replacement: false,
      useSampleBagging: false,
      noOOB: true,
      seed: (options.seed + treeIndex * 7919) | 0,
      treeOptions: { maxDepth: options.maxDepth, minNumSamples: options.minLeafRows, gainThreshold: 0.0001 },
    });
    forest.train(
      sample.map((index) => trainVectors[index]!),
      sample.map((index) => trainLabels[index]!),
    );
    const forestJson = forest.toJSON().baseModel;
    return compactTree(forestJson.estimators[0]!.root as CartNode, forestJson.indexes[0]!, trainVectors, trainLabels, options.priorRows);
  });

  const trainedAt = (options.trainedAt ?? new Date()).toISOString();
  const draft: CreditModelFile = {
    format: CREDIT_MODEL_FORMAT,
    modelVersion: options.modelVersion,
    trainerVersion: creditTrainerVersion,
    trainedAt,
    seed: options.seed,
    featureOrder: [...featureOrder],
    riskDirection: featureOrder.map((name) => riskDirection[name]),
    // Placeholder until chosen on the validation scores below.
    approvalThreshold: 1000,
    training: {
      library: trainerLibrary,
      trees: options.trees,
      maxDepth: options.maxDepth,
      minLeafRows: options.minLeafRows,
      featureShare: options.featureShare,
      repaidPerDefault: options.repaidPerDefault,
      rowsPerTree: options.rowsPerTree,
      priorRows: options.priorRows,
      rows: options.rows,
    },
    trees,
  };
  const unthresholded = CreditModel.fromFile(draft);
  const validationScores = splits.validation.map((row) => toScore(unthresholded.probability(toFeatureVector(row.features))));
  const approvalThreshold = chooseApprovalThreshold(validationScores, splits.validation.map((row) => row.label), options.maxApprovedDefaultRate);
  const model: CreditModelFile = { ...draft, approvalThreshold };
  const loaded = CreditModel.fromFile(model);

  const { trainedAt: _ignored, ...recordedOptions } = options;
  const report: CreditTrainingReport = {
    modelVersion: options.modelVersion,
    trainerVersion: creditTrainerVersion,
    trainedAt,
    seed: options.seed,
    options: recordedOptions,
    dataset: {
      rows: rows.length,
      defaultRows: rows.filter((row) => row.label === 1).length,
      fittedRows: fitted.length,
      splits: { train: splits.train.length, validation: splits.validation.length, heldOut: splits.heldOut.length },
    },
    approvalThreshold,
    thresholdRule,
    validation: evaluateCredit(loaded, splits.validation),
    heldOut: evaluateCredit(loaded, splits.heldOut),
    trainingSeconds: Math.round((performance.now() - started) / 100) / 10,
  };
  return { model, report };
}
