import { describe, expect, it } from '@jest/globals';
import { roundHalfUp } from '@medpay/money';
import fc from 'fast-check';
import { addMonths, daysBetween, firstDueDateOnDay, periodRate, pmt, presentValueByDays, priceSchedule, proRataPmt, type PriceSchedule, type PriceScheduleInput } from './index.js';

describe('pmt', () => {
  it('is the Tabela Price installment', () => {
    expect(pmt(100_000, 0.02, 12)).toBeCloseTo(9_455.959_662, 5);
    expect(pmt(100_000, 0.0199, 12)).toBeCloseTo(9_450.153_325, 5);
    expect(pmt(100_000, 0.1, 1)).toBeCloseTo(110_000, 8);
  });
  it('divides the principal evenly without interest, and stays finite for vanishing rates', () => {
    expect(pmt(100_000, 0, 3)).toBeCloseTo(33_333.333, 3);
    expect(pmt(100_000, 1e-300, 12)).toBeCloseTo(100_000 / 12, 6);
    expect(pmt(100_000, 1e-12, 60)).toBeCloseTo(100_000 / 60, 6);
  });
});

describe('priceSchedule', () => {
  const reference = priceSchedule({ principalCentavos: 100_000, monthlyRate: 0.02, count: 12, firstDueDate: '2025-02-10' });

  it('matches the hand-computed table for R$ 1.000,00 at 2 % a.m. in 12x', () => {
    const [first, second] = reference.installments;
    expect(first).toEqual({ number: 1, dueDate: '2025-02-10', paymentCentavos: 9_456, interestCentavos: 2_000, amortizationCentavos: 7_456, balanceAfterCentavos: 92_544 });
    expect(second).toEqual({ number: 2, dueDate: '2025-03-10', paymentCentavos: 9_456, interestCentavos: 1_851, amortizationCentavos: 7_605, balanceAfterCentavos: 84_939 });
    expect(reference.installments[10]).toMatchObject({ dueDate: '2025-12-10', interestCentavos: 367, balanceAfterCentavos: 9_269 });
    expect(reference.installments[11]).toEqual({ number: 12, dueDate: '2026-01-10', paymentCentavos: 9_454, interestCentavos: 185, amortizationCentavos: 9_269, balanceAfterCentavos: 0 });
    expect(reference.totalCentavos).toBe(113_470);
    expect(reference.totalInterestCentavos).toBe(13_470);
  });
  it('without interest, the last installment takes the leftover centavos', () => {
    const schedule = priceSchedule({ principalCentavos: 100_000, monthlyRate: 0, count: 3, firstDueDate: '2025-01-10' });
    expect(schedule.installments.map((row) => row.paymentCentavos)).toEqual([33_333, 33_333, 33_334]);
    expect(schedule.totalInterestCentavos).toBe(0);
  });
  it('keeps a due day of 31 across short months', () => {
    const dates = (input: Partial<PriceScheduleInput>) =>
      priceSchedule({ principalCentavos: 100_000, monthlyRate: 0.02, count: 4, firstDueDate: '2025-01-31', ...input }).installments.map((row) => row.dueDate);
    expect(dates({})).toEqual(['2025-01-31', '2025-02-28', '2025-03-31', '2025-04-30']);
    expect(dates({ firstDueDate: '2025-02-28', dueDay: 31 })).toEqual(['2025-02-28', '2025-03-31', '2025-04-30', '2025-05-31']);
    expect(dates({ firstDueDate: '2025-02-10', dueDay: 5 })).toEqual(['2025-02-10', '2025-03-05', '2025-04-05', '2025-05-05']);
  });
  it('validates count, rate, principal and date', () => {
    const base: PriceScheduleInput = { principalCentavos: 100_000, monthlyRate: 0.02, count: 12, firstDueDate: '2025-02-10' };
    for (const bad of [{ count: 0 }, { count: 61 }, { count: 2.5 }, { monthlyRate: -0.01 }, { monthlyRate: 0.21 }, { monthlyRate: Number.NaN }, { principalCentavos: 0 }, { principalCentavos: 10.5 }, { firstDueDate: '2025-02-30' }, { count: 1, dueDay: 32 }]) {
      expect(() => priceSchedule({ ...base, ...bad })).toThrow(RangeError);
    }
    expect(() => priceSchedule({ ...base, count: 60, monthlyRate: 0.2 })).not.toThrow();
  });
  it('refuses a principal so small that rounding would overpay it before the end', () => {
    expect(() => priceSchedule({ principalCentavos: 3, monthlyRate: 0, count: 5, firstDueDate: '2025-01-10' })).toThrow(/too small/);
  });

  function expectClosedSchedule(input: PriceScheduleInput, schedule: PriceSchedule): void {
    const rows = schedule.installments;
    const regular = roundHalfUp(pmt(input.principalCentavos, input.monthlyRate, input.count));
    expect(rows).toHaveLength(input.count);
    expect(rows.at(-1)!.balanceAfterCentavos).toBe(0);
    expect(rows.reduce((sum, row) => sum + row.amortizationCentavos, 0)).toBe(input.principalCentavos);
    expect(rows.reduce((sum, row) => sum + row.paymentCentavos, 0)).toBe(schedule.totalCentavos);
    let balance = input.principalCentavos;
    rows.forEach((row, index) => {
      expect(row.number).toBe(index + 1);
      expect(row.interestCentavos).toBe(roundHalfUp(balance * input.monthlyRate));
      expect(row.paymentCentavos).toBe(row.interestCentavos + row.amortizationCentavos);
      if (index < rows.length - 1) expect(row.paymentCentavos).toBe(regular);
      expect(row.amortizationCentavos).toBeGreaterThanOrEqual(0);
      balance -= row.amortizationCentavos;
      expect(row.balanceAfterCentavos).toBe(balance);
      expect(balance).toBeGreaterThanOrEqual(0);
      if (index > 0) expect(row.dueDate > rows[index - 1]!.dueDate).toBe(true);
    });
  }

  const scheduleInput = (maxRate: number, maxCount: number, minPrincipalPerInstallment: number) =>
    fc
      .record({
        monthlyRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: maxRate, noNaN: true })),
        count: fc.integer({ min: 1, max: maxCount }),
        firstDueDate: fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
        dueDay: fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }),
        principalPerInstallment: fc.integer({ min: minPrincipalPerInstallment, max: 10_000_000 }),
      })
      .map(({ principalPerInstallment, ...rest }): PriceScheduleInput => ({ ...rest, principalCentavos: principalPerInstallment * rest.count }));

  it('closes at exactly zero with Σ amortization = principal for crediário terms (≤ 24x, ≤ 10 % a.m.)', () => {
    fc.assert(fc.property(scheduleInput(0.1, 24, 100), (input) => expectClosedSchedule(input, priceSchedule(input))));
  });
  it('over the whole accepted range either closes at zero or refuses the principal as too small', () => {
    fc.assert(
      fc.property(scheduleInput(0.2, 60, 1), (input) => {
        let schedule: PriceSchedule;
        try {
          schedule = priceSchedule(input);
        } catch (error) {
          expect(error).toBeInstanceOf(RangeError);
          expect(String(error)).toMatch(/too small/);
          return;
        }
        expectClosedSchedule(input, schedule);
      }),
    );
  });
});

describe('priceSchedule pro rata die (with a release date)', () => {
  it('charges an 11-day first period for 11 days: R$ 1.000,00 at 2 % a.m. in 2×, released 10/01, due 21/01 and 21/02', () => {
    // PMT = 100 000 / (1.02^(−11/30) + 1.02^(−42/30)) = 100 000 / (0.992 765 + 0.972 657) = 50 879.65;
    // the textbook table would charge 51 504.95 twice, a whole month's interest for 11 days.
    const schedule = priceSchedule({ principalCentavos: 100_000, monthlyRate: 0.02, count: 2, firstDueDate: '2025-01-21', releaseDate: '2025-01-10' });
    expect(proRataPmt(100_000, 0.02, [11, 42])).toBeCloseTo(50_879.647, 3);
    expect(schedule.installments).toEqual([
      // 100 000 × (1.02^(11/30) − 1) = 728.74
      { number: 1, dueDate: '2025-01-21', paymentCentavos: 50_880, interestCentavos: 729, amortizationCentavos: 50_151, balanceAfterCentavos: 49_849 },
      // 49 849 × (1.02^(31/30) − 1) = 1 030.55
      { number: 2, dueDate: '2025-02-21', paymentCentavos: 50_880, interestCentavos: 1_031, amortizationCentavos: 49_849, balanceAfterCentavos: 0 },
    ]);
  });
  it('is the textbook table when every period is 30 days', () => {
    expect(proRataPmt(100_000, 0.02, [30, 60, 90, 120])).toBeCloseTo(pmt(100_000, 0.02, 4), 6);
    expect(proRataPmt(100_000, 0, [11, 42, 70])).toBeCloseTo(100_000 / 3, 6);
    expect(periodRate(0.02, 30)).toBeCloseTo(0.02, 12);
    expect(periodRate(0.02, 0)).toBe(0);
  });
  it('refuses a first due date on or before the release, and an installment below its own interest', () => {
    const base: PriceScheduleInput = { principalCentavos: 100_000, monthlyRate: 0.02, count: 2, firstDueDate: '2025-01-10', releaseDate: '2025-01-10' };
    expect(() => priceSchedule(base)).toThrow(/after the release/);
    expect(() => priceSchedule({ ...base, releaseDate: '2025-01-32' })).toThrow(RangeError);
    // 24× at 10 % a.m. with the first installment 5 months out: the installment cannot pay 5 months of interest.
    expect(() => priceSchedule({ ...base, count: 24, monthlyRate: 0.1, firstDueDate: '2025-06-10' })).toThrow(/does not cover/);
  });

  const date = fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2040-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  const proRataInput = fc
    .record({
      monthlyRate: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.1, noNaN: true })),
      count: fc.integer({ min: 1, max: 24 }),
      releaseDate: date,
      dueDay: fc.integer({ min: 1, max: 28 }),
      minFirstPeriod: fc.integer({ min: 1, max: 45 }),
      principalPerInstallment: fc.integer({ min: 100, max: 10_000_000 }),
    })
    .map(({ principalPerInstallment, minFirstPeriod, ...rest }): PriceScheduleInput & { releaseDate: string } => ({
      ...rest,
      principalCentavos: principalPerInstallment * rest.count,
      firstDueDate: firstDueDateOnDay(rest.releaseDate, rest.dueDay, minFirstPeriod),
    }));

  it('closes at zero and is worth the principal at the monthly rate by calendar days, within half a centavo per installment', () => {
    fc.assert(
      fc.property(proRataInput, (input) => {
        let schedule: PriceSchedule;
        try {
          schedule = priceSchedule(input);
        } catch (error) {
          // Only a long first period at a high rate may be refused: the installment is below that period's interest.
          expect(String(error)).toMatch(/does not cover/);
          const firstDays = daysBetween(input.releaseDate, input.firstDueDate);
          const days = schedule0Days(input);
          expect(proRataPmt(input.principalCentavos, input.monthlyRate, days)).toBeLessThan(input.principalCentavos * periodRate(input.monthlyRate, firstDays) + 1);
          return;
        }
        const rows = schedule.installments;
        expect(rows).toHaveLength(input.count);
        expect(rows.at(-1)!.balanceAfterCentavos).toBe(0);
        expect(rows.reduce((sum, row) => sum + row.amortizationCentavos, 0)).toBe(input.principalCentavos);
        const regular = roundHalfUp(proRataPmt(input.principalCentavos, input.monthlyRate, schedule0Days(input)));
        rows.slice(0, -1).forEach((row) => expect(row.paymentCentavos).toBe(regular));
        rows.forEach((row) => expect(row.amortizationCentavos).toBeGreaterThanOrEqual(0));
        const presentValue = presentValueByDays(input.releaseDate, input.monthlyRate, rows.map((row) => ({ date: row.dueDate, amountCentavos: row.paymentCentavos })));
        expect(Math.abs(presentValue - input.principalCentavos)).toBeLessThanOrEqual(0.5 * input.count + 1e-6);
      }),
    );
  });

  function schedule0Days(input: PriceScheduleInput & { releaseDate: string }): number[] {
    return Array.from({ length: input.count }, (_, index) => daysBetween(input.releaseDate, index === 0 ? input.firstDueDate : addMonths(input.firstDueDate, index, input.dueDay)));
  }
});
