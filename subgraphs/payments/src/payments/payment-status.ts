// The payment state machine: status only moves forward. A late or repeated webhook can never turn
// PAID back into AWAITING_PAYMENT, because that transition does not exist.
import { PaymentsError } from '../errors.js';
import type { EscrowState, PaymentStatus } from '../generated/prisma/client.js';

// A chargeback can come from the card issuer whenever money was received and not all given back.
const NEXT: Record<PaymentStatus, readonly PaymentStatus[]> = {
  // A crediário's contract is signed (then charged), refused, or left unsigned until it expires.
  AWAITING_SIGNATURE: ['AWAITING_PAYMENT', 'EXPIRED', 'CANCELED', 'DECLINED'],
  AWAITING_PAYMENT: ['PAID', 'EXPIRED', 'CANCELED', 'DECLINED'],
  PAID: ['IN_ESCROW', 'REFUNDED', 'PARTIALLY_REFUNDED', 'CHARGED_BACK'],
  IN_ESCROW: ['RELEASED', 'DISPUTED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'CHARGED_BACK'],
  DISPUTED: ['RELEASED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'CHARGED_BACK'],
  PARTIALLY_REFUNDED: ['RELEASED', 'PAID_OUT', 'DISPUTED', 'REFUNDED', 'PARTIALLY_REFUNDED', 'CHARGED_BACK'],
  RELEASED: ['PAID_OUT', 'REFUNDED', 'PARTIALLY_REFUNDED', 'CHARGED_BACK'],
  PAID_OUT: ['REFUNDED', 'PARTIALLY_REFUNDED', 'CHARGED_BACK'],
  EXPIRED: [],
  CANCELED: [],
  DECLINED: [],
  REFUNDED: [],
  CHARGED_BACK: [],
};

export function canMove(from: PaymentStatus, to: PaymentStatus): boolean {
  return NEXT[from].includes(to);
}

export function assertCanMove(from: PaymentStatus, to: PaymentStatus) {
  if (!canMove(from, to)) {
    throw new PaymentsError('INVALID_STATUS_TRANSITION', `Não é possível passar o pagamento de ${from} para ${to}.`, { from, to });
  }
}

/** Escrow states also only move forward; RETURNED is where a full refund from escrow ends. */
const ESCROW_NEXT: Record<EscrowState, readonly EscrowState[]> = {
  NONE: ['HELD'],
  HELD: ['RELEASED', 'RETURNED'],
  RELEASED: ['PAID_OUT'],
  PAID_OUT: [],
  RETURNED: [],
};

export function canMoveEscrow(from: EscrowState, to: EscrowState): boolean {
  return ESCROW_NEXT[from].includes(to);
}
