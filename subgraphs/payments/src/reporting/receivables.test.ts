import { describe, expect, it } from '@jest/globals';
import { period } from '@medpay/runtime';
import { receivablesSeries } from './receivables.js';

describe('receivables series', () => {
  it('sums released, paid out and expected per bucket in São Paulo days; overdue releases are expected today', () => {
    const series = receivablesSeries(period('2026-11-23', '2026-12-06'), 'WEEK', {
      released: [{ at: new Date('2026-11-24T12:00:00Z'), amountCentavos: 100 }, { at: new Date('2026-11-30T02:00:00Z'), amountCentavos: 5 }],
      paidOut: [{ at: new Date('2026-11-25T12:00:00Z'), amountCentavos: 100 }],
      expected: [
        { dueAt: new Date('2026-12-02T12:00:00Z'), amountCentavos: 300 },
        { dueAt: new Date('2026-11-01T12:00:00Z'), amountCentavos: 40 },
        { dueAt: new Date('2027-01-02T12:00:00Z'), amountCentavos: 999 },
      ],
      today: '2026-11-29',
    });
    expect(series).toEqual([
      // 2026-11-30T02:00Z is still the 29th in São Paulo
      { date: '2026-11-23', releasedCentavos: 105, paidOutCentavos: 100, expectedCentavos: 40 },
      { date: '2026-11-30', releasedCentavos: 0, paidOutCentavos: 0, expectedCentavos: 300 },
    ]);
  });
});
