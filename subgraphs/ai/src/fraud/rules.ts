// Hard rules on top of the model: patterns so clear, or so costly to miss, that they decide
// whatever the score says. A rule only ever raises the decision (to REVIEW or DECLINE), never lowers it.
// Signals with honest look-alikes (many accounts on a clinic's reception tablet) are left to the model.
import type { CheckoutFeatures } from './features.js';
import type { Decision } from './model.js';
import { reason, type Reason, type ReasonCode } from './reasons.js';

export interface FraudRule {
  /** Stable rule id for logs and back office. */
  id: string;
  /** The least severe decision the checkout gets when the rule fires. */
  atLeast: Exclude<Decision, 'APPROVE'>;
  reason: ReasonCode;
  fires(features: CheckoutFeatures): boolean;
}

export interface RuleHit {
  rule: string;
  atLeast: Exclude<Decision, 'APPROVE'>;
  reason: Reason;
}

export const fraudRules: readonly FraudRule[] = [
  {
    // Card testing: an honest patient is declined once or twice, not five times in an hour.
    id: 'card-testing-device-declines',
    atLeast: 'DECLINE',
    reason: 'MANY_DECLINES_DEVICE',
    fires: (features) => features.deviceDeclines1h >= 5,
  },
  {
    id: 'card-fingerprint-declines',
    atLeast: 'DECLINE',
    reason: 'CARD_DECLINES_FINGERPRINT',
    fires: (features) => features.cardDeclines1h >= 4,
  },
  {
    id: 'cpf-velocity',
    atLeast: 'REVIEW',
    reason: 'VELOCITY_CPF_24H',
    fires: (features) => features.cpfPayments24h >= 10,
  },
  {
    // New accounts paying right away are normal; paying three times the clinic's usual ticket is not.
    id: 'new-account-high-ticket',
    atLeast: 'REVIEW',
    reason: 'NEW_ACCOUNT_HIGH_TICKET',
    fires: (features) => features.accountAgeDays <= 7 && features.amountToClinicNorm >= 3,
  },
  {
    id: 'ticket-far-above-clinic-norm',
    atLeast: 'REVIEW',
    reason: 'TICKET_FAR_ABOVE_CLINIC_NORM',
    fires: (features) => features.amountToClinicNorm >= 8,
  },
  {
    // Account takeover: a burst of wrong passwords, then a payment from a device never seen on the account.
    id: 'failed-logins-new-device',
    atLeast: 'REVIEW',
    reason: 'FAILED_LOGINS_BEFORE_CHECKOUT',
    fires: (features) => features.failedLogins1h >= 5 && features.deviceAgeDays === 0,
  },
];

/** The rules that fire for a checkout, DECLINE rules first. */
export function applyRules(features: CheckoutFeatures, rules: readonly FraudRule[] = fraudRules): RuleHit[] {
  return rules
    .filter((rule) => rule.fires(features))
    .map((rule) => ({ rule: rule.id, atLeast: rule.atLeast, reason: reason(rule.reason) }))
    .sort((a, b) => severity[b.atLeast] - severity[a.atLeast]);
}

export const severity: Record<Decision, number> = { APPROVE: 0, REVIEW: 1, DECLINE: 2 };
