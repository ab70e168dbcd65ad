// The record of sessions ended before their access tokens expire. Refresh tokens die with their
// family in the key-value store; access tokens are refused by the router, which reads this record.
import type { PrismaClient } from './generated/prisma/client.js';

export interface RevocationLog {
  record(sessionId: string): Promise<void>;
}

export class RevocationStore implements RevocationLog {
  constructor(private readonly prisma: PrismaClient) {}

  async record(sessionId: string): Promise<void> {
    await this.prisma.sessionRevocation.upsert({ where: { sessionId }, create: { sessionId }, update: {} });
  }

  /** Sessions revoked at or after `since`, oldest first. */
  async since(since: Date): Promise<{ id: string; at: Date }[]> {
    const rows = await this.prisma.sessionRevocation.findMany({ where: { revokedAt: { gte: since } }, orderBy: { revokedAt: 'asc' }, take: 10_000, select: { sessionId: true, revokedAt: true } });
    return rows.map((row) => ({ id: row.sessionId, at: row.revokedAt }));
  }
}
