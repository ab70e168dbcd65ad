// Asks the router something as a given person, for work done on their behalf in the background (their
// data export) or checked before their request is recorded (money in flight before a deletion): a
// short-lived token of a session of its own, revoked as soon as the answer is in, so it serves
// nothing else. The router then applies the same directives and ownership checks as for the person.
import { randomUUID } from 'node:crypto';
import type { AccessTokenIssuer, Role } from '@medpay/runtime';
import type { RevocationLog } from './revocation-store.js';

export interface GraphAnswer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

export class RouterAsPerson {
  constructor(
    private readonly routerUrl: string,
    private readonly tokens: AccessTokenIssuer,
    private readonly revocations: RevocationLog,
  ) {}

  async query<T>(person: { id: string; roles: Role[] }, query: string, timeoutMs = 60_000): Promise<GraphAnswer<T>> {
    const sessionId = randomUUID();
    const { token } = await this.tokens.issue(person.id, person.roles, sessionId);
    try {
      const response = await fetch(new URL('/graphql', this.routerUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'apollographql-client-name': 'users' },
        body: JSON.stringify({ query }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      const body = (await response.json()) as Omit<GraphAnswer<T>, 'status'>;
      return { status: response.status, ...body };
    } finally {
      await this.revocations.record(sessionId);
    }
  }
}
