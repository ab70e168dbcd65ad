// Data access for clinics and their teams: the one place that knows these tables.
import { literalFragment, pageOf, violatedUniqueConstraint, type Page } from '@medpay/runtime';
import { Prisma, type Clinic, type ClinicMember, type ClinicStatus, type PrismaClient, type StaffRole } from './generated/prisma/client.js';
import type { ClinicRegistration } from './clinic-rules.js';
import { isUuid } from './validation.js';

export type { Clinic, ClinicMember, ClinicStatus, StaffRole };

export interface ClinicSearch {
  /** null: every status */
  status: ClinicStatus | null;
  cityKey?: string;
  state?: string;
  specialtyKey?: string;
  /** fragment of the legal or trade name */
  search?: string;
}

export type RemoveMemberResult = 'removed' | 'not-member' | 'last-admin';

const isUniqueViolation = (error: unknown) => violatedUniqueConstraint(error) !== null;

export class ClinicStore {
  constructor(private readonly prisma: PrismaClient) {}

  findMany(ids: readonly string[]): Promise<Clinic[]> {
    const valid = ids.filter(isUuid);
    return valid.length ? this.prisma.clinic.findMany({ where: { id: { in: valid } } }) : Promise.resolve([]);
  }

  async findById(id: string): Promise<Clinic | null> {
    return isUuid(id) ? this.prisma.clinic.findUnique({ where: { id } }) : null;
  }

  async cnpjTaken(cnpj: string): Promise<boolean> {
    return (await this.prisma.clinic.count({ where: { cnpj } })) > 0;
  }

  /** Ordered by trade name then id; `after` is the id of the last clinic of the previous page. */
  async search(filter: ClinicSearch, take: number, after?: string): Promise<Page<Clinic>> {
    const where: Prisma.ClinicWhereInput = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.cityKey ? { cityKey: filter.cityKey } : {}),
      ...(filter.state ? { state: filter.state } : {}),
      ...(filter.specialtyKey ? { specialtyKeys: { has: filter.specialtyKey } } : {}),
      ...(filter.search
        ? { OR: [{ tradeName: { contains: literalFragment(filter.search), mode: 'insensitive' } }, { legalName: { contains: literalFragment(filter.search), mode: 'insensitive' } }] }
        : {}),
    };
    const rows = await this.prisma.clinic.findMany({
      where,
      orderBy: [{ tradeName: 'asc' }, { id: 'asc' }],
      take: take + 1,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
    });
    return pageOf(rows, take);
  }

  /**
   * Creates the clinic with its first admin in one statement; 'cnpj' when the CNPJ is registered already.
   * `andThen` runs in the same transaction (the outbox event of the sign-up).
   */
  async create(
    clinic: ClinicRegistration,
    adminUserId: string,
    options: { id?: string; status?: ClinicStatus } = {},
    andThen?: (tx: Prisma.TransactionClient, created: Clinic) => Promise<void>,
  ): Promise<Clinic | 'cnpj'> {
    const data = { ...clinic, id: options.id, status: options.status, members: { create: { userId: adminUserId, role: 'ADMIN' as const } } };
    try {
      if (!andThen) return await this.prisma.clinic.create({ data });
      return await this.prisma.$transaction(async (tx) => {
        const created = await tx.clinic.create({ data });
        await andThen(tx, created);
        return created;
      });
    } catch (error) {
      if (isUniqueViolation(error)) return 'cnpj';
      throw error;
    }
  }

  /**
   * Moves the clinic only if it is still in `from` (two reviewers cannot both move it); null otherwise.
   * `andThen` runs in the same transaction (the outbox event of the change).
   */
  async changeStatus(
    id: string,
    from: ClinicStatus,
    to: { status: ClinicStatus; statusReason: string | null },
    andThen?: (tx: Prisma.TransactionClient, from: ClinicStatus, updated: Clinic) => Promise<void>,
  ): Promise<Clinic | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.clinic.updateMany({ where: { id, status: from }, data: to });
      const updated = count === 1 ? await tx.clinic.findUnique({ where: { id } }) : null;
      if (updated) await andThen?.(tx, from, updated);
      return updated;
    });
  }

  /** Where the clinic's payouts go (null: PIX to its CNPJ key), with `andThen` in the same transaction. */
  setPayoutBankAccount(id: string, bankAccount: Prisma.InputJsonValue | null, andThen: (tx: Prisma.TransactionClient, updated: Clinic) => Promise<void>): Promise<Clinic> {
    return this.prisma.$transaction(async (tx) => {
      const updated = await tx.clinic.update({ where: { id }, data: { payoutBankAccount: bankAccount ?? Prisma.DbNull } });
      await andThen(tx, updated);
      return updated;
    });
  }

  membershipsOf(userId: string): Promise<ClinicMember[]> {
    return isUuid(userId) ? this.prisma.clinicMember.findMany({ where: { userId } }) : Promise.resolve([]);
  }

  /** The clinics a user works at, oldest membership first. */
  membershipsWithClinics(userId: string): Promise<Array<ClinicMember & { clinic: Clinic }>> {
    if (!isUuid(userId)) return Promise.resolve([]);
    return this.prisma.clinicMember.findMany({ where: { userId }, include: { clinic: true }, orderBy: [{ createdAt: 'asc' }, { clinicId: 'asc' }] });
  }

  members(clinicId: string): Promise<ClinicMember[]> {
    return this.prisma.clinicMember.findMany({ where: { clinicId }, orderBy: [{ createdAt: 'asc' }, { userId: 'asc' }] });
  }

  /** 'exists' when the user is on the team already. */
  async addMember(clinicId: string, userId: string, role: StaffRole): Promise<ClinicMember | 'exists'> {
    try {
      return await this.prisma.clinicMember.create({ data: { clinicId, userId, role } });
    } catch (error) {
      if (isUniqueViolation(error)) return 'exists';
      throw error;
    }
  }

  /** A deleted account leaves every team at once (idempotent). */
  async removeAllMemberships(userId: string): Promise<void> {
    await this.prisma.clinicMember.deleteMany({ where: { userId } });
  }

  /** The clinics whose only admin is this person. */
  async solelyAdministeredBy(userId: string): Promise<Clinic[]> {
    const clinics = await this.prisma.clinic.findMany({
      where: { members: { some: { userId, role: 'ADMIN' } } },
      include: { _count: { select: { members: { where: { role: 'ADMIN' } } } } },
      orderBy: { tradeName: 'asc' },
    });
    return clinics.filter((clinic) => clinic._count.members === 1).map(({ _count, ...clinic }) => clinic);
  }

  /** Removes a member unless they are the clinic's last admin. */
  async removeMember(clinicId: string, userId: string): Promise<RemoveMemberResult> {
    return this.prisma.$transaction(async (tx) => {
      // Team changes of one clinic take turns on its row, so two admins cannot remove each other at once.
      await tx.$executeRaw`SELECT 1 FROM clinics WHERE id = ${clinicId}::uuid FOR UPDATE`;
      const member = await tx.clinicMember.findUnique({ where: { clinicId_userId: { clinicId, userId } } });
      if (!member) return 'not-member';
      if (member.role === 'ADMIN' && (await tx.clinicMember.count({ where: { clinicId, role: 'ADMIN' } })) <= 1) return 'last-admin';
      await tx.clinicMember.delete({ where: { clinicId_userId: { clinicId, userId } } });
      return 'removed';
    });
  }
}
