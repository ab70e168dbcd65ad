// The anti-fraud assessment a checkout asks for before it issues a charge: ai's model and rules,
// within a deadline. When ai is down, late or off its contract — or the screen is switched off —
// checkout goes on by the rules payments has always applied (the gateway's own decision, the credit
// rules) and records that it did (source RULES).
import { fraudAssessment, type FraudDecision } from '@medpay/contracts';
import type { InternalClient, Logger } from '@medpay/runtime';
import { createHash } from 'node:crypto';
import type { z } from 'zod';

export type FraudRequest = z.input<typeof fraudAssessment.request>;

export interface FraudVerdict {
  source: 'MODEL' | 'RULES';
  decision: FraudDecision;
  /** 0–1000; null when ai did not answer */
  score: number | null;
  modelVersion: string;
  reasons: { code: string; text: string }[];
  features: Record<string, number>;
}

export const RULES_ONLY: FraudVerdict = { source: 'RULES', decision: 'APPROVE', score: null, modelVersion: 'rules', reasons: [], features: {} };

/** The card as anti-fraud counts it: a hash of the gateway's token, so the token itself never leaves payments. */
export const cardFingerprint = (cardToken: string | null | undefined): string | null => (cardToken ? createHash('sha256').update(cardToken).digest('hex') : null);

export class FraudScreen {
  constructor(
    /** ai's internal client, built with the deadline (150 ms) as its timeout; null: the screen is off */
    private readonly ai: Pick<InternalClient, 'call'> | null,
    private readonly logger: Logger,
  ) {}

  async assess(request: FraudRequest): Promise<FraudVerdict> {
    if (!this.ai) return RULES_ONLY;
    try {
      const answer = await this.ai.call(fraudAssessment, request);
      if (answer) return { source: 'MODEL', ...answer };
      this.logger.warn({ paymentId: request.paymentId }, 'ai has no fraud assessment route; checkout goes on by the rules');
    } catch (error) {
      this.logger.warn({ paymentId: request.paymentId, err: error }, 'ai did not assess the checkout in time; checkout goes on by the rules');
    }
    return RULES_ONLY;
  }
}
