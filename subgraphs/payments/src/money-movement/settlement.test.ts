// Settlement and refunds on a real (embedded) PostgreSQL: a paid charge is settled once however often
// the gateway repeats its webhook, a refund never returns more than is left, and a failed transfer is
// announced with its bookkeeping. Payments are created
// through the real checkout with an in-test charge issuer (nothing reaches a gateway); the Celcoin
// adapter and the directory are constructed but never called by the steps tested here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { domainEventPayloads } from '@medpay/contracts';
import { createLogger, FieldEncryption, Metrics, type Claims, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { Checkout } from '../checkout/checkout.js';
import { checkoutPlan } from '../checkout/checkout-decision.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import { chargeStore } from './charge-store.js';
import { CelcoinGateway } from '../gateway/celcoin-client.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Directory } from '../internal/directory.js';
import { account, balances, checkLedger } from '../ledger/ledger-store.js';
import { PaymentAccess } from '../payments/access.js';
import { paymentRows } from '../payments/payment-store.js';
import { inTransaction } from '../transaction.js';
import { ChargeIssuer } from './charges.js';
import { PaymentActions } from './payment-actions.js';
import { Settlement } from './settlement.js';
import { noLinks, openTestDatabase, signsAtOnce, testDirectory, testProcedure, withoutAi } from '../testing.js';

const procedure = testProcedure();
const secret = () => randomBytes(32).toString('base64url');
const logger = createLogger('payments-test', 'silent');
const unused = 'http://127.0.0.1:9';

let database: Database<PrismaClient>;
let checkout: Checkout;
let settlement: Settlement;
const metrics = new Metrics();
let actions: PaymentActions;
beforeAll(async () => {
  database = await openTestDatabase();
  const prisma = database.prisma;
  const directory = new Directory(unused, unused, secret());
  const gateway = new CelcoinGateway({ baseUrl: unused, clientId: 'x', clientSecret: 'x', pixKey: 'x', merchantName: 'MedPay', merchantCity: 'Sao Paulo', webhookUser: 'x', webhookPassword: 'x', logger });
  settlement = new Settlement(prisma, logger, 7, () => {}, metrics);
  actions = new PaymentActions(prisma, settlement, new ChargeIssuer(prisma, gateway, directory, settlement, 3600, logger), gateway, () => {});
  checkout = new Checkout(new CheckoutStore(prisma, new FieldEncryption(secret(), secret())), testDirectory(procedure), { issue: async () => {} }, signsAtOnce(prisma, { issue: async () => {} }), noLinks, withoutAi, 400, () => {});
}, 60_000);
afterAll(() => database?.close());

const clinicKey: Claims = { sub: randomUUID(), kind: 'partner', roles: [], scopes: [], clinicId: procedure.clinic.id, exp: Math.floor(Date.now() / 1000) + 3600 };
const asClinic = () => new PaymentAccess(clinicKey, new Directory(unused, unused, secret()));

/** A PIX payment with its charge, as checkout leaves it. */
async function newPixPayment() {
  const payment = await checkout.checkout(
    { procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey: `key-${randomUUID()}` },
    { access: { requireUser: () => randomUUID() }, clientIp: '10.0.0.1' },
  );
  const charge = await database.prisma.charge.findFirstOrThrow({ where: { paymentId: payment.id } });
  return { payment, charge };
}

const paid = (chargeId: string, eventId: string, amountCentavos: number) => ({ eventId, transactionId: `tx-${chargeId}`, clientRequestId: chargeId, amountCentavos, occurredAt: new Date() });

/**
 * A clinic of its own, so that what one group of tests leaves a clinic owing stays out of the others:
 * its staff's access, and PIX payments there paid (held in escrow) with their gateway transaction id.
 */
function clinicOfItsOwn() {
  const procedureThere = testProcedure();
  const clinicId = procedureThere.clinic.id;
  return {
    clinicId,
    asItsClinic: () => new PaymentAccess({ ...clinicKey, clinicId }, new Directory(unused, unused, secret())),
    async paidPayment() {
      const checkoutThere = new Checkout(new CheckoutStore(database.prisma, new FieldEncryption(secret(), secret())), testDirectory(procedureThere), { issue: async () => {} }, signsAtOnce(database.prisma, { issue: async () => {} }), noLinks, withoutAi, 400, () => {});
      const payment = await checkoutThere.checkout(
        { procedureId: procedureThere.id, planId: 'PIX', method: 'PIX', idempotencyKey: `key-${randomUUID()}` },
        { access: { requireUser: () => randomUUID() }, clientIp: '10.0.0.1' },
      );
      const charge = await database.prisma.charge.findFirstOrThrow({ where: { paymentId: payment.id } });
      await settlement.chargePaid(paid(charge.id, `evt-${randomUUID()}`, payment.patientTotalCentavos));
      return { payment, transactionId: `tx-${charge.id}` };
    },
  };
}

const eventsOf = (paymentId: string, type: string) => database.prisma.outboxEvent.findMany({ where: { aggregateId: paymentId, type }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

describe('settlement of a paid charge', () => {
  it('settles once under a repeated webhook, and once when the same payment arrives under another event id', async () => {
    const { payment, charge } = await newPixPayment();
    expect(await settlement.chargePaid(paid(charge.id, 'evt-1', payment.patientTotalCentavos))).toBe(true);
    expect(await settlement.chargePaid(paid(charge.id, 'evt-1', payment.patientTotalCentavos))).toBe(false);
    await settlement.chargePaid(paid(charge.id, 'evt-2', payment.patientTotalCentavos));

    const after = await database.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(after).toMatchObject({ status: 'PAID', escrowState: 'HELD' });
    expect(await database.prisma.ledgerTransaction.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await database.prisma.paymentStatusChange.count({ where: { paymentId: payment.id, to: 'PAID' } })).toBe(1);
  });
});

describe('installment.paid', () => {
  /** A three-installment crediário by PIX, its first installment's charge as checkout leaves it. */
  async function newCrediario() {
    const input = { procedureId: procedure.id, planId: 'CREDIARIO:3', method: 'PIX' as const, firstDueDay: 10, idempotencyKey: `key-${randomUUID()}` };
    const { plan } = checkoutPlan(input, { procedure, platformFeeBasisPoints: 400, today: todayInSaoPaulo() });
    const payment = await checkout.checkout({ ...input, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash }, { access: { requireUser: () => randomUUID() }, clientIp: '10.0.0.1' });
    const charge = await database.prisma.charge.findFirstOrThrow({ where: { paymentId: payment.id } });
    return { payment, charge };
  }

  it('is written once with the payment of the installment, however often the webhook is delivered', async () => {
    const { payment, charge } = await newCrediario();
    const occurredAt = new Date('2026-12-10T13:00:00.000Z');
    const delivery = { ...paid(charge.id, `evt-${randomUUID()}`, charge.amountCentavos), occurredAt };
    expect(await settlement.chargePaid(delivery)).toBe(true);
    expect(await settlement.chargePaid(delivery)).toBe(false);
    await settlement.chargePaid({ ...delivery, eventId: `evt-${randomUUID()}` });

    const installment = await database.prisma.installment.findUniqueOrThrow({ where: { paymentId_number: { paymentId: payment.id, number: 1 } } });
    const events = await eventsOf(payment.id, 'installment.paid');
    expect(events.map((event) => event.payload)).toEqual([
      { paymentId: payment.id, payerId: payment.payerId, clinicId: procedure.clinic.id, number: 1, dueDate: installment.dueDate, amountCentavos: installment.amountCentavos, paidAt: occurredAt.toISOString() },
    ]);
    // Signed, then the first installment activates the contract: its status change is written in the same step.
    expect((await eventsOf(payment.id, 'payment.status_changed')).map((event) => (event.payload as { status: string }).status)).toEqual(['AWAITING_SIGNATURE', 'AWAITING_PAYMENT', 'PAID']);
  });

  it('is not written when the payment fails to settle (one transaction with the installment and its books)', async () => {
    const { payment, charge } = await newCrediario();
    // One centavo cannot cover the installment's principal: the ledger refuses the posting (a negative
    // interest), after the installment was marked paid and its event written, and the step rolls back.
    await expect(settlement.chargePaid(paid(charge.id, `evt-${randomUUID()}`, 1))).rejects.toThrow(/bad amount/);
    expect(await eventsOf(payment.id, 'installment.paid')).toHaveLength(0);
    expect(await database.prisma.installment.findUniqueOrThrow({ where: { paymentId_number: { paymentId: payment.id, number: 1 } }, select: { status: true } })).toEqual({ status: 'ISSUED' });
  });

  it('is not written again when another charge pays the same installment (booked apart for a refund)', async () => {
    const { payment, charge } = await newCrediario();
    await settlement.chargePaid(paid(charge.id, `evt-${randomUUID()}`, charge.amountCentavos));
    const second = await chargeStore.create(database.prisma, { id: randomUUID(), paymentId: payment.id, method: 'PIX', amountCentavos: charge.amountCentavos, installmentNumber: 1 });
    await settlement.chargePaid(paid(second.id, `evt-${randomUUID()}`, charge.amountCentavos));
    expect(await eventsOf(payment.id, 'installment.paid')).toHaveLength(1);
    expect(await database.prisma.ledgerTransaction.count({ where: { id: `charge:${second.id}:duplicate` } })).toBe(1);
  });
});

describe('refunds', () => {
  it("announce the payment's total refunded after each move", async () => {
    const { payment, charge } = await newPixPayment();
    await settlement.chargePaid(paid(charge.id, `evt-${randomUUID()}`, payment.patientTotalCentavos));
    const part = Math.floor(payment.grossCentavos / 4);
    await actions.refund({ paymentId: payment.id, amountCentavos: part, reason: 'Procedimento reduzido', idempotencyKey: `refund-${randomUUID()}` }, asClinic());
    await actions.refund({ paymentId: payment.id, amountCentavos: payment.grossCentavos - part, reason: 'Cancelado', idempotencyKey: `refund-${randomUUID()}` }, asClinic());
    const moves = (await eventsOf(payment.id, 'payment.status_changed')).map((event) => event.payload as { status: string; escrowState: string; refundedCentavos: number });
    expect(moves.map(({ status, escrowState, refundedCentavos }) => [status, escrowState, refundedCentavos])).toEqual([
      ['AWAITING_PAYMENT', 'NONE', 0],
      ['PAID', 'HELD', 0],
      ['PARTIALLY_REFUNDED', 'HELD', part],
      ['REFUNDED', 'RETURNED', payment.grossCentavos],
    ]);
  });

  it('never return more than is left, and a retried refund moves money once', async () => {
    const { payment, charge } = await newPixPayment();
    await settlement.chargePaid(paid(charge.id, `evt-${randomUUID()}`, payment.patientTotalCentavos));
    const part = Math.floor(payment.grossCentavos / 3);
    const refund = { paymentId: payment.id, amountCentavos: part, reason: 'Procedimento reduzido', idempotencyKey: `refund-${randomUUID()}` };

    expect((await actions.refund(refund, asClinic())).refundedCentavos).toBe(part);
    expect((await actions.refund(refund, asClinic())).refundedCentavos).toBe(part);
    await expect(actions.refund({ ...refund, amountCentavos: payment.grossCentavos - part + 1, idempotencyKey: `refund-${randomUUID()}` }, asClinic())).rejects.toMatchObject({
      extensions: { code: 'REFUND_EXCEEDS_BALANCE' },
    });
    const rest = await actions.refund({ ...refund, amountCentavos: payment.grossCentavos - part, idempotencyKey: `refund-${randomUUID()}` }, asClinic());
    expect(rest).toMatchObject({ status: 'REFUNDED', refundedCentavos: payment.grossCentavos });
    await expect(actions.refund({ ...refund, amountCentavos: 1, idempotencyKey: `refund-${randomUUID()}` }, asClinic())).rejects.toMatchObject({
      extensions: { code: expect.stringMatching(/^REFUND_(EXCEEDS_BALANCE|NOT_ALLOWED)$/) },
    });

    const transfers = await database.prisma.transfer.findMany({ where: { paymentId: payment.id, kind: 'REFUND' }, select: { amountCentavos: true } });
    expect(transfers.map((t) => t.amountCentavos).sort((a, b) => a - b)).toEqual([part, payment.grossCentavos - part].sort((a, b) => a - b));
  });
});

describe('refunds after payout', () => {
  const clinicOwes = async () => 0 - (await balances(database.prisma, [account.clinicPayable(procedure.clinic.id)])).get(account.clinicPayable(procedure.clinic.id))!;

  /** Paid and held in escrow, as the worker leaves it once the gateway blocked the money. */
  async function inEscrow() {
    const { payment, charge } = await newPixPayment();
    await settlement.chargePaid(paid(charge.id, `evt-${randomUUID()}`, payment.patientTotalCentavos));
    await settlement.escrowBlocked(payment.id);
    return payment;
  }
  const release = (paymentId: string) => inTransaction(database.prisma, async (tx) => settlement.release(tx, await paymentRows.get(tx, paymentId), 'Procedimento confirmado pela clínica'));

  /** A PIX payment paid, released and paid out to the clinic. */
  async function paidOut() {
    const payment = await inEscrow();
    expect(await release(payment.id)).toBe(true);
    const payout = await database.prisma.transfer.findFirstOrThrow({ where: { paymentId: payment.id, kind: 'PAYOUT' } });
    await settlement.transferEnded({ eventId: `evt-${randomUUID()}`, transactionId: `tx-${payout.id}`, clientRequestId: payout.id, confirmed: true });
    return { payment: await database.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } }), payout };
  }

  it('leave the clinic owing its share of them, never more than the payment, kept back from its next payout', async () => {
    const first = await paidOut();
    expect(first.payment.status).toBe('PAID_OUT');
    expect(await clinicOwes()).toBe(0);

    // 20 refunds of 10 % of the price at once: only what the payment has left goes back.
    const tenth = first.payment.grossCentavos / 10;
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => actions.refund({ paymentId: first.payment.id, amountCentavos: tenth, reason: 'Reembolso', idempotencyKey: `refund-${randomUUID()}` }, asClinic())));
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
    // The clinic owes its share of what went back (each refund reverses the split; rounding may leave it a centavo short).
    const owed = await clinicOwes();
    expect(owed).toBeGreaterThanOrEqual(first.payout.amountCentavos - 10);
    expect(owed).toBeLessThanOrEqual(first.payout.amountCentavos);

    // The clinic's next payment pays out only what is left after the debt, and the debt is gone.
    const next = await paidOut();
    expect(next.payout.amountCentavos).toBe(first.payout.amountCentavos - owed);
    expect(await clinicOwes()).toBe(0);
    expect((await checkLedger(database.prisma)).balanced).toBe(true);
  });

  it('a debt larger than the next share leaves no payout, and the share counts as paid', async () => {
    const owedBefore = await clinicOwes();
    // Two payments paid out, then both refunded in full: the clinic owes about two shares.
    const first = await paidOut();
    const second = await paidOut();
    for (const { payment } of [first, second]) {
      await actions.refund({ paymentId: payment.id, amountCentavos: payment.grossCentavos, reason: 'Reembolso integral', idempotencyKey: `refund-${randomUUID()}` }, asClinic());
    }
    const debt = await clinicOwes();
    expect(debt).toBe(owedBefore + first.payout.amountCentavos + second.payout.amountCentavos);

    const third = await inEscrow();
    expect(await release(third.id)).toBe(true);
    expect(await database.prisma.transfer.count({ where: { paymentId: third.id, kind: 'PAYOUT' } })).toBe(0);
    expect((await database.prisma.payment.findUniqueOrThrow({ where: { id: third.id } })).status).toBe('PAID_OUT');
    // The whole share went to the debt.
    expect(await clinicOwes()).toBe(debt - third.clinicNetCentavos);
    expect((await checkLedger(database.prisma)).balanced).toBe(true);
  });
});

describe('transfer.failed', () => {
  // A clinic of its own: the tests above leave theirs owing, which would keep its payouts back.
  const { clinicId, asItsClinic, paidPayment } = clinicOfItsOwn();
  /** Paid, blocked in escrow and released to the clinic: its payout requested. */
  async function released() {
    const { payment } = await paidPayment();
    await settlement.escrowBlocked(payment.id);
    await inTransaction(database.prisma, async (tx) => settlement.release(tx, await paymentRows.get(tx, payment.id), 'Procedimento confirmado pela clínica'));
    return database.prisma.transfer.findFirstOrThrow({ where: { paymentId: payment.id, kind: 'PAYOUT' } });
  }
  /** A refund of R$ 10,00 from escrow, requested. */
  async function refunded() {
    const { payment } = await paidPayment();
    await actions.refund({ paymentId: payment.id, amountCentavos: 1_000, reason: 'Ajuste', idempotencyKey: `refund-${randomUUID()}` }, asItsClinic());
    return database.prisma.transfer.findFirstOrThrow({ where: { paymentId: payment.id, kind: 'REFUND' } });
  }
  const failed = (transferId: string, eventId = `evt-${randomUUID()}`) => ({ eventId, transactionId: `tx-${transferId}`, clientRequestId: transferId, confirmed: false });

  it('is written with the bookkeeping of a failed payout, once however often the gateway reports it', async () => {
    const payout = await released();
    const failures = metrics.get('payout_failures_total');
    const delivery = failed(payout.id);
    expect(await settlement.transferEnded(delivery)).toBe(true);
    expect(await settlement.transferEnded(delivery)).toBe(false);
    await settlement.transferEnded(failed(payout.id));

    const events = await eventsOf(payout.paymentId, 'transfer.failed');
    expect(events.map((event) => event.payload)).toEqual([{ transferId: payout.id, paymentId: payout.paymentId, clinicId, kind: 'PAYOUT', amountCentavos: payout.amountCentavos }]);
    expect(domainEventPayloads['transfer.failed'].parse(events[0]!.payload)).toEqual(events[0]!.payload);
    expect(await database.prisma.ledgerTransaction.count({ where: { id: `transfer:${payout.id}:failed` } })).toBe(1);
    // counted once for the alarm, however often the gateway reports it
    expect(metrics.get('payout_failures_total') - failures).toBe(1);
  });

  it('is written for a refund that failed, as a REFUND', async () => {
    const refund = await refunded();
    await settlement.transferEnded(failed(refund.id));
    expect((await eventsOf(refund.paymentId, 'transfer.failed')).map((event) => event.payload)).toEqual([
      { transferId: refund.id, paymentId: refund.paymentId, clinicId, kind: 'REFUND', amountCentavos: 1_000 },
    ]);
  });

  it('is not written when the bookkeeping of the failure rolls back, and the transfer is not marked failed', async () => {
    const refund = await refunded();
    // Sources that do not add up to the refund: the ledger refuses to put the money back, after the event was written.
    await database.prisma.transfer.update({ where: { id: refund.id }, data: { reversal: { [account.escrow(clinicId)]: 999 } } });
    await expect(settlement.transferEnded(failed(refund.id))).rejects.toThrow(/unbalanced/);
    expect(await eventsOf(refund.paymentId, 'transfer.failed')).toHaveLength(0);
    expect((await database.prisma.transfer.findUniqueOrThrow({ where: { id: refund.id } })).status).toBe('REQUESTED');
  });
});

describe('chargebacks', () => {
  // A clinic of its own, so that what its chargebacks leave it owing stays out of the tests above.
  const { clinicId, asItsClinic, paidPayment } = clinicOfItsOwn();
  const book = (ids: string[]) => balances(database.prisma, ids);
  const cashAndClinic = async () => {
    const found = await book([account.gatewayCash, account.escrow(clinicId), account.clinicPayable(clinicId), account.platformRevenue]);
    return { cash: found.get(account.gatewayCash)!, escrow: found.get(account.escrow(clinicId))!, available: found.get(account.clinicPayable(clinicId))!, revenue: found.get(account.platformRevenue)! };
  };
  /** Paid and blocked in escrow; the booking does not depend on the method, so PIX stands in for a card. */
  async function inEscrow() {
    const paidThere = await paidPayment();
    await settlement.escrowBlocked(paidThere.payment.id);
    return paidThere;
  }
  const chargeback = (transactionId: string, amountCentavos: number) => ({ chargebackId: `cb-${randomUUID()}`, transactionId, amountCentavos, reason: '10.4 Other Fraud' });
  const current = (paymentId: string) => database.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });

  it('takes escrowed money out of escrow once, however often and concurrently the gateway repeats it', async () => {
    const { payment, transactionId } = await inEscrow();
    const before = await cashAndClinic();
    const event = chargeback(transactionId, payment.grossCentavos);
    const deliveries = await Promise.all(Array.from({ length: 5 }, () => settlement.chargedBack(event)));
    expect(deliveries.filter(Boolean)).toHaveLength(1);

    const after = await cashAndClinic();
    expect([after.cash, after.escrow, after.available]).toEqual([before.cash - payment.grossCentavos, before.escrow - payment.grossCentavos, before.available]);
    expect(await current(payment.id)).toMatchObject({ status: 'CHARGED_BACK', escrowState: 'HELD' });
    const transfers = await database.prisma.transfer.findMany({ where: { paymentId: payment.id } });
    expect(transfers.map(({ kind, status, amountCentavos, gatewayTransactionId }) => ({ kind, status, amountCentavos, gatewayTransactionId }))).toEqual([
      { kind: 'CHARGEBACK', status: 'CONFIRMED', amountCentavos: payment.grossCentavos, gatewayTransactionId: event.chargebackId },
    ]);
    // Once the worker lifted the gateway's block, the escrow is over; nothing can release or refund it any more.
    await settlement.escrowReturned(payment.id);
    expect(await current(payment.id)).toMatchObject({ status: 'CHARGED_BACK', escrowState: 'RETURNED' });
    await expect(actions.refund({ paymentId: payment.id, amountCentavos: 100, reason: 'Reembolso', idempotencyKey: `refund-${randomUUID()}` }, asItsClinic())).rejects.toMatchObject({ code: 'REFUND_NOT_ALLOWED' });
    expect((await checkLedger(database.prisma)).balanced).toBe(true);
  });

  it('after payout, takes the clinic\'s share back from its balance and reverses the platform\'s fee', async () => {
    const { payment, transactionId } = await inEscrow();
    await inTransaction(database.prisma, async (tx) => settlement.release(tx, await paymentRows.get(tx, payment.id), 'Procedimento confirmado pela clínica'));
    const payout = await database.prisma.transfer.findFirstOrThrow({ where: { paymentId: payment.id, kind: 'PAYOUT' } });
    await settlement.transferEnded({ eventId: `evt-${randomUUID()}`, transactionId: `tx-${payout.id}`, clientRequestId: payout.id, confirmed: true });
    const before = await cashAndClinic();

    await settlement.chargedBack(chargeback(transactionId, payment.grossCentavos));
    const after = await cashAndClinic();
    expect(after.cash).toBe(before.cash - payment.grossCentavos);
    // The clinic owes its whole net share (kept back from its next payouts); the platform gives back its fee.
    expect(after.available).toBe(before.available - payment.clinicNetCentavos);
    expect(after.revenue).toBe(before.revenue - payment.platformFeeCentavos);
    expect(after.escrow).toBe(before.escrow);
    expect(await current(payment.id)).toMatchObject({ status: 'CHARGED_BACK', escrowState: 'PAID_OUT' });
    expect((await checkLedger(database.prisma)).balanced).toBe(true);
  });

  it('books what the gateway took beyond what the payment had left as a shortfall, and one for an unknown charge apart', async () => {
    const { payment, transactionId } = await inEscrow();
    await actions.refund({ paymentId: payment.id, amountCentavos: 1_000, reason: 'Ajuste', idempotencyKey: `refund-${randomUUID()}` }, asItsClinic());
    const [shortBefore, unmatchedBefore] = [...(await book([account.chargebackShortfall, account.unmatchedReceipts])).values()];
    // The gateway did not know of the refund yet: it took the whole price.
    await settlement.chargedBack(chargeback(transactionId, payment.grossCentavos));
    const transfer = await database.prisma.transfer.findFirstOrThrow({ where: { paymentId: payment.id, kind: 'CHARGEBACK' } });
    expect(transfer.reversal).toEqual({ [account.escrow(clinicId)]: payment.grossCentavos - 1_000, [account.chargebackShortfall]: 1_000 });
    await settlement.chargedBack(chargeback('tx-nobody-knows', 5_000));
    const [shortAfter, unmatchedAfter] = [...(await book([account.chargebackShortfall, account.unmatchedReceipts])).values()];
    expect([shortAfter! - shortBefore!, unmatchedAfter! - unmatchedBefore!]).toEqual([1_000, -5_000]);
    expect((await checkLedger(database.prisma)).balanced).toBe(true);
  });
});
