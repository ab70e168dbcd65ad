// Data access for LGPD consent records: the one place that knows the consent_records table. Rows
// are only ever added (a revocation is a new row), so the history is the table itself.
import type { ConsentKind, ConsentRecord, Prisma, PrismaClient } from './generated/prisma/client.js';

export type { ConsentKind, ConsentRecord };

export interface NewConsentRecord {
  userId: string;
  kind: ConsentKind;
  termsVersion?: string | null;
  privacyPolicyVersion?: string | null;
  ipAddress: string;
}

/** A person's latest acceptance of the terms and latest marketing choice (null: none recorded). */
export interface ConsentState {
  userId: string;
  terms: ConsentRecord | null;
  marketing: ConsentRecord | null;
}

const HISTORY_LIMIT = 200;

export class ConsentStore {
  constructor(private readonly prisma: PrismaClient) {}

  add(record: NewConsentRecord, tx: Prisma.TransactionClient | PrismaClient = this.prisma): Promise<ConsentRecord> {
    return tx.consentRecord.create({ data: { userId: record.userId, kind: record.kind, termsVersion: record.termsVersion ?? null, privacyPolicyVersion: record.privacyPolicyVersion ?? null, ipAddress: record.ipAddress } });
  }

  /** The current state of each person asked for, in the order asked (one query for the batch). */
  async statesOf(userIds: readonly string[]): Promise<ConsentState[]> {
    const rows = await this.prisma.consentRecord.findMany({
      where: { userId: { in: [...userIds] } },
      orderBy: { seq: 'desc' },
      distinct: ['userId', 'kind'],
    });
    return userIds.map((userId) => {
      const own = rows.filter((row) => row.userId === userId);
      return { userId, terms: own.find((row) => row.kind === 'TERMS_ACCEPTED') ?? null, marketing: own.find((row) => row.kind !== 'TERMS_ACCEPTED') ?? null };
    });
  }

  /** The person's records, newest first. */
  history(userId: string): Promise<ConsentRecord[]> {
    return this.prisma.consentRecord.findMany({ where: { userId }, orderBy: { seq: 'desc' }, take: HISTORY_LIMIT });
  }
}
