import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { assessCheckout } from './assess.js';
import { cardTestingBurst, newAccountFarAboveNorm, ordinaryCheckout } from './checkout-fixtures.js';
import { featureOrder, toFeatureVector } from './features.js';
import { FraudModel, type FraudModelFile } from './model.js';
import { reasonTexts } from './reasons.js';
import { generateCheckouts } from './synthetic.js';
import { evaluate, splitCheckouts, type TrainingReport } from './train.js';

// The committed model: what `npm start` loads. Retrain with `npm run ai:train` and update the version here.
const modelVersion = '1.0.0';
const modelUrl = new URL(`../../models/fraud-${modelVersion}.json`, import.meta.url);
const reportUrl = new URL(`../../models/fraud-${modelVersion}.report.json`, import.meta.url);

const model = await FraudModel.load(modelUrl);
const report = JSON.parse(await readFile(reportUrl, 'utf8')) as TrainingReport;

describe('the committed fraud model', () => {
  it('loads with its version, the feature order of features.ts and REVIEW below DECLINE', () => {
    expect(model.version).toBe(modelVersion);
    expect(model.file.featureOrder).toEqual([...featureOrder]);
    expect(model.thresholds.review).toBeLessThan(model.thresholds.decline);
    expect(report.modelVersion).toBe(modelVersion);
  });

  it('refuses a file trained on other features, or with a broken tree or thresholds', () => {
    const file: FraudModelFile = { ...model.file, featureOrder: [...featureOrder].reverse() };
    expect(() => FraudModel.fromFile(file)).toThrow(/other features/);
    const [first, ...rest] = model.file.trees;
    const looping = { ...first!, left: first!.left.map((child) => (child > 0 ? 0 : child)) };
    expect(() => FraudModel.fromFile({ ...model.file, trees: [looping, ...rest] })).toThrow(/malformed/);
    expect(() => FraudModel.fromFile({ ...model.file, thresholds: { review: 500, decline: 400 } })).toThrow(/out of order/);
  });

  it("approves an ordinary patient's checkout", () => {
    const assessment = assessCheckout(model, ordinaryCheckout());
    expect(assessment).toMatchObject({ decision: 'APPROVE', modelVersion, rulesFired: [] });
    expect(assessment.score).toBeLessThan(model.thresholds.review);
  });

  it('declines a card-testing burst, saying why', () => {
    const assessment = assessCheckout(model, cardTestingBurst());
    expect(assessment.decision).toBe('DECLINE');
    expect(assessment.modelScore).toBeGreaterThanOrEqual(model.thresholds.decline);
    expect(assessment.reasons.map((entry) => entry.code)).toContain('MANY_DECLINES_DEVICE');
    expect(model.assess(cardTestingBurst()).reasons.map((entry) => entry.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(MANY_DECLINES_DEVICE|VELOCITY_CPF_24H|VELOCITY_IP)$/)]),
    );
  });

  it('holds a new account paying far above the clinic norm', () => {
    const assessment = assessCheckout(model, newAccountFarAboveNorm());
    expect(['REVIEW', 'DECLINE']).toContain(assessment.decision);
    expect(assessment.reasons.map((entry) => entry.code)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^(NEW_ACCOUNT_HIGH_TICKET|TICKET_FAR_ABOVE_CLINIC_NORM)$/)]),
    );
    // The model alone sees it too, not only the rule.
    expect(model.assess(newAccountFarAboveNorm()).decision).not.toBe('APPROVE');
  });

  it('explains with contributions that add up to the score, and pt-BR texts from the one table', () => {
    const features = newAccountFarAboveNorm();
    const { bias, byFeature } = model.contributions(toFeatureVector(features));
    const total = byFeature.reduce((sum, value) => sum + value, bias);
    expect(total).toBeCloseTo(model.probability(toFeatureVector(features)), 6);
    const assessment = model.assess(features);
    expect(assessment.topFeatures.length).toBeGreaterThan(0);
    for (const entry of assessment.reasons) expect(entry.text).toBe(reasonTexts[entry.code]);
  });

  it('has a held-out ROC AUC of at least 0.9 in its report', () => {
    expect(report.heldOut.rocAuc).toBeGreaterThanOrEqual(0.9);
    expect(report.thresholds).toEqual(model.thresholds);
  });

  it('scores the same on the held-out split generated again from its seed', () => {
    const heldOut = splitCheckouts(generateCheckouts(report.dataset.rows, model.file.seed)).heldOut;
    const evaluation = evaluate(model, heldOut);
    expect(evaluation.rows).toBe(report.heldOut.rows);
    expect(Math.abs(evaluation.rocAuc - report.heldOut.rocAuc)).toBeLessThanOrEqual(0.01);
    expect(evaluation.decline.confusion).toEqual(report.heldOut.decline.confusion);
  });
});
