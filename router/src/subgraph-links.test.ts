import { describe, expect, it } from '@jest/globals';
import { createLogger, type Claims } from '@medpay/runtime';
import { createServer, type AddressInfo } from 'node:net';
import { identityOf, retryDelays, SubgraphLinks } from './subgraph-links.js';

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

describe('a link retrying when its last subscription leaves', () => {
  it('stops quietly: no unhandled rejection (which would end the router) once the wait is over', async () => {
    const refused = createServer();
    await new Promise<void>((resolve) => refused.listen(0, '127.0.0.1', resolve));
    const { port } = refused.address() as AddressInfo;
    await new Promise((resolve) => refused.close(resolve)); // nothing listens there now
    const links = new SubgraphLinks({ baseUrlOf: () => `http://127.0.0.1:${port}`, internalSecret: 's'.repeat(32), retryBudgetMs: 10_000, logger: createLogger('router-test', 'silent') });
    const unhandled: unknown[] = [];
    const record = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', record);
    try {
      const unsubscribe = links.subscribe('payments', null, { query: 'subscription { tick }' }, { next: () => {}, error: () => {}, complete: () => {} });
      await new Promise((resolve) => setTimeout(resolve, 100)); // the first attempt fails; the link waits to retry
      unsubscribe();
      await new Promise((resolve) => setTimeout(resolve, 1_000)); // past the 250 ms wait (± 20 %)
      expect(unhandled).toEqual([]);
      expect(links.size).toBe(0);
    } finally {
      process.off('unhandledRejection', record);
      await links.close();
    }
  });
});
