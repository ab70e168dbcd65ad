// What money events do to payments and the books: a charge paid or expired, escrow released, a
// payout or refund confirmed or failed. Each runs in one database transaction, is keyed so that a
// repeated event or retried step does nothing the second time, and moves status only forward.
import { formatBRL, reverseProportionally } from '@medpay/money';
import type { Logger, Metrics } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { Charge, Payment, PrismaClient, Transfer } from '../generated/prisma/client.js';
import { account, lockedBalance, post, type Tx } from '../ledger/ledger-store.js';
import { canMove } from '../payments/payment-status.js';
import { movePayment } from '../payments/transitions.js';
import { chargeStore, type PayoffPart } from './charge-store.js';
import { transferStore } from './transfer-store.js';
import { ENDED_PAYMENT_STATUSES, installmentStore } from '../crediario/installment-store.js';
import { installmentPaid, transferFailed } from '../events/domain-events.js';
import { outboxStore } from '../events/outbox-store.js';
import { paymentRows } from '../payments/payment-store.js';
import { inTransaction } from '../transaction.js';

const DAY_MS = 86_400_000;

/** The split of an amount in the payment's proportions (the platform absorbs rounding). */
export function splitOf(payment: Payment, amountCentavos: number) {
  const parts = reverseProportionally(
    { clinic: payment.clinicNetCentavos, platform: payment.platformFeeCentavos, cost: payment.processingCostCentavos },
    amountCentavos,
    'platform',
  );
  return { clinic: parts.clinic!, platform: parts.platform!, cost: parts.cost! };
}

export class Settlement {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly logger: Logger,
    private readonly escrowAutoReleaseDays: number,
    /** asks the worker to carry the consequences out at the gateway (block, payout, refund) */
    private readonly kick: () => void,
    /** counts payouts the gateway failed (`payout_failures_total`, an alarm in infra/) */
    private readonly metrics?: Metrics,
  ) {}

  /** Runs `apply` once per event id; false when the event was seen before. */
  private async once(eventId: string, apply: (tx: Tx) => Promise<void>): Promise<boolean> {
    const applied = await inTransaction(this.prisma, async (tx) => {
      if (!(await outboxStore.recordProcessed(tx, eventId))) return false;
      await apply(tx);
      return true;
    });
    if (applied) this.kick();
    return applied;
  }

  async chargePaid(event: { eventId: string; transactionId: string; clientRequestId: string; amountCentavos: number; occurredAt: Date; endToEndId?: string }): Promise<boolean> {
    return this.once(event.eventId, async (tx) => {
      const charge = await chargeStore.findForEvent(tx, event.transactionId, event.clientRequestId);
      if (!charge) {
        // Money we cannot match: kept in the books apart, and listed by reconciliation.
        this.logger.error({ transactionId: event.transactionId }, 'payment received for an unknown charge');
        await bookApart(tx, account.unmatchedReceipts, `receipt:${event.eventId}`, `Recebimento sem cobrança correspondente (${event.transactionId})`, event.amountCentavos);
        return;
      }
      // Conditional, so that of two deliveries racing (a webhook and reconciliation, two replicas) the
      // second waits for the first's row lock, then finds the charge paid and does nothing.
      if (!(await chargeStore.markPaid(tx, charge.id, { paidCentavos: event.amountCentavos, paidAt: event.occurredAt, gatewayTransactionId: event.transactionId, pixEndToEndId: event.endToEndId ?? null }))) return;
      const payment = await paymentRows.get(tx, charge.paymentId);
      if (payment.planKind !== 'CREDIARIO') return this.paymentPaid(tx, payment, event.amountCentavos, event.occurredAt);
      // Locked: a cancellation of the contract counts what was paid, so the two take turns.
      await this.installmentPaid(tx, await paymentRows.locked(tx, payment.id), charge, event.amountCentavos, event.occurredAt);
    });
  }

  private async paymentPaid(tx: Tx, payment: Payment, receivedCentavos: number, paidAt: Date) {
    if (payment.status !== 'AWAITING_PAYMENT') {
      // Paid after it expired or was canceled: kept apart for a refund, never put in escrow.
      this.logger.error({ paymentId: payment.id, status: payment.status }, 'charge paid for a payment no longer awaiting payment');
      await bookApart(tx, account.unappliedReceipts, `payment:${payment.id}:late-receipt`, 'Pagamento recebido após expirar ou ser cancelado', receivedCentavos, payment.id);
      return;
    }
    // Card interest above the clinic's limit goes to the issuer: our books hold the procedure's price.
    const gross = payment.grossCentavos;
    await post(tx, {
      id: `payment:${payment.id}:paid`,
      description: 'Pagamento recebido e retido em custódia',
      paymentId: payment.id,
      entries: [
        { account: account.gatewayCash, side: 'DEBIT', amountCentavos: gross },
        { account: account.escrow(payment.clinicId), side: 'CREDIT', amountCentavos: gross },
      ],
    });
    if (receivedCentavos < gross && payment.method !== 'CARD') this.logger.error({ paymentId: payment.id, receivedCentavos, gross }, 'charge paid short');
    await this.holdInEscrow(tx, payment, paidAt, 'Pagamento confirmado pelo gateway');
  }

  /** A crediário charge paid: one installment, or those an early settlement pays (Charge.payoff), each at its price that day. */
  private async installmentPaid(tx: Tx, payment: Payment, charge: Charge, receivedCentavos: number, paidAt: Date) {
    const parts = (charge.payoff as PayoffPart[] | null) ?? [{ number: charge.installmentNumber!, amountCentavos: receivedCentavos }];
    const ended = ENDED_PAYMENT_STATUSES.includes(payment.status);
    if (ended || receivedCentavos !== parts.reduce((sum, part) => sum + part.amountCentavos, 0)) {
      // Paid after the contract ended (the charge open a moment too long), or not what the
      // settlement asked for: kept apart for a refund.
      this.logger.error({ paymentId: payment.id, chargeId: charge.id, ended }, 'crediário charge paid that cannot settle its installments');
      await bookApart(tx, account.unappliedReceipts, `charge:${charge.id}:unapplied`, 'Pagamento de crediário que não quita as parcelas', receivedCentavos, payment.id);
      return;
    }
    for (const part of parts) await this.settleInstallment(tx, payment, charge, part.number, part.amountCentavos, paidAt);
  }

  private async settleInstallment(tx: Tx, payment: Payment, charge: Charge, number: number, receivedCentavos: number, paidAt: Date) {
    const installment = await installmentStore.byNumber(tx, payment.id, number);
    if (!(await installmentStore.markPaid(tx, installment.id, paidAt))) {
      // Another charge for the same installment was paid too (reissued with late charges, or settled
      // early meanwhile): the money is booked apart for a refund, never as a second payment.
      this.logger.error({ installmentId: installment.id, chargeId: charge.id }, 'installment paid twice');
      await bookApart(tx, account.unappliedReceipts, charge.payoff ? `charge:${charge.id}:duplicate:${number}` : `charge:${charge.id}:duplicate`, `Parcela ${installment.number} paga em duplicidade`, receivedCentavos, payment.id);
      return;
    }
    await outboxStore.append(tx, installmentPaid(payment, installment, paidAt));
    if (installment.number === 1 && payment.status === 'AWAITING_PAYMENT') {
      // The first installment activates the contract: the credit line funds the clinic's price into
      // escrow, and the patient owes the financed principal (price + IOF).
      const principal = await installmentStore.financedCentavos(tx, payment.id);
      await post(tx, {
        id: `payment:${payment.id}:disbursed`,
        description: 'Crediário contratado: valor do procedimento em custódia',
        paymentId: payment.id,
        entries: [
          { account: account.crediarioReceivable, side: 'DEBIT', amountCentavos: principal },
          { account: account.gatewayCash, side: 'DEBIT', amountCentavos: payment.grossCentavos },
          { account: account.fundingLine, side: 'CREDIT', amountCentavos: payment.grossCentavos },
          { account: account.iofPayable, side: 'CREDIT', amountCentavos: principal - payment.grossCentavos },
          { account: account.escrow(payment.clinicId), side: 'CREDIT', amountCentavos: payment.grossCentavos },
        ],
      });
      await this.holdInEscrow(tx, payment, paidAt, 'Primeira parcela paga; crediário ativo');
    }
    // Settled early, a far installment may cost less than its share of the principal: the interest
    // side is then a discount (a debit to interest revenue). An ordinary charge paid short is refused
    // by the ledger (a negative amount), and the whole step rolls back.
    const interest = receivedCentavos - installment.amortizationCentavos;
    const discount = charge.payoff !== null && interest < 0;
    await post(tx, {
      id: `installment:${installment.id}:paid`,
      description: charge.payoff ? `Parcela ${installment.number} do crediário quitada antecipadamente` : `Parcela ${installment.number} do crediário paga`,
      paymentId: payment.id,
      entries: [
        { account: account.gatewayCash, side: 'DEBIT', amountCentavos: receivedCentavos },
        { account: account.crediarioReceivable, side: 'CREDIT', amountCentavos: installment.amortizationCentavos },
        { account: account.interestRevenue, side: discount ? 'DEBIT' : 'CREDIT', amountCentavos: discount ? -interest : interest },
      ],
    });
  }

  /** PAID with the money held; auto-release counts from the payment's date. */
  private holdInEscrow(tx: Tx, payment: Payment, paidAt: Date, reason: string) {
    return movePayment(tx, payment, { to: 'PAID', escrow: 'HELD', reason, data: { escrowReleaseDueAt: new Date(paidAt.getTime() + this.escrowAutoReleaseDays * DAY_MS) } });
  }

  async chargeEnded(event: { eventId: string; transactionId: string; clientRequestId: string; type: 'CHARGE_EXPIRED' | 'CHARGE_CANCELED' }): Promise<boolean> {
    return this.once(event.eventId, async (tx) => {
      const charge = await chargeStore.findForEvent(tx, event.transactionId, event.clientRequestId);
      if (!charge) return;
      const status = event.type === 'CHARGE_EXPIRED' ? 'EXPIRED' : 'CANCELED';
      if (!(await chargeStore.end(tx, charge.id, status))) return;
      const payment = await paymentRows.get(tx, charge.paymentId);
      // A later installment's charge ending does not end the contract; overdue handling does.
      if (payment.status === 'AWAITING_PAYMENT' && (charge.installmentNumber ?? 1) === 1) {
        await movePayment(tx, payment, { to: status, reason: status === 'EXPIRED' ? 'Cobrança expirada sem pagamento' : 'Cobrança cancelada' });
      }
    });
  }

  /** The gateway blocked a paid payment's money: PAID → IN_ESCROW (a repeated call finds it moved and does nothing). */
  async escrowBlocked(paymentId: string): Promise<void> {
    await inTransaction(this.prisma, async (tx) => {
      const current = await paymentRows.get(tx, paymentId);
      if (current.status === 'PAID') await movePayment(tx, current, { to: 'IN_ESCROW', reason: 'Valor bloqueado em custódia no gateway' });
    });
  }

  /** A card the acquirer refused: the charge and its payment end DECLINED, and no money moved. */
  async chargeDeclined(charge: Pick<Charge, 'id' | 'paymentId'>, reason: string): Promise<void> {
    await inTransaction(this.prisma, async (tx) => {
      if (!(await chargeStore.decline(tx, charge.id, reason))) return;
      await movePayment(tx, await paymentRows.get(tx, charge.paymentId), { to: 'DECLINED', reason: `Cartão recusado: ${reason}` });
    });
  }

  /** Escrow released to the clinic: the split is booked and the payout requested, in one step; false when the payment changed meanwhile. */
  async release(tx: Tx, payment: Payment, reason: string): Promise<boolean> {
    const remaining = payment.grossCentavos - payment.refundedCentavos;
    const parts = splitOf(payment, remaining);
    const moved = await movePayment(tx, payment, { to: payment.status === 'PAID_OUT' ? undefined : 'RELEASED', escrow: 'RELEASED', reason });
    if (!moved) return false;
    await post(tx, {
      id: `payment:${payment.id}:released`,
      description: 'Custódia liberada para a clínica',
      paymentId: payment.id,
      entries: [
        { account: account.escrow(payment.clinicId), side: 'DEBIT', amountCentavos: remaining },
        { account: account.clinicPayable(payment.clinicId), side: 'CREDIT', amountCentavos: parts.clinic },
        { account: account.platformRevenue, side: 'CREDIT', amountCentavos: parts.platform },
        { account: account.gatewayFeesPayable, side: 'CREDIT', amountCentavos: parts.cost },
      ],
    });
    await this.requestPayout(tx, payment, parts.clinic);
    return true;
  }

  /**
   * Moves the clinic's share from its balance to money in transit, for the worker to pay out. A
   * refund after an earlier payout leaves the clinic owing (its balance below zero): that debt is kept
   * back from this payout first, so only the positive balance is ever paid out. The balance row is
   * locked while deciding, so concurrent releases and refunds of one clinic cannot pay out twice.
   */
  async requestPayout(tx: Tx, payment: Payment, amountCentavos: number) {
    if (amountCentavos <= 0) return;
    const available = await lockedBalance(tx, account.clinicPayable(payment.clinicId));
    const payable = Math.min(amountCentavos, Math.max(0, available));
    if (payable === 0) {
      // Settled entirely against what the clinic owed: nothing leaves, and the share counts as paid.
      await movePayment(tx, payment, { to: payment.status === 'RELEASED' ? 'PAID_OUT' : undefined, escrow: 'PAID_OUT', reason: 'Repasse compensado com estornos anteriores da clínica' });
      return;
    }
    const transfer = await transferStore.create(tx, { id: randomUUID(), paymentId: payment.id, kind: 'PAYOUT', amountCentavos: payable });
    await post(tx, {
      id: `transfer:${transfer.id}:requested`,
      description: payable < amountCentavos ? 'Repasse à clínica solicitado, descontados estornos anteriores' : 'Repasse à clínica solicitado',
      paymentId: payment.id,
      entries: [
        { account: account.clinicPayable(payment.clinicId), side: 'DEBIT', amountCentavos: payable },
        { account: account.payoutsInTransit, side: 'CREDIT', amountCentavos: payable },
      ],
    });
  }

  async transferEnded(event: { eventId: string; transactionId: string; clientRequestId: string; confirmed: boolean }): Promise<boolean> {
    let payoutFailed = false;
    const applied = await this.once(event.eventId, async (tx) => {
      payoutFailed = false;
      const transfer = await transferStore.findForEvent(tx, event.transactionId, event.clientRequestId);
      // A chargeback is taken, never sent: no event settles it.
      if (!transfer || transfer.kind === 'CHARGEBACK') return;
      if (!(await transferStore.settle(tx, transfer.id, event.confirmed, event.transactionId))) return;
      const payment = await paymentRows.get(tx, transfer.paymentId);
      const inTransit = transfer.kind === 'PAYOUT' ? account.payoutsInTransit : account.refundsInTransit;
      if (event.confirmed) {
        await post(tx, {
          id: `transfer:${transfer.id}:confirmed`,
          description: transfer.kind === 'PAYOUT' ? 'Repasse à clínica concluído' : 'Estorno ao paciente concluído',
          paymentId: payment.id,
          entries: [
            { account: inTransit, side: 'DEBIT', amountCentavos: transfer.amountCentavos },
            { account: account.gatewayCash, side: 'CREDIT', amountCentavos: transfer.amountCentavos },
          ],
        });
        if (transfer.kind === 'PAYOUT') {
          await movePayment(tx, payment, { to: payment.status === 'RELEASED' ? 'PAID_OUT' : undefined, escrow: 'PAID_OUT', reason: 'Repasse à clínica concluído' });
        }
        return;
      }
      // A failed transfer puts the money back where it came from; the worker asks again later. The
      // back office hears of it (transfer.failed) with the bookkeeping, in this transaction.
      payoutFailed = transfer.kind === 'PAYOUT';
      await outboxStore.append(tx, transferFailed(payment, { ...transfer, kind: transfer.kind }));
      const source = transfer.kind === 'PAYOUT' ? [{ account: account.clinicPayable(payment.clinicId), amount: transfer.amountCentavos }] : drawnFrom(transfer);
      await post(tx, {
        id: `transfer:${transfer.id}:failed`,
        description: transfer.kind === 'PAYOUT' ? 'Repasse à clínica falhou' : 'Estorno ao paciente falhou',
        paymentId: payment.id,
        entries: [
          { account: inTransit, side: 'DEBIT', amountCentavos: transfer.amountCentavos },
          ...source.map((s) => ({ account: s.account, side: 'CREDIT' as const, amountCentavos: s.amount })),
        ],
      });
      this.logger.error({ transferId: transfer.id, kind: transfer.kind }, 'gateway transfer failed');
    });
    if (applied && payoutFailed) this.metrics?.increment('payout_failures_total');
    return applied;
  }

  /**
   * The card issuer took money back through the gateway (a chargeback). The gateway has already
   * debited it, so it is booked at once, never refused: what is in escrow leaves escrow (the worker
   * then lifts the gateway's block and ends the escrow); what was released is taken back from the
   * clinic's balance, below zero after a payout (kept back from its next payouts: requestPayout), with
   * the platform's fee and the costs reversed in the split's proportions. Card interest is the
   * issuer's, as on receipt. What the gateway took beyond what the payment had left is booked as a
   * shortfall, and beyond our cash as an overdraft, both listed by reconciliation until sorted out.
   */
  async chargedBack(event: { chargebackId: string; transactionId: string; amountCentavos: number; reason: string }): Promise<boolean> {
    // Keyed by the chargeback's own id: whatever carries it again (a repeated webhook) books nothing.
    return this.once(`chargeback:${event.chargebackId}`, async (tx) => {
      const charge = await chargeStore.findForEvent(tx, event.transactionId, '');
      if (!charge) {
        this.logger.error({ chargebackId: event.chargebackId, transactionId: event.transactionId }, 'chargeback for an unknown charge');
        await post(tx, {
          id: `chargeback:${event.chargebackId}`,
          description: `Chargeback sem cobrança correspondente (${event.transactionId})`,
          entries: [{ account: account.unmatchedReceipts, side: 'DEBIT', amountCentavos: event.amountCentavos }, ...(await this.takenFromCash(tx, event.amountCentavos))],
        });
        return;
      }
      const payment = await paymentRows.get(tx, charge.paymentId);
      const interest = charge.method === 'CARD' ? Math.max(0, charge.paidCentavos - payment.grossCentavos) : 0;
      const taken = event.amountCentavos - interest;
      if (taken <= 0) return;
      const left = canMove(payment.status, 'CHARGED_BACK') ? payment.grossCentavos - payment.refundedCentavos : 0;
      const fromPayment = Math.min(taken, left);
      const sources: Record<string, number> = {};
      if (fromPayment > 0) {
        if (payment.escrowState === 'HELD') sources[account.escrow(payment.clinicId)] = fromPayment;
        else {
          const parts = splitOf(payment, fromPayment);
          Object.assign(sources, { [account.clinicPayable(payment.clinicId)]: parts.clinic, [account.platformRevenue]: parts.platform, [account.gatewayFeesPayable]: parts.cost });
        }
        // The escrow stays HELD until the worker has lifted the gateway's block (escrowReturned). A
        // payment another writer moved meanwhile rolls this back: the gateway delivers it again.
        const reason = `Chargeback de ${formatBRL(fromPayment)} pelo emissor do cartão: ${event.reason.trim().slice(0, 200) || 'sem motivo informado'}`;
        if (!(await movePayment(tx, payment, { to: 'CHARGED_BACK', reason }))) throw new Error(`payment ${payment.id} changed while its chargeback was booked`);
      }
      if (taken > fromPayment) {
        this.logger.error({ chargebackId: event.chargebackId, paymentId: payment.id, shortfallCentavos: taken - fromPayment }, 'chargeback above what the payment has left');
        sources[account.chargebackShortfall] = taken - fromPayment;
      }
      const transfer = await transferStore.createChargeback(tx, { id: randomUUID(), paymentId: payment.id, amountCentavos: taken, reason: event.reason.trim().slice(0, 500), reversal: sources, gatewayTransactionId: event.chargebackId });
      await post(tx, {
        id: `transfer:${transfer.id}:charged_back`,
        description: 'Chargeback: valor retirado pelo emissor do cartão',
        paymentId: payment.id,
        entries: [
          ...Object.entries(sources).map(([accountId, amount]) => ({ account: accountId, side: 'DEBIT' as const, amountCentavos: amount })),
          ...(await this.takenFromCash(tx, taken)),
        ],
      });
    });
  }

  /**
   * The credit side of money the gateway took on its own (a chargeback): our cash, and beyond it an
   * overdraft (the account at the gateway below zero), owed to the gateway until the platform funds it.
   * The cash row stays locked to the end of the transaction, so concurrent takings cannot both use it.
   */
  private async takenFromCash(tx: Tx, amountCentavos: number) {
    const fromCash = Math.min(amountCentavos, Math.max(0, await lockedBalance(tx, account.gatewayCash)));
    return [
      { account: account.gatewayCash, side: 'CREDIT' as const, amountCentavos: fromCash },
      { account: account.gatewayOverdraft, side: 'CREDIT' as const, amountCentavos: amountCentavos - fromCash },
    ];
  }

  /** The gateway's block of a payment that ended in escrow is lifted: its escrow is over (a repeated call does nothing). */
  async escrowReturned(paymentId: string): Promise<void> {
    await inTransaction(this.prisma, async (tx) => {
      const current = await paymentRows.get(tx, paymentId);
      if (['CHARGED_BACK', 'REFUNDED'].includes(current.status) && current.escrowState === 'HELD') await movePayment(tx, current, { escrow: 'RETURNED', reason: 'Bloqueio de custódia desfeito no gateway' });
    });
  }
}

/** Money received that no payment can take (unknown, late or duplicate): held apart for a refund. */
function bookApart(tx: Tx, holding: string, id: string, description: string, amountCentavos: number, paymentId?: string) {
  return post(tx, {
    id,
    description,
    paymentId,
    entries: [
      { account: account.gatewayCash, side: 'DEBIT', amountCentavos },
      { account: holding, side: 'CREDIT', amountCentavos },
    ],
  });
}

/** The accounts a refund or chargeback was drawn from (kept on the transfer): where a failed refund puts it back. */
export function drawnFrom(transfer: Transfer): { account: string; amount: number }[] {
  return Object.entries((transfer.reversal ?? {}) as Record<string, number>).map(([accountId, amount]) => ({ account: accountId, amount }));
}
