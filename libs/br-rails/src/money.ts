// Amounts travel as decimal reais on the rails ('123.45' in a BR Code, 123.45 in Celcoin's JSON) and
// as integer centavos everywhere else; these are the only two crossings.

export class AmountFormatError extends Error {}

/** 12345 -> '123.45' */
export function centavosToDecimal(centavos: number): string {
  if (!Number.isSafeInteger(centavos) || centavos < 0) throw new AmountFormatError(`Amount must be a non-negative integer number of centavos, got ${centavos}`);
  const text = String(centavos).padStart(3, '0');
  return `${text.slice(0, -2)}.${text.slice(-2)}`;
}

/**
 * '123.45', '123.4', '123' or the JSON number 123.45 -> 12345. A number is read through its shortest
 * decimal representation (what JSON.stringify wrote), so 0.1 + 0.2 style noise is refused, not rounded.
 */
export function decimalToCentavos(value: string | number): number {
  const text = typeof value === 'number' && Number.isFinite(value) ? String(value) : value;
  const match = typeof text === 'string' ? /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(text.trim()) : null;
  if (!match) throw new AmountFormatError(`Not a decimal amount with at most two decimal places: ${JSON.stringify(value)}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
