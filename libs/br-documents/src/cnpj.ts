// CNPJ: 12 base characters (digits, or [0-9A-Z] since IN RFB 2.229/2024) and two numeric
// mod-11 check digits; each character is valued ASCII - 48, so digits keep their value.

const WEIGHTS_1 = [5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];
const WEIGHTS_2 = [6, 5, 4, 3, 2, 9, 8, 7, 6, 5, 4, 3, 2];

function cnpjCharacters(input: string): string | null {
  const chars = input.replace(/[.\/\-\s]/g, '').toUpperCase();
  return /^[0-9A-Z]{12}\d{2}$/.test(chars) ? chars : null;
}

function cnpjCheckDigit(chars: string, weights: number[]): number {
  let sum = 0;
  for (let i = 0; i < chars.length; i++) sum += (chars.charCodeAt(i) - 48) * weights[i]!;
  const rest = sum % 11;
  return rest < 2 ? 0 : 11 - rest;
}

export function isValidCnpj(input: string): boolean {
  const chars = cnpjCharacters(input);
  if (!chars || /^(\d)\1{13}$/.test(chars)) return false;
  return (
    cnpjCheckDigit(chars.slice(0, 12), WEIGHTS_1) === Number(chars[12]) &&
    cnpjCheckDigit(chars.slice(0, 13), WEIGHTS_2) === Number(chars[13])
  );
}

/** The 14 unmasked, upper-case characters of a valid CNPJ, or null. */
export function normalizeCnpj(input: string): string | null {
  return isValidCnpj(input) ? cnpjCharacters(input) : null;
}

export function formatCnpj(chars: string): string {
  return chars.replace(/^(.{2})(.{3})(.{3})(.{4})(.{2})$/, '$1.$2.$3/$4-$5');
}

/** Completes 12 base characters with their check digits (demo data and tests). */
export function cnpjFromBase(base12: string): string {
  const upper = base12.toUpperCase();
  const d1 = cnpjCheckDigit(upper, WEIGHTS_1);
  return upper + d1 + cnpjCheckDigit(upper + d1, WEIGHTS_2);
}
