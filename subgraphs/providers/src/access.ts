// Who may do what with a clinic. The directives in the schema already ensure the caller holds the
// right scope; these rules decide which clinic: membership (clinic_members) for people, the
// key's clinic for partner systems, everything (except editing catalogs) for platform admins.
import { Caller, isPlatformAdmin, type Claims } from '@medpay/runtime';
import type { ClinicStatus, StaffRole } from './generated/prisma/client.js';

export { isPlatformAdmin };

const isPartnerOf = (claims: Claims | null, clinicId: string) => claims?.kind === 'partner' && claims.clinicId === clinicId;

/** `role`: the caller's role in the clinic, null when the caller is not a member. */
export function maySeeClinic(claims: Claims | null, clinic: { id: string; status: ClinicStatus }, role: StaffRole | null): boolean {
  return clinic.status === 'ACTIVE' || isPlatformAdmin(claims) || role !== null || isPartnerOf(claims, clinic.id);
}

/**
 * A clinic reached by reference from another subgraph (a payment's clinic): as `clinic(id)`, except
 * that a suspended clinic still names itself on the payments made while it was active. A clinic that
 * was never active (in review, rejected) is seen only by its own people, its keys and admins.
 */
export function maySeeReferencedClinic(claims: Claims | null, clinic: { id: string; status: ClinicStatus }, role: StaffRole | null): boolean {
  return clinic.status === 'SUSPENDED' || maySeeClinic(claims, clinic, role);
}

/** Inactive procedures too: the clinic's own people, its partner systems, platform admins. */
export function maySeeWholeCatalog(claims: Claims | null, clinicId: string, role: StaffRole | null): boolean {
  return isPlatformAdmin(claims) || role !== null || isPartnerOf(claims, clinicId);
}

/** The team, the status reason: members of any role and platform admins. */
export function mayReadClinicPrivate(claims: Claims | null, role: StaffRole | null): boolean {
  return isPlatformAdmin(claims) || role !== null;
}

/** Creating and changing procedures: the clinic's admins or its partner keys, never platform admins as such. */
export function mayEditCatalog(claims: Claims | null, clinicId: string, role: StaffRole | null): boolean {
  return (claims?.kind === 'user' && role === 'ADMIN') || isPartnerOf(claims, clinicId);
}

/** Team and API keys: the clinic's admins, in person (a partner key cannot mint keys or add people). */
export function mayManageClinic(claims: Claims | null, role: StaffRole | null): boolean {
  return claims?.kind === 'user' && role === 'ADMIN';
}

/** API keys are listed to the clinic's admins and to platform admins. */
export function mayListApiKeys(claims: Claims | null, role: StaffRole | null): boolean {
  return isPlatformAdmin(claims) || mayManageClinic(claims, role);
}

/** The caller of one request (the kit's Caller, memberships from clinic_members) with the clinic rules above. */
export class Viewer extends Caller<StaffRole> {
  async canSeeClinic(clinic: { id: string; status: ClinicStatus }): Promise<boolean> {
    return clinic.status === 'ACTIVE' || maySeeClinic(this.claims, clinic, await this.roleIn(clinic.id));
  }

  async canSeeReferencedClinic(clinic: { id: string; status: ClinicStatus }): Promise<boolean> {
    return clinic.status === 'ACTIVE' || maySeeReferencedClinic(this.claims, clinic, await this.roleIn(clinic.id));
  }

  async canSeeWholeCatalog(clinicId: string): Promise<boolean> {
    return maySeeWholeCatalog(this.claims, clinicId, await this.roleIn(clinicId));
  }

  async assertCanReadPrivate(clinicId: string): Promise<void> {
    if (!mayReadClinicPrivate(this.claims, await this.roleIn(clinicId))) throw this.denied();
  }

  async assertCanEditCatalog(clinicId: string): Promise<void> {
    if (!mayEditCatalog(this.claims, clinicId, await this.roleIn(clinicId))) throw this.denied();
  }

  async assertCanManageClinic(clinicId: string): Promise<void> {
    if (!mayManageClinic(this.claims, await this.roleIn(clinicId))) throw this.denied();
  }

  async assertCanListApiKeys(clinicId: string): Promise<void> {
    if (!mayListApiKeys(this.claims, await this.roleIn(clinicId))) throw this.denied();
  }
}
