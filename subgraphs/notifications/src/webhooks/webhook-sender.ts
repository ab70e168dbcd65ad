// One HTTP attempt of a delivery: POST the body with the Standard Webhooks headers, through the URL
// policy's lookup, 10 s at most, redirects not followed (a 3xx is an answer, and a failure), and at
// most a few KB of the answer read (its body is ignored).
import http from 'node:http';
import https from 'node:https';
import type { UrlPolicy } from './url-policy.js';

export interface WebhookRequest {
  url: string;
  /** webhook-id: the delivery's id, the same on every attempt */
  id: string;
  /** webhook-timestamp (the signature covers it) */
  timestamp: Date;
  body: string;
  /** webhook-signature */
  signature: string;
}

export interface WebhookResponse {
  /** the HTTP status; 0 when there was no answer (refused, unreachable, timed out, not allowed) */
  status: number;
  /** why there was no answer, for the logs */
  error?: string;
}

export const USER_AGENT = 'MedPay-Webhooks/1.0';
const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_BYTES = 4 * 1024;

export function sendWebhook(request: WebhookRequest, policy: UrlPolicy, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<WebhookResponse> {
  let url: URL;
  try {
    url = policy.parse(request.url);
  } catch (error) {
    return Promise.resolve({ status: 0, error: error instanceof Error ? error.message : String(error) });
  }
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let status = 0;
    let settled = false;
    const finish = (error?: unknown) => {
      if (settled) return;
      settled = true;
      resolve(status || error === undefined ? { status } : { status, error: error instanceof Error ? error.message : String(error) });
    };
    const outgoing = client.request(
      url,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(request.body),
          'user-agent': USER_AGENT,
          'webhook-id': request.id,
          'webhook-timestamp': String(Math.floor(request.timestamp.getTime() / 1000)),
          'webhook-signature': request.signature,
        },
        // a connection of its own, resolved by the policy (a pooled socket could skip the check)
        agent: false,
        lookup: policy.lookup,
        signal: AbortSignal.timeout(timeoutMs),
      },
      (response) => {
        status = response.statusCode ?? 0;
        let received = 0;
        response.on('data', (chunk: Buffer) => {
          received += chunk.length;
          if (received > MAX_RESPONSE_BYTES) response.destroy();
        });
        response.on('end', () => finish());
        response.on('close', () => finish());
        response.on('error', finish);
      },
    );
    outgoing.on('error', finish);
    outgoing.end(request.body);
  });
}
