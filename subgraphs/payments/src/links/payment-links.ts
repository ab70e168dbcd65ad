// Payment links: a clinic (its staff, a partner system, or its practice system through providers) asks
// a patient to pay one procedure. A link is a short unguessable token, single use (the payment made
// through it claims it in the same transaction, so two checkouts at once cannot both use it), and can
// be canceled until used. The patient's data on it is encrypted at rest; a link for one CPF may only be
// paid by that CPF.
import { normalizeCpf } from '@medpay/br-documents';
import { isUuid, type FieldEncryption } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import type { PaymentLink, Prisma, PrismaClient } from '../generated/prisma/client.js';
import { PaymentsError } from '../errors.js';
import type { Directory } from '../internal/directory.js';
import { paymentLinkCreated } from '../events/domain-events.js';
import { outboxStore } from '../events/outbox-store.js';

export interface LinkPatient {
  name: string;
  email: string;
  phone: string | null;
  cpf: string | null;
}

export interface NewPaymentLink {
  clinicId: string;
  procedureId: string;
  patient: { name: string; email: string; phone?: string | null; cpf?: string | null };
  expiresAt: string;
  /** where it came from (an appointment in the clinic's system): asking again answers the same link */
  source?: string | null;
}

export type LinkStatus = 'ACTIVE' | 'USED' | 'CANCELED' | 'EXPIRED';

const MIN_LIFETIME_MS = 3600_000;
const MAX_LIFETIME_MS = 90 * 86_400_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;
/** 9 random bytes: 12 URL-safe characters, 72 bits — short to share, not to guess */
const newToken = () => randomBytes(9).toString('base64url');

const invalid = (message: string, field: string) => new PaymentsError('BAD_USER_INPUT', message, { field });
export const linkNotPayable = () => new PaymentsError('PAYMENT_LINK_INVALID', 'Este link de pagamento não vale mais: ele já foi usado, foi cancelado ou expirou. Peça um novo à clínica.');

export class PaymentLinks {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly directory: Pick<Directory, 'procedures'>,
    private readonly encryption: FieldEncryption,
    /** the patient app's origin: a link's page is <patientAppUrl>/pagar/<token> */
    private readonly patientAppUrl: string,
    /** tells the outbox relay there is something to publish */
    private readonly kick: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Makes a link for an active procedure of the clinic; with a source, the link made for it before. */
  async create(input: NewPaymentLink, createdBy: string): Promise<PaymentLink> {
    if (input.source) {
      const existing = await this.prisma.paymentLink.findUnique({ where: { source: input.source } });
      if (existing) return existing;
    }
    const [procedure] = isUuid(input.procedureId) ? await this.directory.procedures([input.procedureId]) : [];
    if (!procedure || procedure.clinic.id !== input.clinicId || !procedure.active || procedure.clinic.status !== 'ACTIVE') {
      throw new PaymentsError('PROCEDURE_NOT_AVAILABLE', 'Escolha um procedimento ativo do catálogo da clínica.', { field: 'procedureId' });
    }
    const patient = this.validPatient(input.patient);
    const expiresAt = new Date(input.expiresAt);
    const lifetime = expiresAt.getTime() - this.now().getTime();
    if (Number.isNaN(lifetime) || lifetime < MIN_LIFETIME_MS || lifetime > MAX_LIFETIME_MS) throw invalid('O link deve valer de 1 hora a 90 dias.', 'expiresAt');
    const data: Prisma.PaymentLinkCreateInput = {
      id: randomUUID(),
      token: newToken(),
      clinicId: input.clinicId,
      procedureId: procedure.id,
      patientEncrypted: this.encryption.encrypt(JSON.stringify(patient)),
      patientCpfBlindIndex: patient.cpf ? this.encryption.blindIndex(patient.cpf) : null,
      expiresAt,
      source: input.source ?? null,
      createdBy,
    };
    try {
      return await this.prisma.$transaction(async (tx) => {
        const created = await tx.paymentLink.create({ data });
        await outboxStore.append(tx, paymentLinkCreated(created));
        return created;
      }).finally(this.kick);
    } catch (error) {
      // Two syncs of one appointment at once: the first one's link.
      const existing = input.source ? await this.prisma.paymentLink.findUnique({ where: { source: input.source } }) : null;
      if (existing) return existing;
      throw error;
    }
  }

  /** Cancels a link not used yet (a canceled one answers as it is); PAYMENT_LINK_USED once paid through. */
  async cancel(link: PaymentLink): Promise<PaymentLink> {
    await this.prisma.paymentLink.updateMany({ where: { id: link.id, status: 'ACTIVE' }, data: { status: 'CANCELED' } });
    const current = await this.prisma.paymentLink.findUniqueOrThrow({ where: { id: link.id } });
    if (current.status === 'USED') throw new PaymentsError('PAYMENT_LINK_USED', 'Este link já foi pago e não pode ser cancelado.');
    return current;
  }

  byId(id: string): Promise<PaymentLink | null> {
    return isUuid(id) ? this.prisma.paymentLink.findUnique({ where: { id } }) : Promise.resolve(null);
  }

  byToken(token: string): Promise<PaymentLink | null> {
    return /^[A-Za-z0-9_-]{12}$/.test(token) ? this.prisma.paymentLink.findUnique({ where: { token } }) : Promise.resolve(null);
  }

  forClinic(clinicId: string, status: LinkStatus | null | undefined, first: number): Promise<PaymentLink[]> {
    const now = this.now();
    const where: Prisma.PaymentLinkWhereInput =
      status === 'EXPIRED' ? { clinicId, status: 'ACTIVE', expiresAt: { lte: now } } : status === 'ACTIVE' ? { clinicId, status: 'ACTIVE', expiresAt: { gt: now } } : status ? { clinicId, status } : { clinicId };
    return this.prisma.paymentLink.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: first });
  }

  statusOf(link: PaymentLink): LinkStatus {
    return link.status === 'ACTIVE' && link.expiresAt.getTime() <= this.now().getTime() ? 'EXPIRED' : link.status;
  }

  patientOf(link: PaymentLink): LinkPatient {
    return JSON.parse(this.encryption.decrypt(link.patientEncrypted)) as LinkPatient;
  }

  url(link: PaymentLink): string {
    return new URL(`/pagar/${link.token}`, this.patientAppUrl).toString();
  }

  /**
   * The link a checkout pays through, checked before anything is written: payable, for this procedure,
   * and (when it names a CPF) for this payer.
   */
  async payable(token: string, procedureId: string, payerCpf: string | null): Promise<PaymentLink> {
    const link = await this.byToken(token);
    if (!link || this.statusOf(link) !== 'ACTIVE') throw linkNotPayable();
    if (link.procedureId !== procedureId) throw new PaymentsError('PAYMENT_LINK_INVALID', 'Este link é de outro procedimento.', { field: 'procedureId' });
    if (link.patientCpfBlindIndex && (!payerCpf || this.encryption.blindIndex(payerCpf) !== link.patientCpfBlindIndex)) {
      throw new PaymentsError('PAYMENT_LINK_INVALID', 'Este link de pagamento é de outra pessoa: entre com a conta do paciente indicado pela clínica.');
    }
    return link;
  }

  private validPatient(patient: NewPaymentLink['patient']): LinkPatient {
    const name = patient.name.trim().replace(/\s+/g, ' ');
    if (name.length < 3 || name.length > 120) throw invalid('Informe o nome do paciente.', 'patient.name');
    const email = patient.email.trim().toLowerCase();
    if (!EMAIL.test(email) || email.length > 254) throw invalid('Informe um e-mail válido do paciente.', 'patient.email');
    const digits = patient.phone?.replace(/\D/g, '') ?? '';
    const national = digits.startsWith('55') && digits.length >= 12 ? digits.slice(2) : digits;
    if (digits && !/^\d{2}9?\d{8}$/.test(national)) throw invalid('Informe o telefone com DDD, como (11) 98765-4321.', 'patient.phone');
    const cpf = patient.cpf?.trim() ? normalizeCpf(patient.cpf) : null;
    if (patient.cpf?.trim() && !cpf) throw invalid('CPF inválido. Confira os números digitados.', 'patient.cpf');
    return { name, email, phone: digits ? `+55${national}` : null, cpf };
  }
}
