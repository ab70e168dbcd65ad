import { describe, expect, it } from '@jest/globals';
import type { CheckoutInput } from '../__generated__/resolvers-types.js';
import type { CatalogProcedure } from '../internal/directory.js';
import { ruleRefusals } from '../crediario/credit-check.js';
import { assertCrediarioAllowed, checkoutPlan, financedOf, newPayment } from './checkout-decision.js';

const procedure: CatalogProcedure = {
  id: 'proc-1',
  name: 'Clareamento',
  category: 'Odontologia',
  priceCentavos: 120_000,
  interestFreeInstallments: 6,
  active: true,
  clinic: { id: 'clinic-1', status: 'ACTIVE', tradeName: 'Sorriso', legalName: 'Sorriso Ltda', cnpj: '11222333000181', payoutBankAccount: null },
};
const facts = { procedure, platformFeeBasisPoints: 400, today: '2026-11-29' };
const input = (over: Partial<CheckoutInput> = {}): CheckoutInput => ({ procedureId: 'proc-1', planId: 'PIX', method: 'PIX', idempotencyKey: 'key-00000001', ...over });
const clean = { paidInstallments: 0, latePaidInstallments: 0, overdueInstallments: 0, maxDaysLate: 0, activeCrediarios: 0, monthsSinceFirstPayment: 0, completedCrediarios: 0, outstandingPrincipalCentavos: 0 };
const code = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { extensions: { code: string } }).extensions.code;
  }
};
let counter = 0;
const newId = () => `id-${++counter}`;

describe('checkout decision', () => {
  it('refuses a procedure that is missing, inactive or at an inactive clinic', () => {
    expect(code(() => checkoutPlan(input(), { ...facts, procedure: undefined }))).toBe('PROCEDURE_NOT_AVAILABLE');
    expect(code(() => checkoutPlan(input(), { ...facts, procedure: { ...procedure, active: false } }))).toBe('PROCEDURE_NOT_AVAILABLE');
    expect(code(() => checkoutPlan(input(), { ...facts, procedure: { ...procedure, clinic: { ...procedure.clinic, status: 'SUSPENDED' } } }))).toBe('PROCEDURE_NOT_AVAILABLE');
  });

  it('refuses a method the plan does not take, and a card plan without a card', () => {
    expect(code(() => checkoutPlan(input({ method: 'BOLETO' }), facts))).toBe('PLAN_NOT_AVAILABLE');
    expect(code(() => checkoutPlan(input({ planId: 'CARD:3', method: 'CARD' }), facts))).toBe('BAD_USER_INPUT');
    expect(code(() => checkoutPlan(input({ planId: 'CARD:3', method: 'CARD', cardToken: 'tok' }), facts))).toBe('ok');
  });

  it('grants a crediário only on an approved credit decision and the exact terms accepted', () => {
    const crediario = input({ planId: 'CREDIARIO:12', method: 'PIX', firstDueDay: 10 });
    const { plan } = checkoutPlan(crediario, facts);
    const approved = { approved: true, reasons: [] };
    const refused = { approved: false, reasons: ruleRefusals({ ...clean, overdueInstallments: 1 }, financedOf(plan)) };
    expect(code(() => assertCrediarioAllowed(crediario, plan, refused))).toBe('CREDIT_DENIED');
    expect(code(() => assertCrediarioAllowed(crediario, plan, approved))).toBe('CONTRACT_ACCEPTANCE_REQUIRED');
    expect(code(() => assertCrediarioAllowed({ ...crediario, acceptedContractTermsHash: plan.contractTermsHash }, plan, approved))).toBe('ok');
  });

  it("payments' own rules: no overdue installment, at most two active contracts, a ceiling on the amount", () => {
    const { plan } = checkoutPlan(input({ planId: 'CREDIARIO:12', firstDueDay: 10 }), facts);
    expect(ruleRefusals(clean, financedOf(plan))).toEqual([]);
    expect(ruleRefusals({ ...clean, overdueInstallments: 1 }, financedOf(plan)).map((reason) => reason.code)).toEqual(['OVERDUE_INSTALLMENTS']);
    expect(ruleRefusals({ ...clean, activeCrediarios: 2 }, financedOf(plan)).map((reason) => reason.code)).toEqual(['TOO_MANY_ACTIVE_CONTRACTS']);
    const expensive = { ...facts, procedure: { ...procedure, priceCentavos: 5_000_000 } };
    const { plan: large } = checkoutPlan(input({ planId: 'CREDIARIO:12', firstDueDay: 10 }), expensive);
    expect(ruleRefusals(clean, financedOf(large)).map((reason) => reason.code)).toEqual(['AMOUNT_ABOVE_MAXIMUM']);
  });

  it('creates a PIX payment with one charge of the total and no installments', () => {
    const { plan } = checkoutPlan(input(), facts);
    const record = newPayment({ payerId: 'payer-1', procedure, plan, method: 'PIX', now: new Date('2026-11-29T12:00:00Z'), clientIp: '10.0.0.1', newId });
    expect(record.payment).toMatchObject({ payerId: 'payer-1', clinicId: 'clinic-1', status: 'AWAITING_PAYMENT', patientTotalCentavos: plan.totalCentavos, contractAcceptance: null });
    expect(record.installments).toEqual([]);
    expect(record.charge).toMatchObject({ paymentId: record.payment.id, amountCentavos: plan.totalCentavos, installmentNumber: null, status: 'CREATING' });
    const [created, statusChanged] = record.events;
    expect(created).toMatchObject({ type: 'payment.created', aggregateId: record.payment.id });
    expect(created.payload).toEqual({
      paymentId: record.payment.id, payerId: 'payer-1', clinicId: 'clinic-1', procedureId: 'proc-1', category: 'Odontologia', planKind: 'A_VISTA', method: 'PIX',
      installmentCount: 1, ...plan.split, patientTotalCentavos: plan.totalCentavos, installments: [],
    });
    expect(statusChanged).toMatchObject({ type: 'payment.status_changed', aggregateId: record.payment.id });
    expect(statusChanged.payload).toEqual({
      paymentId: record.payment.id, payerId: 'payer-1', clinicId: 'clinic-1', from: null, status: 'AWAITING_PAYMENT', escrowState: 'NONE', reason: 'Pagamento criado', refundedCentavos: 0,
    });
    // Events never carry names or documents in clear.
    expect(JSON.stringify(record.events)).not.toContain('Clareamento');
  });

  it('creates a crediário with its schedule, the first installment issued and charged, and the acceptance and credit decision recorded', () => {
    const { plan } = checkoutPlan(input({ planId: 'CREDIARIO:6', firstDueDay: 10 }), facts);
    const credit = { incomeBand: 'DE_2_A_4_SM', source: 'MODEL' as const, modelVersion: '1.0.0' };
    const record = newPayment({ payerId: 'payer-1', procedure, plan, method: 'PIX', now: new Date('2026-11-29T12:00:00Z'), clientIp: '10.0.0.1', credit, newId });
    expect(record.installments.map((row) => row.status)).toEqual(['ISSUED', ...Array(5).fill('SCHEDULED')]);
    expect(record.installments.map(({ number, dueDate, amountCentavos, interestCentavos, amortizationCentavos }) => ({ number, dueDate, amountCentavos, interestCentavos, amortizationCentavos }))).toEqual(plan.schedule);
    expect(record.charge).toMatchObject({ amountCentavos: plan.schedule[0]!.amountCentavos, installmentNumber: 1 });
    expect(record.payment.contractAcceptance).toEqual({ acceptedBy: 'payer-1', acceptedAt: '2026-11-29T12:00:00.000Z', clientIp: '10.0.0.1', terms: plan.contractTerms, termsHash: plan.contractTermsHash, credit });
    expect(record.events[0].payload).toMatchObject({ planKind: 'CREDIARIO', installmentCount: 6, processingCostCentavos: 0 });
    expect(record.events[0].payload.installments).toEqual(plan.schedule.map(({ number, dueDate, amountCentavos }) => ({ number, dueDate, amountCentavos })));
    expect(new Set([record.payment.id, record.charge.id, record.statusChange.id, ...record.events.map((event) => event.id), ...record.installments.map((row) => row.id)]).size).toBe(11);
  });
});
