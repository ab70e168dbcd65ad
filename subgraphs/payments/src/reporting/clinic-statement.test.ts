import { describe, expect, it } from '@jest/globals';
import { buildStatement, type StatementRow } from './clinic-statement.js';

const at = new Date('2026-11-10T15:00:00Z');
let nextId = 1n;
const row = (transactionId: string, account: 'escrow' | 'available', direction: 'DEBIT' | 'CREDIT', amountCentavos: number): StatementRow => ({
  entryId: nextId++, transactionId, description: transactionId, paymentId: 'p1', at, account, direction, amountCentavos,
});

describe('clinic statement from the ledger', () => {
  it('classifies each transaction, keeps running balances, and reconciles payouts with their transfers', () => {
    const statement = buildStatement(
      { escrowCentavos: 1_000, availableCentavos: 0 },
      [
        row('payment:p1:paid', 'escrow', 'CREDIT', 120_000),
        row('payment:p1:released', 'escrow', 'DEBIT', 120_000),
        row('payment:p1:released', 'available', 'CREDIT', 115_101),
        row('transfer:t1:requested', 'available', 'DEBIT', 115_101),
        row('transfer:t2:requested', 'escrow', 'DEBIT', 500),
        row('transfer:t3:requested', 'available', 'DEBIT', 10),
        row('transfer:t3:failed', 'available', 'CREDIT', 10),
        row('payment:p1:something-new', 'available', 'CREDIT', 7),
        row('transfer:t4:charged_back', 'available', 'DEBIT', 3),
      ],
      new Map([
        ['t1', { kind: 'PAYOUT', status: 'CONFIRMED' }],
        ['t2', { kind: 'REFUND', status: 'PENDING' }],
        ['t3', { kind: 'PAYOUT', status: 'FAILED' }],
      ] as const),
    );
    expect(statement.entries.map((e) => [e.kind, e.escrowCentavos, e.availableCentavos, e.feesCentavos, e.escrowBalanceCentavos, e.availableBalanceCentavos, e.transferStatus])).toEqual([
      ['ESCROW_IN', 120_000, 0, 0, 121_000, 0, null],
      ['RELEASE', -120_000, 115_101, 4_899, 1_000, 115_101, null],
      ['PAYOUT', 0, -115_101, 0, 1_000, 0, 'CONFIRMED'],
      ['REFUND', -500, 0, 0, 500, 0, 'PENDING'],
      ['PAYOUT', 0, -10, 0, 500, -10, 'FAILED'],
      ['PAYOUT_RETURNED', 0, 10, 0, 500, 0, null],
      ['ADJUSTMENT', 0, 7, 0, 500, 7, null],
      ['CHARGEBACK', 0, -3, 0, 500, 4, null],
    ]);
    expect(statement).toMatchObject({ closingEscrowCentavos: 500, closingAvailableCentavos: 4, payoutsCentavos: 115_101, payoutsConfirmedCentavos: 115_101 });
  });

  it('an empty period keeps the opening balances', () => {
    expect(buildStatement({ escrowCentavos: 5, availableCentavos: 6 }, [], new Map())).toMatchObject({ closingEscrowCentavos: 5, closingAvailableCentavos: 6, entries: [] });
  });
});
