/**
 * The patient's own view of the graph, for the assistant: the patient app's MyInstallments and
 * MyPayments, sent to the router by their trusted-document ids with the patient's own Authorization
 * header. Never a service token: the router applies the patient's rules, so the answer can only be
 * about what the patient may see.
 */
import { AppError } from '@medpay/runtime';
import { readFileSync } from 'node:fs';
import type { z } from 'zod';
import { installmentsAnswer, paymentsAnswer, type InstallmentRow, type PaymentRow } from './assistant/data-answers.js';

/** The apps' operations the assistant sends (by id). */
export const PATIENT_OPERATIONS = ['MyInstallments', 'MyPayments'] as const;
type OperationName = (typeof PATIENT_OPERATIONS)[number];

/** The caller on whose behalf the graph is asked: their own header, and their address for the router's limits. */
export interface OnBehalfOf {
  authorization: string;
  clientIp: string;
}

/** Each operation's sha256 (hex) in the apps' manifest (`sha256:<hex>` → text); a missing one stops the service at start. */
export function operationIds(manifestPath: string): Record<OperationName, string> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
  const ids = {} as Record<OperationName, string>;
  for (const name of PATIENT_OPERATIONS) {
    const found = Object.entries(manifest).find(([, text]) => new RegExp(`^query ${name}\\b`).test(text));
    if (!found) throw new Error(`The apps' trusted documents (${manifestPath}) have no query ${name}, which the assistant sends`);
    ids[name] = found[0].slice('sha256:'.length);
  }
  return ids;
}

const unavailable = () => new AppError('SUBGRAPH_UNAVAILABLE', 'Não consegui consultar seus dados agora. Tente de novo em instantes.');

export class PatientGraph {
  constructor(
    private readonly routerUrl: string,
    private readonly ids: Record<OperationName, string>,
    private readonly timeoutMs: number,
  ) {}

  async installments(caller: OnBehalfOf): Promise<InstallmentRow[]> {
    return (await this.run('MyInstallments', caller, installmentsAnswer)).myInstallments ?? [];
  }

  /** The first page of the patient's payments, the newest first. */
  async payments(caller: OnBehalfOf): Promise<PaymentRow[]> {
    return (await this.run('MyPayments', caller, paymentsAnswer)).myPayments?.edges.map((edge) => edge.node) ?? [];
  }

  /** One of the patient's payments among the newest page (the ones the app lists first), or null. */
  async payment(caller: OnBehalfOf, paymentId: string): Promise<PaymentRow | null> {
    return (await this.payments(caller)).find((row) => row.id === paymentId) ?? null;
  }

  private async run<T>(name: OperationName, caller: OnBehalfOf, shape: z.ZodType<T>): Promise<T> {
    const response = await fetch(`${this.routerUrl}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: caller.authorization,
        // Believed by the router only from a trusted proxy: then its limits count the patient's address, not ours.
        ...(caller.clientIp ? { 'x-forwarded-for': caller.clientIp } : {}),
        'apollographql-client-name': 'medpay-ai',
      },
      body: JSON.stringify({ operationName: name, variables: {}, extensions: { persistedQuery: { version: 1, sha256Hash: this.ids[name] } } }),
      signal: AbortSignal.timeout(this.timeoutMs),
    }).catch(() => {
      throw unavailable();
    });
    const body = (await response.json().catch(() => null)) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] } | null;
    const refusal = body?.errors?.find((error) => error.extensions?.code === 'UNAUTHENTICATED' || error.extensions?.code === 'FORBIDDEN');
    // The patient's session ended between the two requests: say so as the router would.
    if (refusal) throw new AppError(refusal.extensions!.code as 'UNAUTHENTICATED' | 'FORBIDDEN', refusal.message);
    if (!body?.data || body.errors?.length) throw unavailable();
    const parsed = shape.safeParse(body.data);
    if (!parsed.success) throw new Error(`${name} answered in an unexpected shape: ${parsed.error.message}`);
    return parsed.data;
  }
}
