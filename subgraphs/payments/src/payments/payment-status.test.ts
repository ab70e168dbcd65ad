import { describe, expect, it } from '@jest/globals';
import { canMove, canMoveEscrow } from './payment-status.js';

describe('payment state machine', () => {
  it('moves forward through the happy path', () => {
    for (const [from, to] of [['AWAITING_PAYMENT', 'PAID'], ['PAID', 'IN_ESCROW'], ['IN_ESCROW', 'RELEASED'], ['RELEASED', 'PAID_OUT']] as const) expect(canMove(from, to)).toBe(true);
  });
  it('never moves back, and terminal states stay terminal', () => {
    for (const [from, to] of [['PAID', 'AWAITING_PAYMENT'], ['IN_ESCROW', 'PAID'], ['PAID_OUT', 'RELEASED'], ['RELEASED', 'IN_ESCROW'], ['EXPIRED', 'PAID'], ['REFUNDED', 'PARTIALLY_REFUNDED'], ['DECLINED', 'PAID'], ['CHARGED_BACK', 'REFUNDED'], ['CHARGED_BACK', 'RELEASED']] as const) {
      expect([from, to, canMove(from, to)]).toEqual([from, to, false]);
    }
    expect(canMoveEscrow('RELEASED', 'HELD')).toBe(false);
    expect(canMoveEscrow('HELD', 'RELEASED')).toBe(true);
  });
  it('takes a chargeback from any state that received money and did not give it all back', () => {
    for (const from of ['PAID', 'IN_ESCROW', 'DISPUTED', 'PARTIALLY_REFUNDED', 'RELEASED', 'PAID_OUT'] as const) expect([from, canMove(from, 'CHARGED_BACK')]).toEqual([from, true]);
    for (const from of ['AWAITING_PAYMENT', 'EXPIRED', 'CANCELED', 'DECLINED', 'REFUNDED'] as const) expect([from, canMove(from, 'CHARGED_BACK')]).toEqual([from, false]);
  });
});
