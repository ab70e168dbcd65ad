// What both adapters do around every HTTP call: the runtime's ProviderClient does the transport (retries,
// Retry-After, circuit breaker); here its refusals become PracticeSystemErrors and every 2xx answer is
// checked against the schema of what the system documents, so nothing unread reaches the mapping.
import { ProviderRejectedError, type ProviderClient, type ProviderClientOptions, type ProviderRequest } from '@medpay/runtime';
import type { z } from 'zod';
import { PracticeSystemError, type PracticeSystemErrorCode, type PracticeSystemKind } from './practice-system.js';

/** ProviderClient settings a caller may tune (tests shorten timeouts and delays). */
export type ClientTuning = Pick<ProviderClientOptions, 'timeoutMs' | 'retries' | 'retryBaseDelayMs' | 'retryMaxDelayMs' | 'circuitBreaker' | 'rateLimiter' | 'logger'>;

export function rejectionCode(status: number): PracticeSystemErrorCode {
  if (status === 401 || status === 403) return 'CREDENTIALS_REFUSED';
  if (status === 404) return 'NOT_FOUND';
  return 'REJECTED';
}

export async function callJson<Schema extends z.ZodType>(client: ProviderClient, system: PracticeSystemKind, schema: Schema, request: ProviderRequest): Promise<z.infer<Schema>> {
  let body: unknown;
  try {
    body = await client.json(request);
  } catch (error) {
    if (error instanceof ProviderRejectedError) throw new PracticeSystemError(rejectionCode(error.status), system, error.message, error.status);
    throw error;
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const problems = parsed.error.issues.slice(0, 5).map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
    throw new PracticeSystemError('INVALID_RESPONSE', system, `${system} ${request.operation}: unexpected answer (${problems})`);
  }
  return parsed.data;
}

/** Reais as the systems write them (a JSON number with two decimals at most) to our centavos. */
export const centavosFromReais = (reais: number) => Math.round(reais * 100);
export const reaisFromCentavos = (centavos: number) => centavos / 100;

/** The 11 digits of a CPF as the system holds it (masked or not); undefined when it is not 11 digits. */
export function cpfDigits(value: string | null | undefined): string | undefined {
  const digits = value?.replace(/\D/g, '') ?? '';
  return digits.length === 11 ? digits : undefined;
}

/** A Brazilian phone in E.164 (+55…), from "(11) 98765-4321", "11987654321" or "+55 11 98765-4321". */
export function brazilianPhone(value: string | null | undefined): string | undefined {
  const digits = value?.replace(/\D/g, '') ?? '';
  if (digits.length === 10 || digits.length === 11) return `+55${digits}`;
  if ((digits.length === 12 || digits.length === 13) && digits.startsWith('55')) return `+${digits}`;
  return undefined;
}

export function optionalText(value: string | null | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

export function isoDate(value: string | null | undefined): string | undefined {
  return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
}
