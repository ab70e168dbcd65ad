// Reconciliation's alert on a real (embedded) PostgreSQL: a run that finds the books and the gateway
// apart writes ledger.discrepancy_found, once per distinct set of discrepancies however many runs (or
// replicas) find it; books that agree write nothing. Cash appears from nowhere by posting it directly.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { domainEventPayloads } from '@medpay/contracts';
import { createLogger, isUuid, type Database } from '@medpay/runtime';
import { ledgerDiscrepancyFound } from '../events/domain-events.js';
import type { PaymentGateway } from '../gateway/payment-gateway.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Settlement } from '../money-movement/settlement.js';
import { openTestDatabase } from '../testing.js';
import { inTransaction } from '../transaction.js';
import { account, post } from './ledger-store.js';
import { Reconciliation } from './reconciliation.js';

const logger = createLogger('payments-test', 'silent');
const notInThisTest = () => Promise.reject(new Error('not used by this test'));

/** No charge is open here: reconciliation never asks the gateway. */
const gateway: PaymentGateway = {
  createPixCharge: notInThisTest,
  createBoleto: notInThisTest,
  chargeCard: notInThisTest,
  getCharge: notInThisTest,
  findChargeByClientRequestId: notInThisTest,
  cancelCharge: notInThisTest,
  blockBalance: notInThisTest,
  unblockBalance: notInThisTest,
  payout: notInThisTest,
  tedTransfer: notInThisTest,
  refund: notInThisTest,
  parseWebhook: () => {
    throw new Error('not used by this test');
  },
};

let database: Database<PrismaClient>;
let reconciliation: Reconciliation;
let kicks = 0;
let now = new Date('2026-12-10T12:00:00.000Z');
beforeAll(async () => {
  database = await openTestDatabase();
  const settlement = new Settlement(database.prisma, logger, 7, () => {});
  reconciliation = new Reconciliation(database.prisma, gateway, settlement, logger, () => void (kicks += 1), () => now);
}, 60_000);
afterAll(() => database?.close());

const alerts = () => database.prisma.outboxEvent.findMany({ where: { type: 'ledger.discrepancy_found' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
/** Cash at the gateway by our books that no charge received. */
const unexplainedCash = (id: string, amountCentavos: number) =>
  inTransaction(database.prisma, (tx) =>
    post(tx, { id, description: 'teste', entries: [{ account: account.gatewayCash, side: 'DEBIT', amountCentavos }, { account: account.platformRevenue, side: 'CREDIT', amountCentavos }] }),
  );

describe('ledger.discrepancy_found', () => {
  it('is not written while the books agree with the gateway', async () => {
    expect((await reconciliation.run()).discrepancies).toEqual([]);
    expect(await alerts()).toHaveLength(0);
    expect(kicks).toBe(0);
  });

  it('is written once for a set of discrepancies however many runs find it, and again for another set', async () => {
    await unexplainedCash('test:cash:1', 500);
    const first = await reconciliation.run();
    expect(first.discrepancies).toEqual(['caixa no gateway: livro 500, cobranças e transferências 0']);
    now = new Date('2026-12-10T13:00:00.000Z');
    await reconciliation.run();
    // The background loop runs the same reconciliation.
    reconciliation.loop.kick();
    await reconciliation.loop.idle();

    const written = await alerts();
    expect(written.map((event) => [event.aggregateId, event.payload])).toEqual([['ledger', { discrepancies: first.discrepancies, at: '2026-12-10T12:00:00.000Z' }]]);
    expect(domainEventPayloads['ledger.discrepancy_found'].parse(written[0]!.payload)).toEqual(written[0]!.payload);
    expect(kicks).toBe(1);

    // The books move apart further: another set, another alert.
    await unexplainedCash('test:cash:2', 200);
    await reconciliation.run();
    expect((await alerts()).map((event) => (event.payload as { discrepancies: string[] }).discrepancies)).toEqual([
      ['caixa no gateway: livro 500, cobranças e transferências 0'],
      ['caixa no gateway: livro 700, cobranças e transferências 0'],
    ]);
    expect(kicks).toBe(2);
  });
});

describe('a chargeback beyond our cash', () => {
  it('overdraws the account at the gateway: the cash agrees net of the overdraft, which is listed until funded', async () => {
    // 700 of unexplained cash is all there is (above); the gateway takes 1000 for a charge of nobody's.
    await new Settlement(database.prisma, logger, 7, () => {}).chargedBack({ chargebackId: 'cb-overdraft', transactionId: 'tx-unknown', amountCentavos: 1_000, reason: '10.4' });
    expect((await reconciliation.run()).discrepancies).toEqual([
      'caixa no gateway: livro -300, cobranças e transferências -1000',
      'conta no gateway negativa após chargebacks: 300 centavos a cobrir',
    ]);
  });
});

describe("the alert's id", () => {
  it('is a UUID derived from the set: the same whatever the order or the time, another for another set', () => {
    const at = new Date();
    const id = ledgerDiscrepancyFound(['b', 'a', 'b'], at).id;
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('5');
    expect(ledgerDiscrepancyFound(['a', 'b'], new Date(0)).id).toBe(id);
    expect(ledgerDiscrepancyFound(['a', 'b'], at).payload).toEqual({ discrepancies: ['a', 'b'], at: at.toISOString() });
    expect(ledgerDiscrepancyFound(['a'], at).id).not.toBe(id);
    expect(ledgerDiscrepancyFound(['a,b'], at).id).not.toBe(ledgerDiscrepancyFound(['a', 'b'], at).id);
  });
});
