import { describe, expect, it } from '@jest/globals';
import { cnpjFromBase } from '@medpay/br-documents';
import type { ClinicStatus } from './generated/prisma/client.js';
import { normalizePostalCode, normalizeState, statusChange, validateClinicRegistration, type RegisterClinicInput } from './clinic-rules.js';

const codeOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    return (error as { extensions?: { code?: string; field?: string } }).extensions;
  }
};

const valid: RegisterClinicInput = {
  legalName: '  Clínica   Exemplo Ltda ',
  tradeName: 'Exemplo',
  cnpj: '11.222.333/0001-81',
  address: { street: 'Rua Augusta, 100', city: 'São Paulo', state: 'sp', postalCode: '01305000' },
  specialties: ['Odontologia', ' odontologia ', 'Estética'],
};

describe('validateClinicRegistration', () => {
  it('normalizes what it keeps: names, CNPJ, UF, CEP, folded keys, deduplicated specialties', () => {
    expect(validateClinicRegistration(valid)).toEqual({
      legalName: 'Clínica Exemplo Ltda',
      tradeName: 'Exemplo',
      cnpj: '11222333000181',
      street: 'Rua Augusta, 100',
      city: 'São Paulo',
      cityKey: 'sao paulo',
      state: 'SP',
      postalCode: '01305-000',
      specialties: ['Odontologia', 'Estética'],
      specialtyKeys: ['odontologia', 'estetica'],
    });
  });

  it('accepts an alphanumeric CNPJ, in any case, and stores its 14 characters', () => {
    expect(validateClinicRegistration({ ...valid, cnpj: '12.abc.345/01de-35' }).cnpj).toBe('12ABC34501DE35');
    expect(validateClinicRegistration({ ...valid, cnpj: cnpjFromBase('A1B2C3D4E5F6') }).cnpj).toBe(cnpjFromBase('A1B2C3D4E5F6'));
  });

  it('refuses a CNPJ with a wrong check digit as INVALID_CNPJ', () => {
    for (const cnpj of ['11.222.333/0001-80', '12.ABC.345/01DE-36', '00.000.000/0000-00', '', 'abc']) {
      expect(codeOf(() => validateClinicRegistration({ ...valid, cnpj }))).toMatchObject({ code: 'INVALID_CNPJ', field: 'cnpj' });
    }
  });

  it.each([
    [{ legalName: '   ' }, 'legalName'],
    [{ tradeName: 'x'.repeat(121) }, 'tradeName'],
    [{ address: { ...valid.address, state: 'XX' } }, 'address.state'],
    [{ address: { ...valid.address, postalCode: '0130-5000' } }, 'address.postalCode'],
    [{ address: { ...valid.address, city: '' } }, 'address.city'],
    [{ specialties: [] }, 'specialties'],
    [{ specialties: [' '] }, 'specialties'],
    [{ specialties: Array.from({ length: 21 }, (_, i) => `Especialidade ${i}`) }, 'specialties'],
  ])('refuses %j as BAD_USER_INPUT on %s', (change, field) => {
    expect(codeOf(() => validateClinicRegistration({ ...valid, ...change }))).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('knows the 27 UFs and the CEP shape', () => {
    expect(normalizeState(' df ')).toBe('DF');
    expect(normalizeState('SPA')).toBeNull();
    expect(normalizePostalCode('01310-100')).toBe('01310-100');
    expect(normalizePostalCode('0131010')).toBeNull();
  });
});

describe('statusChange', () => {
  const statuses: ClinicStatus[] = ['PENDING_REVIEW', 'ACTIVE', 'SUSPENDED', 'REJECTED'];
  const allowed = new Set(['PENDING_REVIEW>ACTIVE', 'PENDING_REVIEW>REJECTED', 'ACTIVE>SUSPENDED', 'SUSPENDED>ACTIVE']);

  it('allows exactly review, rejection, suspension and reactivation', () => {
    for (const from of statuses) {
      for (const to of statuses) {
        const result = codeOf(() => statusChange(from, to, 'Documentação pendente'));
        expect([from, to, result === 'ok']).toEqual([from, to, allowed.has(`${from}>${to}`)]);
        if (result !== 'ok') expect(result).toMatchObject({ code: 'INVALID_STATUS_TRANSITION' });
      }
    }
  });

  it('requires a reason to reject or suspend, and clears it on approval or reactivation', () => {
    expect(codeOf(() => statusChange('PENDING_REVIEW', 'REJECTED', '  '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(codeOf(() => statusChange('ACTIVE', 'SUSPENDED', null))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'reason' });
    expect(statusChange('ACTIVE', 'SUSPENDED', ' Alvará  vencido ')).toEqual({ status: 'SUSPENDED', statusReason: 'Alvará vencido' });
    expect(statusChange('SUSPENDED', 'ACTIVE', 'ignored')).toEqual({ status: 'ACTIVE', statusReason: null });
    // Approval under review waits for the service agreement's signature.
    expect(statusChange('PENDING_REVIEW', 'ACTIVE', undefined)).toEqual({ status: 'AWAITING_AGREEMENT', statusReason: null });
    expect(() => statusChange('AWAITING_AGREEMENT', 'ACTIVE', undefined)).toThrow(/aguardando a assinatura do contrato para ativa/);
  });
});
