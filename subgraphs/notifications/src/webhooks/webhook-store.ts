// Data access for partner webhooks: endpoints (secrets stay ciphertexts here), deliveries, and the
// per-payment sequence numbers deliveries carry.
import { pageOf, type Page } from '@medpay/runtime';
import type { Prisma, PrismaClient, WebhookDeliveryStatus } from '../generated/prisma/client.js';

/** An endpoint as shown and checked: everything but its secrets. */
const ENDPOINT_VIEW = {
  id: true,
  clinicId: true,
  url: true,
  events: true,
  enabled: true,
  createdAt: true,
  previousSecretExpiresAt: true,
  failingSince: true,
  deletedAt: true,
} satisfies Prisma.WebhookEndpointSelect;
export type WebhookEndpointRow = Prisma.WebhookEndpointGetPayload<{ select: typeof ENDPOINT_VIEW }>;

/** What a delivery attempt reads: the endpoint with its ciphertexts. */
const ENDPOINT_WITH_SECRETS = { ...ENDPOINT_VIEW, secretEncrypted: true, previousSecretEncrypted: true } satisfies Prisma.WebhookEndpointSelect;
export type WebhookEndpointWithSecrets = Prisma.WebhookEndpointGetPayload<{ select: typeof ENDPOINT_WITH_SECRETS }>;

/** A delivery as listed: everything but its body. */
const DELIVERY_VIEW = {
  id: true,
  endpointId: true,
  eventType: true,
  status: true,
  attempts: true,
  responseCodes: true,
  createdAt: true,
  lastAttemptAt: true,
  nextAttemptAt: true,
} satisfies Prisma.WebhookDeliverySelect;
export type WebhookDeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY_VIEW }>;

const DELIVERY_TO_SEND = { ...DELIVERY_VIEW, body: true, endpoint: { select: ENDPOINT_WITH_SECRETS } } satisfies Prisma.WebhookDeliverySelect;
export type WebhookDeliveryToSend = Prisma.WebhookDeliveryGetPayload<{ select: typeof DELIVERY_TO_SEND }>;

export interface NewEndpoint {
  id: string;
  clinicId: string;
  url: string;
  events: string[];
  secretEncrypted: string;
}

export interface EventDeliveries {
  eventId: string;
  eventType: string;
  aggregateId: string;
  endpointIds: string[];
  /** the body, given the event's sequence number in its aggregate */
  body: (sequence: number) => string;
  newId: () => string;
  now: Date;
}

export interface Attempt {
  /** HTTP status, 0 for no answer */
  code: number;
  at: Date;
  status: WebhookDeliveryStatus;
  nextAttemptAt: Date | null;
}

export class WebhookStore {
  constructor(private readonly prisma: PrismaClient) {}

  createEndpoint(endpoint: NewEndpoint): Promise<WebhookEndpointRow> {
    return this.prisma.webhookEndpoint.create({ data: endpoint, select: ENDPOINT_VIEW });
  }

  /** A live (not deleted) endpoint. */
  endpoint(id: string): Promise<WebhookEndpointRow | null> {
    return this.prisma.webhookEndpoint.findFirst({ where: { id, deletedAt: null }, select: ENDPOINT_VIEW });
  }

  endpointsOfClinic(clinicId: string): Promise<WebhookEndpointRow[]> {
    return this.prisma.webhookEndpoint.findMany({ where: { clinicId, deletedAt: null }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], select: ENDPOINT_VIEW });
  }

  /** The clinic's enabled, live endpoints that asked for this event type. */
  subscribedEndpoints(clinicId: string, eventType: string): Promise<WebhookEndpointRow[]> {
    return this.prisma.webhookEndpoint.findMany({ where: { clinicId, deletedAt: null, enabled: true, events: { has: eventType } }, select: ENDPOINT_VIEW });
  }

  setEnabled(id: string, enabled: boolean): Promise<WebhookEndpointRow> {
    return this.prisma.webhookEndpoint.update({ where: { id }, data: { enabled }, select: ENDPOINT_VIEW });
  }

  /** The current secret becomes the previous one (accepted until `previousExpiresAt`); one statement, so two rotations do not race. */
  async rotateSecret(id: string, secretEncrypted: string, previousExpiresAt: Date): Promise<WebhookEndpointRow> {
    await this.prisma.$executeRaw`
      UPDATE webhook_endpoints
      SET previous_secret_encrypted = secret_encrypted, secret_encrypted = ${secretEncrypted}, previous_secret_expires_at = ${previousExpiresAt}
      WHERE id = ${id}::uuid AND deleted_at IS NULL`;
    return this.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id }, select: ENDPOINT_VIEW });
  }

  /** Soft-deletes an endpoint and ends its pending deliveries; returns their ids (their jobs may go). */
  softDelete(id: string, now: Date): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      await tx.webhookEndpoint.update({ where: { id }, data: { deletedAt: now, enabled: false } });
      const pending = await tx.webhookDelivery.findMany({ where: { endpointId: id, status: 'PENDING' }, select: { id: true } });
      await tx.webhookDelivery.updateMany({ where: { endpointId: id, status: 'PENDING' }, data: { status: 'FAILED', nextAttemptAt: null } });
      return pending.map((delivery) => delivery.id);
    });
  }

  /**
   * Records one event's deliveries (at most one per endpoint: redelivered events find theirs taken)
   * and numbers the event in its aggregate, once per event id, in the same transaction. Returns the
   * event's deliveries still pending for these endpoints (new or left by an earlier try).
   */
  recordEventDeliveries(input: EventDeliveries): Promise<string[]> {
    return this.prisma.$transaction(async (tx) => {
      const sequence = (await sequenceOfDeliveredEvent(tx, input.eventId, input.endpointIds)) ?? (await nextSequence(tx, input.aggregateId, input.eventId));
      const body = input.body(sequence);
      await tx.webhookDelivery.createMany({
        data: input.endpointIds.map((endpointId) => ({
          id: input.newId(),
          endpointId,
          eventId: input.eventId,
          eventType: input.eventType,
          body,
          responseCodes: [],
          createdAt: input.now,
          nextAttemptAt: input.now,
        })),
        skipDuplicates: true,
      });
      const pending = await tx.webhookDelivery.findMany({
        where: { eventId: input.eventId, endpointId: { in: input.endpointIds }, status: 'PENDING' },
        select: { id: true },
      });
      return pending.map((delivery) => delivery.id);
    });
  }

  delivery(id: string): Promise<WebhookDeliveryRow | null> {
    return this.prisma.webhookDelivery.findUnique({ where: { id }, select: DELIVERY_VIEW });
  }

  deliveryToSend(id: string): Promise<WebhookDeliveryToSend | null> {
    return this.prisma.webhookDelivery.findUnique({ where: { id }, select: DELIVERY_TO_SEND });
  }

  /** Newest first; `after` is the id of the last delivery of the previous page. */
  async deliveriesPage(endpointId: string, take: number, after?: string): Promise<Page<WebhookDeliveryRow>> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { endpointId },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: take + 1,
      ...(after ? { cursor: { id: after }, skip: 1 } : {}),
      select: DELIVERY_VIEW,
    });
    return pageOf(rows, take);
  }

  /** Records an attempt of a delivery still pending (an ended one is left as it is). */
  async recordAttempt(id: string, attempt: Attempt): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({
      where: { id, status: 'PENDING' },
      data: { attempts: { increment: 1 }, responseCodes: { push: attempt.code }, lastAttemptAt: attempt.at, status: attempt.status, nextAttemptAt: attempt.nextAttemptAt },
    });
  }

  /** Ends a pending delivery without an attempt (its endpoint was disabled or deleted, or its job gave up). */
  async failDelivery(id: string): Promise<void> {
    await this.prisma.webhookDelivery.updateMany({ where: { id, status: 'PENDING' }, data: { status: 'FAILED', nextAttemptAt: null } });
  }

  /** A redelivery: the delivery is pending again, due at `at` (its attempts and codes are kept). */
  async reopen(id: string, at: Date): Promise<void> {
    await this.prisma.webhookDelivery.update({ where: { id }, data: { status: 'PENDING', nextAttemptAt: at } });
  }

  /** Starts a failing streak; true only for the call that started it (concurrent failures race here). */
  async markFailing(endpointId: string, at: Date): Promise<boolean> {
    const { count } = await this.prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: null }, data: { failingSince: at } });
    return count === 1;
  }

  async clearFailing(endpointId: string): Promise<void> {
    await this.prisma.webhookEndpoint.updateMany({ where: { id: endpointId, failingSince: { not: null } }, data: { failingSince: null } });
  }

  /** Pending deliveries due before `before`: their jobs may have been lost (a crash between the commit and the enqueue). */
  async overdueDeliveries(before: Date, limit: number): Promise<string[]> {
    const rows = await this.prisma.webhookDelivery.findMany({
      where: { status: 'PENDING', nextAttemptAt: { lt: before } },
      orderBy: { nextAttemptAt: 'asc' },
      take: limit,
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
}

type Transaction = Prisma.TransactionClient;

/**
 * The sequence number an event already got, when an earlier try delivered it to one of these endpoints
 * (asked per endpoint, so the (endpoint, event) unique index answers).
 */
async function sequenceOfDeliveredEvent(tx: Transaction, eventId: string, endpointIds: string[]): Promise<number | null> {
  const delivered = await tx.webhookDelivery.findFirst({ where: { eventId, endpointId: { in: endpointIds } }, select: { body: true } });
  if (!delivered) return null;
  const sequence = (JSON.parse(delivered.body) as { data?: { sequence?: unknown } }).data?.sequence;
  return typeof sequence === 'number' ? sequence : null;
}

/**
 * The next number of the aggregate, taken once per event id: the row's lock orders concurrent
 * events of one payment, and a repeat of the last event finds its own number.
 */
async function nextSequence(tx: Transaction, aggregateId: string, eventId: string): Promise<number> {
  const [taken] = await tx.$queryRaw<Array<{ sequence: number }>>`
    INSERT INTO aggregate_sequences (aggregate_id, last_event_id, sequence) VALUES (${aggregateId}, ${eventId}, 1)
    ON CONFLICT (aggregate_id) DO UPDATE SET sequence = aggregate_sequences.sequence + 1, last_event_id = EXCLUDED.last_event_id
    WHERE aggregate_sequences.last_event_id <> EXCLUDED.last_event_id
    RETURNING sequence`;
  if (taken) return taken.sequence;
  return (await tx.aggregateSequence.findUniqueOrThrow({ where: { aggregateId }, select: { sequence: true } })).sequence;
}
