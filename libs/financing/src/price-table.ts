// Tabela Price: fixed installments, interest on the outstanding balance, rounded to the centavo, with
// the last installment absorbing the rounding so the balance closes at exactly zero. Given a release
// date, interest runs by the calendar days of each period (pro rata die) instead of whole months.

import { assertCentavos, roundHalfUp } from '@medpay/money';
import { addMonths, assertDate, daysBetween } from './calendar-dates.js';
import { assertCount, assertRate } from './validation.js';

export const MAX_INSTALLMENTS = 60;
export const MAX_MONTHLY_RATE = 0.2;

/** Below this rate 1 − (1 + i)^−n loses all precision; the first-order series is exact enough there. */
const TINY_RATE = 1e-9;

/** The unrounded Price installment PV·i / (1 − (1 + i)^−n); with no interest, PV / n. */
export function pmt(principalCentavos: number, monthlyRate: number, count: number): number {
  assertCentavos(principalCentavos, 'principalCentavos');
  if (!Number.isFinite(monthlyRate) || monthlyRate < 0) throw new RangeError(`monthlyRate must be >= 0, got ${monthlyRate}`);
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`count must be a positive integer, got ${count}`);
  if (monthlyRate < TINY_RATE) return (principalCentavos / count) * (1 + ((count + 1) * monthlyRate) / 2);
  return (principalCentavos * monthlyRate) / -Math.expm1(-count * Math.log1p(monthlyRate));
}

/** Days in the month of the pro rata die convention: a period of d calendar days grows by (1 + i)^(d / 30). */
export const DAYS_PER_MONTH = 30;

/** What a balance grows by over `days` calendar days at a monthly rate, minus one: (1 + i)^(days / 30) − 1. */
export function periodRate(monthlyRate: number, days: number): number {
  return Math.expm1((days / DAYS_PER_MONTH) * Math.log1p(monthlyRate));
}

/**
 * The unrounded equal installment for payments `daysFromRelease` calendar days after the release:
 * PV / Σ_k (1 + i)^(−t_k / 30), so the payments discounted at the monthly rate by their real days are
 * worth exactly the principal. With every t_k a multiple of 30 it is pmt().
 */
export function proRataPmt(principalCentavos: number, monthlyRate: number, daysFromRelease: readonly number[]): number {
  assertCentavos(principalCentavos, 'principalCentavos');
  if (!Number.isFinite(monthlyRate) || monthlyRate < 0) throw new RangeError(`monthlyRate must be >= 0, got ${monthlyRate}`);
  if (daysFromRelease.length === 0) throw new RangeError('at least one payment is needed');
  const discount = daysFromRelease.reduce((sum, days) => sum + Math.exp((-days / DAYS_PER_MONTH) * Math.log1p(monthlyRate)), 0);
  return principalCentavos / discount;
}

/** Present value at the release of payments on their dates, discounted at the monthly rate by calendar days (30-day month). */
export function presentValueByDays(releaseDate: string, monthlyRate: number, payments: readonly { date: string; amountCentavos: number }[]): number {
  assertDate(releaseDate, 'releaseDate');
  return payments.reduce((sum, { date, amountCentavos }) => sum + amountCentavos * Math.exp((-daysBetween(releaseDate, date) / DAYS_PER_MONTH) * Math.log1p(monthlyRate)), 0);
}

export interface PriceScheduleInput {
  principalCentavos: number;
  monthlyRate: number;
  count: number;
  /** Due date of installment 1; installment k falls k − 1 months later. */
  firstDueDate: string;
  /** Day of the month for installments 2..n (clamped to short months); defaults to firstDueDate's day. */
  dueDay?: number;
  /**
   * The day the money is released. Given, each period's interest is (1 + i)^(days / 30) − 1 over its
   * calendar days and the equal installment is solved for those real periods (proRataPmt), so the
   * monthly rate is the rate charged whatever the length of the first period. Omitted, every period
   * counts as one whole month (the textbook table).
   */
  releaseDate?: string;
}

export interface Installment {
  number: number;
  dueDate: string;
  paymentCentavos: number;
  interestCentavos: number;
  amortizationCentavos: number;
  balanceAfterCentavos: number;
}

export interface PriceSchedule {
  installments: Installment[];
  totalCentavos: number;
  totalInterestCentavos: number;
}

/**
 * Every installment but the last pays round(PMT); the last pays the remaining balance plus its
 * interest. Throws when the principal is so small against count and rate that rounding PMT would
 * overpay the balance before the end (a schedule that no one can disclose sensibly), and, pro rata,
 * when a long first period at a high rate makes an installment smaller than its own interest (the
 * balance would grow: we refuse rather than capitalize interest).
 */
export function priceSchedule({ principalCentavos, monthlyRate, count, firstDueDate, dueDay, releaseDate }: PriceScheduleInput): PriceSchedule {
  assertCentavos(principalCentavos, 'principalCentavos');
  if (principalCentavos === 0) throw new RangeError('principalCentavos must be positive');
  assertRate(monthlyRate, 'monthlyRate', MAX_MONTHLY_RATE);
  assertCount(count, 'count', 1, MAX_INSTALLMENTS);
  assertDate(firstDueDate, 'firstDueDate');
  if (dueDay !== undefined) assertCount(dueDay, 'dueDay', 1, 31);

  const dueDates = Array.from({ length: count }, (_, index) => (index === 0 ? firstDueDate : addMonths(firstDueDate, index, dueDay)));
  let daysFromRelease: number[] | undefined;
  if (releaseDate !== undefined) {
    assertDate(releaseDate, 'releaseDate');
    daysFromRelease = dueDates.map((dueDate) => daysBetween(releaseDate, dueDate));
    if (daysFromRelease[0]! < 1) throw new RangeError(`firstDueDate ${firstDueDate} must be after the release (${releaseDate})`);
  }
  const regularPayment = roundHalfUp(daysFromRelease ? proRataPmt(principalCentavos, monthlyRate, daysFromRelease) : pmt(principalCentavos, monthlyRate, count));
  const installments: Installment[] = [];
  let balance = principalCentavos;
  for (let number = 1; number <= count; number++) {
    const periodDays = daysFromRelease ? daysFromRelease[number - 1]! - (number === 1 ? 0 : daysFromRelease[number - 2]!) : DAYS_PER_MONTH;
    const interestCentavos = roundHalfUp(balance * (daysFromRelease ? periodRate(monthlyRate, periodDays) : monthlyRate));
    const isLast = number === count;
    const paymentCentavos = isLast ? balance + interestCentavos : regularPayment;
    const amortizationCentavos = paymentCentavos - interestCentavos;
    if (amortizationCentavos < 0) {
      throw new RangeError(`installment ${number} (${paymentCentavos}) does not cover the interest of its ${periodDays}-day period (${interestCentavos}) at ${monthlyRate}`);
    }
    balance -= amortizationCentavos;
    if (balance < 0) {
      throw new RangeError(`principal ${principalCentavos} is too small for ${count} installments at ${monthlyRate}: rounding overpays the balance`);
    }
    installments.push({ number, dueDate: dueDates[number - 1]!, paymentCentavos, interestCentavos, amortizationCentavos, balanceAfterCentavos: balance });
  }
  const totalCentavos = installments.reduce((sum, row) => sum + row.paymentCentavos, 0);
  return { installments, totalCentavos, totalInterestCentavos: totalCentavos - principalCentavos };
}
