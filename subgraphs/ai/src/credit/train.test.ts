import { describe, expect, it } from '@jest/globals';
import { toFeatureVector } from './features.js';
import { CreditModel } from './model.js';
import { generateApplicants } from './synthetic.js';
import { chooseApprovalThreshold, creditTrainerVersion, defaultCreditTrainingOptions, fairness, trainCreditModel } from './train.js';

describe('training helpers', () => {
  it('choose the most approving threshold that keeps the default rate among approved at the target', () => {
    // 100 applicants scored 0–99 (5 defaults among them), then 100 scored 500–599 (all defaulted).
    const scores = [...Array.from({ length: 100 }, (_, index) => index), ...Array.from({ length: 100 }, (_, index) => 500 + index)];
    const labels = scores.map((score) => (score >= 500 || score % 20 === 19 ? 1 : 0) as 0 | 1);
    const threshold = chooseApprovalThreshold(scores, labels, 0.05);
    expect(threshold).toBeGreaterThanOrEqual(100);
    expect(threshold).toBeLessThanOrEqual(500);
    // Nothing meets a 0 % target with enough approved: approve nobody.
    expect(chooseApprovalThreshold(scores, scores.map(() => 1 as const), 0.05)).toBe(1);
  });

  it('report approval rates by protected group, leaving small groups out of the gap', () => {
    const rows = generateApplicants(2_000, 11);
    const report = fairness(rows, rows.map((_, index) => index % 2 === 0));
    const sexRows = Object.values(report.byGroup.sex).reduce((sum, entry) => sum + entry!.rows, 0);
    expect(sexRows).toBe(2_000);
    expect(report.byGroup.sex.X?.rows ?? 0).toBeLessThan(300);
    expect(report.maxApprovalRateGap.sex).toBeLessThan(0.1);
  });
});

describe('a small training run', () => {
  it('gives a loadable model with its versions, whose contributions add up to its probability', () => {
    const { model, report } = trainCreditModel({
      ...defaultCreditTrainingOptions,
      modelVersion: 'test',
      rows: 4_000,
      trees: 3,
      maxDepth: 4,
      rowsPerTree: 200,
      trainedAt: new Date('2026-01-01T00:00:00Z'),
    });
    const loaded = CreditModel.fromFile(model);
    expect(model.trees).toHaveLength(3);
    expect(model.trainerVersion).toBe(creditTrainerVersion);
    expect(report).toMatchObject({ modelVersion: 'test', trainerVersion: creditTrainerVersion, trainedAt: '2026-01-01T00:00:00.000Z' });
    expect(report.approvalThreshold).toBe(model.approvalThreshold);
    for (const row of generateApplicants(50, 99)) {
      const vector = toFeatureVector(row.features);
      const { bias, byFeature } = loaded.contributions(vector);
      expect(byFeature.reduce((sum, value) => sum + value, bias)).toBeCloseTo(loaded.probability(vector), 9);
    }
  });
});
