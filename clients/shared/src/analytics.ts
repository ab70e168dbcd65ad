// What the analytics screens (the clinic's "Análises", the admin's "Plataforma") share: the period
// they ask for and its validation, and how their figures are written in pt-BR.
import { formatBRL } from '@medpay/money';
import { addDays, formatDate, todayInSaoPaulo } from './format';
import type { AnalyticsInterval, AnalyticsPaymentMethod } from './graphql/graphql';

/** The longest period the analytics subgraph answers for, both ends included. */
export const MAX_PERIOD_DAYS = 366;

export type PeriodPreset = 'LAST_30_DAYS' | 'LAST_90_DAYS' | 'THIS_YEAR' | 'CUSTOM';

export interface AnalyticsPeriod {
  preset: PeriodPreset;
  /** YYYY-MM-DD in America/Sao_Paulo, both inclusive */
  from: string;
  to: string;
  interval: AnalyticsInterval;
}

export const presetLabel: Record<PeriodPreset, string> = {
  LAST_30_DAYS: 'Últimos 30 dias',
  LAST_90_DAYS: 'Últimos 90 dias',
  THIS_YEAR: 'Este ano',
  CUSTOM: 'Personalizado',
};

export const intervalLabel: Record<AnalyticsInterval, string> = { DAY: 'Dia', WEEK: 'Semana', MONTH: 'Mês' };

/** The dates of a preset as of `today`; a custom period keeps the dates it has. */
export function presetRange(preset: Exclude<PeriodPreset, 'CUSTOM'>, today = todayInSaoPaulo()): { from: string; to: string } {
  if (preset === 'LAST_30_DAYS') return { from: addDays(today, -29), to: today };
  if (preset === 'LAST_90_DAYS') return { from: addDays(today, -89), to: today };
  return { from: `${today.slice(0, 4)}-01-01`, to: today };
}

/** A grouping that gives a readable number of points for the preset. */
export const suggestedInterval: Record<Exclude<PeriodPreset, 'CUSTOM'>, AnalyticsInterval> = { LAST_30_DAYS: 'DAY', LAST_90_DAYS: 'WEEK', THIS_YEAR: 'MONTH' };

export function defaultPeriod(today = todayInSaoPaulo()): AnalyticsPeriod {
  return { preset: 'LAST_30_DAYS', ...presetRange('LAST_30_DAYS', today), interval: 'DAY' };
}

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const isCalendarDay = (value: string) => CALENDAR_DAY.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;

/** Days from `from` to `to`, both included. */
export const periodDays = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Why the period cannot be asked for, in Portuguese; null when it can. */
export function periodError({ from, to }: { from: string; to: string }): string | null {
  if (!from || !to) return 'Informe a data inicial e a data final.';
  if (!isCalendarDay(from) || !isCalendarDay(to)) return 'Informe datas válidas (dd/mm/aaaa).';
  if (from > to) return 'A data inicial deve ser anterior ou igual à data final.';
  const days = periodDays(from, to);
  if (days > MAX_PERIOD_DAYS) return `O período pode ter no máximo ${MAX_PERIOD_DAYS} dias; o escolhido tem ${days.toLocaleString('pt-BR')}.`;
  return null;
}

export const analyticsMethodLabel: Record<AnalyticsPaymentMethod, string> = {
  PIX: 'PIX',
  BOLETO: 'Boleto',
  CARD: 'Cartão à vista',
  CARD_INSTALLMENTS: 'Cartão parcelado',
  CREDIARIO: 'Crediário',
};

/** The methods in the order the screens list them, with a color each for the charts. */
export const ANALYTICS_METHODS: readonly { method: AnalyticsPaymentMethod; color: string }[] = [
  { method: 'PIX', color: '#0b6e4f' },
  { method: 'BOLETO', color: '#4d5b68' },
  { method: 'CARD', color: '#1f5fa8' },
  { method: 'CARD_INSTALLMENTS', color: '#6b4fa3' },
  { method: 'CREDIARIO', color: '#b07800' },
];

/**
 * Money from the analytics subgraph: centavos typed Float (its sums pass Int's range) that are whole
 * numbers; rounded anyway, since the one money formatter refuses fractions of a centavo.
 */
export const formatCentavos = (centavos: number) => formatBRL(Math.round(centavos));

const compactBRL = new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL', notation: 'compact', minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** Short amounts for chart axes: 'R$ 1,2 mil', 'R$ 3,4 mi'. Tables and tooltips show the exact value. */
export const formatCentavosCompact = (centavos: number) => compactBRL.format(Math.round(centavos) / 100).replace(/\u00a0/g, ' ');

/** 0.1234 → '12,3 %' */
export const formatShare = (rate: number) => `${(rate * 100).toLocaleString('pt-BR', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} %`;

export const formatCount = (count: number) => count.toLocaleString('pt-BR');

/** '1 reembolsado', '2 reembolsados': a count with its word in agreement. */
export const countOf = (count: number, singular: string, plural: string) => `${formatCount(count)} ${count === 1 ? singular : plural}`;

const MONTHS = ['jan', 'fev', 'mar', 'abr', 'mai', 'jun', 'jul', 'ago', 'set', 'out', 'nov', 'dez'];

/** 'YYYY-MM' or 'YYYY-MM-DD' → 'nov/2026' */
export function formatMonth(value: string): string {
  const [year, month] = value.split('-');
  return `${MONTHS[Number(month) - 1]}/${year}`;
}

/** A series point's label in a table: the day, the week that starts on it, or the month. */
export function formatPeriodStart(periodStart: string, interval: AnalyticsInterval): string {
  if (interval === 'MONTH') return formatMonth(periodStart);
  if (interval === 'WEEK') return `Semana de ${formatDate(periodStart)}`;
  return formatDate(periodStart);
}

/** A series point's label on a chart axis: dd/mm, or the month. */
export function formatPeriodTick(periodStart: string, interval: AnalyticsInterval): string {
  return interval === 'MONTH' ? formatMonth(periodStart) : formatDate(periodStart).slice(0, 5);
}

/** Response times: '12,3 ms', '1,25 s'. */
export function formatMilliseconds(ms: number): string {
  if (ms >= 1000) return `${(ms / 1000).toLocaleString('pt-BR', { maximumFractionDigits: 2 })} s`;
  return `${ms.toLocaleString('pt-BR', { maximumFractionDigits: 1 })} ms`;
}

/** How far behind analytics is: 'em dia', '45 s', '3 min 20 s', '2 h 5 min'. */
export function formatLag(seconds: number): string {
  const whole = Math.round(seconds);
  if (whole <= 0) return 'em dia';
  if (whole < 60) return `${whole} s`;
  if (whole < 3600) return `${Math.floor(whole / 60)} min${whole % 60 ? ` ${whole % 60} s` : ''}`;
  const minutes = Math.floor((whole % 3600) / 60);
  return `${Math.floor(whole / 3600)} h${minutes ? ` ${minutes} min` : ''}`;
}
