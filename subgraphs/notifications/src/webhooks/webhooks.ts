// Partner webhooks as the graph offers them: a clinic's admins (and platform admins) register
// endpoints, rotate their secrets, watch and redeliver deliveries. Who may do what is decided here;
// sending is the dispatcher's.
import { encodeCursor, forbidden, isUuid, notFound, pageSize, unauthenticated, type AnyAppError, type Caller, type DomainEvent, type FieldEncryption, type Logger, type Metrics, type Page } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../generated/prisma/client.js';
import type { JobQueue } from '../queue/job-queue.js';
import type { UrlPolicy } from './url-policy.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksError } from './webhook-errors.js';
import { FAILING_AFTER_MS, SECRET_ROTATION_GRACE_MS, validateEventTypes, WEBHOOK_EVENT_TYPES, type RetrySchedule } from './webhook-rules.js';
import { isMessageId, newWebhookSecret } from './webhook-signing.js';
import { WebhookStore, type WebhookDeliveryRow, type WebhookEndpointRow } from './webhook-store.js';

/** A person's role in a clinic (the providers subgraph's memberships). */
export type ClinicRole = 'ADMIN' | 'STAFF';
export type WebhooksCaller = Caller<ClinicRole>;

export interface WebhookEndpointWithSecret {
  endpoint: WebhookEndpointRow;
  /** whsec_…: shown this once, kept only encrypted */
  secret: string;
}

export interface WebhooksOptions {
  prisma: PrismaClient;
  queue: JobQueue;
  /** seals the signing secrets at rest */
  encryption: FieldEncryption;
  /** `new UrlPolicy({ production: config.NODE_ENV === 'production' })` */
  policy: UrlPolicy;
  logger: Logger;
  /** an endpoint has failed every delivery for an hour: told once per failing streak (e.g. to notify its clinic's admins) */
  onEndpointFailing: (endpoint: WebhookEndpointRow) => Promise<void> | void;
  /** Standard Webhooks' schedule by default; tests pass milliseconds */
  retrySchedule?: RetrySchedule;
  /** 1 hour by default */
  failingAfterMs?: number;
  /** delivery attempts at once in this process (10) */
  concurrency?: number;
  /** per attempt (10 s) */
  timeoutMs?: number;
  /** counts delivery attempts by result */
  metrics?: Metrics;
}

const DELIVERIES_PAGE = 20;

export class Webhooks {
  readonly store: WebhookStore;
  readonly failingAfterMs: number;
  private readonly dispatcher: WebhookDispatcher;
  private readonly encryption: FieldEncryption;
  private readonly policy: UrlPolicy;

  constructor(options: WebhooksOptions) {
    this.store = new WebhookStore(options.prisma);
    this.failingAfterMs = options.failingAfterMs ?? FAILING_AFTER_MS;
    this.encryption = options.encryption;
    this.policy = options.policy;
    this.dispatcher = new WebhookDispatcher({ ...options, store: this.store });
  }

  /** Starts delivering (this process's workers of the webhook queues). */
  start(): void {
    this.dispatcher.start();
  }

  /** Stops the background passes; close the job queue after it (that waits for running attempts). */
  stop(): Promise<void> {
    return this.dispatcher.stop();
  }

  /** Feed every domain event here; the webhook types of a clinic with endpoints become deliveries. */
  onEvent(event: DomainEvent): Promise<void> {
    return this.dispatcher.onEvent(event);
  }

  eventTypes(caller: WebhooksCaller): readonly string[] {
    if (!caller.claims) throw unauthenticated();
    return WEBHOOK_EVENT_TYPES;
  }

  async endpoints(caller: WebhooksCaller, clinicId: string): Promise<WebhookEndpointRow[]> {
    await this.assertClinicAdmin(caller, clinicId);
    return this.store.endpointsOfClinic(clinicId);
  }

  async createEndpoint(caller: WebhooksCaller, clinicId: string, url: string, events: readonly string[]): Promise<WebhookEndpointWithSecret> {
    await this.assertClinicAdmin(caller, clinicId);
    const types = validateEventTypes(events);
    const checked = await this.policy.check(url);
    const secret = newWebhookSecret();
    const endpoint = await this.store.createEndpoint({ id: randomUUID(), clinicId, url: checked.href, events: types, secretEncrypted: this.encryption.encrypt(secret) });
    return { endpoint, secret };
  }

  async setEndpointEnabled(caller: WebhooksCaller, id: string, enabled: boolean): Promise<WebhookEndpointRow> {
    await this.endpointFor(caller, id);
    return this.store.setEnabled(id, enabled);
  }

  /** A new secret; the old one keeps signing (beside it) for 24 hours. A second rotation drops the oldest. */
  async rotateSecret(caller: WebhooksCaller, id: string): Promise<WebhookEndpointWithSecret> {
    await this.endpointFor(caller, id);
    const secret = newWebhookSecret();
    const endpoint = await this.store.rotateSecret(id, this.encryption.encrypt(secret), new Date(Date.now() + SECRET_ROTATION_GRACE_MS));
    return { endpoint, secret };
  }

  /** Soft delete: the endpoint disappears and its pending deliveries end (FAILED). */
  async deleteEndpoint(caller: WebhooksCaller, id: string): Promise<true> {
    await this.endpointFor(caller, id);
    const ended = await this.store.softDelete(id, new Date());
    // their attempts would end them anyway (the endpoint is gone); this only spares the queue
    for (const deliveryId of ended) await this.dispatcher.dequeue(deliveryId).catch(() => false);
    return true;
  }

  async deliveries(caller: WebhooksCaller, endpointId: string, first: number | null | undefined, after: string | null | undefined): Promise<Page<WebhookDeliveryRow>> {
    const take = pageSize(first, DELIVERIES_PAGE);
    const cursor = decodeDeliveryCursor(after);
    await this.endpointFor(caller, endpointId);
    return this.store.deliveriesPage(endpointId, take, cursor);
  }

  /** A new attempt now, with the same webhook-id and body. Within the retry window a failure is retried as usual. */
  async redeliver(caller: WebhooksCaller, deliveryId: string): Promise<WebhookDeliveryRow> {
    const missing = () => new WebhooksError('NOT_FOUND', 'Entrega de webhook não encontrada.');
    const delivery = isMessageId(deliveryId) ? await this.store.delivery(deliveryId) : null;
    if (!delivery) throw missing();
    const endpoint = await this.endpointFor(caller, delivery.endpointId, missing);
    if (!endpoint.enabled) throw new WebhooksError('WEBHOOK_ENDPOINT_DISABLED', 'Ative o endpoint antes de reenviar a entrega.');
    const now = new Date();
    // a pending delivery waiting for its retry: take the waiting job off, so the new one runs now
    if (delivery.status === 'PENDING') await this.dispatcher.dequeue(deliveryId);
    await this.store.reopen(deliveryId, now);
    await this.dispatcher.enqueue(deliveryId, now);
    return (await this.store.delivery(deliveryId))!;
  }

  /** Clinic ids are not secret: a caller who is not the clinic's admin is FORBIDDEN. */
  private async assertClinicAdmin(caller: WebhooksCaller, clinicId: string): Promise<void> {
    if (!caller.claims) throw unauthenticated();
    if (!caller.isPlatformAdmin && (await caller.roleIn(clinicId)) !== 'ADMIN') throw forbidden();
    if (!isUuid(clinicId)) throw new WebhooksError('NOT_FOUND', 'Clínica não encontrada.');
  }

  /**
   * A live endpoint the caller administers. Someone outside its clinic gets NOT_FOUND, as for an
   * unknown id, so endpoint ids reveal nothing about other clinics; its clinic's staff get FORBIDDEN.
   */
  private async endpointFor(caller: WebhooksCaller, id: string, missing: () => AnyAppError = () => notFound('Endpoint de webhook')): Promise<WebhookEndpointRow> {
    if (!caller.claims) throw unauthenticated();
    const endpoint = isUuid(id) ? await this.store.endpoint(id) : null;
    if (!endpoint) throw missing();
    if (caller.isPlatformAdmin) return endpoint;
    const role = await caller.roleIn(endpoint.clinicId);
    if (role === 'ADMIN') return endpoint;
    throw role ? forbidden() : missing();
  }
}

/**
 * The delivery an `after` cursor points at. The kit's cursors carry ids the same way, but its decoder
 * only accepts UUIDs; delivery ids are msg_… (the webhook-id header).
 */
export function decodeDeliveryCursor(after: string | null | undefined): string | undefined {
  if (after === null || after === undefined || after === '') return undefined;
  const decoded = Buffer.from(after, 'base64url').toString('utf8');
  const id = decoded.startsWith('id:') ? decoded.slice(3) : '';
  if (!isMessageId(id) || encodeCursor(id) !== after) throw new WebhooksError('BAD_USER_INPUT', 'Cursor de paginação inválido.', { field: 'after' });
  return id;
}
