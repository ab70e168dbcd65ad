import { describe, expect, it } from '@jest/globals';
import { RandomForestClassifier } from 'ml-random-forest';
import { readFile } from 'node:fs/promises';
import { evaluateThreshold, rocAuc, trainerLibrary } from '../forest.js';
import { toFeatureVector } from './features.js';
import { FraudModel } from './model.js';
import { generateCheckouts } from './synthetic.js';
import { chooseThresholds, defaultTrainingOptions, trainFraudModel } from './train.js';

describe('training helpers', () => {
  it('compute ROC AUC with ties counted half', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75);
    expect(rocAuc([1, 1, 1, 1], [0, 1, 0, 1])).toBeCloseTo(0.5);
    expect(rocAuc([1, 2, 3, 4], [0, 0, 1, 1])).toBe(1);
  });

  it('count a confusion matrix at a threshold', () => {
    expect(evaluateThreshold([100, 600, 900, 950], [0, 0, 1, 1], 600)).toMatchObject({
      precision: 0.6667,
      recall: 1,
      confusion: { truePositives: 2, falsePositives: 1, trueNegatives: 1, falseNegatives: 0 },
    });
  });

  it('put DECLINE where precision holds and REVIEW below it', () => {
    const scores = [...Array.from({ length: 100 }, (_, index) => index), ...Array.from({ length: 20 }, (_, index) => 500 + index * 20)];
    const labels = [...Array.from({ length: 100 }, () => 0 as const), ...Array.from({ length: 20 }, () => 1 as const)];
    const thresholds = chooseThresholds(scores, labels, { declinePrecision: 0.95, reviewPrecision: 0.3, maximumReviewShare: 0.5 });
    expect(thresholds.decline).toBeLessThanOrEqual(500);
    expect(thresholds.review).toBeLessThan(thresholds.decline);
  });
});

describe('ml-random-forest, as train.ts relies on it', () => {
  // Why the model file keeps its own trees with node shares: the library scores by hard votes (steps of
  // 1/trees), and 2.1.0's predictProbability drops the first tree's vote (its reduce starts from that
  // vote instead of 0). The last assertion fails when an upgrade fixes that: then revisit.
  it('round-trips through its JSON, and its probability is a vote count missing the first tree', () => {
    const rows = generateCheckouts(1_500, 5);
    const vectors = rows.map((row) => toFeatureVector(row.features));
    const forest = new RandomForestClassifier({ nEstimators: 4, seed: 1, maxFeatures: 0.7, replacement: false, noOOB: true, treeOptions: { maxDepth: 4 } });
    forest.train(vectors, rows.map((row) => row.label));
    const reloaded = RandomForestClassifier.load(JSON.parse(JSON.stringify(forest.toJSON())));
    const probabilities = forest.predictProbability(vectors.slice(0, 200), 1);
    expect(reloaded.predictProbability(vectors.slice(0, 200), 1)).toEqual(probabilities);
    const votes = forest.predictionValues(vectors.slice(0, 200)).to2DArray();
    const withoutFirstTree = votes.map((row) => Math.round((row.slice(1).filter((vote) => vote === 1).length / 4 + row[0]! / 1e6) * 1e6) / 1e6);
    expect(probabilities).toEqual(withoutFirstTree);
  });
});

describe('a small training run', () => {
  it('records the trainer library at the version the package pins', async () => {
    const manifest = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> };
    expect(trainerLibrary).toBe(`ml-random-forest@${manifest.dependencies['ml-random-forest']}`);
  });

  it('gives a loadable model whose contributions add up to its probability', () => {
    const { model, report } = trainFraudModel({ ...defaultTrainingOptions, modelVersion: 'test', rows: 3_000, trees: 2, maxDepth: 4, trainedAt: new Date('2026-01-01T00:00:00Z') });
    const loaded = FraudModel.fromFile(model);
    expect(model.trees).toHaveLength(2);
    expect(report.trainedAt).toBe('2026-01-01T00:00:00.000Z');
    for (const row of generateCheckouts(50, 99)) {
      const vector = toFeatureVector(row.features);
      const { bias, byFeature } = loaded.contributions(vector);
      expect(byFeature.reduce((sum, value) => sum + value, bias)).toBeCloseTo(loaded.probability(vector), 9);
    }
  });

  it('fits the platform labels (reviews, disputes) and reports them, skipping those scored on other features', () => {
    const options = { ...defaultTrainingOptions, modelVersion: 'test', rows: 3_000, trees: 6, maxDepth: 6, trainedAt: new Date('2026-01-01T00:00:00Z') };
    // An honest-looking checkout the back office found to be fraud, again and again.
    const honest = generateCheckouts(200, 7).find((row) => row.label === 0)!.features;
    const vector = toFeatureVector(honest);
    const before = FraudModel.fromFile(trainFraudModel(options).model).probability(vector);
    const { model, report } = trainFraudModel({ ...options, platformLabels: [...Array.from({ length: 30 }, () => ({ features: honest, label: 1 as const })), { features: { accountAgeDays: 3 }, label: 1 }] });
    expect(report.dataset.platformLabels).toEqual({ used: 30, fraud: 30, skipped: 1 });
    expect(report.options).not.toHaveProperty('platformLabels');
    expect(FraudModel.fromFile(model).probability(vector)).toBeGreaterThan(before);
  });
});
