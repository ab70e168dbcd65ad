// Boleto (FEBRABAN): the 44-digit barcode and the 47-digit linha digitável a payer types, with the
// due-date factor that restarted at 1000 on 2025-02-22.
import { daysFromIsoDate, isoDateFromDays, isoDateInSaoPaulo } from './dates.js';

export type BoletoCheck = 'field 1' | 'field 2' | 'field 3' | 'general';

/** A boleto that is malformed or whose check digit does not match; `check` names the digit when one failed. */
export class BoletoError extends Error {
  constructor(
    message: string,
    readonly check?: BoletoCheck,
  ) {
    super(message);
  }
}

export interface BoletoFields {
  /** the issuing bank's three-digit code (e.g. '341') */
  bankCode: string;
  amountCentavos: number;
  /** YYYY-MM-DD; null only when decoding a boleto without due date (factor 0000) */
  dueDate: string | null;
  /** 25 digits defined by the issuing bank */
  freeField: string;
}

export interface EncodedBoleto {
  /** 44 digits */
  barcode: string;
  /** linha digitável, 47 digits */
  line: string;
}

const FACTOR_BASE = daysFromIsoDate('1997-10-07');
const CYCLE = 9000;
/** The currency code for reais. */
const REAL = '9';

/** Due-date factor of a date from 2000-07-03 on (factor 1000 in the first cycle); wraps 9999 -> 1000. */
export function dueDateFactor(date: string): number {
  const days = daysFromIsoDate(date) - FACTOR_BASE;
  if (days < 1000) throw new BoletoError(`Due date ${date} is before the first date a factor can express (2000-07-03)`);
  return ((days - 1000) % CYCLE) + 1000;
}

/** The date a factor stands for, in whichever cycle lies nearest to `today` (YYYY-MM-DD). */
export function dateFromFactor(factor: number, today: string = isoDateInSaoPaulo()): string {
  if (!Number.isInteger(factor) || factor < 1000 || factor > 9999) throw new BoletoError(`Due-date factor must be between 1000 and 9999, got ${factor}`);
  const first = FACTOR_BASE + factor;
  const cycles = Math.max(0, Math.round((daysFromIsoDate(today) - first) / CYCLE));
  return isoDateFromDays(first + cycles * CYCLE);
}

/** Mod 10 with weights 2, 1, 2, 1… from the right, digits of each product summed. */
export function mod10(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 2; i >= 0; i--, weight = 3 - weight) {
    const product = Number(digits[i]) * weight;
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/** The barcode's general check digit: mod 11, weights 2..9 cycling from the right; 0, 10 and 11 become 1. */
export function mod11(digits: string): number {
  let sum = 0;
  for (let i = digits.length - 1, weight = 2; i >= 0; i--, weight = weight === 9 ? 2 : weight + 1) sum += Number(digits[i]) * weight;
  const result = 11 - (sum % 11);
  return result === 0 || result === 10 || result === 11 ? 1 : result;
}

function assertDigits(value: string, length: number, name: string) {
  if (!new RegExp(`^\\d{${length}}$`).test(value)) throw new BoletoError(`${name} must be ${length} digits`);
}

export function encodeBoleto(fields: { bankCode: string; amountCentavos: number; dueDate: string; freeField: string }): EncodedBoleto {
  assertDigits(fields.bankCode, 3, 'bankCode');
  assertDigits(fields.freeField, 25, 'freeField');
  if (!Number.isSafeInteger(fields.amountCentavos) || fields.amountCentavos < 0 || fields.amountCentavos > 9_999_999_999) {
    throw new BoletoError(`amountCentavos must be an integer from 0 to 9999999999, got ${fields.amountCentavos}`);
  }
  const factor = String(dueDateFactor(fields.dueDate));
  const amount = String(fields.amountCentavos).padStart(10, '0');
  const withoutCheck = fields.bankCode + REAL + factor + amount + fields.freeField;
  const barcode = withoutCheck.slice(0, 4) + mod11(withoutCheck) + withoutCheck.slice(4);
  return { barcode, line: lineFromBarcode(barcode) };
}

/** Rearranges a barcode into the linha digitável, adding the three field check digits. */
export function lineFromBarcode(barcode: string): string {
  assertDigits(barcode, 44, 'A barcode');
  const free = barcode.slice(19);
  const field1 = barcode.slice(0, 4) + free.slice(0, 5);
  const field2 = free.slice(5, 15);
  const field3 = free.slice(15, 25);
  return field1 + mod10(field1) + field2 + mod10(field2) + field3 + mod10(field3) + barcode[4] + barcode.slice(5, 19);
}

/** Checks the three field check digits of a line and rearranges it into the barcode. */
export function barcodeFromLine(line: string): string {
  assertDigits(line, 47, 'A linha digitável');
  const fields: Array<[BoletoCheck, string, string]> = [
    ['field 1', line.slice(0, 9), line[9]!],
    ['field 2', line.slice(10, 20), line[20]!],
    ['field 3', line.slice(21, 31), line[31]!],
  ];
  for (const [name, digits, check] of fields) {
    const expected = mod10(digits);
    if (Number(check) !== expected) throw new BoletoError(`Boleto ${name} check digit is wrong: expected ${expected}, found ${check}`, name);
  }
  return line.slice(0, 4) + line[32] + line.slice(33, 47) + line.slice(4, 9) + line.slice(10, 20) + line.slice(21, 31);
}

/**
 * Reads a linha digitável (47 digits) or barcode (44), with or without dots and spaces, checking every
 * check digit. `today` picks the due-date factor's cycle.
 */
export function decodeBoleto(lineOrBarcode: string, today: string = isoDateInSaoPaulo()): BoletoFields {
  const digits = lineOrBarcode.replace(/[\s.\-]/g, '');
  if (!/^\d+$/.test(digits)) throw new BoletoError('A boleto line or barcode holds only digits (dots and spaces allowed)');
  if (digits.length !== 44 && digits.length !== 47) throw new BoletoError(`A boleto has 47 digits (linha digitável) or 44 (barcode), got ${digits.length}`);
  const barcode = digits.length === 47 ? barcodeFromLine(digits) : digits;
  const generalExpected = mod11(barcode.slice(0, 4) + barcode.slice(5));
  if (Number(barcode[4]) !== generalExpected) throw new BoletoError(`Boleto general check digit is wrong: expected ${generalExpected}, found ${barcode[4]}`, 'general');
  if (barcode[3] !== REAL) throw new BoletoError(`Boleto currency code is ${barcode[3]}; only 9 (reais) is supported`);
  const factor = Number(barcode.slice(5, 9));
  return {
    bankCode: barcode.slice(0, 3),
    amountCentavos: Number(barcode.slice(9, 19)),
    dueDate: factor === 0 ? null : dateFromFactor(factor, today),
    freeField: barcode.slice(19),
  };
}
