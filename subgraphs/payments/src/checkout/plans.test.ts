import { describe, expect, it } from '@jest/globals';
import { presentValueByDays } from '@medpay/financing';
import fc from 'fast-check';
import { firstDueDate, paymentPlans, planById, planNets, type PaymentPlan, type PlanContext } from './plans.js';
import * as pricing from './pricing.js';

const context: PlanContext = { priceCentavos: 120_000, interestFreeInstallments: 6, procedureName: 'Clareamento', clinicName: 'Sorriso', platformFeeBasisPoints: 400, today: '2026-11-29', firstDueDay: 10 };
const code = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
};

describe('payment plans', () => {
  it('split every plan exactly: fee + cost + clinic net = price', () => {
    for (const plan of paymentPlans(context)) {
      const { grossCentavos, platformFeeCentavos, processingCostCentavos, clinicNetCentavos } = plan.split;
      expect(platformFeeCentavos + processingCostCentavos + clinicNetCentavos).toBe(grossCentavos);
      expect(grossCentavos).toBe(120_000);
    }
  });
  it('find each simulated plan by id, identical to the list', () => {
    for (const plan of paymentPlans(context)) expect(planById(plan.id, context)).toEqual(plan);
  });
  it('crediário schedules sum to the total and disclose CET above the nominal rate', () => {
    const plan = planById('CREDIARIO:12', context);
    expect(plan.schedule.reduce((sum, row) => sum + row.amountCentavos, 0)).toBe(plan.totalCentavos);
    expect(plan.cetMonthlyRate).toBeGreaterThan(plan.monthlyInterestRate);
    expect(plan.schedule[0]!.dueDate).toBe('2026-12-10');
    expect(plan.contractTerms).toContain('R$ 1.200,00');
  });
  it('refuse plans not on offer and due days outside 1–28', () => {
    expect(code(() => planById('CARD:13', context))).toBe('PLAN_NOT_AVAILABLE');
    expect(code(() => planById('CREDIARIO:1', context))).toBe('PLAN_NOT_AVAILABLE');
    expect(code(() => planById('PIX:2', context))).toBe('PLAN_NOT_AVAILABLE');
    expect(code(() => planById('CREDIARIO:12', { ...context, priceCentavos: 20_000 }))).toBe('PLAN_NOT_AVAILABLE');
    expect(code(() => planById('CARD:12', { ...context, priceCentavos: 20_000 }))).toBe('PLAN_NOT_AVAILABLE');
    expect(code(() => paymentPlans({ ...context, firstDueDay: 31 }))).toBe('BAD_USER_INPUT');
  });
  it('put the first due date at least a week ahead', () => {
    expect(firstDueDate('2026-11-29', 10)).toBe('2026-12-10');
    expect(firstDueDate('2026-11-01', 5)).toBe('2026-12-05');
    expect(firstDueDate('2026-11-01', 20)).toBe('2026-11-20');
  });
});

describe('crediário priced for its real first period (issue 18: R$ 420,00 released on 04/12/2026)', () => {
  const issueContext: PlanContext = { ...context, priceCentavos: 42_000, today: '2026-12-04' };
  const twoTimes = (firstDueDay: number) => planById('CREDIARIO:2', { ...issueContext, firstDueDay });
  const presentValue = (plan: PaymentPlan, today: string) =>
    presentValueByDays(today, plan.monthlyInterestRate, plan.schedule.map((row) => ({ date: row.dueDate, amountCentavos: row.amountCentavos })));

  it('day 15: the first installment 11 days out is charged 11 days of interest, not a month (CET was 81,24 % a.a.)', () => {
    const plan = twoTimes(15);
    expect(plan.firstDueDate).toBe('2026-12-15');
    expect(plan.schedule.map((row) => [row.dueDate, row.amountCentavos, row.interestCentavos])).toEqual([
      ['2026-12-15', 21_588, 383], // was 219,19, with a whole month's interest: 1 052
      ['2027-01-15', 21_589, 542],
    ]);
    expect(plan.iofCentavos).toBe(252);
    expect(plan.totalCentavos).toBe(43_177);
    expect(plan.cetAnnualRate).toBeCloseTo(0.4659, 4);
    expect(plan.contractTerms).toContain('Liberação do crédito: 04/12/2026.');
    expect(plan.contractTerms).toContain('a primeira de R$ 215,88 em 15/12/2026');
    expect(plan.contractTerms).toContain('pro rata die');
  });
  it('day 5: the first installment 32 days out is charged 32 days (CET was 40,95 % a.a., below the rate charged)', () => {
    const plan = twoTimes(5);
    expect(plan.firstDueDate).toBe('2027-01-05');
    expect(plan.schedule.map((row) => [row.dueDate, row.amountCentavos])).toEqual([['2027-01-05', 22_002], ['2027-02-05', 22_002]]);
    expect(plan.iofCentavos).toBe(327);
    expect(plan.cetAnnualRate).toBeCloseTo(0.432, 4);
  });
  it('both are worth price + financed IOF at the disclosed 2,49 % a.m. counted by calendar days', () => {
    for (const day of [15, 5]) {
      const plan = twoTimes(day);
      expect(Math.abs(presentValue(plan, issueContext.today) - (42_000 + plan.iofCentavos))).toBeLessThanOrEqual(plan.installmentCount);
    }
  });

  const today = fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const price = fc.integer({ min: pricing.CREDIARIO_MIN_PRICE_CENTAVOS, max: 2_500_000 });
  const count = fc.integer({ min: pricing.CREDIARIO_MIN_INSTALLMENTS, max: pricing.CREDIARIO_MAX_INSTALLMENTS });

  it('every crediário plan is worth price + financed IOF at its disclosed rate by calendar days, within a centavo per installment', () => {
    fc.assert(
      fc.property(price, count, today, fc.integer({ min: 1, max: 28 }), (priceCentavos, installments, day, firstDueDay) => {
        const plan = planById(`CREDIARIO:${installments}`, { ...context, priceCentavos, today: day, firstDueDay });
        expect(plan.firstDueDate).toBe(plan.schedule[0]!.dueDate);
        expect(Number(plan.firstDueDate.slice(8))).toBe(firstDueDay);
        expect(Math.abs(presentValue(plan, day) - (priceCentavos + plan.iofCentavos))).toBeLessThanOrEqual(installments);
      }),
    );
  });
  // From 2× to 4× the IOF's flat 0.38 %, annualized over a shorter or longer loan, alone moves the CET by
  // more than a point (2×: up to about 5); the interest charged is the same whatever the day.
  it('from 5 installments up, the CET moves by less than one percentage point across the 28 due days', () => {
    fc.assert(
      fc.property(price, count.map((n) => Math.max(n, 5)), today, (priceCentavos, installments, day) => {
        const cets = Array.from({ length: 28 }, (_, index) => planById(`CREDIARIO:${installments}`, { ...context, priceCentavos, today: day, firstDueDay: index + 1 }).cetAnnualRate);
        expect(Math.max(...cets) - Math.min(...cets)).toBeLessThan(0.01);
      }),
      { numRuns: 20 },
    );
  });
});

describe('plan nets for a clinic', () => {
  it('shows the clinic its net per way of paying; the parts always add up to the price', () => {
    const nets = planNets(120_000, 6, 400);
    const byId = new Map(nets.map((n) => [n.planId, n]));
    expect(byId.get('PIX')).toMatchObject({ grossCentavos: 120_000, platformFeeCentavos: 4_800, processingCostCentavos: 99, clinicNetCentavos: 115_101 });
    expect(byId.get('CARD:6')!.interestFree).toBe(true);
    expect(byId.get('CARD:6')!.clinicNetCentavos).toBeLessThan(byId.get('CARD:1')!.clinicNetCentavos);
    expect(byId.get('CARD:7')!.interestFree).toBe(false);
    expect(byId.get('CREDIARIO')).toMatchObject({ processingCostCentavos: 0, clinicNetCentavos: 115_200 });
    for (const net of nets) expect(net.platformFeeCentavos + net.processingCostCentavos + net.clinicNetCentavos).toBe(net.grossCentavos);
    expect(planNets(150, 1, 400).map((n) => n.planId)).toEqual(['PIX', 'CARD:1']);
    expect(() => planNets(120_000, 13, 400)).toThrow('1 a 12');
  });
});
