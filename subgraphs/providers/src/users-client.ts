// The users subgraph's internal endpoint that gives an account the CLINIC_STAFF role (effective at
// the account's next login or session refresh).
import { staffGrants } from '@medpay/contracts';
import { InternalClient } from '@medpay/runtime';

export type StaffGrantTarget = { email: string } | { userId: string };

export interface StaffGrants {
  /** The account made clinic staff, or null when no account matches. */
  grant(target: StaffGrantTarget): Promise<{ userId: string; name: string } | null>;
}

export class UsersClient implements StaffGrants {
  private readonly client: InternalClient;

  constructor(usersUrl: string, internalSecret: string) {
    this.client = new InternalClient(usersUrl, 'providers', internalSecret);
  }

  grant(target: StaffGrantTarget) {
    return this.client.call(staffGrants, target);
  }
}
