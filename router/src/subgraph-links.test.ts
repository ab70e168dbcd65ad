import { describe, expect, it } from '@jest/globals';
import type { Claims } from '@medpay/runtime';
import { identityOf, retryDelays } from './subgraph-links.js';

describe('retryDelays', () => {
  it('doubles from 250 ms up to 5 s and adds up to the budget', () => {
    expect(retryDelays(30_000)).toEqual([250, 500, 1000, 2000, 4000, 5000, 5000, 5000, 5000, 2250]);
    expect(retryDelays(1_000)).toEqual([250, 500, 250]);
  });
});

describe('identityOf', () => {
  const claims: Claims = { sub: 'u1', kind: 'user', roles: ['PATIENT', 'CLINIC_STAFF'], scopes: ['patient', 'clinic'], sid: 's1', exp: 1 };
  it('is the same for two tokens of one caller, whatever their session, expiry or order of roles', () => {
    expect(identityOf({ ...claims, sid: 's2', exp: 2, roles: ['CLINIC_STAFF', 'PATIENT'] })).toBe(identityOf(claims));
  });
  it('differs between callers, roles and clinics', () => {
    expect(identityOf({ ...claims, sub: 'u2' })).not.toBe(identityOf(claims));
    expect(identityOf({ ...claims, roles: ['PATIENT'] })).not.toBe(identityOf(claims));
    expect(identityOf({ ...claims, kind: 'partner', clinicId: 'c1' })).not.toBe(identityOf({ ...claims, kind: 'partner', clinicId: 'c2' }));
    expect(identityOf(null)).toBe('anonymous');
  });
});
