// Calls between our own services (not through the graph): JSON over HTTP with signed service
// claims, so the receiving endpoint knows the caller is one of us.
import { CLAIMS_HEADER, serviceClaims, signClaims } from './claims.js';

export class InternalClient {
  constructor(
    private readonly baseUrl: string,
    /** the calling service, as the receiver will see it */
    private readonly service: string,
    private readonly secret: string,
    private readonly timeoutMs = 5000,
  ) {}

  /** The answer, or null when the endpoint answers 404; any other failure throws (logged and masked upstream). */
  async post<T>(path: string, body: unknown): Promise<T | null> {
    const response = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CLAIMS_HEADER]: signClaims(serviceClaims(this.service), this.secret) },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    return (await response.json()) as T;
  }
}
