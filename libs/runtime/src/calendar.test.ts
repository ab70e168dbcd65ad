import { describe, expect, it } from '@jest/globals';
import { bucketOf, bucketsOf, createdBetween, dayOf, period } from './calendar.js';

describe('report periods in America/Sao_Paulo', () => {
  it('turns inclusive days into a half-open range of instants at UTC−03:00', () => {
    const range = period('2026-11-01', '2026-11-30');
    expect(range.start.toISOString()).toBe('2026-11-01T03:00:00.000Z');
    expect(range.end.toISOString()).toBe('2026-12-01T03:00:00.000Z');
    expect(dayOf(new Date('2026-12-01T02:59:59Z'))).toBe('2026-11-30');
  });

  it('refuses malformed days, reversed and too long periods', () => {
    expect(() => period('2026-02-30', '2026-03-01')).toThrow('AAAA-MM-DD');
    expect(() => period('01/11/2026', '2026-11-30')).toThrow('AAAA-MM-DD');
    expect(() => period('2026-11-02', '2026-11-01')).toThrow('posterior');
    expect(() => period('2025-01-01', '2026-11-01')).toThrow('366');
    expect(createdBetween(null, '2026-11-30')).toEqual({ lt: new Date('2026-12-01T03:00:00Z') });
    expect(createdBetween()).toBeUndefined();
  });

  it('buckets by day, or by week starting on Monday', () => {
    expect(bucketOf('2026-11-29', 'WEEK')).toBe('2026-11-23'); // a Sunday
    expect(bucketOf('2026-11-30', 'WEEK')).toBe('2026-11-30'); // a Monday
    expect(bucketsOf(period('2026-11-26', '2026-12-08'), 'WEEK')).toEqual(['2026-11-23', '2026-11-30', '2026-12-07']);
    expect(bucketsOf(period('2026-11-29', '2026-12-01'), 'DAY')).toEqual(['2026-11-29', '2026-11-30', '2026-12-01']);
  });

  it('buckets by calendar month, across a new year', () => {
    expect(bucketOf('2026-11-29', 'MONTH')).toBe('2026-11-01');
    expect(bucketsOf(period('2026-11-15', '2027-02-01'), 'MONTH')).toEqual(['2026-11-01', '2026-12-01', '2027-01-01', '2027-02-01']);
  });
});
