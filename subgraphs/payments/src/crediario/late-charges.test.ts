import { describe, expect, it } from '@jest/globals';
import { installmentDue, lateChargesCentavos } from './late-charges.js';

describe('late charges', () => {
  it('are zero up to the due date', () => {
    expect(lateChargesCentavos(10_000, '2026-12-10', '2026-12-10')).toBe(0);
  });
  it('are the 2 % multa plus 1 % a month pro rata die', () => {
    expect(lateChargesCentavos(10_000, '2026-12-10', '2026-12-11')).toBe(200 + 3); // 1 day: 10000 × 1% / 30 = 3,33
    expect(lateChargesCentavos(10_000, '2026-12-10', '2027-01-09')).toBe(200 + 100); // 30 days
  });
  it('make what an unpaid installment owes; a paid one owes nothing', () => {
    const installment = { amountCentavos: 10_000, dueDate: '2026-12-10' };
    expect(installmentDue({ ...installment, status: 'ISSUED' }, '2026-12-10')).toEqual({ lateChargesCentavos: 0, amountDueCentavos: 10_000 });
    expect(installmentDue({ ...installment, status: 'OVERDUE' }, '2027-01-09')).toEqual({ lateChargesCentavos: 300, amountDueCentavos: 10_300 });
    expect(installmentDue({ ...installment, status: 'PAID' }, '2027-01-09')).toEqual({ lateChargesCentavos: 0, amountDueCentavos: 0 });
  });
});
