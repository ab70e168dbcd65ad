import { describe, expect, it } from '@jest/globals';
import type { Claims } from '@medpay/runtime';
import { revocationIdsOf } from './revocations.js';

const claims = (overrides: Partial<Claims>): Claims => ({ sub: 'u1', kind: 'user', roles: ['PATIENT'], scopes: [], exp: 0, ...overrides });

describe('revocation entries', () => {
  it("refuse a person's token by its session, or by the person (a deleted account ends every session)", () => {
    expect(revocationIdsOf(claims({ sid: 's1' }))).toEqual(['session:s1', 'session:u1']);
  });

  it('refuse a partner key by its id, and nothing for callers without a credential to revoke', () => {
    expect(revocationIdsOf(claims({ kind: 'partner', sub: 'k1' }))).toEqual(['key:k1']);
    expect(revocationIdsOf(claims({}))).toEqual([]);
    expect(revocationIdsOf(claims({ kind: 'anonymous' }))).toEqual([]);
    expect(revocationIdsOf(null)).toEqual([]);
  });
});
