// "Who is this caller", asked the same way by the resolvers of every subgraph: the person's id, the
// platform-admin flag, the partner system's clinic, and the person's clinic roles (loaded once per
// request, on first need). Which caller may do what stays in each subgraph's own rules.
import { isPlatformAdmin, type Claims, type Role } from './claims.js';
import { forbidden, unauthenticated } from './errors.js';

export interface ClinicMembershipOf<ClinicRole extends string> {
  clinicId: string;
  role: ClinicRole;
}

export class Caller<ClinicRole extends string = string> {
  private memberships?: Promise<Map<string, ClinicRole>>;

  constructor(
    readonly claims: Claims | null,
    /** the person's clinic memberships (the providers subgraph's table, or its internal endpoint) */
    private readonly loadMemberships: (userId: string) => Promise<Array<ClinicMembershipOf<ClinicRole>>> = async () => [],
  ) {}

  get isPlatformAdmin(): boolean {
    return isPlatformAdmin(this.claims);
  }

  /** The person calling, or null for anonymous, partner and service callers. */
  get userId(): string | null {
    return this.claims?.kind === 'user' ? this.claims.sub : null;
  }

  /** The clinic a partner system's API key acts for, or null for any other caller. */
  get partnerClinicId(): string | null {
    return this.claims?.kind === 'partner' ? (this.claims.clinicId ?? null) : null;
  }

  hasRole(role: Role): boolean {
    return this.claims?.roles.includes(role) === true;
  }

  isPartnerOf(clinicId: string): boolean {
    return this.partnerClinicId === clinicId;
  }

  /** The calling person, or UNAUTHENTICATED / FORBIDDEN (a partner system is not a person). */
  requireUser(): string {
    if (!this.claims) throw unauthenticated();
    if (!this.userId) throw forbidden();
    return this.userId;
  }

  /** UNAUTHENTICATED for an anonymous caller, FORBIDDEN for anyone else. */
  denied() {
    return this.claims ? forbidden() : unauthenticated();
  }

  assertPlatformAdmin(): void {
    if (!this.isPlatformAdmin) throw this.denied();
  }

  /** The person, or a platform admin (personal data). */
  assertSelfOrPlatformAdmin(userId: string): void {
    if (this.userId !== userId && !this.isPlatformAdmin) throw this.denied();
  }

  /**
   * The person themselves and no one else — not a platform admin either: a data subject's own package
   * (the export) is theirs alone; admins see personal data through their own, logged fields.
   */
  assertSelf(userId: string): void {
    if (this.userId !== userId) throw this.denied();
  }

  /** The person's role in the clinic, null when not a member (or not a person). */
  async roleIn(clinicId: string): Promise<ClinicRole | null> {
    const userId = this.userId;
    if (!userId) return null;
    this.memberships ??= this.loadMemberships(userId).then((rows) => new Map(rows.map((row) => [row.clinicId, row.role])));
    return (await this.memberships).get(clinicId) ?? null;
  }
}
