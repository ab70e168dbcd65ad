// Anti-fraud on payments' side: the assessment each checkout was decided by, and the back office's
// review of the checkouts held for it. A review is decided once: APPROVE lifts the hold and issues
// the first charge (a card waits for the patient to present it again), DECLINE declines the payment.
// Decisions, later chargebacks, disputes and refund abuse are the labels ai's next training reads
// (fraudAssessments.labels).
import { addDays, type Logger } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { FraudVerdict } from '../checkout/fraud-screen.js';
import { firstCharge } from '../checkout/checkout-decision.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import * as pricing from '../checkout/pricing.js';
import { PaymentsError } from '../errors.js';
import type { Charge, Payment, PaymentStatus, Prisma, PrismaClient } from '../generated/prisma/client.js';
import type { Tx } from '../ledger/ledger-store.js';
import type { ChargeIssuer } from '../money-movement/charges.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { inTransaction } from '../transaction.js';
import { paymentRows } from './payment-store.js';
import { movePayment } from './transitions.js';

/** Payment.holdReason of a checkout waiting for the back office. */
export const FRAUD_REVIEW_HOLD = 'FRAUD_REVIEW';
export const FRAUD_DECLINE_REASON = 'Recusado pela análise antifraude';
const REVIEW_DECLINE_REASON = 'Recusado na revisão antifraude';
const NOTE_MAX_LENGTH = 500;

/** The payments waiting for a review decision (each is held with FRAUD_REVIEW_HOLD until decided). */
export const awaitingReview: Prisma.PaymentWhereInput = { fraudAssessment: { is: { decision: 'REVIEW', reviewDecision: null } } };

export const fraudAssessments = {
  create(tx: Tx, paymentId: string, verdict: FraudVerdict) {
    const { source, decision, score, modelVersion, reasons, features } = verdict;
    return tx.fraudAssessment.create({ data: { paymentId, source, decision, score, modelVersion, reasons, features }, select: { paymentId: true } });
  },

  /**
   * The model's checkouts whose fraud is now known, by payment id: charged back by the card's bank,
   * disputed, or refunded by an account that abuses refunds (fraud); declined on review (fraud);
   * approved on review and nothing of the kind since (honest). Ordinary approvals teach nothing the
   * synthetic data does not, and a dispute may still come: they are left out. Up to `limit` labels, from after `afterPaymentId`.
   */
  async labels(db: PrismaClient, afterPaymentId: string | null, limit: number) {
    const labels: FraudLabel[] = [];
    const outcomes = { history: { some: { to: { in: LABELLED_STATUSES } } } };
    for (let after = afterPaymentId; ; ) {
      const rows = await db.fraudAssessment.findMany({
        where: { source: 'MODEL', ...(after ? { paymentId: { gt: after } } : {}), OR: [{ reviewDecision: { not: null } }, { payment: outcomes }] },
        include: { payment: { select: { payerId: true, history: { where: { to: { in: LABELLED_STATUSES } }, select: { to: true, at: true }, orderBy: { at: 'asc' } } } } },
        orderBy: { paymentId: 'asc' },
        take: limit,
      });
      const refunded = (row: (typeof rows)[number]) => row.payment.history.find((change) => REFUNDED_STATUSES.includes(change.to))?.at ?? null;
      const abusers = await refundAbuse(db, rows.flatMap((row) => (refunded(row) ? [row.payment.payerId] : [])));
      for (const row of rows) {
        const refundedAt = refunded(row);
        const reached = (status: PaymentStatus) => row.payment.history.some((change) => change.to === status);
        const outcome = ((): FraudLabel['outcome'] | null => {
          if (reached('CHARGED_BACK')) return 'CHARGEBACK';
          if (reached('DISPUTED')) return 'DISPUTED';
          if (refundedAt && abusers.isAbuse(row.payment.payerId, refundedAt)) return 'REFUND_ABUSE';
          if (row.reviewDecision === 'DECLINE') return 'REVIEW_DECLINED';
          return row.reviewDecision === 'APPROVE' ? 'REVIEW_APPROVED' : null;
        })();
        if (outcome) labels.push({ paymentId: row.paymentId, modelVersion: row.modelVersion, features: row.features as Record<string, number>, label: outcome === 'REVIEW_APPROVED' ? 0 : 1, outcome });
        if (labels.length === limit) return labels;
      }
      // A page of refunds that were no abuse gave fewer labels than asked: read on.
      if (rows.length < limit) return labels;
      after = rows.at(-1)!.paymentId;
    }
  },
};

/** An account refunded this many times within REFUND_ABUSE_WINDOW_DAYS of a refund abuses refunds. */
export const REFUND_ABUSE_COUNT = 3;
export const REFUND_ABUSE_WINDOW_DAYS = 90;
const REFUNDED_STATUSES: PaymentStatus[] = ['REFUNDED', 'PARTIALLY_REFUNDED'];
const LABELLED_STATUSES: PaymentStatus[] = ['CHARGED_BACK', 'DISPUTED', ...REFUNDED_STATUSES];

type FraudLabel = { paymentId: string; modelVersion: string; features: Record<string, number>; label: 0 | 1; outcome: 'REVIEW_APPROVED' | 'REVIEW_DECLINED' | 'DISPUTED' | 'CHARGEBACK' | 'REFUND_ABUSE' };

/** The refunds of these accounts (each payment's first), and whether one is part of an abuse. */
async function refundAbuse(db: PrismaClient, payerIds: string[]) {
  const changes = payerIds.length
    ? await db.paymentStatusChange.findMany({ where: { to: { in: REFUNDED_STATUSES }, payment: { payerId: { in: [...new Set(payerIds)] } } }, select: { paymentId: true, at: true, payment: { select: { payerId: true } } }, orderBy: { at: 'asc' } })
    : [];
  const refunds = new Map<string, Map<string, number>>();
  for (const change of changes) {
    const ofPayer = refunds.get(change.payment.payerId) ?? new Map<string, number>();
    if (!ofPayer.has(change.paymentId)) ofPayer.set(change.paymentId, change.at.getTime());
    refunds.set(change.payment.payerId, ofPayer);
  }
  const window = REFUND_ABUSE_WINDOW_DAYS * 86_400_000;
  return {
    isAbuse: (payerId: string, refundedAt: Date) =>
      [...(refunds.get(payerId)?.values() ?? [])].filter((at) => Math.abs(at - refundedAt.getTime()) <= window).length >= REFUND_ABUSE_COUNT,
  };
}

export class FraudReview {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly charges: Pick<ChargeIssuer, 'issue'>,
    private readonly logger: Logger,
    /** tells the outbox relay there is something to publish */
    private readonly kick: () => void,
  ) {}

  /**
   * Decides a held checkout. The same decision again answers as the first did (a retried request);
   * the other decision after one is FRAUD_REVIEW_DECIDED.
   */
  async decide(paymentId: string, decision: 'APPROVE' | 'DECLINE', note: string | null | undefined, adminId: string): Promise<Payment> {
    const trimmed = note?.trim() || null;
    if (trimmed && trimmed.length > NOTE_MAX_LENGTH) throw new PaymentsError('BAD_USER_INPUT', `Escreva a observação em até ${NOTE_MAX_LENGTH} caracteres.`, { field: 'note' });
    const now = new Date();
    const decided = await inTransaction(this.prisma, async (tx) => {
      // Claiming the review row first makes two concurrent decisions take turns: one wins, the other re-reads.
      const claimed = await tx.fraudAssessment.updateMany({
        where: { paymentId, decision: 'REVIEW', reviewDecision: null },
        data: { reviewDecision: decision, reviewNote: trimmed, reviewedBy: adminId, reviewedAt: now },
      });
      if (claimed.count === 0) return null;
      const payment = await paymentRows.get(tx, paymentId);
      let charge: Charge | null = null;
      if (decision === 'APPROVE') {
        await tx.payment.update({ where: { id: paymentId }, data: { holdReason: null } });
        // A crediário whose contract is not signed yet gets its charge at the signature.
        if (payment.status === 'AWAITING_PAYMENT') charge = await chargeStore.create(tx, await firstChargeFromToday(tx, payment));
      } else if (!(await movePayment(tx, payment, { to: 'DECLINED', reason: REVIEW_DECLINE_REASON, data: { holdReason: null } }))) {
        throw new Error(`held payment ${paymentId} could not be declined from ${payment.status}`);
      }
      return { payment: { ...payment, holdReason: null }, charge };
    });
    if (!decided) return this.alreadyDecided(paymentId, decision);
    this.kick();
    this.logger.info({ paymentId, decision }, 'fraud review decided');
    // PIX and boleto are issued now (the worker retries when the gateway is down); a card waits for the patient.
    if (decided.charge && decided.charge.method !== 'CARD') {
      await this.charges.issue(decided.charge, decided.payment).catch((error: unknown) => this.logger.warn({ paymentId, err: error }, 'approved charge left for the worker'));
    }
    return paymentRows.get(this.prisma, paymentId);
  }

  private async alreadyDecided(paymentId: string, decision: 'APPROVE' | 'DECLINE'): Promise<Payment> {
    const assessment = await this.prisma.fraudAssessment.findUnique({ where: { paymentId } });
    if (!assessment || assessment.decision !== 'REVIEW') throw new PaymentsError('NOT_FOUND', 'Não há revisão antifraude para este pagamento.');
    if (assessment.reviewDecision !== decision) {
      throw new PaymentsError('FRAUD_REVIEW_DECIDED', 'Esta revisão já foi decidida de outra forma.', { decision: assessment.reviewDecision });
    }
    return paymentRows.get(this.prisma, paymentId);
  }
}

/**
 * A first charge issued late (after the back office's approval, or the contract's signature), dated
 * from today: a boleto gets its full term from today, not from the checkout.
 */
export async function firstChargeFromToday(tx: Tx, payment: Payment) {
  const today = todayInSaoPaulo();
  const first =
    payment.planKind === 'CREDIARIO'
      ? await tx.installment.findUniqueOrThrow({ where: { paymentId_number: { paymentId: payment.id, number: 1 } } })
      : { dueDate: payment.method === 'BOLETO' ? addDays(today, pricing.BOLETO_DUE_DAYS) : today, amountCentavos: payment.patientTotalCentavos };
  return firstCharge(payment, first, randomUUID());
}
