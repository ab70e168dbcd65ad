// The risk signals on each checkout log: this process's memory, and Redis (shared by replicas) when
// TEST_REDIS_URL is set (.ci/run sets it) — the same behaviour from both.
import { afterAll, describe, expect, it } from '@jest/globals';
import type { DomainEvent } from '@medpay/runtime';
import { createLogger } from '@medpay/runtime';
import { Redis } from 'ioredis';
import { randomUUID } from 'node:crypto';
import { MemoryCheckoutLog, RedisCheckoutLog, type CheckoutLog } from './checkout-log.js';
import { FRAUD_MODEL_URL, FraudDesk } from './desk.js';
import { FraudModel } from './model.js';
import { RiskSignals, type CheckoutRequest } from './signals.js';

const redisUrl = process.env.TEST_REDIS_URL;
if (!redisUrl) console.info('risk signals on the Redis checkout log skipped: TEST_REDIS_URL is not set');
const opened: CheckoutLog[] = [];
/** A fresh log: a namespace of its own in Redis, so tests share nothing. */
const LOGS: [string, () => CheckoutLog][] = [
  ['memory', () => new MemoryCheckoutLog()],
  ...(redisUrl ? [['Redis', () => new RedisCheckoutLog(new Redis(redisUrl), `test-${randomUUID()}`)] as [string, () => CheckoutLog]] : []),
];
afterAll(() => Promise.all(opened.map((log) => log.close())));

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

describe.each(LOGS)('risk signals (%s checkout log)', (_name, makeLog) => {
  const fresh = () => {
    const log = makeLog();
    opened.push(log);
    return new RiskSignals(log);
  };

  it('counts the checkouts before this one per account, device and address, in their windows', async () => {
    const signals = fresh();
    await signals.features(checkout({ payerId: 'patient-2' }), now - 2 * DAY);
    await signals.features(checkout({ payerId: 'patient-2' }), now - 3 * HOUR);
    await signals.features(checkout(), now - 30 * 60_000);
    const features = await signals.features(checkout(), now);
    expect(features).toMatchObject({ cpfPayments1h: 1, cpfPayments24h: 1, cpfPayments7d: 1, devicePayments1h: 1, deviceAccounts24h: 2, ipPayments1h: 1, methodPix: 1, methodCard: 0 });
  });

  it('takes the payment.created event and the request of the same payment as one checkout, in either order', async () => {
    const signals = fresh();
    await signals.apply(created('payment-a', 'patient-1', 65_000, now - HOUR / 2));
    await signals.features(checkout({ paymentId: 'payment-a' }), now - HOUR / 2);
    await signals.features(checkout({ paymentId: 'payment-b' }), now - HOUR / 4);
    await signals.apply(created('payment-b', 'patient-1', 65_000, now - HOUR / 4));
    expect(await signals.features(checkout(), now)).toMatchObject({ cpfPayments1h: 2, devicePayments1h: 2, ipPayments1h: 2 });
  });

  it('counts declines from the log against the device, the card and the account, once however often delivered', async () => {
    const signals = fresh();
    const card = 'c'.repeat(64);
    for (const paymentId of ['declined-1', 'declined-2']) {
      await signals.features(checkout({ paymentId, method: 'CARD', cardFingerprint: card }), now - 10 * 60_000);
      for (let delivery = 0; delivery < 2; delivery += 1) await signals.apply(status(paymentId, 'patient-1', 'DECLINED', now - 9 * 60_000));
    }
    const features = await signals.features(checkout({ method: 'CARD', cardFingerprint: card, payerId: 'patient-3' }), now);
    expect(features).toMatchObject({ deviceDeclines1h: 2, deviceDeclines24h: 2, cardDeclines1h: 2, cardPayments24h: 3, cardAccounts7d: 2, cpfDeclines24h: 0, methodCard: 1 });
  });

  it("measures the ticket against the clinic's paid ones, once there are enough of them", async () => {
    const signals = fresh();
    expect((await signals.features(checkout({ amountCentavos: 220_000 }), now)).amountToClinicNorm).toBe(1);
    for (const index of [1, 2, 3]) {
      await signals.apply(created(`peeling-${index}`, `patient-${index}`, 65_000, now - DAY));
      await signals.apply(status(`peeling-${index}`, `patient-${index}`, 'PAID', now - DAY));
    }
    const features = await signals.features(checkout({ amountCentavos: 220_000 }), now);
    expect(features.amountToClinicNorm).toBeCloseTo(220_000 / 65_000, 6);
    expect(features.amountToCategoryNorm).toBeCloseTo(220_000 / 65_000, 6);
  });

  it('reads account and clinic ages, refunds and the dispute rate (disputes and chargebacks) from the log', async () => {
    const signals = fresh();
    await signals.apply(event('patient.registered', { userId: 'patient-1', roles: ['PATIENT'], registeredAt: new Date(now - 40 * DAY).toISOString() }, now - 40 * DAY));
    await signals.apply(event('clinic.approved', { clinicId: 'clinic-1', from: 'PENDING_REVIEW', status: 'ACTIVE', at: new Date(now - 400 * DAY).toISOString() }, now - 400 * DAY));
    for (const [paymentId, ending] of [['p1', 'REFUNDED'], ['p2', 'DISPUTED'], ['p3', 'CHARGED_BACK'], ['p4', 'PAID']] as const) {
      await signals.apply(created(paymentId, 'patient-1', 65_000, now - 10 * DAY));
      await signals.apply(status(paymentId, 'patient-1', 'PAID', now - 10 * DAY));
      if (ending !== 'PAID') await signals.apply(status(paymentId, 'patient-1', ending, now - 5 * DAY));
    }
    expect(await signals.features(checkout(), now)).toMatchObject({ accountAgeDays: 40, clinicAgeDays: 400, accountRefunds90d: 1, clinicDisputeRate: 0.5, cpfPaymentsSameClinic30d: 4 });
  });

  it('counts the account\'s failed logins in the hour before the checkout, once however often delivered', async () => {
    const signals = fresh();
    const failed = (id: string, at: number) => event('login.failed', { userId: 'patient-1', at: new Date(at).toISOString() }, at, id);
    for (const entry of [failed('f1', now - 2 * HOUR), failed('f2', now - 20 * 60_000), failed('f3', now - 5 * 60_000), failed('f3', now - 5 * 60_000)]) await signals.apply(entry);
    await signals.apply(event('login.failed', { userId: 'patient-2', at: new Date(now - 60_000).toISOString() }, now - 60_000, 'f4'));
    expect((await signals.features(checkout(), now)).failedLogins1h).toBe(2);
    signals.prune(now + DAY);
    expect((await signals.features(checkout(), now + DAY)).failedLogins1h).toBe(0);
  });

  it('measures the distance between the patient\'s region (the phone\'s DDD) and the clinic\'s city, when both are known', async () => {
    const signals = fresh();
    await signals.apply(event('patient.registered', { userId: 'patient-rio', roles: ['PATIENT'], registeredAt: new Date(now - DAY).toISOString(), areaCode: '21' }, now - DAY));
    await signals.apply(event('patient.registered', { userId: 'patient-sp', roles: ['PATIENT'], registeredAt: new Date(now - DAY).toISOString(), areaCode: '11' }, now - DAY));
    await signals.apply(event('clinic.located', { clinicId: 'clinic-1', city: 'São Paulo', state: 'SP', at: new Date(now - DAY).toISOString() }, now - DAY));
    expect((await signals.features(checkout({ payerId: 'patient-sp' }), now)).patientClinicDistanceKm).toBe(0);
    expect((await signals.features(checkout({ payerId: 'patient-rio' }), now)).patientClinicDistanceKm).toBeGreaterThan(340);
    // No phone, or a clinic never located: the honest usual value.
    expect((await signals.features(checkout({ payerId: 'patient-without-phone' }), now)).patientClinicDistanceKm).toBe(8);
    expect((await signals.features(checkout({ payerId: 'patient-rio', clinicId: 'clinic-2' }), now)).patientClinicDistanceKm).toBe(8);
  });

  it('does not count loopback addresses, which are the machine\'s own', async () => {
    const signals = fresh();
    for (let index = 0; index < 3; index += 1) await signals.features(checkout({ payerId: `patient-${index}`, deviceId: null, clientIp: '127.0.0.1' }), now - 60_000);
    expect((await signals.features(checkout({ payerId: 'patient-9', deviceId: null, clientIp: '127.0.0.1' }), now)).ipPayments1h).toBe(0);
  });

  it('forgets checkouts past the longest window', async () => {
    const signals = fresh();
    await signals.features(checkout(), now - 100 * DAY);
    signals.prune(now);
    expect((await signals.features(checkout(), now)).cpfPayments7d).toBe(0);
    expect((await signals.features(checkout(), now + 60_000)).cpfPayments7d).toBe(1);
  });

  it('has the fraud desk answer the same payment the same, counting it once, with the model version', async () => {
    const desk = new FraudDesk(await FraudModel.load(FRAUD_MODEL_URL), fresh(), createLogger('ai-test', 'silent'));
    const request = { ...checkout(), procedureId: 'procedure-1', at: new Date(now).toISOString() };
    const first = await desk.assess(request);
    expect(await desk.assess({ ...request, at: new Date(now + 60_000).toISOString() })).toEqual(first);
    expect(first).toMatchObject({ modelVersion: desk.modelVersion, decision: 'APPROVE' });
    expect((await desk.assess({ ...request, paymentId: 'another', at: new Date(now + 60_000).toISOString() })).features.cpfPayments1h).toBe(1);
  });
});

/** Two ai replicas: two processes' signals on one Redis namespace (in memory there is only one process). */
(redisUrl ? describe : describe.skip)('risk signals on ai replicas sharing Redis', () => {
  const replicas = () => {
    const namespace = `test-${randomUUID()}`;
    return [0, 1].map(() => {
      const log = new RedisCheckoutLog(new Redis(redisUrl!), namespace);
      opened.push(log);
      return new RiskSignals(log);
    });
  };

  it('counts a burst spread over the replicas whole: each checkout sees every one before it, however they race', async () => {
    const [a, b] = replicas();
    const burst = await Promise.all(
      Array.from({ length: 20 }, (_, index) => (index % 2 ? a! : b!).features(checkout({ payerId: `patient-${index}`, paymentId: `burst-${index}` }), now)),
    );
    // Atomic: 20 distinct counts, 0 to 19, whichever replica took which checkout.
    expect(burst.map((features) => features.devicePayments1h).sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, index) => index));
    expect((await a!.features(checkout({ payerId: 'patient-99' }), now + 60_000)).deviceAccounts24h).toBe(21);
  });

  it('gives the answer one replica gave when another is asked for the same payment', async () => {
    const [a, b] = replicas();
    const model = await FraudModel.load(FRAUD_MODEL_URL);
    const [deskA, deskB] = [a!, b!].map((signals) => new FraudDesk(model, signals, createLogger('ai-test', 'silent')));
    const request = { ...checkout(), procedureId: 'procedure-1', at: new Date(now).toISOString() };
    const [first, second] = await Promise.all([deskA!.assess(request), deskB!.assess({ ...request, at: new Date(now + 60_000).toISOString() })]);
    expect(second).toEqual(first);
  });
});

