// The CPF's status at the Receita Federal. At sign-up only a REGULAR CPF goes on, and the name typed
// must be the one on record (loosely: accents, case, omitted middle names). When the Receita does not
// answer, the sign-up goes on UNVERIFIED and the check is queued: the account exists, credit waits.
// Crediário asks for a check at most 30 days old (`standing`), made again on demand when older.
import { ProviderUnavailableError, type Logger } from '@medpay/runtime';
import { namesMatch, ReceitaRecordNotFoundError } from '@medpay/receita-federal';
import type { CpfStatus, PrismaClient } from './generated/prisma/client.js';
import { UsersError } from './errors.js';
import type { UserStore } from './user-store.js';

/** What the Receita's adapter answers for a CPF (cached answers keep their first `checkedAt`). */
export interface CpfRegistry {
  cpfStatus(cpf: string): Promise<{ status: Exclude<CpfStatus, 'UNVERIFIED'>; name?: string; checkedAt: Date }>;
}

export interface CpfCheck {
  status: CpfStatus;
  checkedAt: Date | null;
}

/** A check older than this no longer opens credit. */
export const CPF_CHECK_VALID_DAYS = 30;
const DAY_MS = 86_400_000;
/** queued checks are tried again after 1, 2, 4 … minutes, at most every 6 hours */
const RETRY_BASE_MS = 60_000;
const RETRY_MAX_MS = 6 * 3600_000;
const QUEUE_BATCH = 20;

const REFUSALS: Record<Exclude<CpfStatus, 'UNVERIFIED' | 'REGULAR'>, string> = {
  PENDENTE_DE_REGULARIZACAO: 'Seu CPF está pendente de regularização na Receita Federal. Regularize-o no site da Receita e tente de novo.',
  SUSPENSA: 'Seu CPF está suspenso na Receita Federal. Regularize-o no site da Receita e tente de novo.',
  CANCELADA: 'Este CPF está cancelado na Receita Federal e não pode ser usado no cadastro.',
  TITULAR_FALECIDO: 'Este CPF não pode ser usado no cadastro. Se houver um engano, procure a Receita Federal.',
  NULA: 'Este CPF foi anulado pela Receita Federal e não pode ser usado no cadastro.',
};

/** Whether a check opens credit now: REGULAR, and recent. */
export const opensCredit = (check: CpfCheck, now: Date) => check.status === 'REGULAR' && !!check.checkedAt && now.getTime() - check.checkedAt.getTime() <= CPF_CHECK_VALID_DAYS * DAY_MS;

export class CpfChecks {
  constructor(
    private readonly registry: CpfRegistry,
    private readonly prisma: PrismaClient,
    private readonly users: Pick<UserStore, 'decryptCpf'>,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * The check of a sign-up: REGULAR with a matching name goes on; another status, or a name that is
   * not the one on record, is refused with a stable code; UNVERIFIED when the Receita is down.
   */
  async atSignUp(cpf: string, typedName: string): Promise<CpfCheck> {
    let record: Awaited<ReturnType<CpfRegistry['cpfStatus']>>;
    try {
      record = await this.registry.cpfStatus(cpf);
    } catch (error) {
      if (error instanceof ReceitaRecordNotFoundError) throw new UsersError('CPF_IRREGULAR', 'Este CPF não foi encontrado na Receita Federal. Confira os números digitados.', { field: 'cpf', cpfStatus: 'NULA' });
      if (!(error instanceof ProviderUnavailableError)) throw error;
      this.logger.warn({ reason: error.message }, 'Receita Federal unavailable: sign-up goes on with the CPF check queued');
      return { status: 'UNVERIFIED', checkedAt: null };
    }
    if (record.status !== 'REGULAR') throw new UsersError('CPF_IRREGULAR', REFUSALS[record.status], { field: 'cpf', cpfStatus: record.status });
    if (record.name && !namesMatch(typedName, record.name)) {
      throw new UsersError('CPF_NAME_MISMATCH', 'O nome informado não confere com o do CPF na Receita Federal. Digite seu nome completo como está no documento.', { field: 'name' });
    }
    return { status: 'REGULAR', checkedAt: record.checkedAt };
  }

  /** The person's check for credit: made again now when unverified or older than 30 days (null without a CPF). */
  async standing(userId: string): Promise<CpfCheck | null> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { id: true, cpfEncrypted: true, cpfStatus: true, cpfCheckedAt: true } });
    if (!user?.cpfEncrypted) return null;
    const current: CpfCheck = { status: user.cpfStatus ?? 'UNVERIFIED', checkedAt: user.cpfCheckedAt };
    if (current.status !== 'UNVERIFIED' && current.status !== 'REGULAR') return current;
    if (opensCredit(current, this.now())) return current;
    return (await this.check(user)) ?? current;
  }

  /** One pass of the queue: the unverified CPFs due for another try. */
  async pass(): Promise<number> {
    const due = await this.prisma.user.findMany({
      where: { cpfStatus: 'UNVERIFIED', cpfNextCheckAt: { lte: this.now() } },
      select: { id: true, cpfEncrypted: true, cpfCheckAttempts: true },
      orderBy: { cpfNextCheckAt: 'asc' },
      take: QUEUE_BATCH,
    });
    let checked = 0;
    for (const user of due) {
      if (await this.check(user)) checked += 1;
      else break; // the Receita is still down: the rest wait their turn
    }
    return checked;
  }

  /** Asks the Receita and records the answer; null (and the next try scheduled) when it did not answer. */
  private async check(user: { id: string; cpfEncrypted: string | null; cpfCheckAttempts?: number }): Promise<CpfCheck | null> {
    const cpf = this.users.decryptCpf(user);
    if (!cpf) return null;
    try {
      // A CPF the Receita does not know is as good as void.
      const record = await this.registry.cpfStatus(cpf).catch((error: unknown) => {
        if (error instanceof ReceitaRecordNotFoundError) return { status: 'NULA' as const, checkedAt: this.now() };
        throw error;
      });
      await this.prisma.user.update({ where: { id: user.id }, data: { cpfStatus: record.status, cpfCheckedAt: record.checkedAt, cpfNextCheckAt: null, cpfCheckAttempts: 0 } });
      if (record.status !== 'REGULAR') this.logger.warn({ userId: user.id, cpfStatus: record.status }, 'CPF is not regular at the Receita Federal');
      return { status: record.status, checkedAt: record.checkedAt };
    } catch (error) {
      if (!(error instanceof ProviderUnavailableError)) throw error;
      const attempts = (user.cpfCheckAttempts ?? 0) + 1;
      const delay = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** (attempts - 1));
      await this.prisma.user.updateMany({ where: { id: user.id, cpfStatus: 'UNVERIFIED' }, data: { cpfCheckAttempts: attempts, cpfNextCheckAt: new Date(this.now().getTime() + delay) } });
      return null;
    }
  }
}
