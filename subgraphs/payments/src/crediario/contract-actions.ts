// What a patient does to a crediário contract after signing it: settle installments early (CDC art.
// 52 §2) with the interest not yet accrued removed, or cancel it before the procedure (CDC art. 49
// within 7 days of signing). The payment row is locked while a step counts what was paid, so an
// installment paid at that moment is booked by the step that comes second, never lost or counted twice.
import { forbidden, notFound } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { todayInSaoPaulo } from '../checkout/plans.js';
import { assertKey, claimKey, findByKey, isKeyConflict, requestHash } from '../checkout/idempotency-store.js';
import { PaymentsError } from '../errors.js';
import type { PaymentGateway } from '../gateway/payment-gateway.js';
import type { Charge, Installment, Payment, PrismaClient } from '../generated/prisma/client.js';
import { account, post } from '../ledger/ledger-store.js';
import type { ChargeIssuer } from '../money-movement/charges.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { HELD_STATUSES } from '../money-movement/payment-actions.js';
import { transferStore } from '../money-movement/transfer-store.js';
import type { PaymentAccess } from '../payments/access.js';
import { paymentRows } from '../payments/payment-store.js';
import { movePayment } from '../payments/transitions.js';
import { inTransaction } from '../transaction.js';
import { installmentStore } from './installment-store.js';
import { payoffQuote, type PayoffQuote } from './payoff.js';

/** CDC art. 49: a contract signed away from the establishment (online) may be undone within 7 days. */
export const REGRET_DAYS = 7;
/** A contract in force: activated by its first installment, neither ended nor charged back. */
const IN_FORCE = new Set(['PAID', 'IN_ESCROW', 'DISPUTED', 'RELEASED', 'PAID_OUT']);

const cancelled = (payment: Payment) => payment.status === 'REFUNDED' || payment.status === 'CANCELED';
const notCancellable = () =>
  new PaymentsError('REFUND_NOT_ALLOWED', 'O procedimento já foi confirmado pela clínica: o cancelamento deste crediário é feito pela central da MedPay.');

export class CrediarioContracts {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly charges: Pick<ChargeIssuer, 'issue'>,
    private readonly gateway: Pick<PaymentGateway, 'cancelCharge'>,
    /** tells the worker and the outbox relay there is something to do */
    private readonly kick: () => void,
  ) {}

  /** The crediário, if the caller may act on it: its payer, or (cancelling) a platform admin. */
  private async contract(paymentId: string, access: PaymentAccess, who: 'payer' | 'payerOrAdmin'): Promise<Payment> {
    const payment = await paymentRows.find(this.prisma, paymentId);
    if (!payment || !(await access.canSee(payment))) throw notFound('Pagamento');
    if (payment.payerId !== access.userId && !(who === 'payerOrAdmin' && access.isAdmin)) throw forbidden();
    if (payment.planKind !== 'CREDIARIO') throw new PaymentsError('BAD_USER_INPUT', 'Este pagamento não é um crediário.', { field: 'paymentId' });
    return payment;
  }

  /** Ends the open charges `which` picks, at the gateway first. */
  private async cancelOpenCharges(paymentId: string, which: (charge: Charge) => boolean) {
    for (const charge of (await chargeStore.openFor(this.prisma, paymentId)).filter(which)) {
      if (charge.gatewayTransactionId) await this.gateway.cancelCharge(charge.gatewayTransactionId);
      await chargeStore.cancel(this.prisma, charge.id, charge.status);
    }
  }

  /** What settling the next `count` open installments (all when null) costs on `date` (today when null; up to the last due date). */
  async quote(paymentId: string, count: number | null, date: string | null, access: PaymentAccess): Promise<PayoffQuote> {
    const payment = await this.contract(paymentId, access, 'payerOrAdmin');
    const today = todayInSaoPaulo();
    const installments = await installmentStore.ofPayment(this.prisma, payment.id);
    if (date !== null && (!/^\d{4}-\d{2}-\d{2}$/.test(date) || date < today || date > installments.at(-1)!.dueDate)) {
      throw new PaymentsError('BAD_USER_INPUT', 'Escolha uma data entre hoje e o vencimento da última parcela.', { field: 'date' });
    }
    return this.payoffOf(payment, installments, count, date ?? today);
  }

  private payoffOf(payment: Payment, installments: Installment[], count: number | null, date: string): PayoffQuote {
    if (!IN_FORCE.has(payment.status)) throw new PaymentsError('INVALID_STATUS_TRANSITION', 'Só é possível quitar parcelas de um crediário ativo.');
    const open = installments.filter((installment) => installment.status !== 'PAID').length;
    if (count !== null && (!Number.isInteger(count) || count < 1 || count > open)) {
      throw new PaymentsError('BAD_USER_INPUT', `Escolha de 1 a ${open} parcelas para quitar.`, { field: 'installments' });
    }
    if (open === 0) throw new PaymentsError('BAD_USER_INPUT', 'Todas as parcelas deste crediário já foram pagas.', { field: 'paymentId' });
    return payoffQuote(installments, Number(payment.monthlyInterestRate), date, count);
  }

  /**
   * A PIX charge that settles the next `count` open installments (all when null) at today's quote.
   * PIX only: the discount is priced for the day it is paid, and a boleto clears days later. Their own
   * open charges, and an earlier settlement's, are cancelled first. The same key gives the same charge,
   * whose `payoff` keeps what each installment cost that day.
   */
  async payOff(input: { paymentId: string; installments?: number | null; idempotencyKey: string }, access: PaymentAccess): Promise<Charge> {
    const payment = await this.contract(input.paymentId, access, 'payer');
    assertKey(input.idempotencyKey);
    const count = input.installments ?? null;
    const scope = `crediario-payoff:${access.claims!.sub}`;
    const hash = requestHash({ paymentId: payment.id, installments: count });
    const existing = await findByKey(this.prisma, scope, input.idempotencyKey, hash);
    if (existing) return chargeStore.get(this.prisma, existing);
    const quote = this.payoffOf(payment, await installmentStore.ofPayment(this.prisma, payment.id), count, todayInSaoPaulo());
    const settled = new Set(quote.lines.map((line) => line.number));
    await this.cancelOpenCharges(payment.id, (charge) => charge.payoff !== null || (charge.installmentNumber !== null && settled.has(charge.installmentNumber)));
    try {
      const charge = await inTransaction(this.prisma, async (tx) => {
        const created = await chargeStore.create(tx, {
          id: randomUUID(), paymentId: payment.id, method: 'PIX', amountCentavos: quote.totalCentavos, installmentNumber: null,
          payoff: quote.lines.map((line) => ({ number: line.number, amountCentavos: line.payoffCentavos })),
        });
        await claimKey(tx, scope, input.idempotencyKey, hash, created.id);
        return created;
      });
      await this.charges.issue(charge, payment);
      return chargeStore.get(this.prisma, charge.id);
    } catch (error) {
      if (isKeyConflict(error)) return this.payOff(input, access);
      throw error;
    }
  }

  /**
   * Cancels a crediário before the procedure is confirmed (its payer, or a platform admin). Within
   * REGRET_DAYS of signing (CDC art. 49) everything paid comes back, interest and late charges
   * included; after that, what was paid less the interest of the installments already paid (the
   * credit ran for those periods). Either way the clinic's price leaves escrow back to the credit
   * line, what the patient still owed is written off, the financed IOF is not due, and the open
   * charges are cancelled. Not yet activated (first installment unpaid), it simply ends CANCELED.
   */
  async cancel(input: { paymentId: string; reason: string; idempotencyKey: string }, access: PaymentAccess): Promise<Payment> {
    const payment = await this.contract(input.paymentId, access, 'payerOrAdmin');
    assertKey(input.idempotencyKey);
    const reason = input.reason.trim();
    if (reason.length < 3) throw new PaymentsError('BAD_USER_INPUT', 'Informe o motivo do cancelamento.', { field: 'reason' });
    const scope = `crediario-cancel:${access.claims!.sub}`;
    const hash = requestHash({ paymentId: input.paymentId, reason });
    if (await findByKey(this.prisma, scope, input.idempotencyKey, hash)) return paymentRows.get(this.prisma, input.paymentId);
    if (cancelled(payment)) return payment;
    if (payment.escrowState !== 'HELD' && payment.status !== 'AWAITING_PAYMENT') throw notCancellable();
    // Nothing more can be paid: the open charges end at the gateway first (a payment racing this is booked apart).
    await this.cancelOpenCharges(payment.id, () => true);
    try {
      const result = await inTransaction(this.prisma, async (tx) => {
        const current = await paymentRows.locked(tx, input.paymentId);
        await claimKey(tx, scope, input.idempotencyKey, hash, current.id);
        // Cancelled meanwhile by another request (it held the row first): that cancellation stands.
        if (cancelled(current)) return current;
        if (current.status === 'AWAITING_PAYMENT') {
          await movePayment(tx, current, { to: 'CANCELED', reason: `Crediário cancelado antes da primeira parcela: ${reason.slice(0, 200)}` });
          return current;
        }
        if (current.escrowState !== 'HELD' || !HELD_STATUSES.has(current.status)) throw notCancellable();
        const regret = Date.now() - current.createdAt.getTime() <= REGRET_DAYS * 86_400_000;
        const principal = await installmentStore.financedCentavos(tx, current.id);
        const amortized = await installmentStore.amortizedCentavos(tx, current.id);
        const paid = await chargeStore.paidFor(tx, current.id);
        // Never more than was paid: installments settled early may have cost less than they amortized.
        const returned = regret ? paid : Math.min(paid, amortized);
        // The interest given back (negative: the discount of an early settlement, no longer given).
        const interestBack = returned - amortized;
        await movePayment(tx, current, {
          to: 'REFUNDED',
          reason: `${regret ? 'Arrependimento em até 7 dias (CDC art. 49)' : 'Crediário cancelado antes do procedimento'}: ${reason.slice(0, 200)}`,
          data: { refundedCentavos: returned },
        });
        if (returned > 0) await transferStore.create(tx, { id: randomUUID(), paymentId: current.id, kind: 'REFUND', amountCentavos: returned, reason, reversal: { [account.unappliedReceipts]: returned } });
        await post(tx, {
          id: `payment:${current.id}:canceled`,
          description: regret ? 'Crediário desfeito no prazo de arrependimento' : 'Crediário cancelado antes do procedimento',
          paymentId: current.id,
          entries: [
            { account: account.escrow(current.clinicId), side: 'DEBIT', amountCentavos: current.grossCentavos },
            { account: account.iofPayable, side: 'DEBIT', amountCentavos: principal - current.grossCentavos },
            { account: account.interestRevenue, side: interestBack >= 0 ? 'DEBIT' : 'CREDIT', amountCentavos: Math.abs(interestBack) },
            { account: account.crediarioReceivable, side: 'CREDIT', amountCentavos: principal - amortized },
            { account: account.refundsInTransit, side: 'CREDIT', amountCentavos: returned },
          ],
        });
        await post(tx, {
          id: `payment:${current.id}:funding-returned`,
          description: 'Valor do procedimento devolvido à linha de crédito',
          paymentId: current.id,
          entries: [
            { account: account.fundingLine, side: 'DEBIT', amountCentavos: current.grossCentavos },
            { account: account.gatewayCash, side: 'CREDIT', amountCentavos: current.grossCentavos },
          ],
        });
        return current;
      });
      this.kick();
      return result;
    } catch (error) {
      if (isKeyConflict(error)) return paymentRows.get(this.prisma, input.paymentId);
      throw error;
    }
  }
}
