// Every fraud and credit decision, kept 180 days for audits and the next training: written after the
// answer is sent (the checkout's deadline does not wait on storage), once per payment for fraud (a
// retried call is the same decision), and a failed write is logged, never the caller's failure.
import type { Logger } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { AiStore } from './collections.js';

export interface AssessmentRecord {
  kind: 'FRAUD' | 'CREDIT';
  paymentId: string | null;
  decision: string;
  score: number | null;
  reasons: string[];
  modelVersion: string;
  features: Record<string, unknown>;
  at: Date;
}

export class AssessmentLog {
  constructor(
    private readonly store: AiStore,
    private readonly logger: Logger,
  ) {}

  record(assessment: AssessmentRecord): void {
    const id = assessment.kind === 'FRAUD' && assessment.paymentId ? `fraud:${assessment.paymentId}` : randomUUID();
    this.store.insertOnce('assessments', { _id: id, ...assessment }).catch((error: unknown) => this.logger.error({ err: error, kind: assessment.kind, paymentId: assessment.paymentId }, 'assessment not logged'));
  }
}
