import { describe, expect, it } from '@jest/globals';
import { csvAmount, toCsv } from './csv';

describe('statement CSV for spreadsheets in Brazil', () => {
  it('writes amounts with a decimal comma and no thousands separator, signed', () => {
    expect(csvAmount(123_456)).toBe('1234,56');
    expect(csvAmount(-115_101)).toBe('-1151,01');
    expect(csvAmount(5)).toBe('0,05');
    expect(csvAmount(0)).toBe('0,00');
  });

  it('separates fields with semicolons, quotes what needs it, starts with a BOM and ends lines with CRLF', () => {
    const csv = toCsv(['Data', 'Descrição'], [['29/11/2026', 'Estorno; "parcial"'], ['30/11/2026', 'linha\nquebrada']]);
    expect(csv).toBe('\uFEFFData;Descrição\r\n29/11/2026;"Estorno; ""parcial"""\r\n30/11/2026;"linha\nquebrada"\r\n');
  });
});
