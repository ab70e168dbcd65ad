// Property tests of the ledger on a real (embedded) PostgreSQL: whatever sequence of movements is
// attempted, every transaction balances, no guarded balance goes below zero, a refused movement
// leaves no trace, and posting the same id twice moves money once.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { type Database } from '@medpay/runtime';
import fc from 'fast-check';
import type { PrismaClient } from '../generated/prisma/client.js';
import { account, balances, checkLedger, post, type Entry } from './ledger-store.js';
import { openTestDatabase } from '../testing.js';

let database: Database<PrismaClient>;
beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database?.close());

const clinics = ['a', 'b'];
/** Movements shaped like the product's: receipts into escrow, releases, payouts, refunds. */
const movement = fc.oneof(
  fc.record({ kind: fc.constant('receive' as const), clinic: fc.constantFrom(...clinics), amount: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ kind: fc.constant('release' as const), clinic: fc.constantFrom(...clinics), amount: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ kind: fc.constant('payout' as const), clinic: fc.constantFrom(...clinics), amount: fc.integer({ min: 1, max: 50_000 }) }),
  fc.record({ kind: fc.constant('refund' as const), clinic: fc.constantFrom(...clinics), amount: fc.integer({ min: 1, max: 50_000 }) }),
);

function entriesOf(m: { kind: string; clinic: string; amount: number }): Entry[] {
  const fee = Math.floor(m.amount / 25);
  switch (m.kind) {
    case 'receive':
      return [{ account: account.gatewayCash, side: 'DEBIT', amountCentavos: m.amount }, { account: account.escrow(m.clinic), side: 'CREDIT', amountCentavos: m.amount }];
    case 'release':
      return [
        { account: account.escrow(m.clinic), side: 'DEBIT', amountCentavos: m.amount },
        { account: account.clinicPayable(m.clinic), side: 'CREDIT', amountCentavos: m.amount - fee },
        { account: account.platformRevenue, side: 'CREDIT', amountCentavos: fee },
      ];
    case 'payout':
      return [{ account: account.clinicPayable(m.clinic), side: 'DEBIT', amountCentavos: m.amount }, { account: account.gatewayCash, side: 'CREDIT', amountCentavos: m.amount }];
    default:
      return [{ account: account.escrow(m.clinic), side: 'DEBIT', amountCentavos: m.amount }, { account: account.gatewayCash, side: 'CREDIT', amountCentavos: m.amount }];
  }
}

const GUARDED = [account.gatewayCash, ...clinics.map(account.escrow)];

describe('ledger', () => {
  it('keeps every transaction balanced and every guarded balance non-negative under random movements', async () => {
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(movement, { minLength: 1, maxLength: 25 }), async (movements) => {
        run += 1;
        for (const [index, m] of movements.entries()) {
          const id = `prop:${run}:${index}`;
          const before = await balances(database.prisma, GUARDED);
          const entriesBefore = await database.prisma.ledgerEntry.count();
          const outcome = await database.prisma.$transaction((tx) => post(tx, { id, description: m.kind, entries: entriesOf(m) })).then(
            () => 'posted',
            (error: { extensions?: { code?: string } }) => error.extensions?.code,
          );
          if (outcome !== 'posted') {
            // Refused as a whole: no entry, no balance changed.
            expect(outcome).toBe('INSUFFICIENT_BALANCE');
            expect(await database.prisma.ledgerEntry.count()).toBe(entriesBefore);
            expect(await balances(database.prisma, GUARDED)).toEqual(before);
          }
          for (const balance of (await balances(database.prisma, GUARDED)).values()) expect(balance).toBeGreaterThanOrEqual(0);
        }
        const health = await checkLedger(database.prisma);
        expect(health).toMatchObject({ balanced: true, accountMismatches: [], unbalancedTransactions: [] });
        expect(health.debitsCentavos).toBe(health.creditsCentavos);
      }),
      { numRuns: 25 },
    );
  }, 120_000);

  it('posts a transaction id once, however often it is retried', async () => {
    const posting = { id: 'once:1', description: 'receipt', entries: entriesOf({ kind: 'receive', clinic: 'a', amount: 1_000 }) };
    const before = (await balances(database.prisma, [account.gatewayCash])).get(account.gatewayCash)!;
    const results = await Promise.all([1, 2, 3].map(() => database.prisma.$transaction((tx) => post(tx, posting))));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect((await balances(database.prisma, [account.gatewayCash])).get(account.gatewayCash)).toBe(before + 1_000);
  });

  it('refuses unbalanced postings and keeps entries immutable', async () => {
    await expect(
      database.prisma.$transaction((tx) => post(tx, { id: 'bad:1', description: 'x', entries: [{ account: account.gatewayCash, side: 'DEBIT', amountCentavos: 10 }, { account: account.escrow('a'), side: 'CREDIT', amountCentavos: 9 }] })),
    ).rejects.toThrow(/unbalanced/);
    await expect(database.prisma.$executeRaw`UPDATE ledger_entries SET amount_centavos = amount_centavos + 1`).rejects.toThrow(/immutable/);
  });
});
