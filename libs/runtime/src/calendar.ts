// Calendar days in America/Sao_Paulo, the time zone of every report and due date: a period given as
// YYYY-MM-DD days (both inclusive) becomes a half-open range of instants, and days fall into day, week
// or month buckets. Brazil has kept UTC−03:00 all year since 2019 (no daylight saving), so a day starts
// at 03:00 UTC.
import { AppError } from './errors.js';

const DAY_MS = 86_400_000;
const OFFSET = '-03:00';
const DAY = /^\d{4}-\d{2}-\d{2}$/;

export type Interval = 'DAY' | 'WEEK' | 'MONTH';

export interface Period {
  /** first day, YYYY-MM-DD */
  from: string;
  /** last day, YYYY-MM-DD (inclusive) */
  to: string;
  start: Date;
  /** exclusive: the start of the day after `to` */
  end: Date;
}

const saoPauloDays = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day an instant falls on in America/Sao_Paulo (today by default), YYYY-MM-DD. */
export const todayInSaoPaulo = (now = new Date()): string => saoPauloDays.format(now);
export const dayOf = (instant: Date): string => todayInSaoPaulo(instant);
export const startOfDay = (day: string): Date => new Date(`${day}T00:00:00${OFFSET}`);
export const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);

function parseDay(value: string, field: string): string {
  if (!DAY.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)) || new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) !== value) {
    throw new AppError('BAD_USER_INPUT', 'Informe a data no formato AAAA-MM-DD.', { field });
  }
  return value;
}

/** A validated period of at most `maxDays` days. */
export function period(from: string, to: string, maxDays = 366): Period {
  parseDay(from, 'from');
  parseDay(to, 'to');
  const days = (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS + 1;
  if (days < 1) throw new AppError('BAD_USER_INPUT', 'A data final deve ser igual ou posterior à inicial.', { field: 'to' });
  if (days > maxDays) throw new AppError('BAD_USER_INPUT', `O período pode ter no máximo ${maxDays} dias.`, { field: 'to' });
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
  if (interval === 'MONTH') return `${day.slice(0, 7)}-01`;
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** Every bucket of a period, in order (the first may start before `from` for weeks). */
export function bucketsOf(range: Period, interval: Interval): string[] {
  const buckets: string[] = [];
  for (let day = bucketOf(range.from, interval); day <= range.to; day = nextBucket(day, interval)) buckets.push(day);
  return buckets;
}

function nextBucket(start: string, interval: Interval): string {
  if (interval === 'DAY') return addDays(start, 1);
  if (interval === 'WEEK') return addDays(start, 7);
  const [year, month] = start.split('-').map(Number) as [number, number];
  return month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
}
