import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { BrCodeError, crc16, encodePixBrCode, foldToAscii, parsePixBrCode, type PixBrCode } from './index.js';

const BACEN_STATIC =
  '00020126580014br.gov.bcb.pix0136123e4567-e12b-12d1-a456-4266554400005204000053039865802BR5913Fulano de Tal6008BRASILIA62070503***63041D3D';

/** Re-signs a payload whose content was edited, so a test reaches the check after the CRC. */
const resign = (withoutCrc: string) => `${withoutCrc}6304${crc16(`${withoutCrc}6304`)}`;

describe('crc16', () => {
  it('is CRC-16/CCITT-FALSE', () => {
    expect(crc16('123456789')).toBe('29B1');
    expect(crc16('')).toBe('FFFF');
  });
});

describe('PIX BR Code', () => {
  it('decodes the BACEN static example and re-encodes it byte for byte', () => {
    const fields = parsePixBrCode(BACEN_STATIC);
    expect(fields).toEqual({ key: '123e4567-e12b-12d1-a456-426655440000', merchantName: 'Fulano de Tal', merchantCity: 'BRASILIA' });
    expect(encodePixBrCode(fields)).toBe(BACEN_STATIC);
  });

  it('encodes a dynamic code: point of initiation 12 and the location without scheme', () => {
    const code = encodePixBrCode({ locationUrl: 'https://pix.example.com/qr/v2/9d36b84f', amountCentavos: 12345, merchantName: 'MedPay', merchantCity: 'Sao Paulo' });
    expect(code.startsWith('000201010212')).toBe(true);
    expect(code).toContain('2530pix.example.com/qr/v2/9d36b84f');
    expect(code).toContain('5406123.45');
    expect(code).toContain('62070503***');
    expect(parsePixBrCode(code)).toEqual({ locationUrl: 'pix.example.com/qr/v2/9d36b84f', amountCentavos: 12345, merchantName: 'MedPay', merchantCity: 'Sao Paulo' });
  });

  it('folds names to ASCII and cuts them to their limits (59 at 25, 60 at 15)', () => {
    const code = encodePixBrCode({ key: 'a@b.co', merchantName: '  Clínica São José da Saúde Integrada ', merchantCity: 'São José dos Campos' });
    const fields = parsePixBrCode(code);
    expect(fields.merchantName).toBe('Clinica Sao Jose da Saude');
    expect(fields.merchantCity).toBe('Sao Jose dos Ca');
    expect(foldToAscii('Açaí — ótimo', 99)).toBe('Acai  otimo');
  });

  it('keeps a txid and a description', () => {
    const input: PixBrCode = { key: '+5511999998888', amountCentavos: 1, merchantName: 'X', merchantCity: 'Y', txid: 'PEDIDO42', description: 'Consulta' };
    expect(parsePixBrCode(encodePixBrCode(input))).toEqual(input);
  });

  it('refuses inputs it cannot encode', () => {
    const base = { merchantName: 'A', merchantCity: 'B' };
    expect(() => encodePixBrCode(base)).toThrow(BrCodeError);
    expect(() => encodePixBrCode({ ...base, key: 'k', locationUrl: 'x/y' })).toThrow(/not both/);
    expect(() => encodePixBrCode({ ...base, key: 'k', txid: 'has space' })).toThrow(/txid/);
    expect(() => encodePixBrCode({ ...base, key: 'k', amountCentavos: 0 })).toThrow(/amountCentavos/);
    expect(() => encodePixBrCode({ ...base, key: 'k', amountCentavos: 1.5 })).toThrow(/amountCentavos/);
    expect(() => encodePixBrCode({ key: 'k', merchantName: 'ção'.replace(/./g, '\u0301'), merchantCity: 'B' })).toThrow(/merchantName is empty/);
  });

  it('rejects a wrong CRC, naming both values', () => {
    const tampered = BACEN_STATIC.replace('Fulano', 'Fulana');
    expect(() => parsePixBrCode(tampered)).toThrow(/CRC mismatch: the code says 1D3D/);
    expect(() => parsePixBrCode(BACEN_STATIC.slice(0, -8))).toThrow(/does not end with its CRC/);
  });

  it('rejects malformed TLV and missing or wrong fields even with a valid CRC', () => {
    const withoutCrc = BACEN_STATIC.slice(0, -8);
    expect(() => parsePixBrCode(resign(withoutCrc.replace('5913Fulano', '5950Fulano')))).toThrow(/Malformed TLV/);
    expect(() => parsePixBrCode(resign(withoutCrc.replace('5303986', '5303840')))).toThrow(/986/);
    expect(() => parsePixBrCode(resign(withoutCrc.replace('6008BRASILIA', '')))).toThrow(/merchant city/);
    expect(() => parsePixBrCode(resign(withoutCrc.replace('br.gov.bcb.pix', 'br.gov.bcb.xyz')))).toThrow(/merchant account/);
    expect(() => parsePixBrCode(resign(withoutCrc.replace('000201', '000202')))).toThrow(/payload format/);
    expect(() => parsePixBrCode(resign(`${withoutCrc}5802BR`))).toThrow(/more than once/);
  });

  it('accepts a lower-case CRC and an upper-case GUI as bank apps do', () => {
    const upper = resign(BACEN_STATIC.slice(0, -8).replace('br.gov.bcb.pix', 'BR.GOV.BCB.PIX'));
    expect(parsePixBrCode(upper.slice(0, -4) + upper.slice(-4).toLowerCase()).key).toBe('123e4567-e12b-12d1-a456-426655440000');
  });

  const printable = (max: number) => fc.stringMatching(new RegExp(`^[\\x21-\\x7e]([\\x20-\\x7e]{0,${max - 2}}[\\x21-\\x7e])?$`));
  const brCode: fc.Arbitrary<PixBrCode> = fc
    .record(
      {
        target: fc.oneof(
          fc.stringMatching(/^[\x21-\x7e]{1,36}$/).map((key) => ({ key })),
          fc.stringMatching(/^[a-z0-9.-]{1,30}(:\d{2,5})?\/[A-Za-z0-9/_-]{1,40}$/).map((locationUrl) => ({ locationUrl })),
        ),
        amountCentavos: fc.integer({ min: 1, max: 99_999_999_999 }),
        merchantName: printable(25),
        merchantCity: printable(15),
        txid: fc.stringMatching(/^[A-Za-z0-9]{1,25}$/),
        description: printable(30),
      },
      { requiredKeys: ['target', 'merchantName', 'merchantCity'] },
    )
    .map(({ target, ...rest }) => ({ ...target, ...rest }));

  it('parse(encode(x)) = x for every encodable x', () => {
    fc.assert(fc.property(brCode, (input) => expect(parsePixBrCode(encodePixBrCode(input))).toEqual(input)), { numRuns: 500 });
  });

  it('detects any single changed character', () => {
    fc.assert(
      fc.property(brCode, fc.nat(), fc.integer({ min: 0x21, max: 0x7e }), (input, at, char) => {
        const code = encodePixBrCode(input);
        const position = at % code.length;
        fc.pre(code[position] !== String.fromCharCode(char) && code[position]!.toUpperCase() !== String.fromCharCode(char).toUpperCase());
        const changed = code.slice(0, position) + String.fromCharCode(char) + code.slice(position + 1);
        expect(() => parsePixBrCode(changed)).toThrow(BrCodeError);
      }),
      { numRuns: 300 },
    );
  });
});
