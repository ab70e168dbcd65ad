// CPF (Cadastro de Pessoas Físicas): 11 digits, two mod-11 check digits.

/** Strips the mask; returns the 11 digits or null when the shape is wrong. */
function cpfDigits(input: string): string | null {
  const digits = input.replace(/[.\-\s]/g, '');
  return /^\d{11}$/.test(digits) ? digits : null;
}

function cpfCheckDigit(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits[i]) * (digits.length + 1 - i);
  const rest = (sum * 10) % 11;
  return rest === 10 ? 0 : rest;
}

export function isValidCpf(input: string): boolean {
  const digits = cpfDigits(input);
  if (!digits || /^(\d)\1{10}$/.test(digits)) return false;
  return (
    cpfCheckDigit(digits.slice(0, 9)) === Number(digits[9]) &&
    cpfCheckDigit(digits.slice(0, 10)) === Number(digits[10])
  );
}

/** The 11 digits of a valid CPF, or null. */
export function normalizeCpf(input: string): string | null {
  return isValidCpf(input) ? cpfDigits(input) : null;
}

export function formatCpf(digits: string): string {
  return digits.replace(/^(\d{3})(\d{3})(\d{3})(\d{2})$/, '$1.$2.$3-$4');
}

/** 000.000.000-00 -> ***.***.*00-00 style masking for display where the full number is not needed. */
export function maskCpf(digits: string): string {
  return `***.${digits.slice(3, 6)}.${digits.slice(6, 9)}-**`;
}

/** Completes 9 base digits with their check digits (demo data and tests). */
export function cpfFromBase(base9: string): string {
  const d1 = cpfCheckDigit(base9);
  return base9 + d1 + cpfCheckDigit(base9 + d1);
}
