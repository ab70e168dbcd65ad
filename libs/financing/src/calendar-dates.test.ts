import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { addMonths, assertDate, daysBetween, firstDueDateOnDay } from './index.js';

describe('addMonths', () => {
  it('keeps the day, clamping to the end of short months', () => {
    expect(addMonths('2025-01-15', 1)).toBe('2025-02-15');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-08-31', 1)).toBe('2025-09-30');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2025-03-31', -1)).toBe('2025-02-28');
    expect(addMonths('2025-05-20', 0)).toBe('2025-05-20');
  });
  it('moves to the chosen due day, clamped as well', () => {
    expect(addMonths('2025-02-28', 1, 31)).toBe('2025-03-31');
    expect(addMonths('2025-02-28', 2, 31)).toBe('2025-04-30');
    expect(addMonths('2025-01-10', 1, 5)).toBe('2025-02-05');
  });
  it('rejects impossible dates, a fractional month and a bad due day', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '2025-1-01', '2025-01-00', '10/01/2025', '']) expect(() => addMonths(bad, 1)).toThrow(RangeError);
    expect(() => addMonths('2025-01-10', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2025-01-10', 1, 0)).toThrow(RangeError);
    expect(() => addMonths('2025-01-10', 1, 32)).toThrow(RangeError);
  });
  it('lands exactly `months` calendar months later, never after the requested day', () => {
    const date = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: -240, max: 240 }), fc.option(fc.integer({ min: 1, max: 31 }), { nil: undefined }), (start, months, dueDay) => {
        const result = assertDate(addMonths(start, months, dueDay));
        const monthsOf = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
        expect(monthsOf(result) - monthsOf(start)).toBe(months);
        expect(Number(result.slice(8))).toBeLessThanOrEqual(dueDay ?? Number(start.slice(8)));
      }),
    );
  });
});

describe('daysBetween', () => {
  it('counts calendar days, leap years included, whatever the local time zone', () => {
    expect(daysBetween('2025-01-10', '2025-02-10')).toBe(31);
    expect(daysBetween('2025-01-10', '2026-01-10')).toBe(365);
    expect(daysBetween('2024-01-01', '2025-01-01')).toBe(366);
    expect(daysBetween('2018-11-03', '2018-11-05')).toBe(2); // São Paulo's last DST start
    expect(daysBetween('2025-02-10', '2025-01-10')).toBe(-31);
  });
});

describe('firstDueDateOnDay', () => {
  it('takes the chosen day in this month when far enough, else in a later month', () => {
    expect(firstDueDateOnDay('2026-12-04', 15, 8)).toBe('2026-12-15');
    expect(firstDueDateOnDay('2026-12-04', 5, 8)).toBe('2027-01-05');
    expect(firstDueDateOnDay('2026-12-04', 12, 8)).toBe('2026-12-12');
    expect(firstDueDateOnDay('2026-12-04', 11, 8)).toBe('2027-01-11');
    expect(firstDueDateOnDay('2026-12-04', 5, 30)).toBe('2027-01-05');
    expect(firstDueDateOnDay('2026-12-04', 3, 30)).toBe('2027-01-03');
    expect(firstDueDateOnDay('2026-12-04', 2, 30)).toBe('2027-02-02');
    expect(firstDueDateOnDay('2025-01-31', 31, 1)).toBe('2025-02-28');
  });
  it('is the earliest such date: on the day, at least minDays out, and a month earlier would be too soon', () => {
    const date = fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2080-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 90 }), (from, dueDay, minDays) => {
        const due = firstDueDateOnDay(from, dueDay, minDays);
        expect(Number(due.slice(8))).toBe(dueDay);
        expect(daysBetween(from, due)).toBeGreaterThanOrEqual(minDays);
        expect(daysBetween(from, addMonths(due, -1))).toBeLessThan(minDays);
      }),
    );
  });
});
