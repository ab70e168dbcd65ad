// A crediário's contract signed digitally before any money moves. Checkout leaves the payment in
// AWAITING_SIGNATURE with a PENDING signature; here the contract's PDF is issued, the envelope made at
// the signature provider (ClickSign) and the patient's signing link kept. The provider's webhooks end
// it: signed → AWAITING_PAYMENT and the first installment's charge; refused → CANCELED; not signed
// within 48 h → EXPIRED (our own sweep expires it too, and cancels the envelope); a payment that left
// AWAITING_SIGNATURE otherwise (declined by the back office) has its envelope canceled. Each step is a
// conditional update, so duplicated or reordered webhooks and concurrent workers change nothing twice.
import type { ClickSignClient, ClickSignEvent } from '@medpay/clicksign';
import { FailureBackoff, type FieldEncryption, type Logger } from '@medpay/runtime';
import type { Charge, ContractSignature, Payment, PrismaClient } from '../generated/prisma/client.js';
import type { Tx } from '../ledger/ledger-store.js';
import type { ChargeIssuer } from '../money-movement/charges.js';
import { chargeStore } from '../money-movement/charge-store.js';
import { firstChargeFromToday } from '../payments/fraud-review.js';
import { paymentRows } from '../payments/payment-store.js';
import { movePayment } from '../payments/transitions.js';
import { inTransaction } from '../transaction.js';
import type { PaymentDocuments } from '../documents/payment-documents.js';

/** Who signs, and what the contract says: assembled from users, providers and the payment. */
export interface ContractFacts {
  signer: { name: string; email: string; phone: string | null; cpf: string };
  pdf: (payment: Payment) => Promise<{ filename: string; pdf: Uint8Array }>;
}

/** How long a sender holds a PENDING row before another may try (a crash frees it). */
const CLAIM_MS = 60_000;
const BATCH = 20;

const ENDING_OF = { refused: 'REFUSED', expired: 'EXPIRED', canceled: 'CANCELED' } as const;

const ENDINGS = {
  REFUSED: { status: 'CANCELED', reason: 'Contrato recusado pelo paciente' },
  EXPIRED: { status: 'EXPIRED', reason: 'Contrato não assinado no prazo de 48 horas' },
  CANCELED: { status: 'CANCELED', reason: 'Assinatura do contrato cancelada' },
} as const;

export class ContractSigning {
  private readonly backoff = new FailureBackoff();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly clicksign: Pick<ClickSignClient, 'requestSignature' | 'withdraw' | 'signedDocument'>,
    private readonly facts: (payment: Payment) => Promise<ContractFacts>,
    private readonly documents: Pick<PaymentDocuments, 'issue'>,
    private readonly charges: Pick<ChargeIssuer, 'issue'>,
    private readonly encryption: FieldEncryption,
    private readonly logger: Logger,
    /** tells the outbox relay there is something to publish */
    private readonly kick: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The patient's signing link while the contract may be signed; null otherwise. */
  signingUrl(signature: ContractSignature): string | null {
    return signature.status === 'SENT' && signature.signingUrlEncrypted ? this.encryption.decrypt(signature.signingUrlEncrypted) : null;
  }

  /**
   * Makes the envelope of a PENDING contract, once: the contract's PDF is issued (its hash recorded),
   * the envelope made with the payment's id as its reference, and the link kept. A crash between the
   * provider's answer and our write is the one window for a second envelope: the row stays claimed
   * for a minute, and an envelope left behind is never signed (its deadline passes).
   */
  async send(paymentId: string): Promise<void> {
    const now = this.now();
    const claimed = await this.prisma.contractSignature.updateMany({
      where: { paymentId, status: 'PENDING', OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) return;
    const signature = await this.prisma.contractSignature.findUniqueOrThrow({ where: { paymentId }, include: { payment: true } });
    const { payment } = signature;
    if (payment.status !== 'AWAITING_SIGNATURE') return this.end(signature, 'CANCELED', { atProvider: false });
    const facts = await this.facts(payment);
    const contract = await facts.pdf(payment);
    await this.documents.issue({ kind: 'CONTRACT', subject: payment.id, paymentId: payment.id, clinicId: payment.clinicId, filename: contract.filename, bytes: contract.pdf });
    const envelope = await this.clicksign.requestSignature({
      name: 'Contrato de crediário MedPay',
      externalReference: payment.id,
      deadlineAt: signature.expiresAt,
      document: { filename: contract.filename, pdf: Buffer.from(contract.pdf) },
      // The token comes by e-mail; the patient signs in the app (embedded) or from ClickSign's own e-mail.
      signers: [{ ...facts.signer, phone: facts.signer.phone ?? undefined, auth: 'email', notify: true }],
    });
    const [signer] = envelope.signers;
    const recorded = await this.prisma.contractSignature.updateMany({
      where: { paymentId, status: 'PENDING' },
      data: { status: 'SENT', envelopeId: envelope.envelopeId, documentId: envelope.documentId, signerId: signer!.signerId, signingUrlEncrypted: this.encryption.encrypt(signer!.signingUrl), claimedUntil: null },
    });
    // Ended (expired, withdrawn) while the envelope was being made, it must not stay signable; another
    // sender that found the same envelope by its reference and recorded it first is left be.
    if (recorded.count === 0 && (await this.prisma.contractSignature.findUniqueOrThrow({ where: { paymentId } })).envelopeId !== envelope.envelopeId) {
      return this.clicksign.withdraw(envelope.envelopeId);
    }
    this.logger.info({ paymentId, envelopeId: envelope.envelopeId }, 'crediário contract sent for signature');
  }

  /**
   * A webhook of the provider, for an envelope of ours (others are ignored). Every step starts from the
   * state it expects, so a repeated event, or one that arrives after the contract ended, does nothing.
   */
  async onEvent(event: ClickSignEvent): Promise<void> {
    // One signer: the envelope's close is the signature that counts (a sign alone waits for it).
    if (event.name === 'ignored' || event.name === 'signed') return;
    const signature = await this.prisma.contractSignature.findUnique({ where: { envelopeId: event.envelopeId } });
    if (!signature) return;
    if (event.name === 'closed') await this.signed(signature, event.occurredAt);
    else await this.end(signature, ENDING_OF[event.name], { atProvider: false });
  }

  /** One pass of the background work: envelopes still to make, contracts past their time or whose payment moved on, signed copies to keep. */
  async pass(): Promise<void> {
    const now = this.now();
    const failing = { paymentId: { notIn: this.backoff.waiting() } };
    const pending = await this.prisma.contractSignature.findMany({ where: { status: 'PENDING', expiresAt: { gt: now }, ...failing }, select: { paymentId: true }, take: BATCH });
    for (const { paymentId } of pending) {
      await this.backoff.run(paymentId, () => this.send(paymentId), (error) => this.logger.warn({ paymentId, err: error }, 'contract envelope left for a later pass'));
    }
    const overdue = await this.prisma.contractSignature.findMany({ where: { status: { in: ['PENDING', 'SENT'] }, expiresAt: { lte: now }, ...failing }, take: BATCH });
    for (const signature of overdue) {
      await this.backoff.run(signature.paymentId, () => this.end(signature, 'EXPIRED', { atProvider: true }), (error) => this.logger.warn({ paymentId: signature.paymentId, err: error }, 'contract expiry left for a later pass'));
    }
    const orphaned = await this.prisma.contractSignature.findMany({ where: { status: { in: ['PENDING', 'SENT'] }, payment: { status: { not: 'AWAITING_SIGNATURE' } }, ...failing }, take: BATCH });
    for (const signature of orphaned) {
      await this.backoff.run(signature.paymentId, () => this.withdraw(signature), (error) => this.logger.warn({ paymentId: signature.paymentId, err: error }, 'contract withdrawal left for a later pass'));
    }
    const unsaved = await this.prisma.contractSignature.findMany({ where: { status: 'SIGNED', envelopeId: { not: null }, payment: { documents: { none: { kind: 'SIGNED_CONTRACT' } } }, ...failing }, include: { payment: true }, take: BATCH });
    for (const signature of unsaved) {
      await this.backoff.run(signature.paymentId, () => this.keepSignedCopy(signature, signature.payment), (error) => this.logger.warn({ paymentId: signature.paymentId, err: error }, 'signed copy left for a later pass'));
    }
  }

  /** Signed: the payment waits for its first installment, whose charge is issued now (unless anti-fraud holds it). */
  private async signed(signature: ContractSignature, signedAt: Date): Promise<void> {
    const outcome = await recordSignature(this.prisma, signature.paymentId, signedAt);
    if (!outcome) {
      this.logger.warn({ paymentId: signature.paymentId, status: signature.status }, 'signature of a contract no longer waiting for it: ignored');
      return;
    }
    this.kick();
    this.logger.info({ paymentId: signature.paymentId }, 'crediário contract signed');
    if (outcome.charge) {
      await this.charges.issue(outcome.charge, outcome.payment).catch((error: unknown) => this.logger.warn({ paymentId: outcome.payment.id, err: error }, 'first installment charge left for the worker'));
    }
    await this.keepSignedCopy({ ...signature, status: 'SIGNED' }, outcome.payment).catch((error: unknown) => this.logger.warn({ paymentId: signature.paymentId, err: error }, 'signed copy left for the next pass'));
  }

  /**
   * Refused, expired or canceled: the payment (if still waiting) ends without a charge. An ending we
   * decide (`atProvider`) also cancels the envelope at the provider, so that it can no longer be signed.
   */
  private async end(signature: ContractSignature, kind: keyof typeof ENDINGS, { atProvider }: { atProvider: boolean }): Promise<void> {
    const ending = ENDINGS[kind];
    const ended = await inTransaction(this.prisma, async (tx) => {
      const claimed = await tx.contractSignature.updateMany({ where: { paymentId: signature.paymentId, status: { in: ['PENDING', 'SENT'] } }, data: { status: kind, signingUrlEncrypted: null, claimedUntil: null } });
      if (claimed.count === 0) return false;
      const payment = await paymentRows.get(tx, signature.paymentId);
      if (payment.status === 'AWAITING_SIGNATURE') await movePayment(tx, payment, { to: ending.status, reason: ending.reason });
      return true;
    });
    if (!ended) return;
    this.kick();
    this.logger.info({ paymentId: signature.paymentId, ending: kind }, 'crediário contract ended unsigned');
    if (signature.envelopeId && atProvider) {
      await this.clicksign.withdraw(signature.envelopeId).catch((error: unknown) => this.logger.warn({ envelopeId: signature.envelopeId, err: error }, 'envelope not canceled at the provider'));
    }
  }

  /**
   * The payment no longer waits for this contract (declined on review): the envelope is withdrawn at the
   * provider first, so that while the provider is down the next pass tries again, and then the contract ends.
   */
  private async withdraw(signature: ContractSignature): Promise<void> {
    if (signature.envelopeId) await this.clicksign.withdraw(signature.envelopeId);
    await this.end(signature, 'CANCELED', { atProvider: false });
  }

  private async keepSignedCopy(signature: ContractSignature, payment: Payment): Promise<void> {
    if (!signature.envelopeId || !signature.documentId) return;
    const signed = await this.clicksign.signedDocument(signature.envelopeId, signature.documentId);
    await this.documents.issue({ kind: 'SIGNED_CONTRACT', subject: payment.id, paymentId: payment.id, clinicId: payment.clinicId, filename: `contrato-assinado-${payment.id.slice(0, 8)}.pdf`, bytes: signed.pdf });
  }
}

/**
 * The signature of a contract still waiting for it, with the first installment's charge to issue (none
 * while anti-fraud holds the payment); null when the contract was no longer waiting.
 */
export const recordSignature = (prisma: PrismaClient, paymentId: string, signedAt: Date): Promise<{ payment: Payment; charge: Charge | null } | null> =>
  inTransaction(prisma, async (tx) => {
    const payment = await paymentRows.get(tx, paymentId);
    if (!(await markSigned(tx, payment, signedAt))) return null;
    return { payment, charge: payment.holdReason ? null : await chargeStore.create(tx, await firstChargeFromToday(tx, payment)) };
  });

/**
 * Records the signature of a contract still waiting for it, in the caller's transaction: the payment
 * then awaits its first installment (whose charge the caller makes). False when the contract was not
 * waiting, or its payment was declined by the back office meanwhile (the signature comes too late).
 */
export async function markSigned(tx: Tx, payment: Payment, signedAt: Date): Promise<boolean> {
  const to = payment.status === 'AWAITING_SIGNATURE' ? 'SIGNED' : 'CANCELED';
  const claimed = await tx.contractSignature.updateMany({ where: { paymentId: payment.id, status: { in: ['PENDING', 'SENT'] } }, data: { status: to, signedAt, signingUrlEncrypted: null } });
  if (claimed.count === 0 || to === 'CANCELED') return false;
  if (!(await movePayment(tx, payment, { to: 'AWAITING_PAYMENT', reason: 'Contrato assinado' }))) throw new Error(`signed contract's payment ${payment.id} moved meanwhile`);
  return true;
}
