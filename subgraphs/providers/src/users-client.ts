// What providers asks of the users subgraph over its internal endpoints: make an account clinic staff
// (effective at the account's next login or session refresh), and who signs a clinic's agreement.
import { contacts, payerIdentity, staffGrants } from '@medpay/contracts';
import { InternalClient } from '@medpay/runtime';

export type StaffGrantTarget = { email: string } | { userId: string };

export interface StaffGrants {
  /** The account made clinic staff, or null when no account matches. */
  grant(target: StaffGrantTarget): Promise<{ userId: string; name: string } | null>;
}

/** A person as a contract names them: how to reach them, and their CPF when they have one. */
export interface PeopleDirectory {
  contact(userId: string): Promise<{ name: string; email: string; phone: string | null } | null>;
  identity(userId: string): Promise<{ name: string; cpf: string } | null>;
}

export class UsersClient implements StaffGrants, PeopleDirectory {
  private readonly client: InternalClient;

  constructor(usersUrl: string, internalSecret: string) {
    this.client = new InternalClient(usersUrl, 'providers', internalSecret);
  }

  grant(target: StaffGrantTarget) {
    return this.client.call(staffGrants, target);
  }

  async contact(userId: string) {
    return (await this.client.call(contacts, { userIds: [userId] }))?.contacts[0] ?? null;
  }

  identity(userId: string) {
    return this.client.call(payerIdentity, { userId });
  }
}
