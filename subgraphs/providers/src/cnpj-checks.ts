// The clinic's CNPJ at the Receita Federal. A new clinic is checked at once, so the back office reviews
// it beside the Receita's record; only an ATIVA CNPJ can be approved (checked again when the last
// check is over 30 days old); active clinics are checked monthly, and one whose CNPJ stopped being
// ATIVA is suspended (its team is told, as for any suspension).
import { ProviderUnavailableError, type Logger } from '@medpay/runtime';
import type { CnpjStatus, Prisma, PrismaClient } from './generated/prisma/client.js';
import { ProvidersError } from './errors.js';
import type { Clinic, ClinicStore } from './clinic-store.js';
import { recordClinicStatusChanged } from './outbox-store.js';

/** The Receita's record of a CNPJ, as its adapter answers it (cached answers keep their first `checkedAt`). */
export interface CnpjRecord {
  status: CnpjStatus;
  legalName: string;
  tradeName?: string | null;
  mainCnae: { code: string; description: string };
  address: { street: string; number?: string | null; complement?: string | null; district?: string | null; city: string; state: string; zipCode: string };
  checkedAt: Date;
}

export interface CnpjRegistry {
  /** `maxAgeMs`: how old a cached answer may be (0: ask the Receita now) */
  cnpjRecord(cnpj: string, options?: { maxAgeMs?: number }): Promise<CnpjRecord>;
}

/** What the clinic's row keeps of the record (status and time have their own columns). */
export type StoredCnpjRecord = Omit<CnpjRecord, 'status' | 'checkedAt'>;

const DAY_MS = 86_400_000;
export const CNPJ_CHECK_VALID_DAYS = 30;
const RETRY_MS = 15 * 60_000;
const QUEUE_BATCH = 20;

const STATUS_LABEL: Record<CnpjStatus, string> = { ATIVA: 'ativa', SUSPENSA: 'suspensa', INAPTA: 'inapta', BAIXADA: 'baixada', NULA: 'nula' };

const receitaUnavailable = () =>
  new ProvidersError('RECEITA_UNAVAILABLE', 'Não foi possível consultar o CNPJ na Receita Federal agora. Tente de novo em alguns minutos.');

export class CnpjChecks {
  constructor(
    private readonly registry: CnpjRegistry,
    private readonly prisma: PrismaClient,
    private readonly store: Pick<ClinicStore, 'changeStatus'>,
    private readonly logger: Logger,
    /** tells the outbox relay there is something to publish */
    private readonly published: () => void,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Approval needs an ATIVA CNPJ, by a check at most 30 days old (made now otherwise). */
  async assertApprovable(clinic: Clinic): Promise<void> {
    const fresh = clinic.cnpjCheckedAt && this.now().getTime() - clinic.cnpjCheckedAt.getTime() <= CNPJ_CHECK_VALID_DAYS * DAY_MS;
    const checked = fresh ? clinic : await this.check(clinic, CNPJ_CHECK_VALID_DAYS * DAY_MS);
    if (!checked) throw receitaUnavailable();
    const status = checked.cnpjStatus;
    if (status !== 'ATIVA') {
      throw new ProvidersError('CNPJ_NOT_ACTIVE', `O CNPJ desta clínica está com a situação ${STATUS_LABEL[status!]} na Receita Federal: só um CNPJ ativo pode ser aprovado.`, { cnpjStatus: status });
    }
  }

  /** Checks the clinic's CNPJ now, past any cached answer (the back office's "consultar de novo"); RECEITA_UNAVAILABLE when the Receita does not answer. */
  async checkNow(clinic: Clinic): Promise<Clinic> {
    const checked = await this.check(clinic, 0);
    if (!checked) throw receitaUnavailable();
    return checked;
  }

  /** One pass of the queue: new clinics, and active ones whose monthly check is due. */
  async pass(): Promise<number> {
    const due = await this.prisma.clinic.findMany({
      where: { cnpjNextCheckAt: { lte: this.now() }, status: { in: ['PENDING_REVIEW', 'ACTIVE'] } },
      orderBy: { cnpjNextCheckAt: 'asc' },
      take: QUEUE_BATCH,
    });
    let checked = 0;
    for (const clinic of due) {
      const updated = await this.check(clinic);
      if (!updated) break; // the Receita is down: the rest wait their turn
      checked += 1;
      if (updated.status === 'ACTIVE' && updated.cnpjStatus !== 'ATIVA') await this.suspend(updated);
    }
    return checked;
  }

  /** Asks the Receita and records its answer on the clinic; null (and a retry scheduled) when it did not answer. */
  private async check(clinic: Clinic, maxAgeMs?: number): Promise<Clinic | null> {
    try {
      const { status, checkedAt, ...record } = await this.registry.cnpjRecord(clinic.cnpj, maxAgeMs === undefined ? {} : { maxAgeMs });
      return await this.prisma.clinic.update({
        where: { id: clinic.id },
        data: { cnpjStatus: status, cnpjRecord: record as Prisma.InputJsonValue, cnpjCheckedAt: checkedAt, cnpjNextCheckAt: new Date(checkedAt.getTime() + CNPJ_CHECK_VALID_DAYS * DAY_MS) },
      });
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      this.logger.warn({ clinicId: clinic.id, reason: error.message }, 'Receita Federal unavailable: CNPJ check postponed');
      await this.prisma.clinic.update({ where: { id: clinic.id }, data: { cnpjNextCheckAt: new Date(this.now().getTime() + RETRY_MS) } });
      return null;
    }
  }

  private async suspend(clinic: Clinic) {
    const reason = `O CNPJ da clínica está com a situação ${STATUS_LABEL[clinic.cnpjStatus!]} na Receita Federal. Regularize-o e fale com a MedPay para reativar a clínica.`;
    const suspended = await this.store.changeStatus(clinic.id, 'ACTIVE', { status: 'SUSPENDED', statusReason: reason }, recordClinicStatusChanged);
    if (!suspended) return;
    this.logger.warn({ clinicId: clinic.id, cnpjStatus: clinic.cnpjStatus }, 'clinic suspended: its CNPJ is no longer ATIVA');
    this.published();
  }
}
