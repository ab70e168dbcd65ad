import { describe, expect, it } from '@jest/globals';
import { Caller } from './caller.js';
import type { Claims } from './claims.js';

const exp = Math.floor(Date.now() / 1000) + 60;
const person = (sub: string, roles: Claims['roles'] = ['PATIENT']): Claims => ({ sub, kind: 'user', roles, scopes: [], exp });
const partner = (clinicId: string): Claims => ({ sub: 'key-1', kind: 'partner', roles: [], scopes: ['clinic', 'partner'], clinicId, exp });
const codeOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
  return 'no error';
};

describe('Caller', () => {
  it('tells people, partner systems, admins and anonymous callers apart', () => {
    expect(new Caller(person('u1')).userId).toBe('u1');
    expect(new Caller(partner('c1')).userId).toBeNull();
    expect(new Caller(partner('c1')).isPartnerOf('c1')).toBe(true);
    expect(new Caller(person('a1', ['PLATFORM_ADMIN'])).isPlatformAdmin).toBe(true);
    expect(codeOf(() => new Caller(null).requireUser())).toBe('UNAUTHENTICATED');
    expect(codeOf(() => new Caller(partner('c1')).requireUser())).toBe('FORBIDDEN');
    expect(codeOf(() => new Caller(person('u1')).assertSelfOrPlatformAdmin('u2'))).toBe('FORBIDDEN');
    expect(codeOf(() => new Caller(person('a1', ['PLATFORM_ADMIN'])).assertSelfOrPlatformAdmin('u2'))).toBe('no error');
  });

  it('loads the person’s clinic memberships once per request, and never for other callers', async () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      return [{ clinicId: 'c1', role: 'ADMIN' as const }];
    };
    const caller = new Caller(person('u1', ['CLINIC_STAFF']), load);
    expect(await caller.roleIn('c1')).toBe('ADMIN');
    expect(await caller.roleIn('c2')).toBeNull();
    expect(loads).toBe(1);
    expect(await new Caller(partner('c1'), load).roleIn('c1')).toBeNull();
    expect(loads).toBe(1);
  });
});
