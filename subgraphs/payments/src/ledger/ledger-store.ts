// Double-entry ledger. Every movement is one balanced transaction with a unique id (posting the same
// id twice is a no-op), entries are immutable (a trigger refuses changes), and guarded balances
// (cash, escrow, money in transit) cannot go below zero: a CHECK constraint aborts the whole
// database transaction, so a movement either happens entirely or not at all.
import { PaymentsError } from '../errors.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { Tx } from '../transaction.js';

export type { Tx };
export type Side = 'DEBIT' | 'CREDIT';

export interface Entry {
  account: string;
  side: Side;
  amountCentavos: number;
}

export interface LedgerPosting {
  /** unique per business event, e.g. `payment:<id>:paid`: the idempotency of the books */
  id: string;
  description: string;
  paymentId?: string;
  entries: Entry[];
}

/** The chart of accounts. Balances grow on the account's normal side. */
export const account = {
  /** money we hold at the gateway (asset) */
  gatewayCash: 'gateway_cash',
  /** paid by the patient, held until the procedure is confirmed (per clinic) */
  escrow: (clinicId: string) => `escrow:${clinicId}`,
  /**
   * released to the clinic, not yet paid out; negative when refunds after payout left the clinic owing
   * (a receivable kept back from its next payouts: Settlement.requestPayout)
   */
  clinicPayable: (clinicId: string) => `clinic_payable:${clinicId}`,
  platformRevenue: 'platform_revenue',
  /** processing costs owed to the gateway and card acquirer */
  gatewayFeesPayable: 'gateway_fees_payable',
  payoutsInTransit: 'payouts_in_transit',
  refundsInTransit: 'refunds_in_transit',
  /** what patients owe MedPay on crediário (principal with financed IOF) */
  crediarioReceivable: 'crediario_receivable',
  /** the credit line that funds crediário */
  fundingLine: 'funding_line',
  iofPayable: 'iof_payable',
  interestRevenue: 'interest_revenue',
  /** money received for a charge its payment can no longer take (late, duplicate), to refund */
  unappliedReceipts: 'unapplied_receipts',
  /** money received that matches no charge of ours, until someone sorts it out */
  unmatchedReceipts: 'unmatched_receipts',
  /** what the gateway took beyond our cash (chargebacks): owed to it until the platform funds the account */
  gatewayOverdraft: 'gateway_overdraft',
  /** what chargebacks took beyond what their payments had left, a loss until someone sorts it out */
  chargebackShortfall: 'chargeback_shortfall',
} as const;

function rulesOf(accountId: string): { normalSide: Side; guarded: boolean } {
  const kind = accountId.split(':')[0];
  switch (kind) {
    case 'gateway_cash':
    case 'crediario_receivable':
      return { normalSide: 'DEBIT', guarded: true };
    case 'chargeback_shortfall':
      return { normalSide: 'DEBIT', guarded: false };
    case 'escrow':
    case 'payouts_in_transit':
    case 'refunds_in_transit':
      return { normalSide: 'CREDIT', guarded: true };
    default:
      return { normalSide: 'CREDIT', guarded: false };
  }
}

export const insufficientBalance = () =>
  new PaymentsError('INSUFFICIENT_BALANCE', 'Saldo insuficiente para esta operação; nada foi movimentado.');

/** Posts a balanced transaction inside the caller's database transaction; false when already posted. */
export async function post(tx: Tx, posting: LedgerPosting): Promise<boolean> {
  const entries = posting.entries.filter((entry) => entry.amountCentavos !== 0);
  let debits = 0;
  let credits = 0;
  for (const entry of entries) {
    if (!Number.isSafeInteger(entry.amountCentavos) || entry.amountCentavos < 0) throw new Error(`ledger ${posting.id}: bad amount ${entry.amountCentavos}`);
    if (entry.side === 'DEBIT') debits += entry.amountCentavos;
    else credits += entry.amountCentavos;
  }
  if (debits !== credits || debits === 0) throw new Error(`ledger ${posting.id}: unbalanced (${debits} debits, ${credits} credits)`);

  const created = await tx.ledgerTransaction.createMany({
    data: [{ id: posting.id, description: posting.description, paymentId: posting.paymentId }],
    skipDuplicates: true,
  });
  if (created.count === 0) return false;

  const deltas = new Map<string, number>();
  for (const entry of entries) {
    const { normalSide } = rulesOf(entry.account);
    const delta = entry.side === normalSide ? entry.amountCentavos : -entry.amountCentavos;
    deltas.set(entry.account, (deltas.get(entry.account) ?? 0) + delta);
  }
  // Sorted so that concurrent postings lock accounts in the same order (no deadlocks).
  const accountIds = [...deltas.keys()].sort();
  await tx.ledgerAccount.createMany({ data: accountIds.map((id) => ({ id, ...rulesOf(id) })), skipDuplicates: true });
  await tx.ledgerEntry.createMany({
    data: entries.map((entry) => ({ transactionId: posting.id, accountId: entry.account, direction: entry.side, amountCentavos: BigInt(entry.amountCentavos) })),
  });
  for (const id of accountIds) {
    const delta = deltas.get(id)!;
    if (delta === 0) continue;
    // The guard is checked here so the caller gets a clear error; the CHECK constraint backs it.
    const updated = await tx.$executeRaw`UPDATE ledger_accounts SET balance = balance + ${delta} WHERE id = ${id} AND (NOT guarded OR balance + ${delta} >= 0)`;
    if (updated !== 1) throw insufficientBalance();
  }
  return true;
}

/** One account's balance, its row locked until the transaction ends (a decision that must not race). */
export async function lockedBalance(tx: Tx, accountId: string): Promise<number> {
  const [row] = await tx.$queryRaw<{ balance: bigint }[]>`SELECT balance FROM ledger_accounts WHERE id = ${accountId} FOR UPDATE`;
  return Number(row?.balance ?? 0);
}

export async function balances(prisma: PrismaClient | Tx, accountIds: string[]): Promise<Map<string, number>> {
  const rows = await prisma.ledgerAccount.findMany({ where: { id: { in: accountIds } }, select: { id: true, balance: true } });
  const found = new Map(rows.map((row) => [row.id, Number(row.balance)]));
  return new Map(accountIds.map((id) => [id, found.get(id) ?? 0]));
}

export interface LedgerHealth {
  debitsCentavos: number;
  creditsCentavos: number;
  balanced: boolean;
  /** accounts whose stored balance differs from the sum of their entries */
  accountMismatches: { accountId: string; storedCentavos: number; fromEntriesCentavos: number }[];
  unbalancedTransactions: string[];
}

/** Proves the books: Σ debits = Σ credits overall and per transaction, and every balance matches its entries. */
export async function checkLedger(prisma: PrismaClient): Promise<LedgerHealth> {
  const [totals] = await prisma.$queryRaw<{ debits: bigint | null; credits: bigint | null }[]>`
    SELECT sum(amount_centavos) FILTER (WHERE direction = 'DEBIT') AS debits, sum(amount_centavos) FILTER (WHERE direction = 'CREDIT') AS credits FROM ledger_entries`;
  const unbalanced = await prisma.$queryRaw<{ transaction_id: string }[]>`
    SELECT transaction_id FROM ledger_entries GROUP BY transaction_id
    HAVING sum(CASE WHEN direction = 'DEBIT' THEN amount_centavos ELSE -amount_centavos END) <> 0`;
  const mismatches = await prisma.$queryRaw<{ id: string; balance: bigint; computed: bigint }[]>`
    SELECT a.id, a.balance, coalesce(sum(CASE WHEN e.direction = a.normal_side THEN e.amount_centavos ELSE -e.amount_centavos END), 0)::bigint AS computed
    FROM ledger_accounts a LEFT JOIN ledger_entries e ON e.account_id = a.id
    GROUP BY a.id, a.balance HAVING a.balance <> coalesce(sum(CASE WHEN e.direction = a.normal_side THEN e.amount_centavos ELSE -e.amount_centavos END), 0)`;
  const debitsCentavos = Number(totals?.debits ?? 0);
  const creditsCentavos = Number(totals?.credits ?? 0);
  return {
    debitsCentavos,
    creditsCentavos,
    balanced: debitsCentavos === creditsCentavos && unbalanced.length === 0 && mismatches.length === 0,
    accountMismatches: mismatches.map((row) => ({ accountId: row.id, storedCentavos: Number(row.balance), fromEntriesCentavos: Number(row.computed) })),
    unbalancedTransactions: unbalanced.map((row) => row.transaction_id),
  };
}

/** What one posting (a release, a chargeback, a cancellation) took out of escrow, or null before it is posted. */
export async function takenFromEscrow(db: PrismaClient | Tx, transactionId: string): Promise<number | null> {
  const taken = await db.ledgerEntry.findFirst({ where: { transactionId, direction: 'DEBIT', accountId: { startsWith: 'escrow:' } }, select: { amountCentavos: true } });
  return taken ? Number(taken.amountCentavos) : null;
}
