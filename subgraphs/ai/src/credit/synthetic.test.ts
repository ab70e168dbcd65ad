import { describe, expect, it } from '@jest/globals';
import { creditFeatures, featureOrder } from './features.js';
import { generateApplicants } from './synthetic.js';

describe('synthetic applicants', () => {
  it('are the same applicants, in the same order, for the same seed', () => {
    expect(generateApplicants(2_000, 7)).toEqual(generateApplicants(2_000, 7));
  });

  it('differ for another seed', () => {
    expect(generateApplicants(200, 7)).not.toEqual(generateApplicants(200, 8));
  });

  const rows = generateApplicants(20_000, 20_260_301);
  const defaultRate = (subset: typeof rows) => subset.filter((row) => row.label === 1).length / subset.length;

  it('default at 8–12 % overall, with finite features built from the applicant record', () => {
    expect(defaultRate(rows)).toBeGreaterThan(0.08);
    expect(defaultRate(rows)).toBeLessThan(0.12);
    // One assertion over all rows: an expect per row would take most of the run.
    const malformed = rows.filter(
      (row) =>
        !featureOrder.every((name) => Number.isFinite(row.features[name])) ||
        !Number.isInteger(row.features.financedAmountCentavos) ||
        row.protected !== row.applicant.protected ||
        JSON.stringify(row.features) !== JSON.stringify(creditFeatures(row.applicant, row.request)),
    );
    expect(malformed).toEqual([]);
  });

  it('default more with overdue installments, a heavy installment or many contracts; first-timers more than clean histories', () => {
    const overdue = rows.filter((row) => row.features.overdueInstallments > 0);
    const heavy = rows.filter((row) => row.features.installmentToIncome > 0.3);
    const light = rows.filter((row) => row.features.installmentToIncome < 0.1);
    const firstTime = rows.filter((row) => row.features.paidInstallments === 0);
    const clean = rows.filter((row) => row.features.paidInstallments > 0 && row.features.latePaidInstallments === 0 && row.features.overdueInstallments === 0);
    expect(defaultRate(overdue)).toBeGreaterThan(3 * defaultRate(rows));
    expect(defaultRate(heavy)).toBeGreaterThan(2 * defaultRate(light));
    expect(defaultRate(rows.filter((row) => row.features.activeCrediarios >= 2))).toBeGreaterThan(defaultRate(rows));
    expect(defaultRate(firstTime)).toBeGreaterThan(defaultRate(clean));
  });

  it('draw protected attributes independently of the label (default rates by group within sampling noise)', () => {
    for (const attribute of ['sex', 'ageBand', 'region'] as const) {
      const groups = new Set(rows.map((row) => row.protected[attribute]));
      for (const group of groups) {
        const members = rows.filter((row) => row.protected[attribute] === group);
        if (members.length < 1_000) continue;
        // 4 standard errors of a proportion near 10 %.
        expect(Math.abs(defaultRate(members) - defaultRate(rows))).toBeLessThan(4 * Math.sqrt((0.1 * 0.9) / members.length));
      }
    }
  });

  it('give the same first applicants whatever the count asked for', () => {
    const few = generateApplicants(500, 20_260_301);
    expect(few).toEqual(rows.slice(0, 500));
  });
});
