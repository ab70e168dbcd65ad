import { describe, expect, it } from '@jest/globals';
import { moneyInFlightOf, type PaymentInFlight } from './money-in-flight.js';

const payment = (overrides: Partial<PaymentInFlight>): PaymentInFlight => ({ id: 'p', status: 'PAID_OUT', escrowState: 'PAID_OUT', installments: [], transfers: [], ...overrides });

describe('money in flight', () => {
  it('nothing once a payment has ended or its money reached the clinic', () => {
    for (const status of ['PAID_OUT', 'RELEASED', 'REFUNDED', 'EXPIRED', 'CANCELED', 'DECLINED'] as const) {
      expect(moneyInFlightOf(payment({ status, escrowState: status === 'RELEASED' ? 'RELEASED' : 'NONE' }))).toEqual([]);
    }
    expect(moneyInFlightOf(payment({ status: 'REFUNDED', installments: [{ status: 'SCHEDULED' }] }))).toEqual([]);
    expect(moneyInFlightOf(payment({ transfers: [{ kind: 'REFUND', status: 'CONFIRMED' }, { kind: 'PAYOUT', status: 'PENDING' }] }))).toEqual([]);
  });

  it('each thing still moving, said once', () => {
    expect(moneyInFlightOf(payment({ status: 'AWAITING_PAYMENT', escrowState: 'NONE' }))).toEqual(['AWAITING_PAYMENT']);
    expect(moneyInFlightOf(payment({ status: 'IN_ESCROW', escrowState: 'HELD' }))).toEqual(['ESCROW_HELD']);
    expect(moneyInFlightOf(payment({ status: 'DISPUTED', escrowState: 'HELD' }))).toEqual(['ESCROW_HELD', 'DISPUTE_OPEN']);
    expect(moneyInFlightOf(payment({ status: 'PARTIALLY_REFUNDED', escrowState: 'RELEASED', transfers: [{ kind: 'REFUND', status: 'PENDING' }] }))).toEqual(['REFUND_IN_PROGRESS']);
    expect(moneyInFlightOf(payment({ status: 'PAID_OUT', installments: [{ status: 'PAID' }, { status: 'OVERDUE' }] }))).toEqual(['INSTALLMENTS_OPEN']);
  });
});
