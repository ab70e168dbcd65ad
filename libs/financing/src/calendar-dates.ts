// Calendar dates as 'YYYY-MM-DD' (America/Sao_Paulo calendar days). Arithmetic runs on UTC midnights
// built from the string, so no time zone or daylight-saving shift can move a due date.

const MS_PER_DAY = 86_400_000;

interface CalendarDate {
  year: number;
  month: number; // 1..12
  day: number;
}

function parseDate(date: string): CalendarDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (match) {
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`not a calendar date (YYYY-MM-DD): "${date}"`);
}

function formatDate({ year, month, day }: CalendarDate): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Throws a RangeError unless date is a real 'YYYY-MM-DD' date; returns it unchanged. */
export function assertDate(date: string, field = 'date'): string {
  try {
    parseDate(date);
  } catch {
    throw new RangeError(`${field} must be a calendar date (YYYY-MM-DD), got "${date}"`);
  }
  return date;
}

/**
 * The same day (or dueDay) `months` later, clamped to the last day of the target month:
 * 2025-01-31 + 1 -> 2025-02-28. Always count from a fixed anchor rather than chaining, so a due
 * day of 31 comes back after a short month.
 */
export function addMonths(date: string, months: number, dueDay?: number): string {
  const start = parseDate(date);
  if (!Number.isSafeInteger(months)) throw new RangeError(`months must be an integer, got ${months}`);
  if (dueDay !== undefined && (!Number.isInteger(dueDay) || dueDay < 1 || dueDay > 31)) {
    throw new RangeError(`dueDay must be 1..31, got ${dueDay}`);
  }
  const monthIndex = start.year * 12 + (start.month - 1) + months;
  const year = Math.floor(monthIndex / 12);
  const month = monthIndex - year * 12 + 1;
  const day = Math.min(dueDay ?? start.day, daysInMonth(year, month));
  return formatDate({ year, month, day });
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / MS_PER_DAY);
}

/**
 * The first date on `dueDay` (clamped to short months) at least `minDays` after `from`: the first
 * installment's due date when the patient picks a day of the month.
 */
export function firstDueDateOnDay(from: string, dueDay: number, minDays: number): string {
  if (!Number.isInteger(minDays) || minDays < 0) throw new RangeError(`minDays must be a non-negative integer, got ${minDays}`);
  // Try from's own month, then each next one; every step is about a month later, so the loop ends.
  for (let months = 0; ; months++) {
    const candidate = addMonths(`${from.slice(0, 8)}01`, months, dueDay);
    if (daysBetween(from, candidate) >= minDays) return candidate;
  }
}
