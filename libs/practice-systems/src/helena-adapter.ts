// The PracticeSystem on Helena CRM's API: a static bearer API token (created in Helena under
// Ajustes > Integrações), the appointments feed paged by an opaque change cursor, the payment written
// back to the appointment (payment fields and a note, keyed by our reference), signed webhooks.
import { ProviderClient, staticCredentials, type ProviderRequest } from '@medpay/runtime';
import type { z } from 'zod';
import { accountAnswer, appointmentPage, paymentAnswer, paymentBody, serviceList, toAppointment, toProcedure } from './helena-mapping.js';
import { parseHelenaWebhook, type HelenaWebhookEvent } from './helena-webhooks.js';
import { callJson, type ClientTuning } from './provider-call.js';
import { PracticeSystemError, type AppointmentPage, type ExternalProcedure, type PaymentChange, type PracticeSystem } from './practice-system.js';

export interface HelenaAdapterOptions extends ClientTuning {
  baseUrl: string;
  apiToken: string;
  /** the secret Helena signs this account's webhooks with */
  webhookSecret?: string;
}

const PAGE_LIMIT = 100;

export class HelenaAdapter implements PracticeSystem {
  readonly kind = 'HELENA' as const;
  private readonly client: ProviderClient;

  constructor(private readonly options: HelenaAdapterOptions) {
    const { baseUrl, apiToken, webhookSecret: _webhookSecret, ...tuning } = options;
    this.client = new ProviderClient({ provider: 'helena', baseUrl, credentials: staticCredentials({ authorization: `Bearer ${apiToken}` }), ...tuning });
  }

  async account() {
    const account = await this.call(accountAnswer, { method: 'GET', path: '/core/v1/account', operation: 'account' });
    return { accountId: account.id, name: account.name };
  }

  async procedures(): Promise<ExternalProcedure[]> {
    const services = await this.call(serviceList, { method: 'GET', path: '/agenda/v1/services', operation: 'services' });
    return services.items.filter((service) => service.active).map(toProcedure);
  }

  async appointmentsSince(cursor: string | null, limit: number): Promise<AppointmentPage> {
    const query = new URLSearchParams({ limit: String(Math.min(Math.max(1, Math.floor(limit)), PAGE_LIMIT)), ...(cursor ? { cursor } : {}) });
    try {
      const page = await this.call(appointmentPage, { method: 'GET', path: `/agenda/v1/appointments?${query}`, operation: 'appointments changed since' });
      return { appointments: page.items.map(toAppointment), cursor: page.nextCursor ?? cursor, more: page.hasMore };
    } catch (error) {
      if (error instanceof PracticeSystemError && error.status === 400 && cursor) throw new PracticeSystemError('INVALID_CURSOR', this.kind, error.message, 400);
      throw error;
    }
  }

  async recordPayment(appointmentExternalId: string, change: PaymentChange): Promise<void> {
    await this.call(paymentAnswer, {
      method: 'PUT',
      path: `/agenda/v1/appointments/${encodeURIComponent(appointmentExternalId)}/payment`,
      body: paymentBody(change),
      operation: 'payment write-back',
    });
  }

  /** A webhook delivered for this account, verified with its secret (see parseHelenaWebhook). */
  parseWebhook(rawBody: Buffer | string, headers: Record<string, string | string[] | undefined>, secret = this.options.webhookSecret): HelenaWebhookEvent | null {
    if (!secret) throw new Error('HelenaAdapter.parseWebhook needs the webhook secret');
    return parseHelenaWebhook(rawBody, headers, secret);
  }

  private call<Schema extends z.ZodType>(schema: Schema, request: ProviderRequest) {
    return callJson(this.client, this.kind, schema, request);
  }
}
