import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { mulberry32 } from '../random.js';
import { featureOrder, riskDirection, toFeatureVector, type CreditApplicant, type CreditFeatures, type ProtectedAttributes } from './features.js';
import { CreditModel, type CreditModelFile } from './model.js';
import { creditOffer } from './offer.js';
import { reasonTexts } from './reasons.js';
import { generateApplicants, installmentOptions } from './synthetic.js';
import { evaluateCredit, splitApplicants, type CreditTrainingReport } from './train.js';

// The committed model. Retrain with `npx tsx scripts/ai-train-credit.ts` and update the version here.
const modelVersion = '1.0.0';
const modelUrl = new URL(`../../models/credit-${modelVersion}.json`, import.meta.url);
const reportUrl = new URL(`../../models/credit-${modelVersion}.report.json`, import.meta.url);

const model = await CreditModel.load(modelUrl);
const report = JSON.parse(await readFile(reportUrl, 'utf8')) as CreditTrainingReport;
const applicants = generateApplicants(300, 4_242);

describe('the committed credit model', () => {
  it('loads with its versions, the feature order of features.ts and its threshold', () => {
    expect(model.version).toBe(modelVersion);
    expect(model.file.featureOrder).toEqual([...featureOrder]);
    expect(model.file.trainerVersion).toBe(report.trainerVersion);
    expect(model.approvalThreshold).toBe(report.approvalThreshold);
    expect(JSON.stringify(model.file).length).toBeLessThan(100_000);
  });

  it('scores the same after a round trip through its JSON', () => {
    const copy = CreditModel.fromFile(JSON.parse(JSON.stringify(model.file)) as CreditModelFile);
    for (const row of applicants.slice(0, 100)) expect(copy.score(row.features)).toEqual(model.score(row.features));
  });

  it('refuses a tampered file: other features, other risk directions, a broken tree, a threshold out of range', () => {
    expect(() => CreditModel.fromFile({ ...model.file, featureOrder: [...featureOrder].reverse() })).toThrow(/other features/);
    expect(() => CreditModel.fromFile({ ...model.file, featureOrder: featureOrder.slice(1) })).toThrow(/other features/);
    expect(() => CreditModel.fromFile({ ...model.file, riskDirection: model.file.riskDirection.map((value) => -value) })).toThrow(/risk directions/);
    const [first, ...rest] = model.file.trees;
    const looping = { ...first!, left: first!.left.map((child) => (child > 0 ? 0 : child)) };
    expect(() => CreditModel.fromFile({ ...model.file, trees: [looping, ...rest] })).toThrow(/malformed/);
    const unknownFeature = { ...first!, feature: first!.feature.map((feature) => (feature >= 0 ? featureOrder.length : feature)) };
    expect(() => CreditModel.fromFile({ ...model.file, trees: [unknownFeature, ...rest] })).toThrow(/malformed/);
    const badShare = { ...first!, share: first!.share.map(() => 2) };
    expect(() => CreditModel.fromFile({ ...model.file, trees: [badShare, ...rest] })).toThrow(/malformed/);
    expect(() => CreditModel.fromFile({ ...model.file, trees: [] })).toThrow(/no trees/);
    expect(() => CreditModel.fromFile({ ...model.file, approvalThreshold: 0 })).toThrow(/out of range/);
  });

  it('has a held-out ROC AUC of at least 0.75, and keeps defaults among approved near the 5 % target', () => {
    expect(report.heldOut.rocAuc).toBeGreaterThanOrEqual(0.75);
    expect(report.heldOut.defaultRateApproved).toBeLessThanOrEqual(0.06);
    expect(report.heldOut.defaultRateRefused).toBeGreaterThan(report.heldOut.defaultRate);
  });

  it('scores the same on the held-out split generated again from its seed', () => {
    const heldOut = splitApplicants(generateApplicants(report.dataset.rows, model.file.seed)).heldOut;
    const evaluation = evaluateCredit(model, heldOut);
    expect(evaluation.rows).toBe(report.heldOut.rows);
    expect(evaluation.rocAuc).toBe(report.heldOut.rocAuc);
    expect(evaluation.refusals.confusion).toEqual(report.heldOut.refusals.confusion);
  });

  it('approves at close rates across protected groups of the held-out split', () => {
    for (const gap of Object.values(report.heldOut.fairness.maxApprovalRateGap)) expect(gap).toBeLessThan(0.05);
  });

  it('explains with contributions that add up to the score, and refusals with pt-BR reasons from the one table', () => {
    let refusals = 0;
    for (const row of applicants) {
      const vector = toFeatureVector(row.features);
      const { bias, byFeature } = model.contributions(vector);
      expect(byFeature.reduce((sum, value) => sum + value, bias)).toBeCloseTo(model.probability(vector), 9);
      const scored = model.score(row.features);
      expect(scored.approved).toBe(scored.score < model.approvalThreshold);
      if (scored.approved) {
        expect(scored.reasons).toEqual([]);
      } else {
        refusals += 1;
        expect(scored.reasons.length).toBeGreaterThan(0);
        for (const entry of scored.reasons) expect(entry.text).toBe(reasonTexts[entry.code]);
      }
    }
    expect(refusals).toBeGreaterThan(0);
  });

  it('never scores a request better when any feature moves toward more risk', () => {
    const random = mulberry32(77);
    const violations: string[] = [];
    for (const row of applicants) {
      const base = model.score(row.features).score;
      for (const name of featureOrder) {
        const worse: CreditFeatures = { ...row.features };
        const step = Math.max(1, Math.abs(worse[name]) * random());
        worse[name] = riskDirection[name] === 1 ? worse[name] + step : Math.max(0, worse[name] - step);
        if (model.score(worse).score < base) violations.push(`${name}: ${JSON.stringify(row.features)}`);
      }
    }
    expect(violations).toEqual([]);
  });
});

describe('protected attributes', () => {
  const sexes: ProtectedAttributes['sex'][] = ['F', 'M', 'X'];
  const ageBands: ProtectedAttributes['ageBand'][] = ['18-24', '25-34', '35-49', '50-64', '65+'];
  const regions: ProtectedAttributes['region'][] = ['N', 'NE', 'CO', 'SE', 'S'];
  const variants = (original: ProtectedAttributes): ProtectedAttributes[] => [
    ...sexes.map((sex) => ({ ...original, sex })),
    ...ageBands.map((ageBand) => ({ ...original, ageBand })),
    ...regions.map((region) => ({ ...original, region })),
  ];

  it('never change the score: changing only sex, age band or region leaves it exactly the same', () => {
    for (const row of applicants) {
      const expected = model.scoreApplicant(row.applicant, row.request);
      for (const attributes of variants(row.applicant.protected)) {
        const applicant: CreditApplicant = { ...row.applicant, protected: attributes };
        expect(model.scoreApplicant(applicant, row.request)).toEqual(expected);
      }
    }
  });

  it('never change the offer', () => {
    for (const row of applicants.slice(0, 60)) {
      const request = { priceCentavos: row.request.financedAmountCentavos, installmentOptions };
      const expected = creditOffer(model, row.applicant, request);
      for (const attributes of variants(row.applicant.protected)) {
        const applicant: CreditApplicant = { ...row.applicant, protected: attributes };
        expect(creditOffer(model, applicant, request)).toEqual(expected);
      }
    }
  });
});
