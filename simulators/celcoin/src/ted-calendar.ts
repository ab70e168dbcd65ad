// TED's timing, as SPB runs it: transfers go out on business days until 17:00 in Brasília; one asked
// for after the cut-off, on a weekend or on a national holiday settles on the next business day.

/** National holidays (and Carnival, when the SPB does not run) of the years the simulator serves. */
const HOLIDAYS = new Set([
  '2026-01-01', '2026-02-16', '2026-02-17', '2026-04-03', '2026-04-21', '2026-05-01', '2026-06-04', '2026-09-07',
  '2026-10-12', '2026-11-02', '2026-11-15', '2026-11-20', '2026-12-25',
  '2027-01-01', '2027-02-08', '2027-02-09', '2027-03-26', '2027-04-21', '2027-05-01', '2027-05-27', '2027-09-07',
  '2027-10-12', '2027-11-02', '2027-11-15', '2027-11-20', '2027-12-25',
]);
export const TED_CUTOFF_HOUR = 17;

/** The instant in Brasília (UTC−03:00, no daylight saving since 2019) as a date and an hour. */
function brasilia(instant: Date): { day: string; hour: number } {
  const local = new Date(instant.getTime() - 3 * 3_600_000);
  return { day: local.toISOString().slice(0, 10), hour: local.getUTCHours() };
}

export function isBusinessDay(day: string): boolean {
  const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(day);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T12:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** The business day a TED asked for at `instant` settles on: D+0 before the cut-off, otherwise the next. */
export function tedSettlementDay(instant: Date): string {
  const { day, hour } = brasilia(instant);
  if (isBusinessDay(day) && hour < TED_CUTOFF_HOUR) return day;
  let next = nextDay(day);
  while (!isBusinessDay(next)) next = nextDay(next);
  return next;
}

/** When the SPB window opens on a business day (06:30 in Brasília). */
export function windowOpens(day: string): Date {
  return new Date(`${day}T06:30:00-03:00`);
}
