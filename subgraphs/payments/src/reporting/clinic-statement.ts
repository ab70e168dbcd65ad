// A clinic's statement from the ledger: each transaction that touched its escrow or its available
// balance (clinic_payable) becomes one movement, classified by the transaction's id, with the running
// balances of both. Payouts carry their transfer's status, so the statement reconciles with them.
import type { TransferKind, TransferStatus } from '../generated/prisma/client.js';

export type StatementEntryKind = 'ESCROW_IN' | 'RELEASE' | 'PAYOUT' | 'PAYOUT_RETURNED' | 'REFUND' | 'REFUND_RETURNED' | 'CHARGEBACK' | 'ADJUSTMENT';

/** One ledger entry on one of the clinic's two accounts, with its transaction. */
export interface StatementRow {
  entryId: bigint;
  transactionId: string;
  description: string;
  paymentId: string | null;
  at: Date;
  account: 'escrow' | 'available';
  direction: string;
  amountCentavos: number;
}

export interface StatementEntry {
  id: string;
  at: Date;
  kind: StatementEntryKind;
  description: string;
  paymentId: string | null;
  escrowCentavos: number;
  availableCentavos: number;
  feesCentavos: number;
  escrowBalanceCentavos: number;
  availableBalanceCentavos: number;
  transferStatus: TransferStatus | null;
}

export interface Statement {
  openingEscrowCentavos: number;
  openingAvailableCentavos: number;
  closingEscrowCentavos: number;
  closingAvailableCentavos: number;
  entries: StatementEntry[];
  payoutsCentavos: number;
  payoutsConfirmedCentavos: number;
}

/** `transfer:<id>:requested` → the transfer's id. */
export const transferIdOf = (transactionId: string): string | null => /^transfer:([^:]+):(requested|failed)$/.exec(transactionId)?.[1] ?? null;

function kindOf(transactionId: string, transfer: { kind: TransferKind } | undefined): StatementEntryKind {
  const [prefix, , step] = transactionId.split(':');
  if (prefix === 'payment' && (step === 'paid' || step === 'disbursed')) return 'ESCROW_IN';
  if (prefix === 'payment' && step === 'released') return 'RELEASE';
  if (prefix === 'transfer' && step === 'charged_back') return 'CHARGEBACK';
  if (prefix === 'transfer' && transfer) {
    if (step === 'requested') return transfer.kind === 'PAYOUT' ? 'PAYOUT' : 'REFUND';
    if (step === 'failed') return transfer.kind === 'PAYOUT' ? 'PAYOUT_RETURNED' : 'REFUND_RETURNED';
  }
  return 'ADJUSTMENT';
}

/**
 * Rows ordered as posted (entry id); both accounts grow on the credit side. `transfers` are those
 * the rows name, by id.
 */
export function buildStatement(
  opening: { escrowCentavos: number; availableCentavos: number },
  rows: StatementRow[],
  transfers: Map<string, { kind: TransferKind; status: TransferStatus }>,
): Statement {
  const byTransaction = new Map<string, StatementRow[]>();
  for (const row of rows) {
    const group = byTransaction.get(row.transactionId);
    if (group) group.push(row);
    else byTransaction.set(row.transactionId, [row]);
  }
  let escrow = opening.escrowCentavos;
  let available = opening.availableCentavos;
  let payouts = 0;
  let confirmed = 0;
  const entries: StatementEntry[] = [];
  for (const [transactionId, group] of byTransaction) {
    let escrowDelta = 0;
    let availableDelta = 0;
    for (const row of group) {
      const signed = row.direction === 'CREDIT' ? row.amountCentavos : -row.amountCentavos;
      if (row.account === 'escrow') escrowDelta += signed;
      else availableDelta += signed;
    }
    const transferId = transferIdOf(transactionId);
    const transfer = transferId ? transfers.get(transferId) : undefined;
    const kind = kindOf(transactionId, transfer);
    escrow += escrowDelta;
    available += availableDelta;
    if (kind === 'PAYOUT' || kind === 'PAYOUT_RETURNED') {
      payouts -= availableDelta;
      if (kind === 'PAYOUT' && transfer?.status === 'CONFIRMED') confirmed -= availableDelta;
    }
    const first = group[0]!;
    entries.push({
      id: transactionId,
      at: first.at,
      kind,
      description: first.description,
      paymentId: first.paymentId,
      escrowCentavos: escrowDelta,
      availableCentavos: availableDelta,
      // What the release kept from escrow beyond the clinic's share: the platform fee and processing cost.
      feesCentavos: kind === 'RELEASE' ? -escrowDelta - availableDelta : 0,
      escrowBalanceCentavos: escrow,
      availableBalanceCentavos: available,
      transferStatus: kind === 'PAYOUT' || kind === 'REFUND' ? (transfer?.status ?? null) : null,
    });
  }
  return {
    openingEscrowCentavos: opening.escrowCentavos,
    openingAvailableCentavos: opening.availableCentavos,
    closingEscrowCentavos: escrow,
    closingAvailableCentavos: available,
    entries,
    payoutsCentavos: payouts,
    payoutsConfirmedCentavos: confirmed,
  };
}
