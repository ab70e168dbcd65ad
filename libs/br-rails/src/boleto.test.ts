import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BoletoError, dateFromFactor, daysFromIsoDate, decodeBoleto, dueDateFactor, encodeBoleto, isoDateFromDays, mod10, mod11 } from './index.js';

const EXAMPLE_BARCODE = '10499898100000214032006561000100040099726390';
const EXAMPLE_LINE = '10492006506100010004200997263900989810000021403';
const TODAY = '2026-11-29';

describe('due-date factor', () => {
  it('restarts at 1000 on 2025-02-22 after 9999 on 2025-02-21', () => {
    expect(dueDateFactor('2025-02-21')).toBe(9999);
    expect(dueDateFactor('2025-02-22')).toBe(1000);
    expect(dueDateFactor('2000-07-03')).toBe(1000);
    expect(dueDateFactor('2022-05-10')).toBe(8981);
    expect(() => dueDateFactor('2000-07-02')).toThrow(BoletoError);
    expect(() => dueDateFactor('2025-02-30')).toThrow(/calendar date/);
  });
  it('decodes to the date nearest today', () => {
    expect(dateFromFactor(1000, '2026-01-01')).toBe('2025-02-22');
    expect(dateFromFactor(1000, '2001-01-01')).toBe('2000-07-03');
    expect(dateFromFactor(9999, '2026-01-01')).toBe('2025-02-21');
    expect(dateFromFactor(8981, TODAY)).toBe('2022-05-10');
    expect(dateFromFactor(8981, '2046-01-01')).toBe('2046-12-30');
  });
  it('factor and date round-trip within half a cycle of today', () => {
    fc.assert(
      fc.property(fc.integer({ min: -4499, max: 4499 }), (offset) => {
        const date = isoDateFromDays(daysFromIsoDate(TODAY) + offset);
        expect(dateFromFactor(dueDateFactor(date), TODAY)).toBe(date);
      }),
    );
  });
});

describe('check digits', () => {
  it('mod 10 sums the digits of doubled products; mod 11 maps 0, 10 and 11 to 1', () => {
    expect(mod10('104920065')).toBe(0);
    expect(mod10('0')).toBe(0);
    expect(mod11(EXAMPLE_BARCODE.slice(0, 4) + EXAMPLE_BARCODE.slice(5))).toBe(9);
  });
});

describe('boleto', () => {
  it('decodes the FEBRABAN example from its barcode and from its line alike', () => {
    const expected = { bankCode: '104', amountCentavos: 21403, dueDate: '2022-05-10', freeField: '2006561000100040099726390' };
    expect(decodeBoleto(EXAMPLE_BARCODE, TODAY)).toEqual(expected);
    expect(decodeBoleto(EXAMPLE_LINE, TODAY)).toEqual(expected);
    expect(decodeBoleto('10492.00650 61000.100042 00997.263900 9 89810000021403', TODAY)).toEqual(expected);
    expect(encodeBoleto({ bankCode: '104', amountCentavos: 21403, dueDate: '2022-05-10', freeField: '2006561000100040099726390' })).toEqual({
      barcode: EXAMPLE_BARCODE,
      line: EXAMPLE_LINE,
    });
  });

  it('names the check digit that failed', () => {
    const change = (line: string, at: number) => line.slice(0, at) + ((Number(line[at]) + 1) % 10) + line.slice(at + 1);
    const failing = (line: string) => {
      try {
        decodeBoleto(line, TODAY);
      } catch (error) {
        return error instanceof BoletoError ? error.check : 'not a BoletoError';
      }
      return 'accepted';
    };
    expect(failing(change(EXAMPLE_LINE, 2))).toBe('field 1');
    expect(failing(change(EXAMPLE_LINE, 15))).toBe('field 2');
    expect(failing(change(EXAMPLE_LINE, 31))).toBe('field 3');
    expect(failing(change(EXAMPLE_LINE, 32))).toBe('general');
    expect(failing(change(EXAMPLE_LINE, 40))).toBe('general');
    expect(failing(change(EXAMPLE_BARCODE, 30))).toBe('general');
    expect(() => decodeBoleto('123', TODAY)).toThrow(/47 digits/);
    expect(() => decodeBoleto(EXAMPLE_LINE.replace('1049', '104X'), TODAY)).toThrow(/only digits/);
  });

  const boletoFields = fc.record({
    bankCode: fc.stringMatching(/^\d{3}$/),
    amountCentavos: fc.integer({ min: 0, max: 9_999_999_999 }),
    dueDate: fc.integer({ min: -4499, max: 4499 }).map((offset) => isoDateFromDays(daysFromIsoDate(TODAY) + offset)),
    freeField: fc.stringMatching(/^\d{25}$/),
  });

  it('decode(encode(x)) = x from the line and from the barcode', () => {
    fc.assert(
      fc.property(boletoFields, (fields) => {
        const { barcode, line } = encodeBoleto(fields);
        expect(line).toHaveLength(47);
        expect(barcode).toHaveLength(44);
        expect(decodeBoleto(line, TODAY)).toEqual(fields);
        expect(decodeBoleto(barcode, TODAY)).toEqual(fields);
      }),
      { numRuns: 500 },
    );
  });

  // FEBRABAN's general digit maps three mod-11 remainders to the same digit 1, so a changed digit in
  // the factor/amount field (which only the general digit covers) can go unseen when both the old and
  // the new remainder fall in that class. Everything else is always caught.
  it('detects any single changed digit of a line, except in the general digit\'s documented blind spot', () => {
    fc.assert(
      fc.property(boletoFields, fc.integer({ min: 0, max: 46 }), fc.integer({ min: 1, max: 9 }), (fields, at, delta) => {
        const { line } = encodeBoleto(fields);
        const changed = line.slice(0, at) + ((Number(line[at]) + delta) % 10) + line.slice(at + 1);
        let accepted = true;
        try {
          decodeBoleto(changed, TODAY);
        } catch (error) {
          expect(error).toBeInstanceOf(BoletoError);
          accepted = false;
        }
        if (accepted) {
          expect(at).toBeGreaterThanOrEqual(33);
          expect(line[32]).toBe('1');
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('has that blind spot for real: a changed amount digit that keeps the general digit at 1', () => {
    let found: string | undefined;
    for (let amount = 100; amount < 10_000 && !found; amount++) {
      const { line } = encodeBoleto({ bankCode: '341', amountCentavos: amount, dueDate: '2026-12-10', freeField: '1'.repeat(25) });
      const other = encodeBoleto({ bankCode: '341', amountCentavos: amount + 1, dueDate: '2026-12-10', freeField: '1'.repeat(25) }).line;
      if (line[32] === '1' && other[32] === '1') found = line;
    }
    expect(found).toBeDefined();
  });
});
