import { describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '@medpay/runtime';
import { createLogger } from '@medpay/runtime';
import { FRAUD_MODEL_URL, FraudDesk } from './desk.js';
import { FraudModel } from './model.js';
import { RiskSignals, type CheckoutRequest } from './signals.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const now = Date.parse('2026-12-05T15:00:00Z');

let sequence = 0;
const checkout = (overrides: Partial<CheckoutRequest> = {}): CheckoutRequest => ({
  paymentId: `payment-${++sequence}`,
  payerId: 'patient-1',
  clinicId: 'clinic-1',
  category: 'Estética',
  method: 'PIX',
  planKind: 'A_VISTA',
  amountCentavos: 65_000,
  deviceId: 'device-1',
  clientIp: '203.0.113.5',
  cardFingerprint: null,
  ...overrides,
});
const event = (type: string, payload: Record<string, unknown>, at: number, id = `${type}:${String(payload.paymentId ?? payload.userId ?? payload.clinicId)}`): DomainEvent => ({
  id,
  type,
  aggregateId: 'aggregate',
  payload,
  createdAt: new Date(at).toISOString(),
});
const created = (paymentId: string, payerId: string, grossCentavos: number, at: number) =>
  event('payment.created', {
    paymentId, payerId, clinicId: 'clinic-1', procedureId: 'procedure-1', category: 'Estética', planKind: 'A_VISTA', method: 'PIX', installmentCount: 1,
    grossCentavos, platformFeeCentavos: 0, processingCostCentavos: 0, clinicNetCentavos: grossCentavos, patientTotalCentavos: grossCentavos, installments: [],
  }, at);
const status = (paymentId: string, payerId: string, to: string, at: number) =>
  event('payment.status_changed', { paymentId, payerId, clinicId: 'clinic-1', from: 'AWAITING_PAYMENT', status: to, escrowState: 'NONE', reason: '', refundedCentavos: 0 }, at, `${paymentId}:${to}`);

describe('risk signals', () => {
  it('counts the checkouts before this one per account, device and address, in their windows', () => {
    const signals = new RiskSignals();
    signals.features(checkout({ payerId: 'patient-2' }), now - 2 * DAY);
    signals.features(checkout({ payerId: 'patient-2' }), now - 3 * HOUR);
    signals.features(checkout(), now - 30 * 60_000);
    const features = signals.features(checkout(), now);
    expect(features).toMatchObject({ cpfPayments1h: 1, cpfPayments24h: 1, cpfPayments7d: 1, devicePayments1h: 1, deviceAccounts24h: 2, ipPayments1h: 1, methodPix: 1, methodCard: 0 });
  });

  it('takes the payment.created event and the request of the same payment as one checkout, in either order', () => {
    const signals = new RiskSignals();
    signals.apply(created('payment-a', 'patient-1', 65_000, now - HOUR / 2));
    signals.features(checkout({ paymentId: 'payment-a' }), now - HOUR / 2);
    signals.features(checkout({ paymentId: 'payment-b' }), now - HOUR / 4);
    signals.apply(created('payment-b', 'patient-1', 65_000, now - HOUR / 4));
    expect(signals.features(checkout(), now)).toMatchObject({ cpfPayments1h: 2, devicePayments1h: 2, ipPayments1h: 2 });
  });

  it('counts declines from the log against the device, the card and the account, once however often delivered', () => {
    const signals = new RiskSignals();
    const card = 'c'.repeat(64);
    for (const paymentId of ['declined-1', 'declined-2']) {
      signals.features(checkout({ paymentId, method: 'CARD', cardFingerprint: card }), now - 10 * 60_000);
      for (let delivery = 0; delivery < 2; delivery += 1) signals.apply(status(paymentId, 'patient-1', 'DECLINED', now - 9 * 60_000));
    }
    const features = signals.features(checkout({ method: 'CARD', cardFingerprint: card, payerId: 'patient-3' }), now);
    expect(features).toMatchObject({ deviceDeclines1h: 2, deviceDeclines24h: 2, cardDeclines1h: 2, cardPayments24h: 3, cardAccounts7d: 2, cpfDeclines24h: 0, methodCard: 1 });
  });

  it("measures the ticket against the clinic's paid ones, once there are enough of them", () => {
    const signals = new RiskSignals();
    expect(signals.features(checkout({ amountCentavos: 220_000 }), now).amountToClinicNorm).toBe(1);
    for (const index of [1, 2, 3]) {
      signals.apply(created(`peeling-${index}`, `patient-${index}`, 65_000, now - DAY));
      signals.apply(status(`peeling-${index}`, `patient-${index}`, 'PAID', now - DAY));
    }
    const features = signals.features(checkout({ amountCentavos: 220_000 }), now);
    expect(features.amountToClinicNorm).toBeCloseTo(220_000 / 65_000, 6);
    expect(features.amountToCategoryNorm).toBeCloseTo(220_000 / 65_000, 6);
  });

  it('reads account and clinic ages, refunds and the dispute rate from the log', () => {
    const signals = new RiskSignals();
    signals.apply(event('patient.registered', { userId: 'patient-1', roles: ['PATIENT'], registeredAt: new Date(now - 40 * DAY).toISOString() }, now - 40 * DAY));
    signals.apply(event('clinic.approved', { clinicId: 'clinic-1', from: 'PENDING_REVIEW', status: 'ACTIVE', at: new Date(now - 400 * DAY).toISOString() }, now - 400 * DAY));
    for (const [paymentId, ending] of [['p1', 'REFUNDED'], ['p2', 'DISPUTED'], ['p3', 'PAID'], ['p4', 'PAID']] as const) {
      signals.apply(created(paymentId, 'patient-1', 65_000, now - 10 * DAY));
      signals.apply(status(paymentId, 'patient-1', 'PAID', now - 10 * DAY));
      if (ending !== 'PAID') signals.apply(status(paymentId, 'patient-1', ending, now - 5 * DAY));
    }
    expect(signals.features(checkout(), now)).toMatchObject({ accountAgeDays: 40, clinicAgeDays: 400, accountRefunds90d: 1, clinicDisputeRate: 0.25, cpfPaymentsSameClinic30d: 4 });
  });

  it('counts the account\'s failed logins in the hour before the checkout, once however often delivered', () => {
    const signals = new RiskSignals();
    const failed = (id: string, at: number) => event('login.failed', { userId: 'patient-1', at: new Date(at).toISOString() }, at, id);
    for (const entry of [failed('f1', now - 2 * HOUR), failed('f2', now - 20 * 60_000), failed('f3', now - 5 * 60_000), failed('f3', now - 5 * 60_000)]) signals.apply(entry);
    signals.apply(event('login.failed', { userId: 'patient-2', at: new Date(now - 60_000).toISOString() }, now - 60_000, 'f4'));
    expect(signals.features(checkout(), now).failedLogins1h).toBe(2);
    signals.prune(now + DAY);
    expect(signals.features(checkout(), now + DAY).failedLogins1h).toBe(0);
  });

  it('does not count loopback addresses, which are the machine\'s own', () => {
    const signals = new RiskSignals();
    for (let index = 0; index < 3; index += 1) signals.features(checkout({ payerId: `patient-${index}`, deviceId: null, clientIp: '127.0.0.1' }), now - 60_000);
    expect(signals.features(checkout({ payerId: 'patient-9', deviceId: null, clientIp: '127.0.0.1' }), now).ipPayments1h).toBe(0);
  });

  it('forgets checkouts past the longest window', () => {
    const signals = new RiskSignals();
    signals.features(checkout(), now - 100 * DAY);
    signals.prune(now);
    expect(signals.features(checkout(), now).cpfPayments7d).toBe(0);
    expect(signals.features(checkout(), now + 60_000).cpfPayments7d).toBe(1);
  });
});

describe('the fraud desk', () => {
  it('answers the same payment the same, counting it once, with the model version', async () => {
    const desk = new FraudDesk(await FraudModel.load(FRAUD_MODEL_URL), new RiskSignals(), createLogger('ai-test', 'silent'));
    const request = { ...checkout(), procedureId: 'procedure-1', at: new Date(now).toISOString() };
    const first = desk.assess(request);
    expect(desk.assess({ ...request, at: new Date(now + 60_000).toISOString() })).toBe(first);
    expect(first).toMatchObject({ modelVersion: desk.modelVersion, decision: 'APPROVE' });
    expect(desk.assess({ ...request, paymentId: 'another', at: new Date(now + 60_000).toISOString() }).features.cpfPayments1h).toBe(1);
  });
});
