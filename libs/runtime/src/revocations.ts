// The internal revocations feed: users (ended sessions) and providers (revoked API keys) each answer
// `POST /internal/revocations {since}` with what was revoked at or after `since`; the router polls
// both and refuses those credentials at once (router/src/revocations.ts).
import { z } from 'zod';

export const REVOCATIONS_PATH = '/internal/revocations';

const revocationsRequest = z.object({ since: z.string().datetime() });
export const revocationsAnswer = z.object({ revoked: z.array(z.object({ id: z.string(), at: z.string().datetime() })) });
export type RevocationsAnswer = z.infer<typeof revocationsAnswer>;

/** The `since` of a feed request, or null when the body is not one. */
export function readRevocationsSince(body: Buffer): Date | null {
  try {
    const parsed = revocationsRequest.safeParse(JSON.parse(body.toString('utf8')));
    return parsed.success ? new Date(parsed.data.since) : null;
  } catch {
    return null;
  }
}

export const revocationsOf = (rows: { id: string; at: Date }[]): RevocationsAnswer => ({ revoked: rows.map(({ id, at }) => ({ id, at: at.toISOString() })) });
