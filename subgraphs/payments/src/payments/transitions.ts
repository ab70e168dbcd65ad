// The one way a payment changes status: a conditional update (so concurrent writers cannot both
// move it), a history row, and an outbox event, all in the caller's database transaction.
import { randomUUID } from 'node:crypto';
import type { EscrowState, Payment, PaymentStatus } from '../generated/prisma/client.js';
import type { Tx } from '../ledger/ledger-store.js';
import { canMove, canMoveEscrow } from './payment-status.js';
import { paymentStatusChanged } from '../events/domain-events.js';
import { outboxStore } from '../events/outbox-store.js';
import { paymentRows } from './payment-store.js';

export interface Move {
  to?: PaymentStatus;
  escrow?: EscrowState;
  reason: string;
  /** other column changes that belong to the same step */
  data?: { refundedCentavos?: number; escrowReleaseDueAt?: Date | null; disputeReason?: string | null; holdReason?: string | null };
}

/**
 * Applies the move when the payment is still as the caller read it; false when another writer got
 * there first or the move is not allowed (the caller re-reads and decides).
 */
export async function movePayment(tx: Tx, payment: Payment, move: Move): Promise<boolean> {
  const to = move.to ?? payment.status;
  const escrow = move.escrow ?? payment.escrowState;
  if (to !== payment.status && !canMove(payment.status, to)) return false;
  if (escrow !== payment.escrowState && !canMoveEscrow(payment.escrowState, escrow)) return false;
  if (!(await paymentRows.moveIfUnchanged(tx, payment, { status: to, escrowState: escrow, ...move.data }))) return false;
  if (to !== payment.status) {
    await paymentRows.recordStatusChange(tx, { id: randomUUID(), paymentId: payment.id, from: payment.status, to, reason: move.reason });
  }
  const moved = { status: to, escrowState: escrow, ...move.data };
  // The event carries the payment as the move leaves it (refundedCentavos included).
  await outboxStore.append(tx, paymentStatusChanged({ ...payment, ...moved }, { from: payment.status, reason: move.reason }));
  Object.assign(payment, moved);
  return true;
}
