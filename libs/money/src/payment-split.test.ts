import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { splitPayment } from './index.js';

describe('splitPayment', () => {
  it('takes the fee half up and the clinic keeps the rest', () => {
    expect(splitPayment({ grossCentavos: 12_345, platformFeeBasisPoints: 250, processingCostCentavos: 99 })).toEqual({
      grossCentavos: 12_345,
      platformFeeCentavos: 309,
      processingCostCentavos: 99,
      clinicNetCentavos: 11_937,
    });
  });
  it('throws when fee and cost exceed the gross', () => {
    expect(() => splitPayment({ grossCentavos: 100, platformFeeBasisPoints: 5_000, processingCostCentavos: 51 })).toThrow(RangeError);
    expect(splitPayment({ grossCentavos: 100, platformFeeBasisPoints: 5_000, processingCostCentavos: 50 }).clinicNetCentavos).toBe(0);
  });
  it('always sums to the gross', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e12 }), fc.integer({ min: 0, max: 3_000 }), fc.integer({ min: 0, max: 10_000 }), (gross, bp, cost) => {
        fc.pre(cost <= gross / 2);
        const split = splitPayment({ grossCentavos: gross, platformFeeBasisPoints: bp, processingCostCentavos: cost });
        expect(split.platformFeeCentavos + split.processingCostCentavos + split.clinicNetCentavos).toBe(gross);
      }),
    );
  });
});
