// The anti-fraud desk payments calls before a charge: features from the risk signals, the model's
// score with the hard rules on top, and the same answer again for the same payment (a retried call
// must not count the checkout twice or change its decision).
import type { fraudAssessment } from '@medpay/contracts';
import type { Logger } from '@medpay/runtime';
import type { z } from 'zod';
import { assessCheckout } from './assess.js';
import type { FraudModel } from './model.js';
import type { RiskSignals } from './signals.js';

type Request = z.output<typeof fraudAssessment.request>;
type Answer = z.input<typeof fraudAssessment.response>;

/** The fraud model the service loads; a new version is a new file (npm run ai:train -- --version X). */
export const FRAUD_MODEL_URL = new URL('../../models/fraud-1.0.0.json', import.meta.url);
/** Its held-out evaluation, written beside it by the same training run. */
export const FRAUD_REPORT_URL = new URL('../../models/fraud-1.0.0.report.json', import.meta.url);

export class FraudDesk {
  constructor(
    private readonly model: FraudModel,
    private readonly signals: RiskSignals,
    private readonly logger: Logger,
  ) {}

  get modelVersion() {
    return this.model.version;
  }

  assess(request: Request): Promise<Answer> {
    return this.signals.checkouts.answerOnce(request.paymentId, async () => {
      const features = await this.signals.features(request, Date.parse(request.at));
      const assessment = assessCheckout(this.model, features);
      // Ids, score and reason codes only: never the device, address or card fingerprint.
      this.logger.info({ paymentId: request.paymentId, score: Math.round(assessment.score), decision: assessment.decision, reasons: assessment.reasons.map((reason) => reason.code), rules: assessment.rulesFired.map((hit) => hit.rule) }, 'checkout assessed');
      return { score: Math.round(assessment.score), decision: assessment.decision, reasons: assessment.reasons, modelVersion: assessment.modelVersion, features } satisfies Answer;
    });
  }

  /** Forgets answers and checkouts past the longest window. */
  prune(now: number) {
    this.signals.prune(now);
  }
}
