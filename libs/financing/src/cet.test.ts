import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addMonths, cet, financedWithIof, firstDueDateOnDay, priceSchedule, type PriceSchedule } from './index.js';

const paymentsOf = (schedule: PriceSchedule) => schedule.installments.map((row) => ({ date: row.dueDate, amountCentavos: row.paymentCentavos }));

describe('cet', () => {
  it('recovers the rate of single payments on a 365-day year', () => {
    expect(cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: [{ date: '2026-01-10', amountCentavos: 110_000 }] }).annualRate).toBeCloseTo(0.1, 9);
    expect(cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: [{ date: '2027-01-10', amountCentavos: 121_000 }] }).annualRate).toBeCloseTo(0.1, 9);
    expect(cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: [{ date: '2026-01-10', amountCentavos: 90_000 }] }).annualRate).toBeCloseTo(-0.1, 9);
  });
  it('is zero for a zero-interest schedule with no charges', () => {
    const schedule = priceSchedule({ principalCentavos: 100_000, monthlyRate: 0, count: 12, firstDueDate: '2025-02-10' });
    const result = cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: paymentsOf(schedule) });
    expect(Math.abs(result.annualRate)).toBeLessThan(1e-10);
    expect(Math.abs(result.monthlyRate)).toBeLessThan(1e-10);
  });
  it('is close to the nominal 2 % a.m. (26.8 % a.a.) without IOF, and higher with it', () => {
    const schedule = priceSchedule({ principalCentavos: 100_000, monthlyRate: 0.02, count: 12, firstDueDate: '2025-02-10' });
    const plain = cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: paymentsOf(schedule) });
    expect(Math.abs(plain.monthlyRate - 0.02)).toBeLessThan(0.0005);
    expect(Math.abs(plain.annualRate - 0.268)).toBeLessThan(0.007);
    expect(plain.monthlyRate).toBeCloseTo(Math.pow(1 + plain.annualRate, 1 / 12) - 1, 12);

    const financed = financedWithIof({ amountCentavos: 100_000, monthlyRate: 0.02, count: 12, releaseDate: '2025-01-10', firstDueDate: '2025-02-10' });
    const withIof = cet({ releasedCentavos: financed.releasedCentavos, releaseDate: '2025-01-10', payments: paymentsOf(financed.schedule) });
    expect(withIof.monthlyRate).toBeGreaterThan(plain.monthlyRate + 0.002);
  });
  it('throws when no rate solves the equation, and on bad input', () => {
    expect(() => cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: [] })).toThrow(/no root/);
    expect(() => cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: [{ date: '2025-01-10', amountCentavos: 200_000 }] })).toThrow(/no root/);
    expect(() => cet({ releasedCentavos: 100_000, releaseDate: '2025-01-10', payments: [{ date: '2025-01-09', amountCentavos: 1 }] })).toThrow(RangeError);
    expect(() => cet({ releasedCentavos: 0, releaseDate: '2025-01-10', payments: [{ date: '2025-02-10', amountCentavos: 1 }] })).toThrow(RangeError);
  });
  // Installments fall due at least a month after release; over a day or two the rate is ill-determined.
  it('recovers the rate any set of payments was discounted at', () => {
    const flows = fc.array(fc.record({ days: fc.integer({ min: 30, max: 2_000 }), amount: fc.integer({ min: 1, max: 1e8 }) }), { minLength: 1, maxLength: 60 });
    fc.assert(
      fc.property(flows, fc.double({ min: -0.5, max: 20, noNaN: true }), (rows, rate) => {
        const at = (days: number) => new Date(Date.UTC(2025, 0, 10) + days * 86_400_000).toISOString().slice(0, 10);
        const released = rows.reduce((sum, { days, amount }) => sum + amount * Math.pow(1 + rate, -days / 365), 0);
        // Rounding the released amount moves the rate by up to ~0.5 / (released × scale) × (1 + rate) / years:
        // below 1,000 that exceeds the tolerance at extreme rates (≈ 2,000 % a.a.) over long terms.
        fc.pre(released >= 1_000);
        // FC0 is a real number here, not centavos: scale everything by 1e4 and round to keep the test exact enough.
        const scale = 1e4;
        const result = cet({
          releasedCentavos: Math.round(released * scale),
          releaseDate: '2025-01-10',
          payments: rows.map(({ days, amount }) => ({ date: at(days), amountCentavos: amount * scale })),
        });
        expect(Math.abs(result.annualRate - rate)).toBeLessThan(1e-6 * (1 + rate));
      }),
    );
  });
  it('financing the IOF always raises the CET over the same payments without it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 1e8 }), fc.double({ min: 0, max: 0.1, noNaN: true }), fc.integer({ min: 1, max: 24 }), (amount, rate, count) => {
        const releaseDate = '2025-01-10';
        const financed = financedWithIof({ amountCentavos: amount, monthlyRate: rate, count, releaseDate, firstDueDate: addMonths(releaseDate, 1) });
        const payments = paymentsOf(financed.schedule);
        const withIof = cet({ releasedCentavos: financed.releasedCentavos, releaseDate, payments });
        const withoutIof = cet({ releasedCentavos: financed.principalCentavos, releaseDate, payments });
        expect(financed.iof.totalCentavos).toBeGreaterThan(0);
        expect(withIof.annualRate).toBeGreaterThan(withoutIof.annualRate);
      }),
    );
  });
  it('is at least the nominal rate whenever IOF is charged (first installment one month after release)', () => {
    const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.integer({ min: 10_000, max: 1e8 }), fc.double({ min: 0, max: 0.1, noNaN: true }), fc.integer({ min: 1, max: 24 }), date, (amount, rate, count, releaseDate) => {
        const financed = financedWithIof({ amountCentavos: amount, monthlyRate: rate, count, releaseDate, firstDueDate: addMonths(releaseDate, 1) });
        const result = cet({ releasedCentavos: financed.releasedCentavos, releaseDate, payments: paymentsOf(financed.schedule) });
        expect(result.monthlyRate).toBeGreaterThanOrEqual(rate);
      }),
    );
  });
  it('is computed from the real dates: an 11-day first period costs 11 days, not a month (R$ 420,00 in 2× at 2,49 % a.m.)', () => {
    const plan = (firstDueDate: string) => {
      const financed = financedWithIof({ amountCentavos: 42_000, monthlyRate: 0.0249, count: 2, releaseDate: '2026-12-04', firstDueDate });
      return { payments: paymentsOf(financed.schedule), cet: cet({ releasedCentavos: 42_000, releaseDate: '2026-12-04', payments: paymentsOf(financed.schedule) }) };
    };
    // Day 15: due 15/12 (11 days) and 15/01; day 5: due 05/01 (32 days) and 05/02. The textbook table
    // charged 219,19 + 219,20 on day 15 (CET 81,24 % a.a.) and 219,57 twice on day 5 (40,95 %).
    const day15 = plan('2026-12-15');
    const day5 = plan('2027-01-05');
    // Now 42 252 financed, 42 252 / (1.0249^(−11/30) + 1.0249^(−42/30)) = 215,89; 42 327 / (1.0249^(−32/30) + 1.0249^(−63/30)) = 220,02.
    expect(day15.payments.map((p) => p.amountCentavos)).toEqual([21_588, 21_589]);
    expect(day5.payments.map((p) => p.amountCentavos)).toEqual([22_002, 22_002]);
    expect(day15.cet.annualRate).toBeCloseTo(0.4659, 4);
    expect(day5.cet.annualRate).toBeCloseTo(0.432, 4);
  });
  // The interest is the same whatever the due day; what still moves the CET of short plans is the IOF's
  // flat 0.38 % of the amount financed, which weighs more annualized over a shorter loan.
  const dueDaySpread = fc.record({
    amount: fc.integer({ min: 30_000, max: 3_000_000 }),
    rate: fc.double({ min: 0.005, max: 0.05, noNaN: true }),
    count: fc.integer({ min: 1, max: 24 }),
    releaseDate: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  });
  const cetsByDueDay = ({ amount, rate, count, releaseDate }: { amount: number; rate: number; count: number; releaseDate: string }) =>
    Array.from({ length: 28 }, (_, index) => {
      const dueDay = index + 1;
      const financed = financedWithIof({ amountCentavos: amount, monthlyRate: rate, count, releaseDate, firstDueDate: firstDueDateOnDay(releaseDate, dueDay, 8), dueDay });
      const payments = paymentsOf(financed.schedule);
      return {
        cet: cet({ releasedCentavos: amount, releaseDate, payments }).annualRate,
        // as if the flat IOF had been paid at signing instead of financed
        withoutFlatIof: cet({ releasedCentavos: amount + financed.iof.additionalCentavos, releaseDate, payments }).annualRate,
      };
    });
  const spread = (rates: number[]) => Math.max(...rates) - Math.min(...rates);

  it('varies by less than one percentage point across the 28 due days once the flat IOF is set aside, for every count', () => {
    fc.assert(
      fc.property(dueDaySpread, (plan) => {
        expect(spread(cetsByDueDay(plan).map((row) => row.withoutFlatIof))).toBeLessThan(0.01);
      }),
      { numRuns: 25 },
    );
  });
  // Below 6 installments at 3 % a.m. the flat IOF alone spreads the CET by up to 1 point (5×: 0,98; 2×: about 5).
  it('varies by less than one percentage point across the 28 due days from 6 installments up (at up to 3 % a.m.)', () => {
    fc.assert(
      fc.property(dueDaySpread.map((plan) => ({ ...plan, rate: Math.min(plan.rate, 0.03), count: Math.max(plan.count, 6) })), (plan) => {
        expect(spread(cetsByDueDay(plan).map((row) => row.cet))).toBeLessThan(0.01);
      }),
      { numRuns: 25 },
    );
  });
});
