// Checkout's data access: the payer's credit history, and the new payment written in one transaction
// with its idempotency key, installments, first charge, first status and outbox events. Sensitive
// fields are encrypted here, on their way to the table.
import type { FieldEncryption } from '@medpay/runtime';
import type { Charge, Payment, PrismaClient } from '../generated/prisma/client.js';
import type { NewPayment } from './checkout-decision.js';
import { creditHistoryOf, type CreditHistory } from '../crediario/credit-check.js';
import { claimKey, findByKey } from './idempotency-store.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { installmentStore } from '../crediario/installment-store.js';
import { outboxStore } from '../events/outbox-store.js';
import { paymentRows } from '../payments/payment-store.js';
import { fraudAssessments, FRAUD_DECLINE_REASON, FRAUD_REVIEW_HOLD } from '../payments/fraud-review.js';
import { movePayment } from '../payments/transitions.js';
import { linkNotPayable } from '../links/payment-links.js';
import type { FraudVerdict } from './fraud-screen.js';

/** The idempotency key of one checkout: scoped to the payer, bound to the request's hash. */
export interface CheckoutKey {
  scope: string;
  key: string;
  hash: string;
}

/** A crediário granted and not undone: its installments are the patient's credit history. */
const GRANTED_CREDIARIO_STATUSES = ['PAID', 'IN_ESCROW', 'RELEASED', 'PAID_OUT', 'DISPUTED', 'PARTIALLY_REFUNDED'] as const;

export class CheckoutStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryption: FieldEncryption,
  ) {}

  /** The payment this key already made (null for a new key); IDEMPOTENCY_KEY_REUSED for another request. */
  paymentOfKey({ scope, key, hash }: CheckoutKey): Promise<string | null> {
    return findByKey(this.prisma, scope, key, hash);
  }

  /** The payer's crediário history as of `today`: every contract granted and not undone, installment by installment. */
  async creditHistory(payerId: string, today: string): Promise<CreditHistory> {
    const contracts = await this.prisma.payment.findMany({
      where: { payerId, planKind: 'CREDIARIO', status: { in: [...GRANTED_CREDIARIO_STATUSES] } },
      select: { installments: { select: { status: true, dueDate: true, paidAt: true, amortizationCentavos: true } } },
    });
    return creditHistoryOf(contracts.map((contract) => contract.installments), today);
  }

  /**
   * Writes the new payment with the anti-fraud verdict it was decided by: APPROVE with its first charge
   * (a crediário gets its contract's signature to wait for instead), REVIEW held without one (the back
   * office decides), DECLINE declined at once; null for the demo
   * history, written as payments made before anti-fraud existed. A concurrent request that claimed the
   * same key first makes this throw a key conflict.
   */
  async create(record: NewPayment, { scope, key, hash }: CheckoutKey, verdict: FraudVerdict | null, paymentLinkId?: string): Promise<void> {
    const { procedureName, contractAcceptance, ...payment } = record.payment;
    await this.prisma.$transaction(async (tx) => {
      await claimKey(tx, scope, key, hash, payment.id);
      // A link is claimed with the payment or not at all: the second of two checkouts through it fails here.
      if (paymentLinkId) {
        const claimed = await tx.paymentLink.updateMany({ where: { id: paymentLinkId, status: 'ACTIVE', paymentId: null, expiresAt: { gt: new Date() } }, data: { status: 'USED', paymentId: payment.id } });
        if (claimed.count === 0) throw linkNotPayable();
      }
      const created = await tx.payment.create({
        data: {
          ...payment,
          procedureNameEncrypted: this.encryption.encrypt(procedureName),
          contractAcceptanceEncrypted: contractAcceptance ? this.encryption.encrypt(JSON.stringify(contractAcceptance)) : null,
          holdReason: verdict?.decision === 'REVIEW' ? FRAUD_REVIEW_HOLD : null,
        },
      });
      await installmentStore.createSchedule(tx, record.installments);
      if (record.signatureExpiresAt) await tx.contractSignature.create({ data: { paymentId: payment.id, expiresAt: record.signatureExpiresAt } });
      else if (!verdict || verdict.decision === 'APPROVE') await chargeStore.create(tx, record.charge);
      await paymentRows.recordStatusChange(tx, record.statusChange);
      await outboxStore.append(tx, ...record.events);
      if (verdict) await fraudAssessments.create(tx, payment.id, verdict);
      if (verdict?.decision === 'DECLINE') await movePayment(tx, created, { to: 'DECLINED', reason: FRAUD_DECLINE_REASON });
    });
  }

  /** The payment with its first charge, which checkout makes sure exists at the gateway; null for an unknown payment. */
  async withFirstCharge(paymentId: string): Promise<{ payment: Payment; firstCharge: Charge | undefined } | null> {
    const found = await this.prisma.payment.findUnique({ where: { id: paymentId }, include: { charges: { orderBy: { createdAt: 'asc' }, take: 1 } } });
    if (!found) return null;
    const { charges, ...payment } = found;
    return { payment, firstCharge: charges[0] };
  }

  payment(paymentId: string): Promise<Payment> {
    return this.prisma.payment.findUniqueOrThrow({ where: { id: paymentId } });
  }
}
