import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { formatBRL, parseBRL } from './index.js';

describe('formatBRL', () => {
  it('groups thousands with dots, uses a comma and a plain space', () => {
    expect(formatBRL(123_456)).toBe('R$ 1.234,56');
    expect(formatBRL(0)).toBe('R$ 0,00');
    expect(formatBRL(5)).toBe('R$ 0,05');
    expect(formatBRL(100_000_000)).toBe('R$ 1.000.000,00');
    expect(formatBRL(-100)).toBe('-R$ 1,00');
    expect(formatBRL(99_999)).toBe('R$ 999,99');
  });
  it('rejects fractions of a centavo', () => {
    expect(() => formatBRL(1.5)).toThrow(RangeError);
  });
});

describe('parseBRL', () => {
  it('accepts the usual ways of writing an amount', () => {
    expect(parseBRL('1.234,56')).toBe(123_456);
    expect(parseBRL('R$ 1.234,56')).toBe(123_456);
    expect(parseBRL('R$1.234,56')).toBe(123_456);
    expect(parseBRL('R$\u00a01.234,56')).toBe(123_456);
    expect(parseBRL('1234,5')).toBe(123_450);
    expect(parseBRL('10')).toBe(1_000);
    expect(parseBRL(' 0,07 ')).toBe(7);
    expect(parseBRL('-R$ 1,00')).toBe(-100);
    expect(parseBRL('R$ -1,00')).toBe(-100);
    expect(parseBRL('-0,00')).toBe(0);
  });
  it('throws on garbage and ambiguous separators', () => {
    for (const bad of ['', 'abc', 'R$', '1,234', '1.23', '1.234.56', '12,345', '1,2,3', '--1', '-R$ -1', '1 234', 'R$ 1.234,56x', '99999999999999999999']) {
      expect(() => parseBRL(bad)).toThrow(RangeError);
    }
  });
  it('reads back whatever formatBRL writes', () => {
    fc.assert(
      fc.property(fc.integer({ min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER }), (centavos) => {
        expect(parseBRL(formatBRL(centavos))).toBe(centavos);
      }),
    );
  });
});
