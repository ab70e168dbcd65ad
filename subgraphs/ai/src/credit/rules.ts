// Hard rules on top of the credit model, kept from the rules they replace (payments'
// checkout-decision.ts): whatever the score, no crediário while an installment is overdue, none while
// two are active (at most two at once), and none financing more than R$ 30.000,00.
import type { CreditHistory } from './features.js';
import { reason, type Reason } from './reasons.js';

/** Most one crediário may finance (centavos); the same ceiling as payments' CREDIARIO_MAX_FINANCED_CENTAVOS. */
export const MAX_FINANCED_CENTAVOS = 3_000_000;
/** Active crediários a patient may hold at once, the new one included. */
export const MAX_ACTIVE_CREDIARIOS = 2;

/** Why the history alone refuses any new crediário; empty when it does not. */
export function historyRefusals(history: CreditHistory): Reason[] {
  const reasons: Reason[] = [];
  if (history.overdueInstallments > 0) reasons.push(reason('OVERDUE_INSTALLMENTS'));
  if (history.activeCrediarios >= MAX_ACTIVE_CREDIARIOS) reasons.push(reason('TOO_MANY_ACTIVE_CONTRACTS'));
  return reasons;
}

/** Why the hard rules refuse this request (history, then amount); empty when they allow it. */
export function hardRuleRefusals(history: CreditHistory, financedAmountCentavos: number): Reason[] {
  const reasons = historyRefusals(history);
  if (financedAmountCentavos > MAX_FINANCED_CENTAVOS) reasons.push(reason('AMOUNT_ABOVE_MAXIMUM'));
  return reasons;
}
