// The users subgraph's internal endpoint that gives an account the CLINIC_STAFF role (effective at
// the account's next login or session refresh).
import { CLAIMS_HEADER, serviceClaims, signClaims } from '@medpay/runtime';

export type StaffGrantTarget = { email: string } | { userId: string };

export interface StaffGrants {
  /** The account made clinic staff, or null when no account matches. */
  grant(target: StaffGrantTarget): Promise<{ userId: string; name: string } | null>;
}

export class UsersClient implements StaffGrants {
  constructor(
    private readonly usersUrl: string,
    private readonly internalSecret: string,
    private readonly timeoutMs = 5000,
  ) {}

  async grant(target: StaffGrantTarget): Promise<{ userId: string; name: string } | null> {
    const response = await fetch(new URL('/internal/staff-grants', this.usersUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: signClaims(serviceClaims('providers'), this.internalSecret) },
      body: JSON.stringify(target),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 404) return null;
    // Anything else is our fault or the users subgraph's: an unexpected error, logged and masked.
    if (!response.ok) throw new Error(`users staff-grants answered ${response.status}`);
    return (await response.json()) as { userId: string; name: string };
  }
}
