import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { assertCentavos, assertSignedCentavos, divideHalfUp, percentOf, roundHalfUp } from './index.js';

describe('assertCentavos', () => {
  it('returns safe non-negative integers unchanged', () => {
    for (const ok of [0, 1, 123_456, Number.MAX_SAFE_INTEGER]) expect(assertCentavos(ok)).toBe(ok);
  });
  it('throws a RangeError naming the field for fractions, negatives and unsafe numbers', () => {
    for (const bad of [0.5, -1, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1]) {
      expect(() => assertCentavos(bad, 'priceCentavos')).toThrow(RangeError);
    }
    expect(() => assertCentavos(-1, 'priceCentavos')).toThrow(/priceCentavos/);
  });
  it('the signed variant accepts negatives but not fractions', () => {
    expect(assertSignedCentavos(-100)).toBe(-100);
    expect(() => assertSignedCentavos(-1.5)).toThrow(RangeError);
  });
});

describe('roundHalfUp', () => {
  it('rounds halves up even when the product of decimals falls just below .5', () => {
    expect(1.005 * 100).toBeLessThan(100.5);
    expect(roundHalfUp(1.005 * 100)).toBe(101);
    expect(roundHalfUp(1.015 * 100)).toBe(102);
    expect(roundHalfUp(2.675 * 100)).toBe(268);
    expect(roundHalfUp(0.285 * 100)).toBe(29);
    expect(roundHalfUp(1e6 * 0.0199 + 0.5)).toBe(19_901);
  });
  it('rounds ordinary values to the nearest integer and halves away from zero', () => {
    expect(roundHalfUp(0.5)).toBe(1);
    expect(roundHalfUp(0.4999)).toBe(0);
    expect(roundHalfUp(2.5)).toBe(3);
    expect(roundHalfUp(-2.5)).toBe(-3);
    expect(roundHalfUp(-0.4)).toBe(0);
    expect(Object.is(roundHalfUp(-0.4), 0)).toBe(true);
    expect(roundHalfUp(94.559_6)).toBe(95);
  });
  it('throws on non-finite input', () => {
    expect(() => roundHalfUp(Number.NaN)).toThrow(RangeError);
  });
  it('agrees with exact decimal rounding of n + k/1000', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 0, max: 999 }), (whole, thousandths) => {
        const expected = whole + (thousandths >= 500 ? 1 : 0);
        expect(roundHalfUp(whole + thousandths / 1000)).toBe(expected);
      }),
    );
  });
});

describe('percentOf', () => {
  it('takes basis points of an amount, half up', () => {
    expect(percentOf(10_000, 100)).toBe(100);
    expect(percentOf(12_345, 250)).toBe(309); // 308.625
    expect(percentOf(50, 100)).toBe(1); // 0.5 rounds up
    expect(percentOf(49, 100)).toBe(0);
    expect(percentOf(Number.MAX_SAFE_INTEGER, 10_000)).toBe(Number.MAX_SAFE_INTEGER);
  });
  it('divideHalfUp refuses negative numerators and non-positive denominators', () => {
    expect(divideHalfUp(5n, 2n)).toBe(3);
    expect(() => divideHalfUp(-5n, 2n)).toThrow(RangeError);
    expect(() => divideHalfUp(5n, 0n)).toThrow(RangeError);
  });
  it('rejects fractional or negative basis points', () => {
    expect(() => percentOf(100, 1.5)).toThrow(RangeError);
    expect(() => percentOf(100, -1)).toThrow(RangeError);
  });
});
