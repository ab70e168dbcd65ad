// Brazilian real amounts as people write them: 'R$ 1.234,56'.

import { assertSignedCentavos } from './centavos.js';

/** 'R$ 1.234,56', '-R$ 1,00'; a plain space (not Intl's non-breaking one) so text compares simply. */
export function formatBRL(centavos: number): string {
  assertSignedCentavos(centavos);
  const magnitude = Math.abs(centavos);
  const reais = Math.floor(magnitude / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const cents = (magnitude % 100).toString().padStart(2, '0');
  return `${centavos < 0 ? '-' : ''}R$ ${reais},${cents}`;
}

// Thousands groups must be complete ('1.234'), so '1.23' (a decimal point by mistake) is rejected.
const BRL_PATTERN = /^(-)?\s*(?:R\$)?\s*(-)?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2}))?$/;

/** Accepts '1.234,56', 'R$ 1.234,56', '-R$ 1,00', '1234,5', '10' and returns centavos; throws otherwise. */
export function parseBRL(text: string): number {
  const match = BRL_PATTERN.exec(text.trim());
  if (!match || (match[1] && match[2])) throw new RangeError(`not a BRL amount: "${text}"`);
  const reais = BigInt(match[3]!.replaceAll('.', ''));
  const cents = BigInt((match[4] ?? '').padEnd(2, '0'));
  const magnitude = reais * 100n + cents;
  if (magnitude > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError(`BRL amount too large: "${text}"`);
  const value = Number(magnitude);
  return (match[1] || match[2]) && value !== 0 ? -value : value;
}
