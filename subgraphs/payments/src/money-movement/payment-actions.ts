// What people do to a paid payment: the clinic confirms the procedure (releasing escrow), the
// patient opens a dispute, an admin resolves it, and refunds (full or partial) by the rules.
import { formatBRL } from '@medpay/money';
import { forbidden, notFound } from '@medpay/runtime';
import { PaymentsError } from '../errors.js';
import { randomUUID } from 'node:crypto';
import type { PaymentAccess } from '../payments/access.js';
import type { ChargeIssuer } from './charges.js';
import type { PaymentGateway } from '../gateway/payment-gateway.js';
import type { Installment, Payment, PrismaClient } from '../generated/prisma/client.js';
import { installmentDue } from '../crediario/late-charges.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import { assertKey, claimKey, findByKey, isKeyConflict, requestHash } from '../checkout/idempotency-store.js';
import { account, post, type Tx } from '../ledger/ledger-store.js';
import { splitOf, type Settlement } from './settlement.js';
import { movePayment } from '../payments/transitions.js';
import type { RefundInput } from '../__generated__/resolvers-types.js';
import { chargeStore } from './charge-store.js';
import { transferStore } from './transfer-store.js';
import { installmentStore } from '../crediario/installment-store.js';
import { paymentRows } from '../payments/payment-store.js';
import { inTransaction } from '../transaction.js';

export const HELD_STATUSES: ReadonlySet<string> = new Set(['IN_ESCROW', 'PAID', 'PARTIALLY_REFUNDED', 'DISPUTED']);

export class PaymentActions {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly settlement: Settlement,
    private readonly charges: ChargeIssuer,
    private readonly gateway: PaymentGateway,
    private readonly kick: () => void,
  ) {}

  private async load(paymentId: string, access: PaymentAccess): Promise<Payment> {
    const payment = await paymentRows.find(this.prisma, paymentId);
    if (!payment || !(await access.canSee(payment))) throw notFound('Pagamento');
    return payment;
  }

  /**
   * Retries a step that re-reads the payment when a concurrent writer changed it in between (the
   * conditional update in movePayment refuses a stale write).
   */
  private async withFreshPayment<T>(paymentId: string, step: (tx: Tx, payment: Payment) => Promise<T | 'stale'>): Promise<T> {
    for (let attempt = 0; attempt < 5; attempt++) {
      const result = await inTransaction(this.prisma, async (tx) => step(tx, await paymentRows.get(tx, paymentId)));
      if (result !== 'stale') return result;
    }
    throw new PaymentsError('CONFLICT', 'O pagamento mudou durante a operação. Tente novamente.');
  }

  /** The clinic confirms the procedure was performed: escrow is released and the payout requested. */
  async confirmProcedurePerformed(paymentId: string, access: PaymentAccess): Promise<Payment> {
    const payment = await this.load(paymentId, access);
    await access.assertClinicMember(payment.clinicId);
    const result = await this.withFreshPayment(paymentId, async (tx, current) => {
      if (current.escrowState !== 'HELD') return current.escrowState === 'RELEASED' || current.escrowState === 'PAID_OUT' ? current : notConfirmable(current);
      if (current.status === 'DISPUTED') throw new PaymentsError('DISPUTE_NOT_ALLOWED', 'Há uma contestação aberta: a liberação aguarda a análise da MedPay.');
      if (current.status === 'PAID') throw new PaymentsError('INVALID_STATUS_TRANSITION', 'O pagamento ainda está sendo colocado em custódia. Tente em instantes.');
      return (await this.settlement.release(tx, current, 'Procedimento confirmado pela clínica')) ? current : 'stale';
    });
    this.kick();
    return result;
  }

  /** The patient disputes before the money is released: auto-release stops until an admin decides. */
  async openDispute(paymentId: string, reason: string, access: PaymentAccess): Promise<Payment> {
    const payment = await this.load(paymentId, access);
    if (payment.payerId !== access.userId) throw forbidden();
    if (reason.trim().length < 10) throw new PaymentsError('BAD_USER_INPUT', 'Conte em poucas palavras o que aconteceu (ao menos 10 caracteres).', { field: 'reason' });
    return this.withFreshPayment(paymentId, async (tx, current) => {
      if (current.status === 'DISPUTED') return current;
      if (current.escrowState !== 'HELD' || !['IN_ESCROW', 'PARTIALLY_REFUNDED'].includes(current.status)) {
        throw new PaymentsError('DISPUTE_NOT_ALLOWED', 'Só é possível contestar enquanto o valor está em custódia.');
      }
      return (await movePayment(tx, current, { to: 'DISPUTED', reason: 'Contestação aberta pelo paciente', data: { disputeReason: reason.trim().slice(0, 1000) } })) ? current : 'stale';
    });
  }

  /** A platform admin decides a dispute: release to the clinic, or refund what is left to the patient. */
  async resolveDispute(paymentId: string, inFavorOf: 'CLINIC' | 'PATIENT', access: PaymentAccess): Promise<Payment> {
    if (!access.isAdmin) throw forbidden();
    const payment = await this.load(paymentId, access);
    if (payment.status !== 'DISPUTED') throw new PaymentsError('INVALID_STATUS_TRANSITION', 'Este pagamento não está em contestação.');
    if (inFavorOf === 'PATIENT') {
      return this.refund({ paymentId, amountCentavos: payment.grossCentavos - payment.refundedCentavos, reason: 'Contestação decidida a favor do paciente', idempotencyKey: `dispute:${paymentId}` }, access);
    }
    const result = await this.withFreshPayment(paymentId, async (tx, current) =>
      (await this.settlement.release(tx, current, 'Contestação decidida a favor da clínica')) ? current : 'stale',
    );
    this.kick();
    return result;
  }

  /**
   * A PIX charge for an installment now, for its amount plus late charges when overdue. The open
   * charge it replaces is canceled at the gateway first; should both be paid anyway, settlement books
   * the second apart for a refund.
   */
  async payInstallment(installmentId: string, access: PaymentAccess): Promise<Installment> {
    const installment = await installmentStore.withPayment(this.prisma, installmentId);
    if (!installment || installment.payment.payerId !== access.userId) throw notFound('Parcela');
    if (installment.status === 'PAID') return installment;
    if (installment.status === 'SCHEDULED' && installment.number !== 1 && installment.payment.status === 'AWAITING_PAYMENT') {
      throw new PaymentsError('INVALID_STATUS_TRANSITION', 'O crediário ainda não foi ativado pela primeira parcela.');
    }
    const amount = installmentDue(installment, todayInSaoPaulo()).amountDueCentavos;
    const open = await chargeStore.openForInstallment(this.prisma, installment.paymentId, installment.number);
    const current = open.find((charge) => charge.amountCentavos === amount && charge.method === 'PIX' && charge.status === 'ACTIVE' && (charge.expiresAt?.getTime() ?? 0) > Date.now());
    if (!current) {
      for (const charge of open) {
        if (charge.gatewayTransactionId) await this.gateway.cancelCharge(charge.gatewayTransactionId);
        await chargeStore.cancel(this.prisma, charge.id, charge.status);
      }
      const charge = await inTransaction(this.prisma, async (tx) => {
        await installmentStore.issue(tx, installment.id);
        return chargeStore.create(tx, { id: randomUUID(), paymentId: installment.paymentId, method: 'PIX', amountCentavos: amount, installmentNumber: installment.number });
      });
      await this.charges.issue(charge, installment.payment);
    }
    return installmentStore.get(this.prisma, installmentId);
  }

  /**
   * Refunds part or all of what is left. From escrow before release; after release, charged back
   * against the clinic's balance with the split reversed proportionally. A patient may cancel in
   * full while the money is in escrow; clinics and admins refund by their own decision.
   */
  async refund(input: RefundInput, access: PaymentAccess): Promise<Payment> {
    const payment = await this.load(input.paymentId, access);
    const isPayer = payment.payerId === access.userId;
    const isClinic = await access.isClinicMember(payment.clinicId);
    if (!access.isAdmin && !isClinic && !isPayer) throw forbidden();
    assertKey(input.idempotencyKey);
    if (!Number.isSafeInteger(input.amountCentavos) || input.amountCentavos <= 0) {
      throw new PaymentsError('BAD_USER_INPUT', 'Informe um valor de estorno positivo, em centavos.', { field: 'amountCentavos' });
    }
    if (input.reason.trim().length < 3) throw new PaymentsError('BAD_USER_INPUT', 'Informe o motivo do estorno.', { field: 'reason' });
    const scope = `refund:${access.claims!.sub}`;
    const hash = requestHash({ paymentId: input.paymentId, amountCentavos: input.amountCentavos, reason: input.reason });
    const existing = await findByKey(this.prisma, scope, input.idempotencyKey, hash);
    if (existing) return paymentRows.get(this.prisma, input.paymentId);
    if (payment.planKind === 'CREDIARIO') {
      throw new PaymentsError('REFUND_NOT_ALLOWED', 'Estornos de crediário são feitos pela central da MedPay, com o cancelamento do contrato.');
    }
    if (isPayer && !access.isAdmin && !isClinic && (payment.escrowState !== 'HELD' || input.amountCentavos !== payment.grossCentavos - payment.refundedCentavos)) {
      throw new PaymentsError('REFUND_NOT_ALLOWED', 'O cancelamento pelo paciente é integral e só vale antes da confirmação do procedimento. Fale com a clínica ou abra uma contestação.');
    }
    try {
      const result = await this.withFreshPayment(input.paymentId, async (tx, current) => {
        const left = current.grossCentavos - current.refundedCentavos;
        if (!['PAID', 'IN_ESCROW', 'DISPUTED', 'PARTIALLY_REFUNDED', 'RELEASED', 'PAID_OUT'].includes(current.status)) {
          throw new PaymentsError('REFUND_NOT_ALLOWED', 'Este pagamento não pode ser estornado no estado atual.');
        }
        if (input.amountCentavos > left) {
          throw new PaymentsError('REFUND_EXCEEDS_BALANCE', `O estorno passa do valor disponível (${left} centavos); nada foi movimentado.`, { availableCentavos: left });
        }
        const refunded = current.refundedCentavos + input.amountCentavos;
        const fromEscrow = HELD_STATUSES.has(current.status) && current.escrowState === 'HELD';
        const sources = fromEscrow
          ? { [account.escrow(current.clinicId)]: input.amountCentavos }
          : (() => {
              const parts = splitOf(current, input.amountCentavos);
              return { [account.clinicPayable(current.clinicId)]: parts.clinic, [account.platformRevenue]: parts.platform, [account.gatewayFeesPayable]: parts.cost };
            })();
        const moved = await movePayment(tx, current, {
          to: refunded === current.grossCentavos ? 'REFUNDED' : 'PARTIALLY_REFUNDED',
          escrow: fromEscrow && refunded === current.grossCentavos ? 'RETURNED' : undefined,
          reason: `Estorno de ${formatBRL(input.amountCentavos)}: ${input.reason.trim().slice(0, 200)}`,
          data: { refundedCentavos: refunded },
        });
        if (!moved) return 'stale';
        const transfer = await transferStore.create(tx, { id: randomUUID(), paymentId: current.id, kind: 'REFUND', amountCentavos: input.amountCentavos, reason: input.reason.trim(), reversal: sources });
        await post(tx, {
          id: `transfer:${transfer.id}:requested`,
          description: 'Estorno ao paciente solicitado',
          paymentId: current.id,
          entries: [
            ...Object.entries(sources).map(([accountId, amount]) => ({ account: accountId, side: 'DEBIT' as const, amountCentavos: amount })),
            { account: account.refundsInTransit, side: 'CREDIT', amountCentavos: input.amountCentavos },
          ],
        });
        await claimKey(tx, scope, input.idempotencyKey, hash, transfer.id);
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

function notConfirmable(payment: Payment): never {
  throw new PaymentsError('INVALID_STATUS_TRANSITION', payment.escrowState === 'NONE' ? 'O pagamento ainda não foi recebido.' : 'Este pagamento não está em custódia.');
}
