import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { AmountFormatError, centavosToDecimal, decimalToCentavos } from './index.js';

describe('decimal amounts', () => {
  it('formats centavos with two decimal places', () => {
    expect(centavosToDecimal(0)).toBe('0.00');
    expect(centavosToDecimal(5)).toBe('0.05');
    expect(centavosToDecimal(12345)).toBe('123.45');
    expect(() => centavosToDecimal(1.5)).toThrow(AmountFormatError);
    expect(() => centavosToDecimal(-1)).toThrow(AmountFormatError);
  });
  it('reads strings and JSON numbers without floating-point drift', () => {
    expect(decimalToCentavos('123.45')).toBe(12345);
    expect(decimalToCentavos('123.4')).toBe(12340);
    expect(decimalToCentavos('123')).toBe(12300);
    expect(decimalToCentavos(150.51)).toBe(15051);
    expect(decimalToCentavos(0.1)).toBe(10);
    for (const bad of ['1.234', '-1.00', '1e3', '', 'abc', 0.1 + 0.2, Number.NaN, -5]) expect(() => decimalToCentavos(bad)).toThrow(AmountFormatError);
  });
  it('round-trips through text and through a JSON number', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999_999_999 }), (centavos) => {
        const text = centavosToDecimal(centavos);
        expect(decimalToCentavos(text)).toBe(centavos);
        expect(decimalToCentavos(JSON.parse(JSON.stringify(Number(text))) as number)).toBe(centavos);
      }),
    );
  });
});
