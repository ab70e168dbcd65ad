import { describe, expect, it } from '@jest/globals';
import { formatBoletoLine, itfWidths } from './payment-instructions';

describe('boleto rendering', () => {
  it('draws 44 digits as Interleaved 2 of 5: start, 22 pairs of 18 modules, stop', () => {
    const widths = itfWidths('1'.repeat(44));
    expect(widths.slice(0, 4)).toEqual([1, 1, 1, 1]);
    expect(widths.slice(-3)).toEqual([3, 1, 1]);
    expect(widths.reduce((sum, width) => sum + width, 0)).toBe(4 + 22 * 18 + 5);
    // '1' is wide-narrow-narrow-narrow-wide: bars of the first digit interleave with spaces of the second.
    expect(itfWidths('10').slice(4)).toEqual([3, 1, 1, 1, 1, 3, 1, 3, 3, 1, 3, 1, 1]);
    expect(() => itfWidths('123')).toThrow(RangeError);
  });

  it('writes the linha digitável in the bank\'s groups', () => {
    expect(formatBoletoLine('00190500954014481606906809350314337370000000100')).toBe('00190.50095 40144.816069 06809.350314 3 37370000000100');
  });
});
