// One JSON POST to a provider's HTTP API with a timeout, its failures turned into ChannelErrors.
import { ChannelError, isRetryableStatus, unreachable } from './channel-adapter.js';

export interface ProviderRequest {
  provider: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
  timeoutMs: number;
  /** the provider's error body in a few words (its code and message), for the error message */
  describeError: (body: unknown) => string;
  /** a refusal retryable despite its status (a rate limit answered as 400) */
  retryableError?: (body: unknown) => boolean;
}

const MAX_DETAIL = 300;

export async function postJson(request: ProviderRequest): Promise<unknown> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(request.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...request.headers },
      body: JSON.stringify(request.body),
      signal: AbortSignal.timeout(request.timeoutMs),
    });
    text = await response.text();
  } catch (error) {
    throw unreachable(request.provider, error);
  }
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  if (response.ok) return body;
  const detail = request.describeError(body).slice(0, MAX_DETAIL);
  const retryable = isRetryableStatus(response.status) || (request.retryableError?.(body) ?? false);
  throw new ChannelError(`${request.provider} answered ${response.status}: ${detail}`, retryable, response.status);
}
