// Crediário with the IOF financed: the tax is added to the principal instead of being deducted from
// the amount released, so the patient receives the full amount and the clinic the full price. Interest
// runs pro rata die from the release date (see priceSchedule's releaseDate).

import { assertCentavos } from '@medpay/money';
import { iofForIndividual, type Iof } from './iof.js';
import { priceSchedule, type PriceSchedule } from './price-table.js';

export interface FinancedWithIofInput {
  /** What the patient needs (the procedure price paid to the clinic). */
  amountCentavos: number;
  monthlyRate: number;
  count: number;
  releaseDate: string;
  firstDueDate: string;
  dueDay?: number;
}

export interface FinancedWithIof {
  /** The amount financed: the amount released plus the IOF on this very schedule. */
  principalCentavos: number;
  /**
   * principal − IOF, what the patient effectively receives (FC0 of the CET). Equals amountCentavos
   * whenever an exact fixed point exists (the usual case); otherwise it exceeds it by the spare
   * centavo(s) explained at financedWithIof, and the caller decides where they go.
   */
  releasedCentavos: number;
  iof: Iof;
  schedule: PriceSchedule;
}

const MAX_ITERATIONS = 100;
/** How far around a cycle to look for an exact fixed point or the smallest covering principal. */
const SEARCH_WINDOW = 8;

interface Candidate {
  principalCentavos: number;
  iof: Iof;
  schedule: PriceSchedule;
}

/**
 * Solves P = amount + IOF(schedule of P) by fixed-point iteration from P = amount. IOF is a few
 * percent of P, so the iteration contracts and usually stops on an exact centavo fixed point in a
 * handful of steps. Because each installment's IOF is rounded on its own, IOF(P + 1) can be IOF(P) − 1,
 * and then no exact fixed point exists and the iteration cycles between neighbours. In that case we
 * look around the cycle: an exact fixed point if there is one, else the smallest P with
 * amount + IOF(P) ≤ P. The IOF stays exactly what the schedule yields (no tax misreported) and the
 * spare P − amount − IOF(P) shows up in releasedCentavos. Up to 10 % a.m. and 24× that happens in
 * about 2 % of contracts, nearly always 1 centavo (rarely 2); at the extremes (20 % a.m., 60×), where the
 * last installment amplifies rounding, a few centavos.
 */
export function financedWithIof(input: FinancedWithIofInput): FinancedWithIof {
  const { amountCentavos, releaseDate } = input;
  assertCentavos(amountCentavos, 'amountCentavos');
  if (amountCentavos === 0) throw new RangeError('amountCentavos must be positive');
  const evaluate = (principalCentavos: number): Candidate => {
    // The release date makes the schedule pro rata die: a first period shorter or longer than a month
    // is charged for its real days, so the disclosed monthly rate is the rate the patient pays.
    const { monthlyRate, count, firstDueDate, dueDay } = input;
    const schedule = priceSchedule({ principalCentavos, monthlyRate, count, firstDueDate, dueDay, releaseDate });
    const iof = iofForIndividual({ releaseDate, installments: schedule.installments, principalCentavos });
    return { principalCentavos, iof, schedule };
  };
  const target = (candidate: Candidate) => amountCentavos + candidate.iof.totalCentavos;

  const visited = new Set<number>();
  let candidate = evaluate(amountCentavos);
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const next = target(candidate);
    if (next === candidate.principalCentavos) return result(candidate);
    visited.add(candidate.principalCentavos);
    if (visited.has(next)) return result(resolveCycle(evaluate, target, Math.min(next, candidate.principalCentavos), Math.max(next, candidate.principalCentavos)));
    candidate = evaluate(next);
  }
  throw new RangeError(`financed IOF did not converge for ${amountCentavos} centavos`);
}

function resolveCycle(
  evaluate: (principalCentavos: number) => Candidate,
  target: (candidate: Candidate) => number,
  low: number,
  high: number,
): Candidate {
  let covering: Candidate | undefined;
  for (let principal = Math.max(1, low - SEARCH_WINDOW); principal <= high + SEARCH_WINDOW; principal++) {
    const candidate = evaluate(principal);
    const needed = target(candidate);
    if (needed === principal) return candidate;
    if (needed < principal && !covering) covering = candidate;
  }
  if (!covering) throw new RangeError('financed IOF did not converge');
  return covering;
}

function result({ principalCentavos, iof, schedule }: Candidate): FinancedWithIof {
  return { principalCentavos, releasedCentavos: principalCentavos - iof.totalCentavos, iof, schedule };
}
