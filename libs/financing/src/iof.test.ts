import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { iofForIndividual, priceSchedule } from './index.js';

describe('iofForIndividual', () => {
  it('charges 0.0082 % a day on each amortization plus 0.38 % of the principal', () => {
    const schedule = priceSchedule({ principalCentavos: 100_000, monthlyRate: 0.02, count: 12, firstDueDate: '2025-02-10' });
    // First line by hand: 7 456 × 0.000082 × 31 days = 18.95 -> 19.
    expect(iofForIndividual({ releaseDate: '2025-01-10', installments: schedule.installments.slice(0, 1), principalCentavos: 0 }).dailyCentavos).toBe(19);
    expect(iofForIndividual({ releaseDate: '2025-01-10', installments: schedule.installments, principalCentavos: 100_000 })).toEqual({
      dailyCentavos: 1_674,
      additionalCentavos: 380,
      totalCentavos: 2_054,
    });
  });
  it('caps each installment at 365 days', () => {
    const due = (dueDate: string) => iofForIndividual({ releaseDate: '2025-01-10', installments: [{ dueDate, amortizationCentavos: 100_000 }], principalCentavos: 100_000 });
    expect(due('2026-01-10')).toEqual({ dailyCentavos: 2_993, additionalCentavos: 380, totalCentavos: 3_373 }); // 100 000 × 0.000082 × 365 = 2 993
    expect(due('2027-06-10')).toEqual(due('2026-01-10'));
    expect(due('2025-01-10').dailyCentavos).toBe(0);
  });
  it('rounds each installment on its own: two lines of 0.41 centavo make 0, not 1', () => {
    const line = { dueDate: '2025-01-11', amortizationCentavos: 5_000 }; // 5 000 × 0.000082 × 1 = 0.41
    expect(iofForIndividual({ releaseDate: '2025-01-10', installments: [line, line], principalCentavos: 0 }).dailyCentavos).toBe(0);
  });
  it('rejects an installment due before the release and bad amounts', () => {
    expect(() => iofForIndividual({ releaseDate: '2025-01-10', installments: [{ dueDate: '2025-01-09', amortizationCentavos: 1 }], principalCentavos: 1 })).toThrow(RangeError);
    expect(() => iofForIndividual({ releaseDate: '2025-01-10', installments: [{ dueDate: '2025-02-09', amortizationCentavos: -1 }], principalCentavos: 1 })).toThrow(RangeError);
  });
  it('grows with the count of installments for a fixed amount and rate', () => {
    const iofFor = (count: number) => {
      const schedule = priceSchedule({ principalCentavos: 100_000, monthlyRate: 0.02, count, firstDueDate: '2025-02-10' });
      return iofForIndividual({ releaseDate: '2025-01-10', installments: schedule.installments, principalCentavos: 100_000 }).totalCentavos;
    };
    const totals = Array.from({ length: 24 }, (_, index) => iofFor(index + 1));
    totals.slice(1).forEach((total, index) => expect(total).toBeGreaterThan(totals[index]!));
  });
  it('is non-negative and never falls when the installments fall due later (monotone in the term)', () => {
    const installment = fc.record({ offsetDays: fc.integer({ min: 0, max: 2_000 }), amortizationCentavos: fc.integer({ min: 0, max: 1e9 }) });
    fc.assert(
      fc.property(fc.array(installment, { maxLength: 60 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 1e10 }), (rows, delay, principal) => {
        const at = (offset: number) => new Date(Date.UTC(2025, 0, 10) + offset * 86_400_000).toISOString().slice(0, 10);
        const iofWith = (extra: number) =>
          iofForIndividual({
            releaseDate: '2025-01-10',
            installments: rows.map((row) => ({ dueDate: at(row.offsetDays + extra), amortizationCentavos: row.amortizationCentavos })),
            principalCentavos: principal,
          });
        const now = iofWith(0);
        expect(now.dailyCentavos).toBeGreaterThanOrEqual(0);
        expect(now.totalCentavos).toBe(now.dailyCentavos + now.additionalCentavos);
        expect(iofWith(delay).totalCentavos).toBeGreaterThanOrEqual(now.totalCentavos);
      }),
    );
  });
});
