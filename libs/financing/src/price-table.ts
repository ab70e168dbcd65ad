// Tabela Price: fixed installments, interest on the outstanding balance, rounded to the centavo, with
// the last installment absorbing the rounding so the balance closes at exactly zero.

import { assertCentavos, roundHalfUp } from '@medpay/money';
import { addMonths, assertDate } from './calendar-dates.js';
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

export interface PriceScheduleInput {
  principalCentavos: number;
  monthlyRate: number;
  count: number;
  /** Due date of installment 1; installment k falls k − 1 months later. */
  firstDueDate: string;
  /** Day of the month for installments 2..n (clamped to short months); defaults to firstDueDate's day. */
  dueDay?: number;
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
 * overpay the balance before the end (a schedule that no one can disclose sensibly).
 */
export function priceSchedule({ principalCentavos, monthlyRate, count, firstDueDate, dueDay }: PriceScheduleInput): PriceSchedule {
  assertCentavos(principalCentavos, 'principalCentavos');
  if (principalCentavos === 0) throw new RangeError('principalCentavos must be positive');
  assertRate(monthlyRate, 'monthlyRate', MAX_MONTHLY_RATE);
  assertCount(count, 'count', 1, MAX_INSTALLMENTS);
  assertDate(firstDueDate, 'firstDueDate');
  if (dueDay !== undefined) assertCount(dueDay, 'dueDay', 1, 31);

  const regularPayment = roundHalfUp(pmt(principalCentavos, monthlyRate, count));
  const installments: Installment[] = [];
  let balance = principalCentavos;
  for (let number = 1; number <= count; number++) {
    const interestCentavos = roundHalfUp(balance * monthlyRate);
    const isLast = number === count;
    const paymentCentavos = isLast ? balance + interestCentavos : regularPayment;
    const amortizationCentavos = paymentCentavos - interestCentavos;
    balance -= amortizationCentavos;
    if (balance < 0) {
      throw new RangeError(`principal ${principalCentavos} is too small for ${count} installments at ${monthlyRate}: rounding overpays the balance`);
    }
    const dueDate = number === 1 ? firstDueDate : addMonths(firstDueDate, number - 1, dueDay);
    installments.push({ number, dueDate, paymentCentavos, interestCentavos, amortizationCentavos, balanceAfterCentavos: balance });
  }
  const totalCentavos = installments.reduce((sum, row) => sum + row.paymentCentavos, 0);
  return { installments, totalCentavos, totalInterestCentavos: totalCentavos - principalCentavos };
}
