// Carries committed decisions out at the gateway and moves time-driven steps forward: issues charges
// left CREATING, blocks paid money in escrow and lifts the block of one that ended, pays out and refunds,
// auto-releases escrow, issues crediário installments ahead of their due date and marks overdue ones.
// Every step is keyed by our own ids (clientRequestId), so running it twice, on two replicas or after
// a crash, moves nothing twice.
import { CoalescingLoop, type Logger } from '@medpay/runtime';
import type { ChargeIssuer } from './charges.js';
import type { CatalogProcedure, Directory } from '../internal/directory.js';
import type { Payment, PrismaClient, Transfer } from '../generated/prisma/client.js';
import type { PaymentGateway } from '../gateway/payment-gateway.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import { INSTALLMENT_ISSUE_DAYS_AHEAD } from '../checkout/pricing.js';
import type { Settlement } from './settlement.js';
import { GatewayRejectedError } from '../gateway/gateway-errors.js';
import { chargeStore } from './charge-store.js';
import { transferStore } from './transfer-store.js';
import { installmentStore } from '../crediario/installment-store.js';
import { issueInstallment, markOverdueInstallments } from '../crediario/collection.js';
import { paymentRows } from '../payments/payment-store.js';
import { takenFromEscrow } from '../ledger/ledger-store.js';
import { inTransaction } from '../transaction.js';

/** Where a clinic's payouts go now, as a transfer records it. */
const payoutDestination = (clinic: Pick<CatalogProcedure['clinic'], 'cnpj' | 'payoutBankAccount'>) =>
  clinic.payoutBankAccount ? `TED ${clinic.payoutBankAccount.ispb} ${clinic.payoutBankAccount.branch} ${clinic.payoutBankAccount.account}` : `PIX ${clinic.cnpj}`;

const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

export class PaymentWorker {
  readonly loop: CoalescingLoop;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly gateway: PaymentGateway,
    private readonly directory: Directory,
    private readonly charges: ChargeIssuer,
    private readonly settlement: Settlement,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.loop = new CoalescingLoop('payment-worker', () => this.runOnce(), logger);
  }

  async runOnce() {
    await this.step('issue charges', () => this.issuePendingCharges());
    await this.step('block escrow', () => this.blockPaid());
    await this.step('lift ended blocks', () => this.liftEndedBlocks());
    await this.step('transfers', () => this.sendTransfers());
    await this.step('retry payouts', () => this.retryFailedPayouts());
    await this.step('auto-release', () => this.autoRelease());
    await this.step('installments', () => this.issueInstallments());
  }

  private async step(name: string, run: () => Promise<void>) {
    try {
      await run();
    } catch (error) {
      this.logger.warn({ err: error, step: name }, 'worker step failed; it runs again on the next pass');
    }
  }

  /** Charges a checkout could not bring to the gateway; left a moment to the request making them inline. */
  private async issuePendingCharges(olderThanMs = 10_000) {
    const pending = await chargeStore.pendingToIssue(this.prisma, new Date(this.now().getTime() - olderThanMs), 50);
    for (const charge of pending) await this.charges.issue(charge, charge.payment).catch((error: unknown) => this.logger.warn({ err: error, chargeId: charge.id }, 'charge not issued yet'));
  }

  private async blockPaid() {
    const paid = await paymentRows.paidToBlock(this.prisma, 50);
    for (const payment of paid) {
      await this.gateway.blockBalance({ correlationId: payment.id, amountCentavos: payment.grossCentavos });
      await this.settlement.escrowBlocked(payment.id);
    }
  }

  /**
   * A payment ended with its money taken out of escrow (a chargeback, a crediário cancelled): the
   * gateway's block of it is lifted, then the escrow is over. One ended before it was blocked has no
   * block (NOT_FOUND): nothing to lift.
   */
  private async liftEndedBlocks() {
    for (const payment of await paymentRows.endedInEscrow(this.prisma, 50)) {
      const posting = payment.status === 'CHARGED_BACK' ? `transfer:${payment.transfers[0]?.id}:charged_back` : `payment:${payment.id}:canceled`;
      const taken = await takenFromEscrow(this.prisma, posting);
      if (taken) {
        await this.gateway.unblockBalance({ correlationId: payment.id, amountCentavos: taken, clientRequestId: `${payment.id}:ended` }).catch((error: unknown) => {
          if (!(error instanceof GatewayRejectedError && error.code === 'NOT_FOUND')) throw error;
        });
      }
      await this.settlement.escrowReturned(payment.id);
    }
  }

  private async sendTransfers() {
    const transfers = await transferStore.toSend(this.prisma, 50);
    for (const transfer of transfers) {
      const sent = transfer.kind === 'PAYOUT' ? await this.payout(transfer, transfer.payment) : { transactionId: await this.refund(transfer, transfer.payment), destination: null };
      await transferStore.markSent(this.prisma, transfer.id, sent.transactionId, sent.destination);
    }
  }

  private async clinicOf(payment: Payment) {
    const [procedure] = await this.directory.procedures([payment.procedureId]);
    if (!procedure) throw new Error(`clinic of payment ${payment.id} not found`);
    return procedure.clinic;
  }

  private async payout(transfer: Transfer, payment: Payment): Promise<{ transactionId: string; destination: string }> {
    const clinic = await this.clinicOf(payment);
    // What the release took out of escrow leaves the gateway's block first (once per payment, however
    // many payout attempts), then the clinic's share goes out.
    const released = await takenFromEscrow(this.prisma, `payment:${payment.id}:released`);
    if (released !== null) await this.gateway.unblockBalance({ correlationId: payment.id, amountCentavos: released, clientRequestId: `${payment.id}:release` });
    // By TED to the clinic's bank account when it chose one, else by PIX to its CNPJ key; either way in its own name.
    const recipient = { name: clinic.legalName, document: clinic.cnpj };
    const sent = clinic.payoutBankAccount
      ? await this.gateway.tedTransfer({ clientRequestId: transfer.id, amountCentavos: transfer.amountCentavos, bankAccount: clinic.payoutBankAccount, recipient })
      : await this.gateway.payout({ clientRequestId: transfer.id, amountCentavos: transfer.amountCentavos, pixKey: clinic.cnpj, recipient });
    return { transactionId: sent.transactionId, destination: payoutDestination(clinic) };
  }

  private async refund(transfer: Transfer, payment: Payment): Promise<string> {
    const charge = await chargeStore.firstPaid(this.prisma, payment.id);
    if (!charge?.gatewayTransactionId) throw new Error(`payment ${payment.id} has no paid charge to refund`);
    const fromEscrow = Object.keys((transfer.reversal ?? {}) as object).some((accountId) => accountId.startsWith('escrow:'));
    if (fromEscrow) await this.gateway.unblockBalance({ correlationId: payment.id, amountCentavos: transfer.amountCentavos, clientRequestId: `${transfer.id}:unblock` });
    if (charge.method === 'BOLETO' || payment.planKind === 'CREDIARIO') {
      // A boleto cannot be reversed, and a crediário's refund spans several installments: the money
      // goes back by PIX to the payer's CPF key.
      const payer = await this.directory.payerIdentity(payment.payerId);
      if (!payer) throw new Error(`payer of payment ${payment.id} not found`);
      const sent = await this.gateway.payout({ clientRequestId: transfer.id, amountCentavos: transfer.amountCentavos, pixKey: payer.cpf, recipient: { name: payer.name, document: payer.cpf } });
      return sent.transactionId;
    }
    const sent = await this.gateway.refund({ clientRequestId: transfer.id, transactionId: charge.gatewayTransactionId, amountCentavos: transfer.amountCentavos, reason: transfer.reason ?? 'Estorno' });
    return sent.transactionId;
  }

  /**
   * A payout that failed put the money back in the clinic's balance: ask for it again once the clinic
   * has pointed its payouts elsewhere (a bank that returned a TED or refused a key would refuse it
   * again, at a fee each time), or a day later (a passing fault).
   */
  private async retryFailedPayouts() {
    // Many may wait for their clinics (a broken account is not fixed at once): look at enough of them,
    // with one directory call, that those waiting never hold back one that may go.
    const released = await paymentRows.withFailedPayout(this.prisma, 200);
    if (released.length === 0) return;
    const procedures = new Map((await this.directory.procedures([...new Set(released.map((payment) => payment.procedureId))])).map((procedure) => [procedure.id, procedure]));
    const dayAgo = this.now().getTime() - 86_400_000;
    for (const payment of released) {
      const failed = payment.transfers[0]!;
      const clinic = procedures.get(payment.procedureId)?.clinic;
      if (failed.destination && failed.updatedAt.getTime() > dayAgo && (!clinic || payoutDestination(clinic) === failed.destination)) continue;
      await inTransaction(this.prisma, (tx) => this.settlement.requestPayout(tx, payment, failed.amountCentavos));
    }
  }

  private async autoRelease() {
    const due = await paymentRows.dueForRelease(this.prisma, this.now(), 50);
    for (const payment of due) {
      await inTransaction(this.prisma, async (tx) => {
        const current = await paymentRows.get(tx, payment.id);
        if (current.escrowState === 'HELD' && current.status !== 'DISPUTED') await this.settlement.release(tx, current, 'Liberação automática: prazo de custódia sem contestação');
      });
    }
  }

  private async issueInstallments() {
    const today = todayInSaoPaulo(this.now());
    const due = await installmentStore.dueToIssue(this.prisma, addDays(today, INSTALLMENT_ISSUE_DAYS_AHEAD), 50);
    for (const installment of due) await issueInstallment(this.prisma, installment);
    if (due.length) await this.issuePendingCharges(0);
    await markOverdueInstallments(this.prisma, today);
  }
}
