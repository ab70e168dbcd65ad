// Reconciliation: compares our charges with the gateway's and repairs what a lost webhook or a crash
// between a gateway call and our commit left behind, then proves the books balance. What it finds
// apart is announced (ledger.discrepancy_found) once per distinct set. It runs in the background on
// an interval (RECONCILIATION_INTERVAL_MS) and whenever a platform admin reads the ledger's health.
import { CoalescingLoop, type Logger } from '@medpay/runtime';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { PaymentGateway } from '../gateway/payment-gateway.js';
import { account, balances, checkLedger, type LedgerHealth } from './ledger-store.js';
import type { Settlement } from '../money-movement/settlement.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { transferStore } from '../money-movement/transfer-store.js';
import { ledgerDiscrepancyFound } from '../events/domain-events.js';
import { outboxStore } from '../events/outbox-store.js';
import { inSnapshot } from '../transaction.js';

export interface ReconciliationReport extends LedgerHealth {
  repairedCharges: string[];
  gatewayCashCentavos: number;
  discrepancies: string[];
}

export class Reconciliation {
  /** the background runs (started by the service when RECONCILIATION_INTERVAL_MS is not 0) */
  readonly loop: CoalescingLoop;
  /** what the last run found apart (the service's `ledger_discrepancies` gauge) */
  lastDiscrepancies = 0;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly gateway: PaymentGateway,
    private readonly settlement: Settlement,
    private readonly logger: Logger,
    /** tells the outbox relay there is something to publish */
    private readonly kick: () => void = () => {},
    private readonly now: () => Date = () => new Date(),
  ) {
    this.loop = new CoalescingLoop('reconciliation', async () => {
      const report = await this.run();
      if (report.discrepancies.length > 0) this.logger.warn({ discrepancies: report.discrepancies }, 'reconciliation found discrepancies');
    }, logger);
  }

  async run(options: { creatingOlderThanMs?: number } = {}): Promise<ReconciliationReport> {
    const repaired: string[] = [];
    const discrepancies: string[] = [];
    const before = new Date(this.now().getTime() - (options.creatingOlderThanMs ?? 60_000));
    const open = await chargeStore.toReconcile(this.prisma, before, 500);
    for (const charge of open) {
      try {
        const view = charge.gatewayTransactionId ? await this.gateway.getCharge(charge.gatewayTransactionId) : await this.gateway.findChargeByClientRequestId(charge.id);
        if (!view) continue;
        if (!charge.gatewayTransactionId) {
          // The gateway made the charge but our commit of its id never happened: attach it.
          await chargeStore.activate(this.prisma, charge.id, { gatewayTransactionId: view.transactionId });
          repaired.push(charge.id);
        }
        if (view.status === 'PAID') {
          await this.settlement.chargePaid({ eventId: `reconciliation:${view.transactionId}:paid`, transactionId: view.transactionId, clientRequestId: charge.id, amountCentavos: view.paidCentavos, occurredAt: view.paidAt ?? new Date() });
          repaired.push(charge.id);
        } else if (view.status === 'EXPIRED' || view.status === 'CANCELED') {
          await this.settlement.chargeEnded({ eventId: `reconciliation:${view.transactionId}:${view.status}`, transactionId: view.transactionId, clientRequestId: charge.id, type: view.status === 'EXPIRED' ? 'CHARGE_EXPIRED' : 'CHARGE_CANCELED' });
          repaired.push(charge.id);
        }
      } catch (error) {
        this.logger.warn({ err: error, chargeId: charge.id }, 'could not reconcile charge');
        discrepancies.push(`cobrança ${charge.id}: gateway indisponível para conferência`);
      }
    }
    const health = await checkLedger(this.prisma);
    for (const mismatch of health.accountMismatches) discrepancies.push(`conta ${mismatch.accountId}: saldo ${mismatch.storedCentavos} ≠ lançamentos ${mismatch.fromEntriesCentavos}`);
    for (const transaction of health.unbalancedTransactions) discrepancies.push(`transação ${transaction} desbalanceada`);
    // Cash at the gateway by our books must equal what our charges received less what left (payouts,
    // refunds and chargebacks: confirmed transfers).
    const { received, cardInterest, sent, books } = await inSnapshot(this.prisma, async (tx) => ({
      received: await chargeStore.paidTotal(tx),
      cardInterest: await chargeStore.cardInterest(tx),
      sent: await transferStore.confirmedTotal(tx),
      books: await balances(tx, [account.gatewayCash, account.gatewayOverdraft, account.fundingLine, account.unmatchedReceipts, account.chargebackShortfall]),
    }));
    const overdraft = books.get(account.gatewayOverdraft)!;
    const cash = books.get(account.gatewayCash)! - overdraft;
    const expected = received - cardInterest + books.get(account.fundingLine)! + books.get(account.unmatchedReceipts)! - sent;
    if (cash !== expected) discrepancies.push(`caixa no gateway: livro ${cash}, cobranças e transferências ${expected}`);
    if (overdraft !== 0) discrepancies.push(`conta no gateway negativa após chargebacks: ${overdraft} centavos a cobrir`);
    const shortfall = books.get(account.chargebackShortfall)!;
    if (shortfall !== 0) discrepancies.push(`chargebacks acima do que os pagamentos tinham: ${shortfall} centavos a apurar`);
    await this.announce(discrepancies);
    this.lastDiscrepancies = discrepancies.length;
    return { ...health, repairedCharges: [...new Set(repaired)], gatewayCashCentavos: cash, discrepancies, balanced: health.balanced && discrepancies.length === 0 };
  }

  /** Writes ledger.discrepancy_found unless this very set was announced before (its id is derived from the set). */
  private async announce(discrepancies: string[]) {
    if (discrepancies.length === 0) return;
    if (await outboxStore.appendOnce(this.prisma, ledgerDiscrepancyFound(discrepancies, this.now()))) this.kick();
  }
}
