// Calendar dates ('YYYY-MM-DD') as whole days: due dates are dates in America/Sao_Paulo, not instants.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export class DateFormatError extends Error {}

/** Days since 1970-01-01 for a valid ISO calendar date; throws on '2025-02-30' and other non-dates. */
export function daysFromIsoDate(date: string): number {
  const match = ISO_DATE.exec(date);
  if (!match) throw new DateFormatError(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (isoDateFromDays(ms / DAY_MS) !== date) throw new DateFormatError(`Not a calendar date: ${date}`);
  return ms / DAY_MS;
}

export function isoDateFromDays(days: number): string {
  return new Date(days * DAY_MS).toISOString().slice(0, 10);
}

const SAO_PAULO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Sao_Paulo', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in São Paulo at `instant` (en-CA formats as YYYY-MM-DD). */
export function isoDateInSaoPaulo(instant: Date = new Date()): string {
  return SAO_PAULO_DATE.format(instant);
}
