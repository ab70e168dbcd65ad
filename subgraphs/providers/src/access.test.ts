import { describe, expect, it } from '@jest/globals';
import { scopesForRoles, type Claims, type Role } from '@medpay/runtime';
import { mayEditCatalog, mayListApiKeys, mayManageClinic, mayReadClinicPrivate, maySeeClinic, maySeeWholeCatalog, Viewer } from './access.js';

const CLINIC = 'c0000000-0000-4000-8000-000000000001';
const OTHER = 'c0000000-0000-4000-8000-000000000002';
const exp = Math.floor(Date.now() / 1000) + 60;
const user = (roles: Role[] = ['CLINIC_STAFF']): Claims => ({ sub: 'u1', kind: 'user', roles, scopes: scopesForRoles(roles), exp });
const partner = (clinicId: string): Claims => ({ sub: 'k1', kind: 'partner', roles: [], scopes: ['clinic'], clinicId, exp });
const platformAdmin = user(['PLATFORM_ADMIN']);

describe('clinic access rules', () => {
  it('anyone sees an ACTIVE clinic; other states only their people, their partner keys and platform admins', () => {
    const pending = { id: CLINIC, status: 'PENDING_REVIEW' as const };
    expect(maySeeClinic(null, { id: CLINIC, status: 'ACTIVE' }, null)).toBe(true);
    expect(maySeeClinic(null, pending, null)).toBe(false);
    expect(maySeeClinic(user(['PATIENT']), pending, null)).toBe(false);
    expect(maySeeClinic(user(), pending, 'STAFF')).toBe(true);
    expect(maySeeClinic(platformAdmin, pending, null)).toBe(true);
    expect(maySeeClinic(partner(CLINIC), pending, null)).toBe(true);
    expect(maySeeClinic(partner(OTHER), pending, null)).toBe(false);
  });

  it('catalog edits: the clinic admin or its partner key; not staff, not another clinic, not a platform admin', () => {
    expect(mayEditCatalog(user(), CLINIC, 'ADMIN')).toBe(true);
    expect(mayEditCatalog(user(), CLINIC, 'STAFF')).toBe(false);
    expect(mayEditCatalog(user(), CLINIC, null)).toBe(false);
    expect(mayEditCatalog(partner(CLINIC), CLINIC, null)).toBe(true);
    expect(mayEditCatalog(partner(OTHER), CLINIC, null)).toBe(false);
    expect(mayEditCatalog(platformAdmin, CLINIC, null)).toBe(false);
  });

  it('team and keys: the clinic admin in person only; keys are listed to platform admins too', () => {
    expect(mayManageClinic(user(), 'ADMIN')).toBe(true);
    expect(mayManageClinic(user(), 'STAFF')).toBe(false);
    expect(mayManageClinic(partner(CLINIC), null)).toBe(false);
    expect(mayManageClinic(platformAdmin, null)).toBe(false);
    expect(mayListApiKeys(platformAdmin, null)).toBe(true);
    expect(mayListApiKeys(user(), 'STAFF')).toBe(false);
    expect(mayListApiKeys(partner(CLINIC), null)).toBe(false);
  });

  it('private reads (team, status reason): any member and platform admins; whole catalog also partner keys', () => {
    expect(mayReadClinicPrivate(user(), 'STAFF')).toBe(true);
    expect(mayReadClinicPrivate(user(), null)).toBe(false);
    expect(mayReadClinicPrivate(partner(CLINIC), null)).toBe(false);
    expect(mayReadClinicPrivate(platformAdmin, null)).toBe(true);
    expect(maySeeWholeCatalog(partner(CLINIC), CLINIC, null)).toBe(true);
    expect(maySeeWholeCatalog(user(['PATIENT']), CLINIC, null)).toBe(false);
  });
});

describe('Viewer', () => {
  it('loads the memberships once per request, and not at all for anonymous or partner callers', async () => {
    let loads = 0;
    const load = async () => {
      loads += 1;
      return [{ clinicId: CLINIC, role: 'ADMIN' as const }];
    };
    const viewer = new Viewer(user(), load);
    expect(await Promise.all([viewer.roleIn(CLINIC), viewer.roleIn(OTHER), viewer.roleIn(CLINIC)])).toEqual(['ADMIN', null, 'ADMIN']);
    expect(loads).toBe(1);
    expect(await new Viewer(null, load).roleIn(CLINIC)).toBeNull();
    expect(await new Viewer(partner(CLINIC), load).roleIn(CLINIC)).toBeNull();
    expect(loads).toBe(1);
  });

  it('answers UNAUTHENTICATED to anonymous callers and FORBIDDEN to others', async () => {
    const none = async () => [];
    await expect(new Viewer(null, none).assertCanEditCatalog(CLINIC)).rejects.toMatchObject({ extensions: { code: 'UNAUTHENTICATED' } });
    await expect(new Viewer(user(), none).assertCanEditCatalog(CLINIC)).rejects.toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(() => new Viewer(partner(CLINIC), none).requireUser()).toThrow(expect.objectContaining({ extensions: expect.objectContaining({ code: 'FORBIDDEN' }) }));
  });
});
