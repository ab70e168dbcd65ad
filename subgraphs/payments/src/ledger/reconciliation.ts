// Reconciliation: compares our charges with the gateway's and repairs what a lost webhook or a crash
// between a gateway call and our commit left behind, then proves the books balance.
import type { Logger } from '@medpay/runtime';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { PaymentGateway } from '../gateway/payment-gateway.js';
import { account, balances, checkLedger, type LedgerHealth } from './ledger-store.js';
import type { Settlement } from '../money-movement/settlement.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { transferStore } from '../money-movement/transfer-store.js';

export interface ReconciliationReport extends LedgerHealth {
  repairedCharges: string[];
  gatewayCashCentavos: number;
  discrepancies: string[];
}

export class Reconciliation {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly gateway: PaymentGateway,
    private readonly settlement: Settlement,
    private readonly logger: Logger,
  ) {}

  async run(options: { creatingOlderThanMs?: number } = {}): Promise<ReconciliationReport> {
    const repaired: string[] = [];
    const discrepancies: string[] = [];
    const before = new Date(Date.now() - (options.creatingOlderThanMs ?? 60_000));
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
    // Cash at the gateway by our books must equal what our charges received less what left.
    const received = await chargeStore.paidTotal(this.prisma);
    const sent = await transferStore.confirmedTotal(this.prisma);
    const books = await balances(this.prisma, [account.gatewayCash, account.fundingLine, account.unmatchedReceipts]);
    const cash = books.get(account.gatewayCash)!;
    const expected =
      received - (await chargeStore.cardInterest(this.prisma)) + books.get(account.fundingLine)! + books.get(account.unmatchedReceipts)! - sent;
    if (cash !== expected) discrepancies.push(`caixa no gateway: livro ${cash}, cobranças e transferências ${expected}`);
    return { ...health, repairedCharges: [...new Set(repaired)], gatewayCashCentavos: cash, discrepancies, balanced: health.balanced && discrepancies.length === 0 };
  }
}
