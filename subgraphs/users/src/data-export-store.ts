// Data access for data export requests: the one place that knows the data_exports table.
import { violatedUniqueConstraint } from '@medpay/runtime';
import { Prisma, type DataExport, type PrismaClient } from './generated/prisma/client.js';

export type DataExportRow = Pick<DataExport, 'id' | 'userId' | 'status' | 'requestedAt' | 'readyAt'>;

const listed = { id: true, userId: true, status: true, requestedAt: true, readyAt: true } as const;

export class DataExportStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** A new pending request, or 'in-progress' when the person already has one (a partial unique index decides). */
  async create(userId: string): Promise<DataExportRow | 'in-progress'> {
    try {
      return await this.prisma.dataExport.create({ data: { userId }, select: listed });
    } catch (error) {
      if (violatedUniqueConstraint(error)) return 'in-progress';
      throw error;
    }
  }

  countSince(userId: string, since: Date): Promise<number> {
    return this.prisma.dataExport.count({ where: { userId, requestedAt: { gte: since } } });
  }

  listFor(userId: string, take: number): Promise<DataExportRow[]> {
    return this.prisma.dataExport.findMany({ where: { userId }, orderBy: [{ requestedAt: 'desc' }, { id: 'desc' }], take, select: listed });
  }

  pending(take: number): Promise<DataExportRow[]> {
    return this.prisma.dataExport.findMany({ where: { status: 'PENDING' }, orderBy: { requestedAt: 'asc' }, take, select: listed });
  }

  async ownerOf(id: string): Promise<string | null> {
    return (await this.prisma.dataExport.findUnique({ where: { id }, select: { userId: true } }))?.userId ?? null;
  }

  /** The package of a READY export, or null. */
  async packageOf(id: string): Promise<Prisma.JsonValue | null> {
    const row = await this.prisma.dataExport.findUnique({ where: { id }, select: { status: true, package: true } });
    return row?.status === 'READY' ? row.package : null;
  }

  /** Only a PENDING export becomes READY: two builders racing store one package. */
  async markReady(id: string, content: Prisma.InputJsonValue, at: Date): Promise<void> {
    await this.prisma.dataExport.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'READY', package: content, readyAt: at } });
  }

  /** Counts a failed attempt; past `maxAttempts` the request ends FAILED (the person may ask again). */
  async recordFailure(id: string, maxAttempts: number): Promise<void> {
    const row = await this.prisma.dataExport.update({ where: { id }, data: { attempts: { increment: 1 } }, select: { attempts: true } });
    if (row.attempts >= maxAttempts) await this.prisma.dataExport.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'FAILED' } });
  }

  /** Drops the packages made before `before`; their rows stay as the record of the request. */
  async expireReadyBefore(before: Date): Promise<number> {
    const { count } = await this.prisma.dataExport.updateMany({ where: { status: 'READY', readyAt: { lt: before } }, data: { status: 'EXPIRED', package: Prisma.DbNull } });
    return count;
  }
}
