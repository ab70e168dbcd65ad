import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { cnpjFromBase, cpfFromBase, formatCnpj, formatCpf, isValidCnpj, isValidCpf, normalizeCnpj, normalizeCpf } from './index.js';

describe('CPF', () => {
  it('accepts the reference example with and without mask', () => {
    expect(isValidCpf('529.982.247-25')).toBe(true);
    expect(isValidCpf('52998224725')).toBe(true);
    expect(normalizeCpf('529.982.247-25')).toBe('52998224725');
    expect(formatCpf('52998224725')).toBe('529.982.247-25');
  });
  it('rejects wrong check digits, wrong length, letters and repeated digits', () => {
    for (const bad of ['529.982.247-24', '529.982.247-15', '5299822472', '529982247255', '52998224a25', '111.111.111-11', '000.000.000-00', ''])
      expect(isValidCpf(bad)).toBe(false);
    expect(normalizeCpf('529.982.247-24')).toBeNull();
  });
  it('every base completed with its check digits validates, and any other check digit fails', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{9}$/), fc.integer({ min: 9, max: 10 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        fc.pre(!/^(\d)\1{8}$/.test(base));
        const cpf = cpfFromBase(base);
        expect(isValidCpf(cpf)).toBe(true);
        const changed = cpf.slice(0, pos) + ((Number(cpf[pos]) + delta) % 10) + cpf.slice(pos + 1);
        expect(isValidCpf(changed)).toBe(false);
      }),
    );
  });
});

describe('CNPJ', () => {
  it('accepts the numeric reference example', () => {
    expect(isValidCnpj('11.222.333/0001-81')).toBe(true);
    expect(normalizeCnpj('11.222.333/0001-81')).toBe('11222333000181');
    expect(formatCnpj('11222333000181')).toBe('11.222.333/0001-81');
  });
  it('accepts the official alphanumeric example, in either case', () => {
    expect(isValidCnpj('12.ABC.345/01DE-35')).toBe(true);
    expect(normalizeCnpj('12.abc.345/01de-35')).toBe('12ABC34501DE35');
    expect(formatCnpj('12ABC34501DE35')).toBe('12.ABC.345/01DE-35');
  });
  it('rejects wrong check digits, letters in the check digits, bad length and repeated digits', () => {
    for (const bad of ['11.222.333/0001-80', '12.ABC.345/01DE-36', '12.ABC.345/01DE-3A', '1122233300018', '00.000.000/0000-00', '11.222.333/0001-8!'])
      expect(isValidCnpj(bad)).toBe(false);
  });
  it('every alphanumeric base completed with its check digits validates, and any other check digit fails', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9A-Z]{12}$/), fc.integer({ min: 12, max: 13 }), fc.integer({ min: 1, max: 9 }), (base, pos, delta) => {
        fc.pre(!/^(\d)\1{11}$/.test(base));
        const cnpj = cnpjFromBase(base);
        expect(isValidCnpj(cnpj)).toBe(true);
        const changed = cnpj.slice(0, pos) + ((Number(cnpj[pos]) + delta) % 10) + cnpj.slice(pos + 1);
        expect(isValidCnpj(changed)).toBe(false);
      }),
    );
  });
});
