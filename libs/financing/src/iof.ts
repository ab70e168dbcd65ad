// IOF on credit to individuals (pessoa física): a daily rate on each installment's amortization for
// the days it is outstanding (at most 365), plus a flat additional rate on the amount financed.

import { assertCentavos, divideHalfUp, percentOf } from '@medpay/money';
import { assertDate, daysBetween } from './calendar-dates.js';

/** 0.0082 % a day, as an exact fraction: 82 / 1 000 000. */
const DAILY_RATE_NUMERATOR = 82n;
const DAILY_RATE_DENOMINATOR = 1_000_000n;
const MAX_DAYS = 365;
/** 0.38 % = 38 basis points. */
const ADDITIONAL_BASIS_POINTS = 38;

export interface IofInput {
  releaseDate: string;
  installments: readonly { dueDate: string; amortizationCentavos: number }[];
  /** The amount financed; the additional IOF is charged on it. */
  principalCentavos: number;
}

export interface Iof {
  dailyCentavos: number;
  additionalCentavos: number;
  totalCentavos: number;
}

/**
 * Each installment's daily IOF is rounded half up on its own (in exact integer arithmetic) before
 * summing, so every line of a disclosed breakdown is a whole centavo and the lines add up to the
 * total; rounding the sum instead would differ by at most half a centavo per installment.
 */
export function iofForIndividual({ releaseDate, installments, principalCentavos }: IofInput): Iof {
  assertDate(releaseDate, 'releaseDate');
  assertCentavos(principalCentavos, 'principalCentavos');
  const dailyCentavos = installments.reduce((sum, { dueDate, amortizationCentavos }, index) => {
    assertCentavos(amortizationCentavos, `installments[${index}].amortizationCentavos`);
    const days = daysBetween(releaseDate, assertDate(dueDate, `installments[${index}].dueDate`));
    if (days < 0) throw new RangeError(`installment ${index + 1} is due (${dueDate}) before the release (${releaseDate})`);
    const numerator = BigInt(amortizationCentavos) * DAILY_RATE_NUMERATOR * BigInt(Math.min(days, MAX_DAYS));
    return sum + divideHalfUp(numerator, DAILY_RATE_DENOMINATOR);
  }, 0);
  const additionalCentavos = percentOf(principalCentavos, ADDITIONAL_BASIS_POINTS);
  return { dailyCentavos, additionalCentavos, totalCentavos: dailyCentavos + additionalCentavos };
}
