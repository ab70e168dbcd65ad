import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { allocate, reverseProportionally } from './index.js';

const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);

describe('allocate', () => {
  it('splits evenly and gives every leftover centavo to the chosen index', () => {
    expect(allocate(100, [1, 1, 1], 0)).toEqual([34, 33, 33]);
    expect(allocate(100, [1, 1, 1], 2)).toEqual([33, 33, 34]);
    expect(allocate(1_000, [70, 20, 10], 1)).toEqual([700, 200, 100]);
    expect(allocate(5, [0, 1, 1], 1)).toEqual([0, 3, 2]);
  });
  it('rejects all-zero or negative weights, a bad index and a zero-weight remainder receiver', () => {
    expect(() => allocate(100, [0, 0], 0)).toThrow(RangeError);
    expect(() => allocate(100, [], 0)).toThrow(RangeError);
    expect(() => allocate(100, [1, -1], 0)).toThrow(RangeError);
    expect(() => allocate(100, [1, 1], 2)).toThrow(RangeError);
    expect(() => allocate(100, [1, 1], -1)).toThrow(RangeError);
    expect(() => allocate(100, [0, 1], 0)).toThrow(RangeError);
    expect(() => allocate(1.5, [1], 0)).toThrow(RangeError);
  });
  it('sums exactly; each part is within a centavo of its exact share, the receiver within length - 1', () => {
    const input = fc
      .array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 12 })
      .chain((weights) => fc.tuple(fc.constant(weights), fc.integer({ min: 0, max: weights.length - 1 })))
      .filter(([weights, index]) => weights[index]! > 0);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), input, (total, [weights, remainderTo]) => {
        const parts = allocate(total, weights, remainderTo);
        expect(sum(parts)).toBe(total);
        const weightSum = sum(weights);
        parts.forEach((part, index) => {
          expect(Number.isSafeInteger(part) && part >= 0).toBe(true);
          const exact = (total * weights[index]!) / weightSum;
          const slack = index === remainderTo ? weights.length - 1 : 0;
          expect(part).toBeGreaterThanOrEqual(Math.floor(exact + 1e-6) - 1);
          expect(part).toBeLessThanOrEqual(Math.ceil(exact - 1e-6) + slack + 1e-9);
          if (index !== remainderTo) expect(Math.abs(part - exact)).toBeLessThan(1);
        });
      }),
    );
  });
});

describe('reverseProportionally', () => {
  it('reverses a split in proportion, leftover to the named part', () => {
    const split = { clinic: 8_750, platform: 1_000, processing: 250 };
    expect(reverseProportionally(split, 10_000, 'platform')).toEqual(split);
    expect(reverseProportionally(split, 5_000, 'platform')).toEqual({ clinic: 4_375, platform: 500, processing: 125 });
    expect(reverseProportionally(split, 1, 'platform')).toEqual({ clinic: 0, platform: 1, processing: 0 });
    expect(reverseProportionally(split, 0, 'platform')).toEqual({ clinic: 0, platform: 0, processing: 0 });
  });
  it('passes leftovers on to other parts rather than push the receiver above its original', () => {
    const shares = reverseProportionally({ a: 1, b: 1, c: 1, r: 1 }, 3, 'r');
    expect(shares).toEqual({ a: 1, b: 1, c: 0, r: 1 });
    expect(reverseProportionally({ clinic: 999, platform: 0 }, 500, 'platform')).toEqual({ clinic: 500, platform: 0 });
  });
  it('rejects a refund above the total, an unknown receiver and bad parts', () => {
    expect(() => reverseProportionally({ a: 10 }, 11, 'a')).toThrow(RangeError);
    expect(() => reverseProportionally({ a: 10 }, 5, 'b' as 'a')).toThrow(RangeError);
    expect(() => reverseProportionally({ a: -1, b: 10 }, 5, 'a')).toThrow(RangeError);
  });
  it('sums exactly to the refund and never exceeds an original part', () => {
    const parts = fc.dictionary(fc.string({ minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 1e10 }), { minKeys: 1, maxKeys: 8 });
    const input = parts.chain((original) => {
      const keys = Object.keys(original);
      const total = sum(Object.values(original));
      return fc.tuple(fc.constant(original), fc.integer({ min: 0, max: total }), fc.constantFrom(...keys));
    });
    fc.assert(
      fc.property(input, ([original, refund, remainderTo]) => {
        const shares = reverseProportionally(original, refund, remainderTo);
        expect(Object.keys(shares).sort()).toEqual(Object.keys(original).sort());
        expect(sum(Object.values(shares))).toBe(refund);
        for (const key of Object.keys(original)) {
          expect(shares[key]!).toBeGreaterThanOrEqual(0);
          expect(shares[key]!).toBeLessThanOrEqual(original[key]!);
        }
      }),
    );
  });
});
