// Who may see and act on which payments: the payer, the clinic's staff (or its partner systems),
// platform admins. Clinic roles come from the providers subgraph, once per request.
import { forbidden, isPlatformAdmin, unauthenticated, type Claims } from '@medpay/runtime';
import type { Directory } from './directory.js';

export class PaymentAccess {
  private memberships?: Promise<Set<string>>;

  constructor(
    readonly claims: Claims | null,
    private readonly directory: Directory,
  ) {}

  get isAdmin(): boolean {
    return isPlatformAdmin(this.claims);
  }

  /** the person calling (patients, staff, admins), or null */
  get userId(): string | null {
    return this.claims?.kind === 'user' ? this.claims.sub : null;
  }

  requireUser(): string {
    if (!this.userId) throw this.claims ? forbidden() : unauthenticated();
    return this.userId;
  }

  async isClinicMember(clinicId: string): Promise<boolean> {
    if (this.claims?.kind === 'partner') return this.claims.clinicId === clinicId;
    if (!this.userId || !this.claims?.roles.includes('CLINIC_STAFF')) return false;
    this.memberships ??= this.directory.memberships(this.userId).then((list) => new Set(list.map((m) => m.clinicId)));
    return (await this.memberships).has(clinicId);
  }

  async canSee(payment: { payerId: string; clinicId: string }): Promise<boolean> {
    return this.isAdmin || payment.payerId === this.userId || (await this.isClinicMember(payment.clinicId));
  }

  async assertClinicMember(clinicId: string) {
    if (!(await this.isClinicMember(clinicId))) throw this.claims ? forbidden() : unauthenticated();
  }

  async assertCanSeeClinic(clinicId: string) {
    if (!this.isAdmin) await this.assertClinicMember(clinicId);
  }
}
