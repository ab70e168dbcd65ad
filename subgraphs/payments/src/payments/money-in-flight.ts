// What keeps a person from deleting their account (LGPD art. 18 VI has its limits: art. 16 I keeps
// what a legal obligation needs): money of theirs still moving. A payment awaiting its PIX or boleto
// (money may still arrive), money held in escrow (a refund or dispute may still send it back to them),
// an open dispute, a refund on its way to them, or crediário installments still to pay (a debt and a
// contract in force). Ended payments — released, paid out, refunded, expired, canceled, declined — block
// nothing: their records are kept, pseudonymized, for the 5 years the law asks.
import type { EscrowState, InstallmentStatus, PaymentStatus, TransferKind, TransferStatus } from '../generated/prisma/client.js';

export type MoneyInFlightReason = 'AWAITING_PAYMENT' | 'ESCROW_HELD' | 'DISPUTE_OPEN' | 'REFUND_IN_PROGRESS' | 'INSTALLMENTS_OPEN';

export interface PaymentInFlight {
  id: string;
  status: PaymentStatus;
  escrowState: EscrowState;
  installments: { status: InstallmentStatus }[];
  transfers: { kind: TransferKind; status: TransferStatus }[];
}

const ENDED: ReadonlySet<PaymentStatus> = new Set(['EXPIRED', 'CANCELED', 'DECLINED', 'REFUNDED']);

/** Why this payment keeps money in flight (empty: nothing). */
export function moneyInFlightOf(payment: PaymentInFlight): MoneyInFlightReason[] {
  const reasons: MoneyInFlightReason[] = [];
  if (payment.status === 'AWAITING_PAYMENT') reasons.push('AWAITING_PAYMENT');
  if (payment.escrowState === 'HELD') reasons.push('ESCROW_HELD');
  if (payment.status === 'DISPUTED') reasons.push('DISPUTE_OPEN');
  if (payment.transfers.some((transfer) => transfer.kind === 'REFUND' && transfer.status === 'PENDING')) reasons.push('REFUND_IN_PROGRESS');
  if (!ENDED.has(payment.status) && payment.installments.some((installment) => installment.status !== 'PAID')) reasons.push('INSTALLMENTS_OPEN');
  return reasons;
}
