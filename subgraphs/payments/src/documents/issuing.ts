// What goes into payments' PDFs, read from the books and the other subgraphs: the crediário contract
// (parties, amounts, schedule, the terms the patient accepted), the receipt of each paid charge (the
// amount the ledger received), and a closed month's statement (the ledger's movements of the clinic).
import { crediarioContract, monthlyStatement, paymentReceipt } from '@medpay/pdf-documents';
import { addDays, dayOf, FailureBackoff, period, type FieldEncryption, type Logger } from '@medpay/runtime';
import type { Charge, Document, Payment, PrismaClient } from '../generated/prisma/client.js';
import { PaymentsError } from '../errors.js';
import type { Directory } from '../internal/directory.js';
import type { ReportStore } from '../reporting/report-store.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import type { ContractFacts } from '../crediario/contract-signing.js';
import type { PaymentDocuments } from './payment-documents.js';

/** Late fees the contract states (CDC art. 52 §1º: fine up to 2 %; interest 1 % a month). */
const LATE_FEES = { fineBasisPoints: 200, monthlyInterestRate: 0.01 };
const BATCH = 20;

interface Acceptance {
  acceptedAt: string;
  terms: string | null;
  termsHash: string | null;
}

export class DocumentFacts {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly directory: Pick<Directory, 'procedures' | 'payerIdentity' | 'payerContact'>,
    private readonly encryption: FieldEncryption,
  ) {}

  /** Who signs a crediário contract, and the contract itself (CCB-style: parties, CET, IOF, schedule, terms). */
  async contract(payment: Payment): Promise<ContractFacts> {
    const [identity, contact, [procedure], installments] = await Promise.all([
      this.directory.payerIdentity(payment.payerId),
      this.directory.payerContact(payment.payerId),
      this.directory.procedures([payment.procedureId]),
      this.prisma.installment.findMany({ where: { paymentId: payment.id }, orderBy: { number: 'asc' } }),
    ]);
    if (!identity || !contact || !procedure) throw new Error(`contract facts missing for payment ${payment.id}`);
    const acceptance = JSON.parse(this.encryption.decrypt(payment.contractAcceptanceEncrypted!)) as Acceptance;
    const principal = installments.reduce((sum, row) => sum + row.amortizationCentavos, 0);
    const signer = { name: identity.name, email: contact.email, phone: contact.phone, cpf: identity.cpf };
    return {
      signer,
      pdf: async () => {
        const rendered = await crediarioContract({
          reference: payment.id.slice(0, 8).toUpperCase(),
          issuedAt: acceptance.acceptedAt,
          debtor: { name: identity.name, cpf: identity.cpf, email: contact.email, ...(contact.phone ? { phone: contact.phone } : {}) },
          clinic: { legalName: procedure.clinic.legalName, tradeName: procedure.clinic.tradeName, cnpj: procedure.clinic.cnpj },
          procedure: { name: this.encryption.decrypt(payment.procedureNameEncrypted) },
          releaseDate: dayOf(new Date(acceptance.acceptedAt)),
          releasedCentavos: principal - payment.iofCentavos,
          iofCentavos: payment.iofCentavos,
          principalCentavos: principal,
          monthlyRate: Number(payment.monthlyInterestRate),
          cet: { monthlyRate: (1 + Number(payment.cetAnnualRate)) ** (1 / 12) - 1, annualRate: Number(payment.cetAnnualRate) },
          schedule: installments.map(({ number, dueDate, amountCentavos, interestCentavos, amortizationCentavos }) => ({ number, dueDate, amountCentavos, interestCentavos, amortizationCentavos })),
          lateFees: LATE_FEES,
          terms: acceptance.terms ?? '',
          ...(acceptance.termsHash ? { termsSha256: acceptance.termsHash } : {}),
        });
        return { filename: `contrato-crediario-${payment.id.slice(0, 8)}.pdf`, pdf: rendered.pdf };
      },
    };
  }

  /** The receipt of one paid charge: what the gateway confirmed, to whom, for what. */
  async receipt(payment: Payment, charge: Charge): Promise<Uint8Array> {
    const [identity, [procedure]] = await Promise.all([this.directory.payerIdentity(payment.payerId), this.directory.procedures([payment.procedureId])]);
    if (!identity || !procedure) throw new Error(`receipt facts missing for payment ${payment.id}`);
    const method =
      payment.planKind === 'CREDIARIO'
        ? { kind: 'CREDIARIO_INSTALLMENT' as const, number: charge.installmentNumber ?? 1, count: payment.installmentCount, contractReference: payment.id.slice(0, 8).toUpperCase() }
        : charge.method === 'PIX'
          ? { kind: 'PIX' as const, ...(charge.pixEndToEndId ? { endToEndId: charge.pixEndToEndId } : {}) }
          : charge.method === 'BOLETO'
            ? { kind: 'BOLETO' as const, ...(charge.boletoLine ? { digitableLine: charge.boletoLine } : {}) }
            : { kind: 'CARD' as const, ...(charge.cardBrand ? { brand: charge.cardBrand } : {}), lastFour: charge.cardLast4 ?? '0000', installments: payment.installmentCount };
    const rendered = await paymentReceipt({
      paymentId: payment.id,
      paidAt: charge.paidAt!.toISOString(),
      method,
      amountCentavos: charge.paidCentavos,
      payer: { name: identity.name, cpf: identity.cpf },
      clinic: { tradeName: procedure.clinic.tradeName, cnpj: procedure.clinic.cnpj },
      procedure: { name: this.encryption.decrypt(payment.procedureNameEncrypted) },
    });
    return rendered.pdf;
  }
}

/** Receipts: one per paid charge, issued by the background pass soon after the payment. */
export class Receipts {
  private readonly backoff = new FailureBackoff();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly facts: Pick<DocumentFacts, 'receipt'>,
    private readonly documents: Pick<PaymentDocuments, 'issue'>,
    private readonly logger: Logger,
  ) {}

  async pass(): Promise<number> {
    const due = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT c.id::text AS id FROM charges c
      WHERE c.status = 'PAID' AND c.paid_at IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.kind = 'RECEIPT' AND d.subject = c.id::text)
        AND c.id::text <> ALL(${this.backoff.waiting()}::text[])
      ORDER BY c.paid_at LIMIT ${BATCH}`;
    const paid = await this.prisma.charge.findMany({ where: { id: { in: due.map((row) => row.id) } }, include: { payment: true }, orderBy: { paidAt: 'asc' } });
    let issued = 0;
    for (const { payment, ...charge } of paid) {
      const issue = async () => {
        const bytes = await this.facts.receipt(payment, charge);
        await this.documents.issue({ kind: 'RECEIPT', subject: charge.id, paymentId: payment.id, clinicId: payment.clinicId, filename: `comprovante-${payment.id.slice(0, 8)}${charge.installmentNumber ? `-parcela-${charge.installmentNumber}` : ''}.pdf`, bytes });
      };
      if (await this.backoff.run(charge.id, issue, (error) => this.logger.warn({ paymentId: payment.id, chargeId: charge.id, err: error }, 'receipt left for a later pass'))) issued += 1;
    }
    return issued;
  }
}

/** A clinic's statement of a closed month, as a PDF issued once. */
export class MonthlyStatements {
  constructor(
    private readonly reports: Pick<ReportStore, 'statement'>,
    private readonly directory: Pick<Directory, 'clinic'>,
    private readonly documents: Pick<PaymentDocuments, 'issue' | 'find'>,
  ) {}

  async issue(clinicId: string, month: string): Promise<Document> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new PaymentsError('BAD_USER_INPUT', 'Informe o mês no formato AAAA-MM.', { field: 'month' });
    const subject = `${clinicId}:${month}`;
    const existing = await this.documents.find('STATEMENT', subject);
    if (existing) return existing;
    const first = `${month}-01`;
    const last = addDays(`${addDays(first, 32).slice(0, 7)}-01`, -1);
    if (last >= todayInSaoPaulo()) throw new PaymentsError('DOCUMENT_NOT_AVAILABLE', 'O extrato mensal fica disponível depois que o mês termina.', { month });
    const clinic = await this.directory.clinic(clinicId);
    if (!clinic) throw new PaymentsError('NOT_FOUND', 'Clínica não encontrada.');
    const statement = await this.reports.statement(clinicId, period(first, last));
    const lines = statement.entries.map((entry) => {
      const delta = entry.escrowCentavos + entry.availableCentavos;
      const base = { date: dayOf(entry.at), paymentId: entry.paymentId, description: entry.description, grossCentavos: 0, platformFeeCentavos: 0, refundsCentavos: 0, chargebacksCentavos: 0, netCentavos: 0, payoutCentavos: 0 };
      if (entry.kind === 'PAYOUT') return { ...base, payoutCentavos: -delta };
      if (entry.kind === 'RELEASE') return { ...base, platformFeeCentavos: -delta, netCentavos: delta };
      if (delta >= 0) return { ...base, grossCentavos: delta, netCentavos: delta };
      return entry.kind === 'CHARGEBACK' ? { ...base, chargebacksCentavos: -delta, netCentavos: delta } : { ...base, refundsCentavos: -delta, netCentavos: delta };
    });
    const rendered = await monthlyStatement({
      reference: `${clinicId.slice(0, 8).toUpperCase()}-${month}`,
      issuedAt: new Date().toISOString(),
      month,
      clinic,
      openingBalanceCentavos: statement.openingEscrowCentavos + statement.openingAvailableCentavos,
      lines,
      closingBalanceCentavos: statement.closingEscrowCentavos + statement.closingAvailableCentavos,
    });
    return this.documents.issue({ kind: 'STATEMENT', subject, paymentId: null, clinicId, filename: `extrato-${month}.pdf`, bytes: rendered.pdf });
  }
}
