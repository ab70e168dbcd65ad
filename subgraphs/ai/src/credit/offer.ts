// The crediário offer for a patient and a procedure: the largest amount (up to the price) and, at that
// amount, the longest term the model approves, with the hard rules (rules.ts) on top. A refusal always
// carries at least one reason in pt-BR: the patient must be told why (CDC art. 43, LGPD art. 20).
import { DEFAULT_MONTHLY_RATE, priceInstallmentCentavos, type CreditApplicant, type CreditRequest } from './features.js';
import type { CreditModel, CreditScore } from './model.js';
import { reason, type Reason } from './reasons.js';
import { hardRuleRefusals, historyRefusals, MAX_FINANCED_CENTAVOS } from './rules.js';

export interface OfferRequest {
  /** The procedure's price (centavos). */
  priceCentavos: number;
  /** The installment counts on offer, e.g. [3, 6, 10, 12, 18, 24]. */
  installmentOptions: readonly number[];
  /** Monthly rate of the Price table; defaults to 2.99 %. */
  monthlyRate?: number;
  /** Spacing of the amounts tried (centavos); defaults to R$ 50,00. */
  amountStepCentavos?: number;
  /** Smallest amount worth financing (centavos); defaults to R$ 300,00, payments' crediário minimum. */
  minAmountCentavos?: number;
}

export interface CreditOfferResult {
  approved: boolean;
  /** 0 when refused. */
  maxAmountCentavos: number;
  /** The longest term approved at `maxAmountCentavos`; 0 when refused. */
  maxInstallments: number;
  /** The monthly installment at those terms; 0 when refused. */
  installmentCentavos: number;
  /** The model's score at those terms, or at the least risky terms tried when refused; null when a hard rule refused first. */
  score: number | null;
  modelVersion: string;
  /** Refused: why (never empty). Approved below the price: why not the whole price. Otherwise empty. */
  reasons: Reason[];
}

const defaultAmountStepCentavos = 5_000;
const defaultMinAmountCentavos = 30_000;

/**
 * Amounts tried, ascending: multiples of the step from the minimum, and the ceiling itself. The
 * model's score never falls as the amount grows (model.ts), so a binary search over them is exact.
 */
export function amountGrid(ceilingCentavos: number, stepCentavos: number, minCentavos: number): number[] {
  if (!Number.isSafeInteger(stepCentavos) || stepCentavos <= 0) throw new RangeError(`amountStepCentavos must be a positive integer, got ${stepCentavos}`);
  const floor = Math.min(minCentavos, ceilingCentavos);
  const grid: number[] = [];
  for (let amount = Math.ceil(floor / stepCentavos) * stepCentavos; amount < ceilingCentavos; amount += stepCentavos) grid.push(amount);
  if (floor < ceilingCentavos && grid[0] !== floor) grid.unshift(floor);
  grid.push(ceilingCentavos);
  return grid;
}

/** The largest index of `grid` whose amount the model approves at `count` installments, or −1. */
function largestApproved(score: (amount: number) => CreditScore, grid: readonly number[]): number {
  let low = 0;
  let high = grid.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (score(grid[middle]!).approved) {
      found = middle;
      low = middle + 1;
    } else {
      high = middle - 1;
    }
  }
  return found;
}

export function creditOffer(model: CreditModel, applicant: Pick<CreditApplicant, 'incomeBand' | 'history'>, request: OfferRequest): CreditOfferResult {
  const monthlyRate = request.monthlyRate ?? DEFAULT_MONTHLY_RATE;
  const counts = [...new Set(request.installmentOptions)].sort((a, b) => a - b);
  if (!Number.isSafeInteger(request.priceCentavos) || request.priceCentavos <= 0) throw new RangeError(`priceCentavos must be positive integer centavos, got ${request.priceCentavos}`);
  if (counts.length === 0 || !counts.every((count) => Number.isSafeInteger(count) && count >= 1)) throw new RangeError(`installmentOptions must be positive integers, got ${String(request.installmentOptions)}`);
  const refused = (reasons: Reason[], score: number | null): CreditOfferResult => ({
    approved: false,
    maxAmountCentavos: 0,
    maxInstallments: 0,
    installmentCentavos: 0,
    score,
    modelVersion: model.version,
    reasons,
  });

  const ruleReasons = historyRefusals(applicant.history);
  if (ruleReasons.length > 0) return refused(ruleReasons, null);

  const ceiling = Math.min(request.priceCentavos, MAX_FINANCED_CENTAVOS);
  const grid = amountGrid(ceiling, request.amountStepCentavos ?? defaultAmountStepCentavos, request.minAmountCentavos ?? defaultMinAmountCentavos);
  const scoreAt = (count: number) => (amount: number) => model.scoreApplicant(applicant, { financedAmountCentavos: amount, installmentCount: count }, monthlyRate);

  let bestIndex = -1;
  let bestCount = 0;
  for (const count of counts) {
    const index = largestApproved(scoreAt(count), grid);
    // Ascending counts: on equal amounts the later (longer) term wins.
    if (index >= 0 && index >= bestIndex) {
      bestIndex = index;
      bestCount = count;
    }
  }

  if (bestIndex < 0) {
    // Explain with the least risky request tried: the smallest amount at its best term.
    const attempts = counts.map((count) => scoreAt(count)(grid[0]!));
    const least = attempts.reduce((best, attempt) => (attempt.score < best.score ? attempt : best));
    return refused(least.reasons.length > 0 ? least.reasons : [reason('OVERALL_RISK')], least.score);
  }

  const amount = grid[bestIndex]!;
  const reasons: Reason[] = [];
  if (request.priceCentavos > MAX_FINANCED_CENTAVOS) reasons.push(reason('AMOUNT_ABOVE_MAXIMUM'));
  if (amount < ceiling) {
    // Why not the ceiling: the model's reasons at the ceiling, at the term that scored it lowest.
    const atCeiling = counts.map((count) => scoreAt(count)(ceiling)).reduce((best, attempt) => (attempt.score < best.score ? attempt : best));
    for (const entry of atCeiling.reasons) if (!reasons.some((existing) => existing.code === entry.code)) reasons.push(entry);
  }
  return {
    approved: true,
    maxAmountCentavos: amount,
    maxInstallments: bestCount,
    installmentCentavos: priceInstallmentCentavos(amount, monthlyRate, bestCount),
    score: scoreAt(bestCount)(amount).score,
    modelVersion: model.version,
    reasons,
  };
}

/** The decision on one exact plan (checkout): the hard rules, then the model at these terms. */
export function decidePlan(model: CreditModel, applicant: Pick<CreditApplicant, 'incomeBand' | 'history'>, plan: CreditRequest, monthlyRate = DEFAULT_MONTHLY_RATE): CreditOfferResult {
  const ruleReasons = hardRuleRefusals(applicant.history, plan.financedAmountCentavos);
  const refused = (reasons: Reason[], score: number | null): CreditOfferResult => ({ approved: false, maxAmountCentavos: 0, maxInstallments: 0, installmentCentavos: 0, score, modelVersion: model.version, reasons });
  if (ruleReasons.length > 0) return refused(ruleReasons, null);
  const scored = model.scoreApplicant(applicant, plan, monthlyRate);
  if (!scored.approved) return refused(scored.reasons.length > 0 ? scored.reasons : [reason('OVERALL_RISK')], scored.score);
  return {
    approved: true,
    maxAmountCentavos: plan.financedAmountCentavos,
    maxInstallments: plan.installmentCount,
    installmentCentavos: priceInstallmentCentavos(plan.financedAmountCentavos, monthlyRate, plan.installmentCount),
    score: scored.score,
    modelVersion: model.version,
    reasons: [],
  };
}
