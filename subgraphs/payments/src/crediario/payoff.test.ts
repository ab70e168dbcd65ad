import { describe, expect, it } from '@jest/globals';
import { addMonths, priceSchedule } from '@medpay/financing';
import { payoffQuote } from './payoff.js';

const RATE = 0.0249;
/** A 12× contract released on 2026-12-04, first due on 2027-01-10 (37 days: priced pro rata die). */
const schedule = priceSchedule({ principalCentavos: 1_234_567, monthlyRate: RATE, count: 12, firstDueDate: '2027-01-10', releaseDate: '2026-12-04' });
const installments = (paid: number) =>
  schedule.installments.map((row) => ({ number: row.number, dueDate: row.dueDate, amountCentavos: row.paymentCentavos, status: row.number <= paid ? ('PAID' as const) : ('ISSUED' as const) }));

describe('early settlement of a crediário', () => {
  it('settles everything on the release day for the amount financed: no interest was earned yet', () => {
    const quote = payoffQuote(installments(0), RATE, '2026-12-04', null);
    expect(quote.lines).toHaveLength(12);
    expect(Math.abs(quote.totalCentavos - 1_234_567)).toBeLessThanOrEqual(12);
    expect(quote.discountCentavos).toBe(schedule.totalCentavos - quote.totalCentavos);
  });

  it('settles everything on any due date, just paid, for the balance the table shows then (within a centavo per installment)', () => {
    for (let paid = 1; paid < 12; paid += 1) {
      const row = schedule.installments[paid - 1]!;
      const quote = payoffQuote(installments(paid), RATE, row.dueDate, null);
      expect([paid, Math.abs(quote.totalCentavos - row.balanceAfterCentavos) <= 12 - paid]).toEqual([paid, true]);
    }
  });

  it('settles the next k in due order, each for less the earlier it is paid, and an overdue one with its late charges', () => {
    expect(addMonths('2027-01-10', 2, 10)).toBe(schedule.installments[2]!.dueDate);
    const next = payoffQuote(installments(2), RATE, '2027-03-01', 3);
    expect(next.lines.map((line) => line.number)).toEqual([3, 4, 5]);
    expect(next.lines.every((line) => line.payoffCentavos < line.amountCentavos)).toBe(true);
    expect(next.lines[0]!.payoffCentavos).toBeGreaterThan(next.lines[1]!.payoffCentavos);
    // Installment 3 nine days late: 2 % multa plus 1 % a month pro rata; the later ones discounted.
    const late = payoffQuote(installments(2), RATE, '2027-03-19', 2);
    const amount = schedule.installments[2]!.paymentCentavos;
    expect(late.lines[0]!.payoffCentavos).toBe(amount + Math.round(amount * 0.02) + Math.round((amount * 0.01 * 9) / 30));
    expect(late.discountCentavos).toBe(late.lines[1]!.amountCentavos - late.lines[1]!.payoffCentavos);
  });
});
