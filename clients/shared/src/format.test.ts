import { describe, expect, it } from '@jest/globals';
import { formatBRL, formatDate, formatDateTime, formatRate, paymentStatusLabel } from './format';

describe('how the apps write money, dates and rates', () => {
  it('writes reais as R$ 1.234,56', () => {
    expect(formatBRL(123_456)).toBe('R$ 1.234,56');
    expect(formatBRL(5)).toBe('R$ 0,05');
    expect(formatBRL(100_000_000)).toBe('R$ 1.000.000,00');
    expect(formatBRL(-100)).toBe('-R$ 1,00');
    expect(() => formatBRL(1.5)).toThrow();
  });

  it('writes calendar dates as dd/mm/aaaa without shifting them by a time zone', () => {
    expect(formatDate('2026-03-01')).toBe('01/03/2026');
  });

  it('writes instants in São Paulo time', () => {
    // 02:00 UTC on 1 March is still 28 February, 23:00, in São Paulo (UTC−3).
    expect(formatDate('2026-03-01T02:00:00Z')).toBe('28/02/2026');
    expect(formatDateTime('2026-03-01T02:00:00Z')).toBe('28/02/2026 às 23:00');
  });

  it('writes rates as percentages with a decimal comma', () => {
    expect(formatRate(0.4530)).toBe('45,30 %');
    expect(formatRate(0.0249)).toBe('2,49 %');
    expect(formatRate(0)).toBe('0,00 %');
  });

  it('names every payment status in Portuguese', () => {
    expect(paymentStatusLabel.PAID).toBe('Pago');
    expect(Object.values(paymentStatusLabel).every((label) => label.length > 0)).toBe(true);
  });
});
