// Calendar days in America/Sao_Paulo for reports: a period given as YYYY-MM-DD days (both inclusive)
// becomes a half-open range of instants, and instants fall into day or week buckets. Brazil has kept
// UTC−03:00 all year since 2019 (no daylight saving), so a day starts at 03:00 UTC.
import { PaymentsError } from '../errors.js';
import { todayInSaoPaulo } from '../checkout/plans.js';

const DAY_MS = 86_400_000;
const OFFSET = '-03:00';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type Interval = 'DAY' | 'WEEK';

export interface Period {
  /** first day, YYYY-MM-DD */
  from: string;
  /** last day, YYYY-MM-DD (inclusive) */
  to: string;
  start: Date;
  /** exclusive: the start of the day after `to` */
  end: Date;
}

export const dayOf = (instant: Date): string => todayInSaoPaulo(instant);
export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00${OFFSET}`);
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function parseDay(value: string, field: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new PaymentsError('BAD_USER_INPUT', 'Informe a data no formato AAAA-MM-DD.', { field });
  }
  return value;
}

/** A validated period of at most `maxDays` days. */
export function period(from: string, to: string, maxDays = 366): Period {
  parseDay(from, 'from');
  parseDay(to, 'to');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1) throw new PaymentsError('BAD_USER_INPUT', 'A data final deve ser igual ou posterior à inicial.', { field: 'to' });
  if (days > maxDays) throw new PaymentsError('BAD_USER_INPUT', `O período pode ter no máximo ${maxDays} dias.`, { field: 'to' });
  return { from, to, start: startOfDay(from), end: startOfDay(addDays(to, 1)) };
}

/** Optional bounds of a filter: each day validated, `to` inclusive. */
export function createdBetween(from?: string | null, to?: string | null): { gte?: Date; lt?: Date } | undefined {
  if (!from && !to) return undefined;
  return { ...(from ? { gte: startOfDay(parseDay(from, 'from')) } : {}), ...(to ? { lt: startOfDay(addDays(parseDay(to, 'to'), 1)) } : {}) };
}

/** The first day of the bucket a day falls in; weeks start on Monday. */
export function bucketOf(day: string, interval: Interval): string {
  if (interval === 'DAY') return day;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Every bucket of a period, in order (the first may start before `from` for weeks). */
export function bucketsOf(range: Period, interval: Interval): string[] {
  const buckets: string[] = [];
  for (let day = bucketOf(range.from, interval); day <= range.to; day = addDays(day, interval === 'DAY' ? 1 : 7)) buckets.push(day);
  return buckets;
}
