// Who may see and act on which payments: the payer, the clinic's staff (or its partner systems),
// platform admins. Clinic roles come from the providers subgraph, once per request.
import { Caller, type Claims } from '@medpay/runtime';
import type { ClinicMembership, Directory } from '../internal/directory.js';

export class PaymentAccess extends Caller<ClinicMembership['role']> {
  constructor(claims: Claims | null, directory: Directory) {
    super(claims, (userId) => directory.memberships(userId));
  }

  get isAdmin(): boolean {
    return this.isPlatformAdmin;
  }

  /** Clinic staff (the CLINIC_STAFF role in the token, then the membership) or the clinic's partner systems. */
  async isClinicMember(clinicId: string): Promise<boolean> {
    if (this.claims?.kind === 'partner') return this.isPartnerOf(clinicId);
    if (!this.userId || !this.hasRole('CLINIC_STAFF')) return false;
    return (await this.roleIn(clinicId)) !== null;
  }

  async canSee(payment: { payerId: string; clinicId: string }): Promise<boolean> {
    return this.isAdmin || payment.payerId === this.userId || (await this.isClinicMember(payment.clinicId));
  }

  async assertClinicMember(clinicId: string) {
    if (!(await this.isClinicMember(clinicId))) throw this.denied();
  }

  async assertCanSeeClinic(clinicId: string) {
    if (!this.isAdmin) await this.assertClinicMember(clinicId);
  }
}
