// Custo Efetivo Total (CET), as Resolução CMN 4.881/2020 (which replaced 3.517/2007, same formula)
// defines it: the annual rate that makes the payments, discounted from their real dates on a 365-day
// year, worth exactly what the patient effectively received.
//
//   FC0 = Σ_j FCj / (1 + CET)^((dj − d0) / 365)
//
// FC0 is the amount released net of any charge paid at release, FCj the payment due on date dj and
// d0 the release date. The monthly figure is the equivalent compound rate (1 + CET)^(1/12) − 1.

import { assertCentavos } from '@medpay/money';
import { assertDate, daysBetween } from './calendar-dates.js';

export interface CetInput {
  releasedCentavos: number;
  releaseDate: string;
  payments: readonly { date: string; amountCentavos: number }[];
}

export interface Cet {
  annualRate: number;
  monthlyRate: number;
}

const TOLERANCE = 1e-10;
const MAX_ITERATIONS = 500;
/** Just above −100 % a year: the discount factor is undefined at −1. */
const LOWEST_RATE = -1 + 1e-9;
const HIGHEST_RATE = 1e12;

interface CashFlow {
  years: number;
  amount: number;
}

/** Present value of the payments minus FC0; strictly decreasing in the rate when a payment is due after release. */
function netPresentValue(flows: readonly CashFlow[], released: number, rate: number): number {
  return flows.reduce((sum, { years, amount }) => sum + amount * Math.pow(1 + rate, -years), -released);
}

function derivative(flows: readonly CashFlow[], rate: number): number {
  return flows.reduce((sum, { years, amount }) => sum - years * amount * Math.pow(1 + rate, -years - 1), 0);
}

/** Newton's method from 0 % kept inside a sign-change bracket; a step that leaves it is replaced by bisection. */
export function cet({ releasedCentavos, releaseDate, payments }: CetInput): Cet {
  assertCentavos(releasedCentavos, 'releasedCentavos');
  if (releasedCentavos === 0) throw new RangeError('releasedCentavos must be positive');
  assertDate(releaseDate, 'releaseDate');
  const flows = payments.map(({ date, amountCentavos }, index): CashFlow => {
    assertCentavos(amountCentavos, `payments[${index}].amountCentavos`);
    const days = daysBetween(releaseDate, assertDate(date, `payments[${index}].date`));
    if (days < 0) throw new RangeError(`payment ${index + 1} (${date}) is before the release (${releaseDate})`);
    return { years: days / 365, amount: amountCentavos };
  });
  const annualRate = solve((rate) => netPresentValue(flows, releasedCentavos, rate), (rate) => derivative(flows, rate));
  return { annualRate, monthlyRate: Math.pow(1 + annualRate, 1 / 12) - 1 };
}

function solve(npv: (rate: number) => number, slope: (rate: number) => number): number {
  let low = LOWEST_RATE;
  let high = 1;
  if (!(npv(low) > 0)) throw new RangeError('CET has no root: the payments are worth less than the amount released at any rate');
  while (npv(high) > 0) {
    if (high >= HIGHEST_RATE) throw new RangeError('CET has no root: the payments exceed the amount released at any rate');
    low = high;
    high *= 10;
  }
  let rate = low < 0 && high > 0 ? 0 : (low + high) / 2;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    const value = npv(rate);
    if (value === 0) return rate;
    if (value > 0) low = rate;
    else high = rate;
    const newton = rate - value / slope(rate);
    const next = Number.isFinite(newton) && newton > low && newton < high ? newton : (low + high) / 2;
    if (Math.abs(next - rate) < TOLERANCE || high - low < TOLERANCE) return next;
    rate = next;
  }
  throw new RangeError('CET did not converge');
}
