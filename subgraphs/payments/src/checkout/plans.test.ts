import { describe, expect, it } from '@jest/globals';
import { firstDueDate, paymentPlans, planById, planNets, type PlanContext } from './plans.js';

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
