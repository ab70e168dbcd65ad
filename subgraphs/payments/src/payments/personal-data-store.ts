// The payments part of a person's data export (LGPD art. 18): every payment they made with its charges,
// installments, status history and refunds, the contract's signature and the documents issued, the
// procedure's name and the accepted contract terms decrypted for them. Payouts are the clinic's money and the ledger's accounts are the platform's and
// the clinics': neither is the payer's personal data, so neither is listed.
import type { FieldEncryption } from '@medpay/runtime';
import type { PrismaClient } from '../generated/prisma/client.js';
import { moneyInFlightOf } from './money-in-flight.js';

export class PersonalDataStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryption: FieldEncryption,
  ) {}

  async paymentsOf(payerId: string) {
    const rows = await this.prisma.payment.findMany({
      where: { payerId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      include: {
        charges: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        installments: { orderBy: { number: 'asc' } },
        history: { orderBy: [{ at: 'asc' }, { id: 'asc' }] },
        transfers: { where: { kind: 'REFUND' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
        // The decision and its review, not the score, reasons and signals: telling them would teach
        // fraud how to pass (LGPD art. 20 §1: the criteria stay a trade secret; the review is the person's right).
        fraudAssessment: { select: { paymentId: true, source: true, decision: true, modelVersion: true, assessedAt: true, reviewDecision: true, reviewedAt: true } },
        // The crediário contract's signature and the documents issued (their files are downloaded from the app).
        contractSignature: { select: { status: true, envelopeId: true, expiresAt: true, signedAt: true, createdAt: true, updatedAt: true } },
        documents: { select: { id: true, kind: true, subject: true, clinicId: true, filename: true, sha256: true, sizeBytes: true, createdAt: true } },
      },
    });
    return rows.map(({ procedureNameEncrypted, contractAcceptanceEncrypted, transfers, ...payment }) => ({
      ...payment,
      procedureName: this.encryption.decrypt(procedureNameEncrypted),
      contractAcceptance: contractAcceptanceEncrypted ? (JSON.parse(this.encryption.decrypt(contractAcceptanceEncrypted)) as unknown) : null,
      refunds: transfers,
    }));
  }

  /** The person's payments that keep money in flight, with why (see money-in-flight.ts). */
  async moneyInFlightOf(payerId: string) {
    const rows = await this.prisma.payment.findMany({
      where: { payerId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, status: true, escrowState: true, installments: { select: { status: true } }, transfers: { select: { kind: true, status: true } } },
    });
    return rows.flatMap((payment) => moneyInFlightOf(payment).map((reason) => ({ paymentId: payment.id, reason })));
  }

  /** A deleted account's free text goes (a dispute's reason); the financial records stay under its id, now a pseudonym. */
  async forgetPayer(payerId: string): Promise<void> {
    await this.prisma.payment.updateMany({ where: { payerId, disputeReason: { not: null } }, data: { disputeReason: null } });
  }
}
