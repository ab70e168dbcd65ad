import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addMonths, daysBetween, financedWithIof, firstDueDateOnDay, iofForIndividual, presentValueByDays } from './index.js';

describe('financedWithIof', () => {
  it('finances the IOF of R$ 1.000,00 at 2 % a.m. in 12x so the patient receives the full amount', () => {
    const financed = financedWithIof({ amountCentavos: 100_000, monthlyRate: 0.02, count: 12, releaseDate: '2025-01-10', firstDueDate: '2025-02-10' });
    // Interest pro rata die: the twelve periods from 10/01/2025 are 365 days, 12.17 months of 30 days
    // (the textbook table charged 12 months: 102 096 financed, 9 654 a month).
    expect(financed.principalCentavos).toBe(102_097);
    expect(financed.iof).toEqual({ dailyCentavos: 1_709, additionalCentavos: 388, totalCentavos: 2_097 });
    expect(financed.releasedCentavos).toBe(100_000);
    expect(financed.schedule.installments.map((row) => row.paymentCentavos)).toEqual([...Array.from({ length: 11 }, () => 9_666), 9_663]);
    // 102 097 × (1.02^(31/30) − 1) = 2 110.8 for January's 31 days, 94 542 × (1.02^(28/30) − 1) = 1 763.9 for February's 28.
    expect(financed.schedule.installments.slice(0, 2).map((row) => row.interestCentavos)).toEqual([2_111, 1_764]);
  });
  it('when rounding leaves no exact fixed point, takes the smallest covering principal and releases the spare centavo', () => {
    const financed = financedWithIof({ amountCentavos: 100_008, monthlyRate: 0.02, count: 12, releaseDate: '2025-01-10', firstDueDate: '2025-02-10' });
    expect(financed.principalCentavos).toBe(102_106);
    expect(financed.iof.totalCentavos).toBe(2_097);
    expect(financed.releasedCentavos).toBe(100_009);
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
  it('for every plan, the schedule at the disclosed monthly rate by calendar days is worth the amount plus the financed IOF', () => {
    // Rates up to 5 % a.m. (crediário terms; MedPay's is 2,49 %) and a first period of 1 to ~40 days: beyond
    // that a 24× installment can fall below the first period's interest, which priceSchedule refuses (tested there).
    fc.assert(
      fc.property(
        fc.integer({ min: 10_000, max: 1e8 }),
        fc.double({ min: 0, max: 0.05, noNaN: true }),
        fc.integer({ min: 1, max: 24 }),
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        fc.integer({ min: 1, max: 28 }),
        fc.integer({ min: 1, max: 10 }),
        (amount, rate, count, releaseDate, dueDay, minFirstPeriod) => {
          const firstDueDate = firstDueDateOnDay(releaseDate, dueDay, minFirstPeriod);
          const financed = financedWithIof({ amountCentavos: amount, monthlyRate: rate, count, releaseDate, firstDueDate, dueDay });
          const rows = financed.schedule.installments;
          expect(daysBetween(releaseDate, rows[0]!.dueDate)).toBeGreaterThanOrEqual(minFirstPeriod);
          const presentValue = presentValueByDays(releaseDate, rate, rows.map((row) => ({ date: row.dueDate, amountCentavos: row.paymentCentavos })));
          // principal = amount + IOF (+ the spare centavo when no exact fixed point exists, released to the patient)
          expect(Math.abs(presentValue - financed.principalCentavos)).toBeLessThanOrEqual(count);
          expect(financed.principalCentavos - financed.iof.totalCentavos - amount).toBeLessThanOrEqual(2);
        },
      ),
    );
  });
});
