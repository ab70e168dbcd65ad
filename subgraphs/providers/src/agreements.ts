// The service agreement a clinic signs before it goes live. The back office's approval moves the
// clinic to AWAITING_AGREEMENT and sends the agreement (a PDF, its hash kept) to the admin who
// registered the clinic, through ClickSign; the envelope's close makes the clinic ACTIVE. Refused or
// not signed in time, the clinic keeps waiting, and the back office may send a new one; a clinic rejected
// meanwhile has its envelope canceled, so it can no longer be signed. Each step is a
// conditional update, so duplicated or reordered webhooks and concurrent workers change nothing twice.
import type { ClickSignClient, ClickSignEvent } from '@medpay/clicksign';
import { serviceAgreement } from '@medpay/pdf-documents';
import { FailureBackoff, type Logger, type ObjectStore } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { Clinic, ClinicAgreement, PrismaClient } from './generated/prisma/client.js';
import { ProvidersError } from './errors.js';
import { recordClinicStatusChanged } from './outbox-store.js';
import type { ClinicStore } from './clinic-store.js';
import type { StoredCnpjRecord } from './cnpj-checks.js';
import type { PeopleDirectory } from './users-client.js';

/** How long the representative has to sign. */
export const AGREEMENT_WINDOW_MS = 30 * 86_400_000;
const CLAIM_MS = 60_000;
const BATCH = 20;

/** What the agreement states (platformTermsConfigShape, the variables payments applies). */
export interface AgreementTerms {
  PLATFORM_FEE_BASIS_POINTS: number;
  ESCROW_AUTO_RELEASE_DAYS: number;
}

const ENDING_OF = { refused: 'REFUSED', expired: 'EXPIRED', canceled: 'CANCELED' } as const;

export class Agreements {
  private readonly backoff = new FailureBackoff();

  constructor(
    private readonly prisma: PrismaClient,
    private readonly store: Pick<ClinicStore, 'changeStatus'>,
    private readonly clicksign: Pick<ClickSignClient, 'requestSignature' | 'signedDocument' | 'withdraw'>,
    private readonly objects: ObjectStore,
    private readonly people: PeopleDirectory,
    private readonly terms: AgreementTerms,
    private readonly logger: Logger,
    /** tells the outbox relay there is something to publish */
    private readonly published: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** The clinic's newest agreement (the live one, or the last that ended). */
  latest(clinicId: string): Promise<ClinicAgreement | null> {
    return this.prisma.clinicAgreement.findFirst({ where: { clinicId }, orderBy: { createdAt: 'desc' } });
  }

  /**
   * A new agreement to sign for a clinic awaiting one, unless one is already live; the envelope is made
   * now (and by the next pass if the provider is down). Signed by the admin who registered the clinic.
   */
  async request(clinic: Clinic): Promise<ClinicAgreement> {
    if (clinic.status !== 'AWAITING_AGREEMENT') throw new ProvidersError('INVALID_STATUS_TRANSITION', 'Só clínicas aprovadas e aguardando o contrato recebem o contrato para assinar.');
    const live = await this.prisma.clinicAgreement.findFirst({ where: { clinicId: clinic.id, status: { in: ['PENDING', 'SENT'] } } });
    if (live) return live;
    const signer = await this.prisma.clinicMember.findFirst({ where: { clinicId: clinic.id, role: 'ADMIN' }, orderBy: { createdAt: 'asc' } });
    if (!signer) throw new ProvidersError('BAD_USER_INPUT', 'A clínica não tem um administrador para assinar o contrato.');
    const agreement = await this.prisma.clinicAgreement
      .create({ data: { id: randomUUID(), clinicId: clinic.id, signerUserId: signer.userId, expiresAt: new Date(this.now().getTime() + AGREEMENT_WINDOW_MS) } })
      .catch(async (error: unknown) => (await this.prisma.clinicAgreement.findFirst({ where: { clinicId: clinic.id, status: { in: ['PENDING', 'SENT'] } } })) ?? Promise.reject(error));
    await this.send(agreement.id).catch((error: unknown) => this.logger.warn({ clinicId: clinic.id, err: error }, 'agreement envelope left for the next pass'));
    return (await this.prisma.clinicAgreement.findUnique({ where: { id: agreement.id } }))!;
  }

  /** Makes the envelope of a PENDING agreement, once (see ContractSigning.send in payments for the crash window). */
  async send(agreementId: string): Promise<void> {
    const now = this.now();
    const claimed = await this.prisma.clinicAgreement.updateMany({
      where: { id: agreementId, status: 'PENDING', OR: [{ claimedUntil: null }, { claimedUntil: { lt: now } }] },
      data: { claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count === 0) return;
    const agreement = await this.prisma.clinicAgreement.findUniqueOrThrow({ where: { id: agreementId }, include: { clinic: true } });
    const { clinic } = agreement;
    const [identity, contact] = await Promise.all([this.people.identity(agreement.signerUserId), this.people.contact(agreement.signerUserId)]);
    if (!contact) throw new Error(`the agreement's signer ${agreement.signerUserId} has no account`);
    const record = clinic.cnpjRecord as StoredCnpjRecord | null;
    const rendered = await serviceAgreement({
      reference: agreement.id.slice(0, 8).toUpperCase(),
      issuedAt: agreement.createdAt.toISOString(),
      clinic: {
        legalName: clinic.legalName,
        tradeName: clinic.tradeName,
        cnpj: clinic.cnpj,
        address: {
          street: clinic.street,
          number: record?.address.number || 's/n',
          district: record?.address.district || '—',
          city: clinic.city,
          state: clinic.state,
          postalCode: clinic.postalCode,
        },
        email: contact.email,
        representative: { name: contact.name, ...(identity ? { cpf: identity.cpf } : {}), role: 'Administrador(a) da clínica na MedPay' },
      },
      platformFeeBasisPoints: this.terms.PLATFORM_FEE_BASIS_POINTS,
      payout: {
        method: clinic.payoutBankAccount ? 'TED' : 'PIX',
        destination: clinic.payoutBankAccount ? 'conta bancária cadastrada pela clínica' : 'chave PIX do CNPJ da clínica',
        escrowAutoReleaseDays: this.terms.ESCROW_AUTO_RELEASE_DAYS,
        businessDaysAfterRelease: 1,
      },
    });
    const filename = `contrato-medpay-${clinic.tradeName.toLowerCase().normalize('NFD').replace(/[^a-z0-9]+/g, '-')}.pdf`;
    const stored = await this.objects.put(`agreements/${clinic.id}/${agreement.id}.pdf`, rendered.pdf, { contentType: 'application/pdf', filename });
    const envelope = await this.clicksign.requestSignature({
      name: 'Contrato de serviços MedPay',
      externalReference: `clinic-agreement:${agreement.id}`,
      deadlineAt: agreement.expiresAt,
      document: { filename, pdf: Buffer.from(rendered.pdf) },
      signers: [{ name: contact.name, email: contact.email, ...(identity ? { cpf: identity.cpf } : {}), auth: 'email', notify: true }],
    });
    const recorded = await this.prisma.clinicAgreement.updateMany({
      where: { id: agreement.id, status: 'PENDING' },
      data: { status: 'SENT', envelopeId: envelope.envelopeId, documentId: envelope.documentId, signerId: envelope.signers[0]!.signerId, documentKey: stored.key, documentSha256: stored.sha256, claimedUntil: null },
    });
    // Withdrawn or expired while the envelope was being made, it must not stay signable; another sender
    // that found the same envelope by its reference and recorded it first is left be.
    if (recorded.count === 0 && (await this.prisma.clinicAgreement.findUniqueOrThrow({ where: { id: agreement.id } })).envelopeId !== envelope.envelopeId) {
      return this.clicksign.withdraw(envelope.envelopeId);
    }
    this.logger.info({ clinicId: clinic.id, envelopeId: envelope.envelopeId }, 'service agreement sent for signature');
  }

  /** A ClickSign webhook about one of our agreements (others are ignored). */
  async onEvent(event: ClickSignEvent): Promise<void> {
    if (event.name === 'ignored' || event.name === 'signed') return;
    const agreement = await this.prisma.clinicAgreement.findUnique({ where: { envelopeId: event.envelopeId } });
    if (!agreement) return;
    if (event.name === 'closed') await this.signed(agreement, event.occurredAt);
    else await this.prisma.clinicAgreement.updateMany({ where: { id: agreement.id, status: 'SENT' }, data: { status: ENDING_OF[event.name] } });
  }

  /** Background work: envelopes still to make, agreements past their time or of clinics no longer awaiting one, signed copies to keep. */
  async pass(): Promise<void> {
    const now = this.now();
    const failing = { id: { notIn: this.backoff.waiting() } };
    for (const { id } of await this.prisma.clinicAgreement.findMany({ where: { status: 'PENDING', expiresAt: { gt: now }, ...failing }, select: { id: true }, take: BATCH })) {
      await this.backoff.run(id, () => this.send(id), (error) => this.logger.warn({ agreementId: id, err: error }, 'agreement envelope left for a later pass'));
    }
    await this.prisma.clinicAgreement.updateMany({ where: { status: { in: ['PENDING', 'SENT'] }, expiresAt: { lte: now } }, data: { status: 'EXPIRED' } });
    for (const agreement of await this.prisma.clinicAgreement.findMany({ where: { status: { in: ['PENDING', 'SENT'] }, clinic: { status: { not: 'AWAITING_AGREEMENT' } }, ...failing }, take: BATCH })) {
      await this.backoff.run(agreement.id, () => this.withdraw(agreement), (error) => this.logger.warn({ agreementId: agreement.id, err: error }, 'agreement withdrawal left for a later pass'));
    }
    for (const agreement of await this.prisma.clinicAgreement.findMany({ where: { status: 'SIGNED', signedKey: null, ...failing }, take: BATCH })) {
      await this.backoff.run(agreement.id, () => this.keepSignedCopy(agreement), (error) => this.logger.warn({ agreementId: agreement.id, err: error }, 'signed agreement left for a later pass'));
    }
  }

  /** Signed: the clinic goes live (clinic.approved tells its team). */
  private async signed(agreement: ClinicAgreement, signedAt: Date): Promise<void> {
    const claimed = await this.prisma.clinicAgreement.updateMany({ where: { id: agreement.id, status: 'SENT' }, data: { status: 'SIGNED', signedAt } });
    if (claimed.count === 0) return;
    const activated = await this.store.changeStatus(agreement.clinicId, 'AWAITING_AGREEMENT', { status: 'ACTIVE', statusReason: null }, recordClinicStatusChanged);
    if (activated) this.published();
    this.logger.info({ clinicId: agreement.clinicId, activated: !!activated }, 'service agreement signed');
    await this.keepSignedCopy(agreement).catch((error: unknown) => this.logger.warn({ agreementId: agreement.id, err: error }, 'signed agreement left for the next pass'));
  }

  /**
   * The clinic no longer awaits it (rejected): the envelope is withdrawn at the provider first (while it
   * is down, the next pass tries again), then the agreement is canceled.
   */
  private async withdraw(agreement: ClinicAgreement): Promise<void> {
    if (agreement.envelopeId) await this.clicksign.withdraw(agreement.envelopeId);
    const claimed = await this.prisma.clinicAgreement.updateMany({ where: { id: agreement.id, status: { in: ['PENDING', 'SENT'] } }, data: { status: 'CANCELED', claimedUntil: null } });
    if (claimed.count > 0) this.logger.info({ clinicId: agreement.clinicId, envelopeId: agreement.envelopeId }, 'service agreement withdrawn');
  }

  private async keepSignedCopy(agreement: ClinicAgreement): Promise<void> {
    if (!agreement.envelopeId || !agreement.documentId) return;
    const signed = await this.clicksign.signedDocument(agreement.envelopeId, agreement.documentId);
    const stored = await this.objects.put(`agreements/${agreement.clinicId}/${agreement.id}-assinado.pdf`, signed.pdf, { contentType: 'application/pdf', filename: signed.filename });
    await this.prisma.clinicAgreement.update({ where: { id: agreement.id }, data: { signedKey: stored.key, signedSha256: stored.sha256 } });
  }

  /** A link to the signed agreement, or the agreement as sent while unsigned. */
  async documentLink(agreement: ClinicAgreement) {
    const key = agreement.signedKey ?? agreement.documentKey;
    return key ? this.objects.downloadUrl(key, { ttlSeconds: 300 }) : null;
  }
}
