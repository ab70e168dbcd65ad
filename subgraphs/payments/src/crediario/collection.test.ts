// Overdue marking on a real (embedded) PostgreSQL: each installment issued and unpaid past its due
// date moves to OVERDUE once, announced by exactly one installment.overdue event, however many
// workers run the step at once.
import { RULES_ONLY } from '../checkout/fraud-screen.js';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldEncryption, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { checkoutPlan, newPayment } from '../checkout/checkout-decision.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { openTestDatabase, testProcedure } from '../testing.js';
import { installmentStore } from './installment-store.js';
import { markOverdueInstallments } from './collection.js';

const procedure = testProcedure();
const key = () => randomBytes(32).toString('base64url');

let database: Database<PrismaClient>;
let store: CheckoutStore;
beforeAll(async () => {
  database = await openTestDatabase();
  store = new CheckoutStore(database.prisma, new FieldEncryption(key(), key()));
}, 60_000);
afterAll(() => database?.close());

/** A crediário contracted on 2026-11-29: its first installment (due 2026-12-10) ISSUED, the rest SCHEDULED. */
async function crediario() {
  const input = { procedureId: procedure.id, planId: 'CREDIARIO:3', method: 'BOLETO' as const, firstDueDay: 10, idempotencyKey: 'unused' };
  const { plan } = checkoutPlan(input, { procedure, platformFeeBasisPoints: 400, today: '2026-11-29' });
  const record = newPayment({ payerId: randomUUID(), procedure, plan, method: 'BOLETO', now: new Date('2026-11-29T12:00:00Z'), clientIp: '10.0.0.1', newId: randomUUID });
  await store.create(record, { scope: `checkout:${record.payment.payerId}`, key: randomUUID(), hash: 'h' }, RULES_ONLY);
  return record;
}

const overdueEvents = () => database.prisma.outboxEvent.findMany({ where: { type: 'installment.overdue' } });

describe('overdue installments', () => {
  it('move once each, with one installment.overdue event per installment moved', async () => {
    const [late, paid, alsoLate] = [await crediario(), await crediario(), await crediario()];
    const first = (record: typeof late) => record.installments[0]!;
    expect(first(late).dueDate).toBe('2026-12-10');
    await installmentStore.markPaid(database.prisma, first(paid).id, new Date('2026-12-09T12:00:00Z'));

    // The day it falls due, nothing is late yet.
    expect(await markOverdueInstallments(database.prisma, '2026-12-10')).toBe(0);
    // Two passes at once, in batches of one, then a third: two installments move, once.
    const moved = await Promise.all([markOverdueInstallments(database.prisma, '2026-12-11', 1), markOverdueInstallments(database.prisma, '2026-12-11', 1)]);
    expect(moved[0] + moved[1]).toBe(2);
    expect(await markOverdueInstallments(database.prisma, '2026-12-11')).toBe(0);
    // The embedded database runs those passes one after the other; on PostgreSQL two passes may find
    // the same row, and the conditional move lets only one of them announce it.
    expect(await installmentStore.markOverdue(database.prisma, first(late).id)).toBe(false);
    expect(await installmentStore.markOverdue(database.prisma, first(paid).id)).toBe(false);

    const events = await overdueEvents();
    const byPayment = (a: { paymentId: string }, b: { paymentId: string }) => a.paymentId.localeCompare(b.paymentId);
    expect(events.map((event) => event.payload as { paymentId: string }).sort(byPayment)).toEqual(
      [late, alsoLate]
        .map((record) => ({ paymentId: record.payment.id, payerId: record.payment.payerId, clinicId: procedure.clinic.id, number: 1, dueDate: '2026-12-10', amountCentavos: first(record).amountCentavos }))
        .sort(byPayment),
    );
    const statuses = await database.prisma.installment.findMany({ where: { paymentId: { in: [late.payment.id, paid.payment.id] }, number: 1 }, select: { paymentId: true, status: true } });
    expect(new Map(statuses.map((row) => [row.paymentId, row.status]))).toEqual(new Map([[late.payment.id, 'OVERDUE'], [paid.payment.id, 'PAID']]));
    // Scheduled installments (not issued yet) are never made overdue here, however late the date.
    expect(await markOverdueInstallments(database.prisma, '2027-12-31')).toBe(0);
  });
});
