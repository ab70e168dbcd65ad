// Small input helpers shared by the clinic and procedure rules.
import { ProvidersError } from './errors.js';

/** Ids are UUIDs (the kit's one check). */
export { isUuid } from '@medpay/runtime';

/** Trims and collapses inner whitespace. */
export const cleanText = (value: string): string => value.trim().replace(/\s+/g, ' ');

/** Lower-case and without accents, for case- and accent-insensitive matching ("São Paulo" = "sao paulo"). */
export const fold = (value: string): string => cleanText(value).normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** A required one-line text of at most `max` characters, cleaned. */
export function requiredText(value: string, field: string, message: string, max = 120): string {
  const cleaned = cleanText(value);
  if (cleaned.length === 0 || cleaned.length > max) throw new ProvidersError('BAD_USER_INPUT', message, { field });
  return cleaned;
}

export function integerBetween(value: number, min: number, max: number, field: string, message: string): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new ProvidersError('BAD_USER_INPUT', message, { field });
  return value;
}
