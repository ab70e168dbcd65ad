// The conformance suite: the same events, the same pipelines, figures computed by hand — on the
// embedded store always, and on MongoDB through mongoose when TEST_MONGODB_URL is set.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openEmbeddedStore, openMongoStore, sweepExpired } from '@medpay/documents';
import type { DomainEvent } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { Figures } from './figures.js';
import { applyEvent } from './projection.js';
import { analyticsCollections, type AnalyticsStore } from './store/models.js';

const C1 = 'clinic-1';
const C2 = 'clinic-2';
const TODAY = '2026-12-04';

let sequence = 0;
const event = (type: string, createdAt: string, payload: Record<string, unknown>): DomainEvent => ({
  id: `e${String((sequence += 1)).padStart(3, '0')}`, type, aggregateId: String(payload.paymentId ?? payload.userId ?? payload.procedureId), createdAt, payload,
});

interface Sale { id: string; clinicId: string; payerId: string; procedureId: string; category: string; planKind: string; method: string; gross: number; fee: number; cost: number; at: string; installments?: { number: number; dueDate: string; amountCentavos: number }[] }
const created = (sale: Sale) =>
  event('payment.created', sale.at, {
    paymentId: sale.id, payerId: sale.payerId, clinicId: sale.clinicId, procedureId: sale.procedureId, category: sale.category, planKind: sale.planKind, method: sale.method,
    installmentCount: sale.installments?.length || 1, grossCentavos: sale.gross, platformFeeCentavos: sale.fee, processingCostCentavos: sale.cost,
    clinicNetCentavos: sale.gross - sale.fee - sale.cost, patientTotalCentavos: sale.gross, installments: sale.installments ?? [],
  });
const moved = (sale: Sale, at: string, from: string | null, status: string, escrowState: string, refundedCentavos = 0) =>
  event('payment.status_changed', at, { paymentId: sale.id, payerId: sale.payerId, clinicId: sale.clinicId, from, status, escrowState, reason: 'x', refundedCentavos });

const sale = (id: string, clinicId: string, payerId: string, procedureId: string, category: string, planKind: string, method: string, gross: number, fee: number, cost: number, at: string, installments?: Sale['installments']): Sale =>
  ({ id, clinicId, payerId, procedureId, category, planKind, method, gross, fee, cost, at, installments });

const A = sale('pay-a', C1, 'p1', 'proc-x', 'Odontologia', 'A_VISTA', 'PIX', 100_000, 4_000, 1_000, '2026-10-05T12:00:00Z');
// created and paid at 23:00 in São Paulo on Oct 9 (02:00 UTC on Oct 10)
const B = sale('pay-b', C1, 'p2', 'proc-y', 'Estética', 'CARD_INSTALLMENTS', 'CARD', 50_000, 2_000, 1_500, '2026-10-10T02:00:00Z');
const C = sale('pay-c', C1, 'p1', 'proc-x', 'Odontologia', 'A_VISTA', 'BOLETO', 30_000, 1_200, 300, '2026-10-15T15:00:00Z');
const D = sale('pay-d', C1, 'p3', 'proc-y', 'Estética', 'CREDIARIO', 'PIX', 120_000, 4_800, 0, '2026-10-20T15:00:00Z', [
  { number: 1, dueDate: '2026-10-20', amountCentavos: 40_000 },
  { number: 2, dueDate: '2026-11-01', amountCentavos: 40_000 },
  { number: 3, dueDate: '2026-12-01', amountCentavos: 40_000 },
]);
const E = sale('pay-e', C1, 'p2', 'proc-x', 'Odontologia', 'A_VISTA', 'CARD', 20_000, 800, 600, '2026-10-22T15:00:00Z');
const F = sale('pay-f', C2, 'p1', 'proc-z', 'Ortopedia', 'A_VISTA', 'PIX', 200_000, 8_000, 1_000, '2026-10-07T15:00:00Z');
const G = sale('pay-g', C1, 'p1', 'proc-x', 'Odontologia', 'A_VISTA', 'PIX', 10_000, 400, 100, '2026-09-10T15:00:00Z');

const events: DomainEvent[] = [
  event('patient.registered', '2026-09-01T12:00:00Z', { userId: 'p1', roles: ['PATIENT'], registeredAt: '2026-09-01T12:00:00Z' }),
  event('patient.registered', '2026-10-02T12:00:00Z', { userId: 'p2', roles: ['PATIENT'], registeredAt: '2026-10-02T12:00:00Z' }),
  event('patient.registered', '2026-10-15T02:00:00Z', { userId: 'p3', roles: ['PATIENT'], registeredAt: '2026-10-15T02:00:00Z' }),
  event('plans.simulated', '2026-10-04T12:05:00Z', { clinicId: C1, procedureId: 'proc-x', category: 'Odontologia', count: 7, windowStart: '2026-10-04T12:00:00Z' }),
  event('plans.simulated', '2026-10-19T12:05:00Z', { clinicId: C1, procedureId: 'proc-y', category: 'Estética', count: 3, windowStart: '2026-10-19T12:00:00Z' }),
  event('plans.simulated', '2026-10-06T12:05:00Z', { clinicId: C2, procedureId: 'proc-z', category: 'Ortopedia', count: 5, windowStart: '2026-10-06T12:00:00Z' }),
  event('plans.simulated', '2026-09-30T12:05:00Z', { clinicId: C1, procedureId: 'proc-x', category: 'Odontologia', count: 4, windowStart: '2026-09-30T12:00:00Z' }),
  created(G), moved(G, '2026-09-10T15:05:00Z', 'AWAITING_PAYMENT', 'PAID', 'HELD'),
  created(A), moved(A, '2026-10-05T12:05:00Z', 'AWAITING_PAYMENT', 'PAID', 'HELD'), moved(A, '2026-10-20T12:00:00Z', 'PAID', 'RELEASED', 'RELEASED'),
  created(B), moved(B, '2026-10-10T02:30:00Z', 'AWAITING_PAYMENT', 'PAID', 'HELD'),
  moved(B, '2026-10-12T15:00:00Z', 'PAID', 'PARTIALLY_REFUNDED', 'HELD', 20_000), moved(B, '2026-10-13T15:00:00Z', 'PARTIALLY_REFUNDED', 'REFUNDED', 'RETURNED', 50_000),
  created(C), moved(C, '2026-10-18T15:00:00Z', 'AWAITING_PAYMENT', 'EXPIRED', 'NONE'),
  created(D), moved(D, '2026-10-20T15:10:00Z', 'AWAITING_PAYMENT', 'PAID', 'HELD'), moved(D, '2026-10-25T15:00:00Z', 'PAID', 'DISPUTED', 'HELD'),
  event('installment.paid', '2026-10-20T15:10:00Z', { paymentId: D.id, payerId: D.payerId, clinicId: C1, number: 1, dueDate: '2026-10-20', amountCentavos: 40_000, paidAt: '2026-10-20T15:10:00Z' }),
  event('installment.overdue', '2026-11-02T09:00:00Z', { paymentId: D.id, payerId: D.payerId, clinicId: C1, number: 2, dueDate: '2026-11-01', amountCentavos: 40_000 }),
  created(E), moved(E, '2026-10-22T15:00:01Z', 'AWAITING_PAYMENT', 'DECLINED', 'NONE'),
  created(F), moved(F, '2026-10-07T15:05:00Z', 'AWAITING_PAYMENT', 'PAID', 'HELD'),
];

const GROSS_C1 = 100_000 + 50_000 + 120_000;

async function expectClinicFigures(figures: Figures) {
  const october = await figures.clinic(C1, { from: '2026-10-01', to: '2026-10-31', interval: 'WEEK', today: TODAY });
  expect(october.totals).toEqual({
    grossCentavos: GROSS_C1,
    clinicNetCentavos: 95_000 + 46_500 + 115_200,
    platformFeeCentavos: 4_000 + 2_000 + 4_800,
    processingCostCentavos: 1_000 + 1_500 + 0,
    paymentsCount: 3,
    averageTicketCentavos: 90_000,
  });
  // B was paid at 23:30 of Oct 9 in São Paulo: the week of Monday Oct 5
  expect(october.series.map((point) => [point.periodStart, point.grossCentavos, point.paymentsCount])).toEqual([
    ['2026-09-28', 0, 0], ['2026-10-05', 150_000, 2], ['2026-10-12', 0, 0], ['2026-10-19', 120_000, 1], ['2026-10-26', 0, 0],
  ]);
  expect(october.byMethod).toEqual([
    { method: 'PIX', paymentsCount: 1, grossCentavos: 100_000, share: 100_000 / GROSS_C1 },
    { method: 'BOLETO', paymentsCount: 0, grossCentavos: 0, share: 0 },
    { method: 'CARD', paymentsCount: 0, grossCentavos: 0, share: 0 },
    { method: 'CARD_INSTALLMENTS', paymentsCount: 1, grossCentavos: 50_000, share: 50_000 / GROSS_C1 },
    { method: 'CREDIARIO', paymentsCount: 1, grossCentavos: 120_000, share: 120_000 / GROSS_C1 },
  ]);
  expect(october.byStatus).toEqual([
    { status: 'DECLINED', count: 1 }, { status: 'DISPUTED', count: 1 }, { status: 'EXPIRED', count: 1 }, { status: 'REFUNDED', count: 1 }, { status: 'RELEASED', count: 1 },
  ]);
  expect(october.funnel).toEqual({ plansSimulated: 10, checkouts: 5, paid: 3, released: 1, checkoutRate: 0.5, paymentRate: 0.6, releaseRate: 1 / 3 });
  expect(october.topProcedures).toEqual([
    { procedure: { id: 'proc-y' }, category: 'Estética', paymentsCount: 2, grossCentavos: 170_000 },
    { procedure: { id: 'proc-x' }, category: 'Odontologia', paymentsCount: 1, grossCentavos: 100_000 },
  ]);
  expect(october.afterSale).toEqual({ refundedCount: 1, refundedCentavos: 50_000, refundRate: 1 / 3, disputedCount: 1, disputeRate: 1 / 3 });
  expect(october.crediario).toEqual({ installmentsDue: 1, overdue30: 0, overdue90: 0, overdueRate: 0, defaultRate: 0 });

  // Installment 2 (due Nov 1) is unpaid more than 30 days on; installment 3 (Dec 1) is due but not late yet.
  const toToday = await figures.clinic(C1, { from: '2026-10-01', to: '2026-12-31', interval: 'MONTH', today: TODAY });
  expect(toToday.crediario).toEqual({ installmentsDue: 3, overdue30: 1, overdue90: 0, overdueRate: 1 / 3, defaultRate: 0 });
  expect(toToday.series.map((point) => [point.periodStart, point.grossCentavos])).toEqual([['2026-10-01', GROSS_C1], ['2026-11-01', 0], ['2026-12-01', 0]]);
  // mid-February: installment 2 is over 90 days late (since Jan 30), installment 3 over 30 (since Dec 31)
  const later = await figures.clinic(C1, { from: '2026-10-01', to: '2026-12-31', interval: 'MONTH', today: '2027-02-15' });
  expect(later.crediario).toEqual({ installmentsDue: 3, overdue30: 2, overdue90: 1, overdueRate: 2 / 3, defaultRate: 1 / 3 });
}

async function expectPlatformFigures(figures: Figures) {
  const october = await figures.platform({ from: '2026-10-01', to: '2026-10-31', interval: 'DAY' });
  expect(october.totals.grossCentavos).toBe(GROSS_C1 + 200_000);
  expect(october.totals.platformFeeCentavos).toBe(10_800 + 8_000);
  expect(october.takeRate).toBeCloseTo(18_800 / 470_000, 12);
  expect(october.series).toHaveLength(31);
  expect(october.series.find((point) => point.periodStart === '2026-10-09')?.grossCentavos).toBe(50_000);
  expect([october.activeClinics, october.activePatients, october.newPatients]).toEqual([2, 3, 2]);
  expect(october.declineRate).toBe(1 / 6);
  expect(october.topClinics).toEqual([
    { clinic: { id: C1 }, paymentsCount: 3, grossCentavos: GROSS_C1, platformFeeCentavos: 10_800 },
    { clinic: { id: C2 }, paymentsCount: 1, grossCentavos: 200_000, platformFeeCentavos: 8_000 },
  ]);
  expect(october.cohorts).toEqual([{ month: '2026-10', patients: 2, retention: [1] }]);
  const twoMonths = await figures.platform({ from: '2026-09-01', to: '2026-10-31', interval: 'MONTH' });
  expect(twoMonths.cohorts).toEqual([
    { month: '2026-09', patients: 1, retention: [1, 1] },
    { month: '2026-10', patients: 2, retention: [1] },
  ]);
  expect(twoMonths.newPatients).toBe(3);
}

const stores: Array<[string, () => Promise<AnalyticsStore>]> = [['embedded store (nedb + mingo)', () => openEmbeddedStore(analyticsCollections, null)]];
const mongoUrl = process.env.TEST_MONGODB_URL;
if (mongoUrl) {
  stores.push(['MongoDB (TEST_MONGODB_URL)', () => openMongoStore(analyticsCollections, `${mongoUrl.replace(/\/[^/]*$/, '')}/analytics_test_${randomUUID().slice(0, 8)}`)]);
} else {
  console.info('analytics conformance on MongoDB skipped: TEST_MONGODB_URL is not set (no MongoDB server on this machine)');
}

describe.each(stores)('analytics figures on the %s', (_name, open) => {
  let store: AnalyticsStore;
  beforeAll(async () => {
    store = await open();
  });
  afterAll(async () => {
    await store.close();
  });

  it('computes every clinic and platform figure from the events, as computed by hand', async () => {
    for (const each of events) expect(await applyEvent(store, each)).toBe('applied');
    await expectClinicFigures(new Figures(store));
    await expectPlatformFigures(new Figures(store));
  });

  it('ignores a redelivered event, and an event under a new delivery changes nothing', async () => {
    for (const each of events) expect(await applyEvent(store, each)).toBe('duplicate');
    await expectClinicFigures(new Figures(store));
  });

  it('gives the same figures whatever order the events arrive in', async () => {
    await store.clear(['events', 'payments', 'installments', 'simulations', 'patients']);
    for (const each of [...events].reverse()) await applyEvent(store, each);
    await expectClinicFigures(new Figures(store));
    await expectPlatformFigures(new Figures(store));
  });

  it('refuses a document off its model before writing it', async () => {
    await expect(store.insertOnce('patients', { _id: 'bad', registeredDay: '04/12/2026' })).rejects.toThrow(/registeredDay/);
    await expect(store.insertOnce('payments', { _id: 'bad', clinicId: 'c', payerId: 'p', grossCentavos: 10.5, status: 'PAID', statusAt: new Date(), statusRank: 1, version: 1 })).rejects.toThrow(/centavos/);
    expect(await store.findById('payments', 'bad')).toBeNull();
  });

  it('refuses malformed and too long periods with a pt-BR message', async () => {
    await expect(new Figures(store).clinic(C1, { from: '2026-13-01', to: '2026-12-31', interval: 'DAY' })).rejects.toThrow('AAAA-MM-DD');
    await expect(new Figures(store).platform({ from: '2025-01-01', to: '2026-12-31', interval: 'DAY' })).rejects.toThrow('366 dias');
  });

  it('drops raw events after 400 days and keeps the facts built from them', async () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const old = event('payment.status_changed', new Date(now - 401 * 86_400_000).toISOString(), { paymentId: 'old', payerId: 'p9', clinicId: C2, from: 'AWAITING_PAYMENT', status: 'PAID', escrowState: 'HELD', reason: 'x', refundedCentavos: 0 });
    const recent = event('payment.status_changed', new Date(now - 399 * 86_400_000).toISOString(), { paymentId: 'recent', payerId: 'p9', clinicId: C2, from: 'AWAITING_PAYMENT', status: 'PAID', escrowState: 'HELD', reason: 'x', refundedCentavos: 0 });
    await applyEvent(store, old);
    await applyEvent(store, recent);
    await sweepExpired(store, analyticsCollections, now);
    expect(await store.findById('events', old.id)).toBeNull();
    expect(await store.findById('events', recent.id)).not.toBeNull();
    expect(await store.findById('payments', 'old')).not.toBeNull();
  });
});
