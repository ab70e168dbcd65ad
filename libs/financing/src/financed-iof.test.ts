import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addMonths, financedWithIof, iofForIndividual } from './index.js';

describe('financedWithIof', () => {
  it('finances the IOF of R$ 1.000,00 at 2 % a.m. in 12x so the patient receives the full amount', () => {
    const financed = financedWithIof({ amountCentavos: 100_000, monthlyRate: 0.02, count: 12, releaseDate: '2025-01-10', firstDueDate: '2025-02-10' });
    // Iteration: 100 000 -> 102 054 -> 102 096 -> 102 096.
    expect(financed.principalCentavos).toBe(102_096);
    expect(financed.iof).toEqual({ dailyCentavos: 1_708, additionalCentavos: 388, totalCentavos: 2_096 });
    expect(financed.releasedCentavos).toBe(100_000);
    expect(financed.schedule.installments.map((row) => row.paymentCentavos)).toEqual([...Array.from({ length: 11 }, () => 9_654), 9_656]);
  });
  it('when rounding leaves no exact fixed point, takes the smallest covering principal and releases the spare centavo', () => {
    const financed = financedWithIof({ amountCentavos: 100_034, monthlyRate: 0.02, count: 12, releaseDate: '2025-01-10', firstDueDate: '2025-02-10' });
    expect(financed.principalCentavos).toBe(102_132);
    expect(financed.iof.totalCentavos).toBe(2_097);
    expect(financed.releasedCentavos).toBe(100_035);
  });
  it('rejects a zero amount', () => {
    expect(() => financedWithIof({ amountCentavos: 0, monthlyRate: 0.02, count: 12, releaseDate: '2025-01-10', firstDueDate: '2025-02-10' })).toThrow(RangeError);
  });
  it('principal = released + IOF of its own schedule; the patient gets the amount, at most 2 centavos more', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 1e8 }),
        fc.double({ min: 0, max: 0.1, noNaN: true }),
        fc.integer({ min: 1, max: 24 }),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        (amount, rate, count, releaseDate) => {
          const financed = financedWithIof({ amountCentavos: amount, monthlyRate: rate, count, releaseDate, firstDueDate: addMonths(releaseDate, 1) });
          const iof = iofForIndividual({ releaseDate, installments: financed.schedule.installments, principalCentavos: financed.principalCentavos });
          expect(financed.iof).toEqual(iof);
          expect(financed.principalCentavos).toBe(financed.releasedCentavos + iof.totalCentavos);
          expect(financed.releasedCentavos - amount).toBeGreaterThanOrEqual(0);
          expect(financed.releasedCentavos - amount).toBeLessThanOrEqual(2);
          expect(financed.schedule.installments.reduce((sum, row) => sum + row.amortizationCentavos, 0)).toBe(financed.principalCentavos);
        },
      ),
    );
  });
});
