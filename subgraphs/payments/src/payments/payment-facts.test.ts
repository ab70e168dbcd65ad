// The payment facts endpoint (/internal/payment-facts) on a real (embedded) PostgreSQL: a payment as
// a message shows it, now — the charge awaiting payment, and the crediário's schedule with the late
// charges payments' own rule gives on the day asked. Run as the kit's internalRoutes runs it.
import { RULES_ONLY } from '../checkout/fraud-screen.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as contracts from '@medpay/contracts';
import { FieldEncryption, serviceClaims, type Database, type InternalRoute } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { checkoutPlan, newPayment } from '../checkout/checkout-decision.js';
import { markSigned } from '../crediario/contract-signing.js';
import { inTransaction } from '../transaction.js';
import { paymentRows } from './payment-store.js';

import { CheckoutStore } from '../checkout/checkout-store.js';
import { markOverdueInstallments } from '../crediario/collection.js';
import { lateChargesCentavos } from '../crediario/late-charges.js';
import { paymentsOutbox } from '../events/outbox.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { paymentsInternalRoutes } from '../internal/internal-routes.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { openTestDatabase, testDirectory, testProcedure } from '../testing.js';
import { PaymentLinks } from '../links/payment-links.js';

const procedure = testProcedure();
const key = () => randomBytes(32).toString('base64url');

let database: Database<PrismaClient>;
let store: CheckoutStore;
let facts: InternalRoute;
/** 2026-12-20 in São Paulo */
const now = new Date('2026-12-20T15:00:00.000Z');
beforeAll(async () => {
  database = await openTestDatabase();
  const encryption = new FieldEncryption(key(), key());
  store = new CheckoutStore(database.prisma, encryption);
  const links = new PaymentLinks(database.prisma, testDirectory(procedure), encryption, 'http://127.0.0.1:3000', () => {});
  facts = paymentsInternalRoutes({ prisma: database.prisma, outbox: paymentsOutbox(database.prisma), links, now: () => now }).find((route) => route.path === contracts.paymentFacts.path)!;
}, 60_000);
afterAll(() => database?.close());

async function factsOf(paymentId: string) {
  const outcome = await facts.run({ paymentId }, serviceClaims('notifications'));
  if ('invalid' in outcome) throw new Error('refused');
  if (outcome.answer !== null) expect(contracts.paymentFacts.response.parse(outcome.answer)).toEqual(outcome.answer);
  return outcome.answer;
}

/** A payment contracted on 2026-11-29 as checkout writes it (its first charge CREATING; a crediário's, once its contract is signed). */
async function contracted(planId: string, method: 'PIX' | 'BOLETO') {
  const input = { procedureId: procedure.id, planId, method, firstDueDay: 10, idempotencyKey: 'unused' };
  const { plan } = checkoutPlan(input, { procedure, platformFeeBasisPoints: 400, today: '2026-11-29' });
  const record = newPayment({ payerId: randomUUID(), procedure, plan, method, now: new Date('2026-11-29T12:00:00Z'), clientIp: '10.0.0.1', newId: randomUUID });
  await store.create(record, { scope: `checkout:${record.payment.payerId}`, key: randomUUID(), hash: 'h' }, RULES_ONLY);
  if (record.signatureExpiresAt) {
    await inTransaction(database.prisma, async (tx) => {
      await markSigned(tx, await paymentRows.get(tx, record.payment.id), new Date('2026-11-29T12:05:00Z'));
      await chargeStore.create(tx, record.charge);
    });
  }
  return record;
}

describe('payment facts (/internal/payment-facts)', () => {
  it("answers a crediário's open boleto and its schedule, an overdue installment with its late charges as of today", async () => {
    const record = await contracted('CREDIARIO:3', 'BOLETO');
    const [first, second, third] = record.installments;
    await chargeStore.activate(database.prisma, record.charge.id, { gatewayTransactionId: `boleto-${record.charge.id}`, boletoLine: '1'.repeat(47), dueDate: first!.dueDate });
    expect(await markOverdueInstallments(database.prisma, '2026-12-11')).toBe(1);

    const late = lateChargesCentavos(first!.amountCentavos, '2026-12-10', '2026-12-20');
    expect(late).toBeGreaterThan(0);
    expect(await factsOf(record.payment.id)).toEqual({
      paymentId: record.payment.id,
      payerId: record.payment.payerId,
      clinicId: procedure.clinic.id,
      procedureId: procedure.id,
      status: 'AWAITING_PAYMENT',
      escrowState: 'NONE',
      method: 'BOLETO',
      planKind: 'CREDIARIO',
      patientTotalCentavos: record.payment.patientTotalCentavos,
      clinicNetCentavos: record.payment.clinicNetCentavos,
      refundedCentavos: 0,
      openCharge: { method: 'BOLETO', installmentNumber: 1, expiresAt: null, dueDate: '2026-12-10' },
      installments: [
        { number: 1, dueDate: '2026-12-10', amountCentavos: first!.amountCentavos, status: 'OVERDUE', lateChargesCentavos: late, amountDueCentavos: first!.amountCentavos + late },
        ...[second!, third!].map((installment) => ({
          number: installment.number,
          dueDate: installment.dueDate,
          amountCentavos: installment.amountCentavos,
          status: 'SCHEDULED',
          lateChargesCentavos: 0,
          amountDueCentavos: installment.amountCentavos,
        })),
      ],
      createdAt: (await database.prisma.payment.findUniqueOrThrow({ where: { id: record.payment.id } })).createdAt.toISOString(),
    });
  });

  it("answers an à vista PIX's expiry while its charge is open, and no open charge once it is paid", async () => {
    const record = await contracted('PIX', 'PIX');
    const expiresAt = new Date('2026-11-29T13:00:00.000Z');
    await chargeStore.activate(database.prisma, record.charge.id, { gatewayTransactionId: `pix-${record.charge.id}`, pixCopiaECola: '0002', expiresAt });
    expect(await factsOf(record.payment.id)).toMatchObject({ method: 'PIX', planKind: 'A_VISTA', installments: [], openCharge: { method: 'PIX', installmentNumber: null, expiresAt: expiresAt.toISOString(), dueDate: null } });

    await chargeStore.markPaid(database.prisma, record.charge.id, { paidCentavos: record.charge.amountCentavos, paidAt: new Date(), gatewayTransactionId: `pix-${record.charge.id}` });
    expect(await factsOf(record.payment.id)).toMatchObject({ openCharge: null });
  });

  it('answers 404 (null) for an unknown payment or an id that is no UUID', async () => {
    expect(await factsOf(randomUUID())).toBeNull();
    expect(await factsOf('not-a-uuid')).toBeNull();
  });
});
