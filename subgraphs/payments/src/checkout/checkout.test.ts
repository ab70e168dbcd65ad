// Checkout on a real (embedded) PostgreSQL: what a patient relies on when a request is retried.
// The catalog (Directory) and the charge issuer are small in-test stand-ins: the issuer only records
// which charges it was asked to create at the gateway.
import { RULES_ONLY } from './fraud-screen.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldEncryption, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import type { CheckoutInput } from '../__generated__/resolvers-types.js';
import type { Charge, PrismaClient } from '../generated/prisma/client.js';
import { Checkout } from './checkout.js';
import { checkoutPlan, newPayment } from './checkout-decision.js';
import { CheckoutStore } from './checkout-store.js';
import { noLinks, openTestDatabase, signsAtOnce, testDirectory, testProcedure, withoutAi } from '../testing.js';

const procedure = testProcedure();
const key = () => randomBytes(32).toString('base64url');

let database: Database<PrismaClient>;
let store: CheckoutStore;
let checkout: Checkout;
const issued: Charge[] = [];
beforeAll(async () => {
  database = await openTestDatabase();
  store = new CheckoutStore(database.prisma, new FieldEncryption(key(), key()));
  checkout = new Checkout(
    store,
    testDirectory(procedure),
    { issue: async (charge) => void issued.push(charge) },
    signsAtOnce(database.prisma, { issue: async (charge) => void issued.push(charge) }), noLinks,
    withoutAi,
    400,
    () => {},
  );
}, 60_000);
afterAll(() => database?.close());

const as = (payerId: string) => ({ access: { requireUser: () => payerId }, clientIp: '10.0.0.1' });
const pix = (idempotencyKey: string): CheckoutInput => ({ procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey });

describe('checkout', () => {
  it('answers a retried request (same key, same request) with the same payment, created once', async () => {
    const payer = randomUUID();
    const first = await checkout.checkout(pix('retry-key-1'), as(payer));
    const again = await checkout.checkout(pix('retry-key-1'), as(payer));
    expect(again.id).toBe(first.id);
    expect(await database.prisma.payment.count({ where: { payerId: payer } })).toBe(1);
    expect(await database.prisma.charge.count({ where: { paymentId: first.id } })).toBe(1);
    const events = await database.prisma.outboxEvent.findMany({ where: { aggregateId: first.id }, select: { type: true } });
    expect(events.map((event) => event.type).sort()).toEqual(['payment.created', 'payment.status_changed']);
    // The first charge is (re)issued at the gateway on each answer; the issuer itself is idempotent.
    expect(issued.filter((charge) => charge.paymentId === first.id)).toHaveLength(2);
  });

  it('answers concurrent identical requests with one payment', async () => {
    const payer = randomUUID();
    const answers = await Promise.all([1, 2, 3].map(() => checkout.checkout(pix('race-key-1'), as(payer))));
    expect(new Set(answers.map((payment) => payment.id)).size).toBe(1);
    expect(await database.prisma.payment.count({ where: { payerId: payer } })).toBe(1);
  });

  it('refuses the same key with another request (IDEMPOTENCY_KEY_REUSED), and writes nothing', async () => {
    const payer = randomUUID();
    await checkout.checkout(pix('reused-key-1'), as(payer));
    await expect(checkout.checkout({ ...pix('reused-key-1'), planId: 'BOLETO', method: 'BOLETO' }, as(payer))).rejects.toMatchObject({
      extensions: { code: 'IDEMPOTENCY_KEY_REUSED' },
    });
    expect(await database.prisma.payment.count({ where: { payerId: payer } })).toBe(1);
  });

  it('scopes keys to the payer: the same key from two patients makes two payments', async () => {
    const [a, b] = await Promise.all([checkout.checkout(pix('shared-key-1'), as(randomUUID())), checkout.checkout(pix('shared-key-1'), as(randomUUID()))]);
    expect(a.id).not.toBe(b.id);
  });

  it('stores the procedure name encrypted, never in clear', async () => {
    const payment = await checkout.checkout(pix('secret-key-1'), as(randomUUID()));
    const row = await database.prisma.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { procedureNameEncrypted: true } });
    expect(row.procedureNameEncrypted).not.toContain('Clareamento');
  });
});

describe('payment.created', () => {
  it("is written with the payment, carrying its split, plan and the procedure's category", async () => {
    const payment = await checkout.checkout({ procedureId: procedure.id, planId: 'CARD:10', method: 'CARD', cardToken: 'tok', idempotencyKey: 'created-key-1' }, as(randomUUID()));
    const created = await database.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: payment.id, type: 'payment.created' } });
    expect(created.payload).toEqual({
      paymentId: payment.id,
      payerId: payment.payerId,
      clinicId: procedure.clinic.id,
      procedureId: procedure.id,
      category: 'Odontologia',
      planKind: 'CARD_INSTALLMENTS',
      method: 'CARD',
      installmentCount: 10,
      grossCentavos: payment.grossCentavos,
      platformFeeCentavos: payment.platformFeeCentavos,
      processingCostCentavos: payment.processingCostCentavos,
      clinicNetCentavos: payment.clinicNetCentavos,
      patientTotalCentavos: payment.patientTotalCentavos,
      installments: [],
    });
    // Ten card installments above the clinic's six sem juros: the patient pays interest, the split is the price's.
    expect(payment.patientTotalCentavos).toBeGreaterThan(payment.grossCentavos);
    expect(payment.grossCentavos).toBe(payment.platformFeeCentavos + payment.processingCostCentavos + payment.clinicNetCentavos);
  });

  it("carries a crediário's schedule", async () => {
    const { plan } = checkoutPlan({ procedureId: procedure.id, planId: 'CREDIARIO:4', method: 'BOLETO', firstDueDay: 5, idempotencyKey: 'unused-key' }, { procedure, platformFeeBasisPoints: 400, today: '2026-11-29' });
    const record = newPayment({ payerId: randomUUID(), procedure, plan, method: 'BOLETO', now: new Date(), clientIp: '10.0.0.1', newId: randomUUID });
    await store.create(record, { scope: `checkout:${record.payment.payerId}`, key: 'crediario-key-1', hash: 'h' }, RULES_ONLY);
    const created = await database.prisma.outboxEvent.findFirstOrThrow({ where: { aggregateId: record.payment.id, type: 'payment.created' } });
    expect(created.payload).toMatchObject({ planKind: 'CREDIARIO', method: 'BOLETO', installmentCount: 4 });
    const persisted = await database.prisma.installment.findMany({ where: { paymentId: record.payment.id }, orderBy: { number: 'asc' } });
    expect((created.payload as { installments: unknown }).installments).toEqual(persisted.map(({ number, dueDate, amountCentavos }) => ({ number, dueDate, amountCentavos })));
    // The installments charged are the ones disclosed, interest for the real days included.
    expect(persisted.map(({ number, dueDate, amountCentavos, interestCentavos, amortizationCentavos }) => ({ number, dueDate, amountCentavos, interestCentavos, amortizationCentavos }))).toEqual(plan.schedule);
    expect(plan.firstDueDate).toBe('2027-01-05');
  });

  it('commits with the payment or not at all: an event that cannot be written leaves no payment', async () => {
    const taken = await database.prisma.outboxEvent.findFirstOrThrow({ select: { id: true } });
    const { plan } = checkoutPlan(pix('unused-key'), { procedure, platformFeeBasisPoints: 400, today: '2026-11-29' });
    const record = newPayment({ payerId: randomUUID(), procedure, plan, method: 'PIX', now: new Date(), clientIp: '10.0.0.1', newId: randomUUID });
    // The second event reuses an existing outbox id: its insert fails after the payment's rows were written.
    record.events[1] = { ...record.events[1], id: taken.id };
    await expect(store.create(record, { scope: `checkout:${record.payment.payerId}`, key: 'doomed-key-1', hash: 'h' }, RULES_ONLY)).rejects.toThrow();
    expect(await database.prisma.payment.count({ where: { id: record.payment.id } })).toBe(0);
    expect(await database.prisma.outboxEvent.count({ where: { aggregateId: record.payment.id } })).toBe(0);
  });
});
