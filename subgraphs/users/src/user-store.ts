// Data access for users: the one place that knows the table and its encrypted columns.
import { literalFragment, pageOf, violatedUniqueConstraint, type FieldEncryption } from '@medpay/runtime';
import { Prisma, type PrismaClient, type Role, type User } from './generated/prisma/client.js';
import { recordLoginFailed } from './outbox-store.js';
import type { CpfCheck } from './cpf-checks.js';

export type { User };

export interface NewUser {
  name: string;
  email: string;
  passwordHash: string;
  cpf?: string;
  phone?: string;
  roles: Role[];
  id?: string;
  /** the Receita's answer for the CPF (UNVERIFIED: queued for the check) */
  cpfCheck?: CpfCheck;
}

/** Which unique key of users an insert ran into ('email' or 'cpf'); any other error is thrown on. */
export function takenKey(error: unknown): 'email' | 'cpf' {
  const constraint = violatedUniqueConstraint(error);
  if (constraint === 'users_cpf_blind_index_key') return 'cpf';
  if (constraint === 'users_email_key') return 'email';
  throw error;
}

/** A CPF's check as stored: an unverified one is queued at once. */
const cpfCheckColumns = (check: CpfCheck) => ({
  cpfStatus: check.status,
  cpfCheckedAt: check.checkedAt,
  cpfNextCheckAt: check.status === 'UNVERIFIED' ? new Date() : null,
});

export class UserStore {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly encryption: FieldEncryption,
  ) {}

  /**
   * Creates the user; a unique violation surfaces as 'email' or 'cpf'. `andThen` runs in the same
   * transaction (the outbox event of the registration), so the user and its event commit together.
   */
  async create(user: NewUser, andThen?: (tx: Prisma.TransactionClient, created: User) => Promise<void>): Promise<User | 'email' | 'cpf'> {
    try {
      return await this.prisma.$transaction(async (tx) => {
        const created = await this.insert(tx, user);
        await andThen?.(tx, created);
        return created;
      });
    } catch (error) {
      return takenKey(error);
    }
  }

  /** Inserts the user in the caller's transaction; a taken e-mail or CPF aborts it (see `takenKey`). */
  insert(tx: Prisma.TransactionClient, user: NewUser): Promise<User> {
    return tx.user.create({
      data: {
        id: user.id,
        name: user.name,
        email: user.email,
        passwordHash: user.passwordHash,
        phone: user.phone,
        roles: user.roles,
        cpfEncrypted: user.cpf ? this.encryption.encrypt(user.cpf) : null,
        cpfBlindIndex: user.cpf ? this.encryption.blindIndex(user.cpf) : null,
        ...(user.cpf ? cpfCheckColumns(user.cpfCheck ?? { status: 'UNVERIFIED', checkedAt: null }) : {}),
      },
    });
  }

  findByEmail(email: string) {
    return this.prisma.user.findUnique({ where: { email } });
  }

  /** A wrong password for this account, published for anti-fraud. */
  async loginFailed(userId: string, at: Date) {
    await recordLoginFailed(this.prisma, userId, at);
  }

  findByCpf(cpf: string) {
    return this.prisma.user.findUnique({ where: { cpfBlindIndex: this.encryption.blindIndex(cpf) } });
  }

  findByCpfIndex(cpfBlindIndex: string) {
    return this.prisma.user.findUnique({ where: { cpfBlindIndex } });
  }

  findMany(ids: readonly string[]) {
    return this.prisma.user.findMany({ where: { id: { in: [...ids] } } });
  }

  /** The ids of the platform admins whose accounts are not locked, oldest first. */
  async platformAdminIds(): Promise<string[]> {
    // In SQL: the PGlite adapter sends the enum of a `has` filter as a scalar, where PostgreSQL wants an array.
    const rows = await this.prisma.$queryRaw<{ id: string }[]>`
      SELECT id::text AS id FROM users WHERE 'PLATFORM_ADMIN'::role = ANY(roles) AND locked_at IS NULL ORDER BY created_at, id`;
    return rows.map((row) => row.id);
  }

  decryptCpf(user: Pick<User, 'cpfEncrypted'>): string | null {
    return user.cpfEncrypted ? this.encryption.decrypt(user.cpfEncrypted) : null;
  }

  async setLocked(id: string, locked: boolean) {
    return this.prisma.user.update({ where: { id }, data: { lockedAt: locked ? new Date() : null } }).catch((error: unknown) => {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') return null;
      throw error;
    });
  }

  async addRole(id: string, role: Role) {
    const user = await this.prisma.user.findUnique({ where: { id }, select: { roles: true } });
    // `set`, not `push`: the PGlite adapter sends a pushed enum as a scalar and PostgreSQL refuses it as an array.
    if (user && !user.roles.includes(role)) await this.prisma.user.update({ where: { id }, data: { roles: { set: [...user.roles, role] } } });
  }

  /** Of the given users, those with this whole CPF or whose name contains the fragment. */
  async matchAmong(ids: string[], match: { cpf: string } | { name: string }): Promise<string[]> {
    if (ids.length === 0 || ('name' in match && match.name.length === 0)) return [];
    const rows = await this.prisma.user.findMany({
      where: { id: { in: ids }, ...('cpf' in match ? { cpfBlindIndex: this.encryption.blindIndex(match.cpf) } : { name: { contains: literalFragment(match.name), mode: 'insensitive' } }) },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }

  /** Admin search: by whole CPF (blind index), else name or e-mail fragment; newest first, keyset paged (`take` checked by the caller). */
  async search(filter: { search?: string | null; role?: Role | null; cpf?: string | null }, take: number, after?: string) {
    const where: Prisma.UserWhereInput = {
      ...(filter.role ? { roles: { has: filter.role } } : {}),
      ...(filter.cpf
        ? { cpfBlindIndex: this.encryption.blindIndex(filter.cpf) }
        : filter.search
          ? { OR: [{ name: { contains: literalFragment(filter.search), mode: 'insensitive' } }, { email: { contains: literalFragment(filter.search.toLowerCase()) } }] }
          : {}),
    };
    const [rows, totalCount] = await Promise.all([
      this.prisma.user.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: take + 1, ...(after ? { cursor: { id: after }, skip: 1 } : {}) }),
      this.prisma.user.count({ where }),
    ]);
    return { ...pageOf(rows, take), totalCount };
  }
}
