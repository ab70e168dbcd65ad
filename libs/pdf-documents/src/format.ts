// pt-BR text of the figures a document shows: money from centavos, dates as dd/mm/aaaa, percentages
// with a decimal comma, CPF in full or masked, CNPJ and addresses. Nothing here depends on the ICU
// data of the Node build (only Intl's numeric date parts), so a document's bytes can be recomputed.
import { formatCnpj, formatCpf, maskCpf } from '@medpay/br-documents';
import { formatBRL } from '@medpay/money';

export { formatBRL as formatMoney };

const TIME_ZONE = 'America/Sao_Paulo';
const instantParts = new Intl.DateTimeFormat('en-US', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

function saoPaulo(instant: Date) {
  const parts = Object.fromEntries(instantParts.formatToParts(instant).map((part) => [part.type, part.value]));
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** '2026-10-05' → '05/10/2026' (a calendar day, as due dates are kept) */
export function formatDay(day: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${day}`);
  return `${match[3]}/${match[2]}/${match[1]}`;
}

/** The day of an instant in São Paulo: '05/10/2026' */
export function formatDate(instant: Date): string {
  const { year, month, day } = saoPaulo(instant);
  return `${day}/${month}/${year}`;
}

/** An instant in São Paulo: '05/10/2026 às 14:03 (horário de Brasília)' */
export function formatDateTime(instant: Date): string {
  const { year, month, day, hour, minute } = saoPaulo(instant);
  return `${day}/${month}/${year} às ${hour}:${minute} (horário de Brasília)`;
}

const MONTHS = ['janeiro', 'fevereiro', 'março', 'abril', 'maio', 'junho', 'julho', 'agosto', 'setembro', 'outubro', 'novembro', 'dezembro'];

/** '2026-10' → 'outubro de 2026' */
export function formatMonth(month: string): string {
  const match = /^(\d{4})-(\d{2})$/.exec(month);
  const name = match ? MONTHS[Number(match[2]) - 1] : undefined;
  if (!match || !name) throw new RangeError(`not a month (YYYY-MM): ${month}`);
  return `${name} de ${match[1]}`;
}

const groupThousands = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, '.');

/** A decimal number the Brazilian way: 1234.5 → '1.234,50' (half away from zero at `fractionDigits`). */
export function formatDecimal(value: number, fractionDigits = 2): string {
  if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
  const scale = 10 ** fractionDigits;
  // Round on the decimal text, not the binary value: 2.675 → 2,68 as a person expects.
  const text = String(Math.abs(value));
  const scaled = text.includes('e') ? Math.round(Math.abs(value) * scale) : Math.round(Number(`${text}e${fractionDigits}`));
  const whole = Math.floor(scaled / scale).toString();
  const fraction = (scaled % scale).toString().padStart(fractionDigits, '0');
  const sign = value < 0 && scaled !== 0 ? '-' : '';
  return `${sign}${groupThousands(whole)}${fractionDigits > 0 ? `,${fraction}` : ''}`;
}

/** A rate as a percentage: 0.0249 → '2,49%' */
export const formatPercent = (rate: number, fractionDigits = 2) => `${formatDecimal(rate * 100, fractionDigits)}%`;

/** Basis points as a percentage: 400 → '4,00%' */
export const formatBasisPoints = (basisPoints: number) => formatPercent(basisPoints / 10_000);

/** The full CPF, for the parties of a legal instrument: '529.982.247-25' */
export const formatCpfFull = (digits: string) => formatCpf(digits);

/** The CPF as receipts show it (LGPD: the least that identifies): '***.982.247-**' */
export const formatCpfMasked = (digits: string) => maskCpf(digits);

export const formatCnpjText = (characters: string) => formatCnpj(characters);

export interface Address {
  street: string;
  number: string;
  complement?: string | undefined;
  district: string;
  city: string;
  /** two-letter state code */
  state: string;
  /** 8 digits */
  postalCode: string;
}

/** 'Av. Paulista, 1000, conj. 101 — Bela Vista, São Paulo/SP, CEP 01310-100' */
export function formatAddress(address: Address): string {
  const postal = address.postalCode.replace(/^(\d{5})(\d{3})$/, '$1-$2');
  const line = [address.street, address.number, address.complement].filter(Boolean).join(', ');
  return `${line} — ${address.district}, ${address.city}/${address.state}, CEP ${postal}`;
}
