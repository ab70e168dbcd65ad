// The person's part of ai's records, for LGPD: their conversations and tickets in their data export
// (as stored: redacted), and gone when their account is deleted. Assessments name payments, not
// people, and stay with the payments (anti-fraud and credit records, as payments keeps them).
import type { AiStore } from './collections.js';
import { AI_RECORD_RETENTION_SECONDS } from './collections.js';

export class PersonalRecords {
  constructor(private readonly store: AiStore) {}

  async of(patientId: string) {
    const [conversations, tickets] = await Promise.all([
      this.store.aggregate('conversations', [{ $match: { patientId } }, { $sort: { startedAt: 1 } }]),
      this.store.aggregate('tickets', [{ $match: { patientId } }, { $sort: { createdAt: 1 } }]),
    ]);
    return { keptForDays: AI_RECORD_RETENTION_SECONDS / 86_400, conversations, tickets };
  }

  async forget(patientId: string): Promise<void> {
    await this.store.deleteMany('conversations', { patientId });
    await this.store.deleteMany('tickets', { patientId });
  }
}
