// Data access for partner API keys. Only a hash of each key is stored.
import type { ApiKey, ClinicStatus, PrismaClient } from './generated/prisma/client.js';
import { isUuid } from './validation.js';

export type { ApiKey };

export interface NewApiKey {
  clinicId: string;
  name: string;
  prefix: string;
  secretHash: string;
  createdBy: string;
  scopes: string[];
}

export class ApiKeyStore {
  constructor(private readonly prisma: PrismaClient) {}

  create(key: NewApiKey): Promise<ApiKey> {
    return this.prisma.apiKey.create({ data: key });
  }

  async findById(id: string): Promise<ApiKey | null> {
    return isUuid(id) ? this.prisma.apiKey.findUnique({ where: { id } }) : null;
  }

  /** Newest first. */
  listByClinic(clinicId: string): Promise<ApiKey[]> {
    return this.prisma.apiKey.findMany({ where: { clinicId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] });
  }

  /** The unrevoked key with this hash, with its clinic's status. */
  findLiveByHash(secretHash: string): Promise<{ id: string; clinicId: string; scopes: string[]; clinic: { status: ClinicStatus } } | null> {
    return this.prisma.apiKey.findFirst({
      where: { secretHash, revokedAt: null },
      select: { id: true, clinicId: true, scopes: true, clinic: { select: { status: true } } },
    });
  }

  /** Revokes once: a second revocation keeps the first date. */
  async revoke(id: string, now: Date): Promise<ApiKey | null> {
    await this.prisma.apiKey.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
    return this.prisma.apiKey.findUnique({ where: { id } });
  }

  /** The keys a person created (for their data export): never the hash of the secret. */
  createdBy(userId: string) {
    return this.prisma.apiKey.findMany({
      where: { createdBy: userId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: { id: true, clinicId: true, name: true, prefix: true, scopes: true, createdAt: true, lastUsedAt: true, revokedAt: true },
    });
  }

  /** Keys revoked at or after `since`, oldest first (the router's revocations feed). */
  async revokedSince(since: Date): Promise<{ id: string; at: Date }[]> {
    const rows = await this.prisma.apiKey.findMany({ where: { revokedAt: { gte: since } }, orderBy: { revokedAt: 'asc' }, take: 10_000, select: { id: true, revokedAt: true } });
    return rows.map((row) => ({ id: row.id, at: row.revokedAt! }));
  }

  /** Records a use unless one was recorded since `notBefore` (one write a minute, not one per request). */
  async touch(id: string, now: Date, notBefore: Date): Promise<void> {
    await this.prisma.apiKey.updateMany({ where: { id, OR: [{ lastUsedAt: null }, { lastUsedAt: { lt: notBefore } }] }, data: { lastUsedAt: now } });
  }
}
