// What the anti-fraud and credit random forests share: the compact tree form the model files keep
// (with its checks and walks), the rewrite of ml-random-forest's trees into it, the train/validation/
// held-out split, threshold metrics, and the helpers that turn a score's contributions into reasons.

/** Recorded in every model file; a test keeps it equal to the pinned dependency. */
export const trainerLibrary = 'ml-random-forest@2.1.0';

/** One tree as parallel arrays indexed by node; node 0 is the root, `feature[i] = -1` marks a leaf. */
export interface CompactTree {
  feature: number[];
  threshold: number[];
  left: number[];
  right: number[];
  /** Share of the positive class (fraud, default) among the training rows that reach the node (0–1). */
  share: number[];
}

/** Children after their parent and inside the tree, so scoring always reaches a leaf; features inside the vector; shares are probabilities. */
export function isWellFormed(tree: CompactTree, features: number): boolean {
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
export function parentsOf(tree: CompactTree): number[] {
  const parents = new Array<number>(tree.feature.length).fill(-1);
  tree.feature.forEach((feature, node) => {
    if (feature < 0) return;
    parents[tree.left[node]!] = node;
    parents[tree.right[node]!] = node;
  });
  return parents;
}

/** The leaf `vector` falls in: left below the threshold, right at or above it. */
export function leafOf(tree: CompactTree, vector: readonly number[]): number {
  let node = 0;
  while (tree.feature[node]! >= 0) {
    node = vector[tree.feature[node]!]! < tree.threshold[node]! ? tree.left[node]! : tree.right[node]!;
  }
  return node;
}

/** The forest's probability: the mean of the share at the leaf `leaf` picks in each tree (finer than hard votes). */
export function meanLeafShare(trees: readonly CompactTree[], leaf: (tree: CompactTree) => number): number {
  let sum = 0;
  for (const tree of trees) sum += tree.share[leaf(tree)]!;
  return sum / trees.length;
}

/** The model's input vector, in `order`. Throws on a missing or non-finite feature rather than guess it. */
export function toVector<Name extends string>(order: readonly Name[], features: Readonly<Record<Name, number>>): number[] {
  return order.map((name) => {
    const value = features[name];
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new TypeError(`Feature ${name} must be a finite number, got ${String(value)}`);
    }
    return value;
  });
}

/** ml-cart's node as its JSON has it: a split node has both children, a leaf has neither. */
export interface CartNode {
  splitColumn?: number;
  splitValue?: number;
  left?: CartNode;
  right?: CartNode;
}

/**
 * One fitted tree in compact form. ml-random-forest's own JSON repeats every option in every node,
 * keeps class distributions at the leaves only and scores by hard votes; so node shares are recounted
 * here from the whole training split (not the rebalanced fitting sample), which puts the mean of leaf
 * shares at the real base rate, and each share is pulled toward its parent's by `priorRows`
 * pseudo-rows, so small leaves do not jump to 0 or 1. `featureIndexes` maps the tree's columns (its
 * feature subset) back to the vector's.
 */
export function compactTree(root: CartNode, featureIndexes: readonly number[], vectors: readonly number[][], labels: readonly (0 | 1)[], priorRows: number): CompactTree {
  const tree: CompactTree = { feature: [], threshold: [], left: [], right: [], share: [] };
  const visit = (node: CartNode, rows: readonly number[], parentShare: number): number => {
    const id = tree.feature.length;
    const positives = rows.reduce((sum, row) => sum + labels[row]!, 0);
    const share = (positives + priorRows * parentShare) / (rows.length + priorRows);
    tree.share.push(round4(share));
    tree.feature.push(-1);
    tree.threshold.push(0);
    tree.left.push(-1);
    tree.right.push(-1);
    if (node.left === undefined || node.right === undefined || node.splitColumn === undefined || node.splitValue === undefined) return id;
    const feature = featureIndexes[node.splitColumn]!;
    const threshold = node.splitValue;
    tree.feature[id] = feature;
    tree.threshold[id] = threshold;
    tree.left[id] = visit(node.left, rows.filter((row) => vectors[row]![feature]! < threshold), share);
    tree.right[id] = visit(node.right, rows.filter((row) => vectors[row]![feature]! >= threshold), share);
    return id;
  };
  const baseRate = labels.reduce<number>((sum, label) => sum + label, 0) / labels.length;
  visit(root, labels.map((_, index) => index), baseRate);
  return tree;
}

/**
 * The indexes of every positive row and of a seeded sample of negative ones, about
 * `negativesPerPositive` per positive: ml-cart's split search is quadratic in rows, and the rare
 * class needs weight. Draws `random()` once per negative row, in order.
 */
export function rebalancedRows(labels: readonly (0 | 1)[], negativesPerPositive: number, random: () => number): number[] {
  const positives = labels.filter((label) => label === 1).length;
  const keepNegative = Math.min(1, (positives * negativesPerPositive) / (labels.length - positives));
  return labels.map((_, index) => index).filter((index) => labels[index] === 1 || random() < keepNegative);
}

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

export function splitRows<Row>(rows: readonly Row[]): Record<Split, Row[]> {
  const splits: Record<Split, Row[]> = { train: [], validation: [], heldOut: [] };
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
  /** Share of all rows at or above the threshold. */
  flaggedShare: number;
  confusion: ConfusionMatrix;
}

/** ROC AUC as the probability that a random positive outscores a random negative row (ties count half). */
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

/** Rows scored at or above `threshold` count as flagged (predicted positive). */
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

export interface FeatureContribution<Name extends string = string> {
  feature: Name;
  value: number;
  /** How many score points (of 1000) this feature added (+) or removed (−) for this row. */
  points: number;
}

/** Each feature's share of the probability (`byFeature`, in `order`) as score points, strongest first. */
export function rankContributions<Name extends string>(order: readonly Name[], vector: readonly number[], byFeature: readonly number[]): FeatureContribution<Name>[] {
  return order.map((feature, index) => ({ feature, value: vector[index]!, points: round1(byFeature[index]! * 1000) })).sort((a, b) => b.points - a.points);
}

/** A stable reason code and its text for people; each model keeps its own table of codes. */
export interface CodedReason<Code extends string> {
  code: Code;
  /** pt-BR text for people. */
  text: string;
}

export function reasonLookup<Code extends string>(texts: Readonly<Record<Code, string>>): (code: Code) => CodedReason<Code> {
  return (code) => ({ code, text: texts[code] });
}

/** Features grouped by the reason they speak for: the codes whose summed points reach `minimumPoints`, strongest first. */
export function raisedReasons<Name extends string, Code extends string>(contributions: readonly FeatureContribution<Name>[], featureReasons: Readonly<Record<Name, Code>>, minimumPoints: number): Code[] {
  const points = new Map<Code, number>();
  for (const { feature, points: value } of contributions) {
    const code = featureReasons[feature];
    points.set(code, (points.get(code) ?? 0) + value);
  }
  return [...points].filter(([, value]) => value >= minimumPoints).sort((a, b) => b[1] - a[1]).map(([code]) => code);
}

export function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

export function round4(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
