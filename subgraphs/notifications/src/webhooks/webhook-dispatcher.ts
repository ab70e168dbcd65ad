// Turns payments events into signed deliveries to the clinics' endpoints and sends them: one delivery
// per (endpoint, event), its body fixed when created, each attempt a job of the 'webhooks' queue.
// Failed attempts follow the retry schedule (the job is rescheduled, so the queue's own attempts only
// cover unexpected errors); a delivery's order per payment is its `sequence`, which receivers order by
// (deliveries are sent in order while an endpoint is healthy; retries may overtake one another).
import { CoalescingLoop, isUuid, type DomainEvent, type FieldEncryption, type Logger, type Metrics } from '@medpay/runtime';
import { exponentialBackoff, RescheduleJob, type JobQueue, type QueueJob } from '../queue/job-queue.js';
import type { UrlPolicy } from './url-policy.js';
import { FAILING_AFTER_MS, isWebhookEventType, nextAttemptAt, STANDARD_RETRY_SCHEDULE, type RetrySchedule } from './webhook-rules.js';
import { sendWebhook } from './webhook-sender.js';
import { newMessageId, signatureHeader } from './webhook-signing.js';
import type { WebhookEndpointRow, WebhookStore } from './webhook-store.js';

export const WEBHOOK_QUEUE = 'webhooks';
/** one job per failing streak, due when the streak is an hour old */
export const WEBHOOK_ALERT_QUEUE = 'webhook-alerts';

interface DeliveryJob {
  deliveryId: string;
}

interface FailingAlertJob {
  endpointId: string;
  /** the streak it is about (ISO); a later streak has another */
  failingSince: string;
}

export interface WebhookDispatcherOptions {
  /** counts attempts by result (`webhook_deliveries_total`) */
  metrics?: Metrics;
  store: WebhookStore;
  queue: JobQueue;
  encryption: FieldEncryption;
  policy: UrlPolicy;
  logger: Logger;
  /** an endpoint's deliveries have all failed for `failingAfterMs`: told once per failing streak */
  onEndpointFailing: (endpoint: WebhookEndpointRow) => Promise<void> | void;
  retrySchedule?: RetrySchedule;
  failingAfterMs?: number;
  /** attempts at once in this process */
  concurrency?: number;
  /** per attempt */
  timeoutMs?: number;
  /** how often pending deliveries whose job went missing are queued again */
  reconcileIntervalMs?: number;
}

export class WebhookDispatcher {
  private readonly retrySchedule: RetrySchedule;
  private readonly failingAfterMs: number;
  private readonly reconcile: CoalescingLoop;

  constructor(private readonly options: WebhookDispatcherOptions) {
    this.retrySchedule = options.retrySchedule ?? STANDARD_RETRY_SCHEDULE;
    this.failingAfterMs = options.failingAfterMs ?? FAILING_AFTER_MS;
    this.reconcile = new CoalescingLoop('webhooks:reconcile', () => this.requeueOverdue(), options.logger);
  }

  /** Starts this process's workers of the webhook queues. */
  start(): void {
    const { queue } = this.options;
    queue.work<DeliveryJob>(WEBHOOK_QUEUE, {
      concurrency: this.options.concurrency ?? 10,
      attempts: 5,
      backoffMs: exponentialBackoff(1_000, 60_000),
      handle: (job) => this.deliver(job),
      onExhausted: (job) => this.options.store.failDelivery(job.data.deliveryId),
    });
    queue.work<FailingAlertJob>(WEBHOOK_ALERT_QUEUE, {
      concurrency: 1,
      attempts: 5,
      backoffMs: exponentialBackoff(5_000, 300_000),
      handle: (job) => this.alert(job),
      onExhausted: async (job, error) => this.options.logger.error({ err: error, endpointId: job.data.endpointId }, 'could not report a failing webhook endpoint'),
    });
    this.reconcile.start(this.options.reconcileIntervalMs ?? 60_000);
  }

  async stop(): Promise<void> {
    await this.reconcile.stop();
  }

  /** A domain event: deliveries for the clinic's endpoints subscribed to its type (idempotent by event id). */
  async onEvent(event: DomainEvent): Promise<void> {
    if (!isWebhookEventType(event.type)) return;
    const clinicId = event.payload.clinicId;
    if (typeof clinicId !== 'string' || !isUuid(clinicId)) return;
    const endpoints = await this.options.store.subscribedEndpoints(clinicId, event.type);
    if (endpoints.length === 0) return;
    const now = new Date();
    const pending = await this.options.store.recordEventDeliveries({
      eventId: event.id,
      eventType: event.type,
      aggregateId: event.aggregateId,
      endpointIds: endpoints.map((endpoint) => endpoint.id),
      body: (sequence) => JSON.stringify({ type: event.type, timestamp: event.createdAt, data: { ...event.payload, sequence } }),
      newId: () => newMessageId(now.getTime()),
      now,
    });
    for (const deliveryId of pending) await this.enqueue(deliveryId);
  }

  /** Queues an attempt of a delivery now (a no-op while one is queued or running). */
  enqueue(deliveryId: string, at: Date = new Date()): Promise<void> {
    return this.options.queue.add<DeliveryJob>(WEBHOOK_QUEUE, deliveryId, { deliveryId }, at);
  }

  /** Takes a delivery's waiting job off the queue (the delivery ended, or is queued anew). */
  dequeue(deliveryId: string): Promise<boolean> {
    return this.options.queue.remove(WEBHOOK_QUEUE, deliveryId);
  }

  /** One attempt; a failure reschedules the job per the retry schedule, or ends the delivery FAILED. */
  private async deliver(job: QueueJob<DeliveryJob>): Promise<void> {
    const { store, encryption, policy, logger } = this.options;
    const delivery = await store.deliveryToSend(job.data.deliveryId);
    if (!delivery || delivery.status !== 'PENDING') return;
    const { endpoint } = delivery;
    if (endpoint.deletedAt || !endpoint.enabled) return store.failDelivery(delivery.id);

    const now = new Date();
    const secrets = [encryption.decrypt(endpoint.secretEncrypted)];
    // during a rotation's grace both secrets sign, so a receiver holding either one verifies
    if (endpoint.previousSecretEncrypted && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now) {
      secrets.push(encryption.decrypt(endpoint.previousSecretEncrypted));
    }
    const response = await sendWebhook(
      { url: endpoint.url, id: delivery.id, timestamp: now, body: delivery.body, signature: signatureHeader(secrets, delivery.id, now, delivery.body) },
      policy,
      this.options.timeoutMs,
    );

    if (response.status >= 200 && response.status < 300) {
      this.options.metrics?.increment('webhook_deliveries_total', 1, { result: 'succeeded' });
      await store.recordAttempt(delivery.id, { code: response.status, at: now, status: 'SUCCEEDED', nextAttemptAt: null });
      await store.clearFailing(endpoint.id);
      return;
    }
    const next = nextAttemptAt(this.retrySchedule, delivery.createdAt, delivery.attempts + 1, now);
    this.options.metrics?.increment('webhook_deliveries_total', 1, { result: next ? 'retrying' : 'failed' });
    await store.recordAttempt(delivery.id, { code: response.status, at: now, status: next ? 'PENDING' : 'FAILED', nextAttemptAt: next });
    logger.warn(
      { deliveryId: delivery.id, endpointId: endpoint.id, status: response.status, error: response.error, attempt: delivery.attempts + 1, nextAttemptAt: next },
      next ? 'webhook delivery failed; it will be retried' : 'webhook delivery failed for good',
    );
    await this.noteFailure(endpoint, now);
    if (next) throw new RescheduleJob(next);
  }

  /** The first failure since a success starts a streak, and queues its alert for when it is `failingAfterMs` old. */
  private async noteFailure(endpoint: WebhookEndpointRow, at: Date) {
    if (!(await this.options.store.markFailing(endpoint.id, at))) return;
    const alert: FailingAlertJob = { endpointId: endpoint.id, failingSince: at.toISOString() };
    await this.options.queue.add(WEBHOOK_ALERT_QUEUE, `failing_${endpoint.id}_${at.getTime()}`, alert, new Date(at.getTime() + this.failingAfterMs));
  }

  /** A streak's alert is due: told only if that streak is still going (no success since) on a live, enabled endpoint. */
  private async alert(job: QueueJob<FailingAlertJob>) {
    const endpoint = await this.options.store.endpoint(job.data.endpointId);
    if (!endpoint?.enabled || endpoint.failingSince?.getTime() !== Date.parse(job.data.failingSince)) return;
    await this.options.onEndpointFailing(endpoint);
  }

  private async requeueOverdue() {
    const overdue = await this.options.store.overdueDeliveries(new Date(Date.now() - 60_000), 500);
    for (const deliveryId of overdue) await this.enqueue(deliveryId);
  }
}
