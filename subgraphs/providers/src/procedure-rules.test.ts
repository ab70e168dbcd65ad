import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { validateProcedureInput, validateProcedureUpdate, type ProcedureInput } from './procedure-rules.js';

const fieldOf = (run: () => unknown) => {
  try {
    run();
    return 'ok';
  } catch (error) {
    const { code, field } = (error as { extensions: { code: string; field: string } }).extensions;
    return `${code}:${field}`;
  }
};

const valid: ProcedureInput = {
  name: ' Clareamento  dental ',
  description: ' Duas sessões. ',
  category: 'Odontologia',
  priceCentavos: 120_000,
  durationMinutes: 90,
  interestFreeInstallments: 6,
};

describe('validateProcedureInput', () => {
  it('cleans the texts and keeps the numbers', () => {
    expect(validateProcedureInput(valid)).toEqual({ ...valid, name: 'Clareamento dental', description: 'Duas sessões.' });
  });

  it('accepts the bounds and an empty description', () => {
    for (const change of [{ priceCentavos: 100 }, { priceCentavos: 100_000_000 }, { durationMinutes: 5 }, { durationMinutes: 1440 }, { interestFreeInstallments: 1 }, { interestFreeInstallments: 12 }, { description: '' }]) {
      expect(fieldOf(() => validateProcedureInput({ ...valid, ...change }))).toBe('ok');
    }
  });

  it.each([
    [{ priceCentavos: 99 }, 'priceCentavos'],
    [{ priceCentavos: 100_000_001 }, 'priceCentavos'],
    [{ priceCentavos: 150.5 }, 'priceCentavos'],
    [{ durationMinutes: 4 }, 'durationMinutes'],
    [{ durationMinutes: 1441 }, 'durationMinutes'],
    [{ interestFreeInstallments: 0 }, 'interestFreeInstallments'],
    [{ interestFreeInstallments: 13 }, 'interestFreeInstallments'],
    [{ name: '  ' }, 'name'],
    [{ name: 'x'.repeat(121) }, 'name'],
    [{ category: '' }, 'category'],
    [{ description: 'x'.repeat(2001) }, 'description'],
  ])('refuses %j on %s', (change, field) => {
    expect(fieldOf(() => validateProcedureInput({ ...valid, ...change }))).toBe(`BAD_USER_INPUT:${field}`);
  });

  it('accepts every integer price in range and no other', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000, max: 200_000_000 }), (price) => {
        const inRange = price >= 100 && price <= 100_000_000;
        expect(fieldOf(() => validateProcedureInput({ ...valid, priceCentavos: price }))).toBe(inRange ? 'ok' : 'BAD_USER_INPUT:priceCentavos');
      }),
    );
  });
});

describe('validateProcedureUpdate', () => {
  it('changes only the given fields; null means unchanged', () => {
    expect(validateProcedureUpdate({ name: null, priceCentavos: 50_000, active: false })).toEqual({ priceCentavos: 50_000, active: false });
    expect(validateProcedureUpdate({})).toEqual({});
  });

  it('validates each given field as on creation', () => {
    expect(fieldOf(() => validateProcedureUpdate({ priceCentavos: 1 }))).toBe('BAD_USER_INPUT:priceCentavos');
    expect(fieldOf(() => validateProcedureUpdate({ interestFreeInstallments: 24 }))).toBe('BAD_USER_INPUT:interestFreeInstallments');
    expect(fieldOf(() => validateProcedureUpdate({ name: '' }))).toBe('BAD_USER_INPUT:name');
  });
});
