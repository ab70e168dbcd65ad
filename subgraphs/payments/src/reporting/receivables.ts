// Receivables over time for a clinic's chart: per day or week, what was released to it, what was
// paid out, and what escrow is expected to release (by each payment's automatic release date).
import { bucketOf, bucketsOf, dayOf, type Interval, type Period } from '@medpay/runtime';

export interface ReceivablesPoint {
  date: string;
  releasedCentavos: number;
  paidOutCentavos: number;
  expectedCentavos: number;
}

export interface ReceivablesInput {
  released: { at: Date; amountCentavos: number }[];
  paidOut: { at: Date; amountCentavos: number }[];
  /** the clinic's share of what is still held, by automatic release date */
  expected: { dueAt: Date; amountCentavos: number }[];
  /** today in America/Sao_Paulo: releases already overdue are expected today */
  today: string;
}

export function receivablesSeries(range: Period, interval: Interval, input: ReceivablesInput): ReceivablesPoint[] {
  const points = new Map(bucketsOf(range, interval).map((date) => [date, { date, releasedCentavos: 0, paidOutCentavos: 0, expectedCentavos: 0 }]));
  const add = (day: string, field: 'releasedCentavos' | 'paidOutCentavos' | 'expectedCentavos', amount: number) => {
    if (day < range.from || day > range.to) return;
    const point = points.get(bucketOf(day, interval));
    if (point) point[field] += amount;
  };
  for (const row of input.released) add(dayOf(row.at), 'releasedCentavos', row.amountCentavos);
  for (const row of input.paidOut) add(dayOf(row.at), 'paidOutCentavos', row.amountCentavos);
  for (const row of input.expected) {
    const due = dayOf(row.dueAt);
    add(due < input.today ? input.today : due, 'expectedCentavos', row.amountCentavos);
  }
  return [...points.values()];
}
