// Partner webhooks end to end on the embedded database and queue, against a real local receiver:
// signatures (standardwebhooks and plain node:crypto), retries, redirects, rotation, the URL policy
// (development and production), who may manage endpoints, and per-payment sequence numbers.
import { afterAll, afterEach, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { Caller, createLogger, FieldEncryption, Metrics, openDatabase, type Claims, type Database, type DomainEvent } from '@medpay/runtime';
import { eventually } from '@medpay/runtime/testing';
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { LookupAddress } from 'node:dns';
import { lookup as systemLookup } from 'node:dns/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';
import { isIP } from 'node:net';
import { fileURLToPath } from 'node:url';
import { Webhook } from 'standardwebhooks';
import { PrismaClient } from '../generated/prisma/client.js';
import { EmbeddedJobQueue } from '../queue/embedded-queue.js';
import { webhookResolvers, type WebhooksContext } from './resolvers.js';
import { UrlPolicy } from './url-policy.js';
import type { WebhookEndpointRow } from './webhook-store.js';
import { sendWebhook } from './webhook-sender.js';
import { Webhooks, type ClinicRole, type WebhooksCaller } from './webhooks.js';

const logger = createLogger('webhooks-test', 'silent');
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
/** retries 150 ms apart for 700 ms (five attempts), failing after 300 ms: the real schedule in miniature */
const retrySchedule = { delaysMs: [150], windowMs: 700 };
const failingAfterMs = 300;

// ---------------------------------------------------------------------------------------------------
// A receiver: answers each path with the statuses it was told (the last one repeats) and records what arrived.

interface Received {
  path: string;
  headers: IncomingHttpHeaders;
  body: string;
}

class Receiver {
  readonly received: Received[] = [];
  connections = 0;
  private readonly plans = new Map<string, number[]>();
  private readonly server = http.createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (body += chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      this.received.push({ path, headers: request.headers, body });
      const plan = this.plans.get(path) ?? [200];
      const status = plan.length > 1 ? plan.shift()! : plan[0]!;
      response.writeHead(status, status >= 300 && status < 400 ? { location: '/redirected-here' } : {});
      response.end(status >= 400 ? 'nope' : 'ok');
    });
  });

  constructor() {
    this.server.on('connection', () => this.connections++);
  }

  async start() {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  get port() {
    return (this.server.address() as AddressInfo).port;
  }

  /** a path of its own for one test, answered with these statuses */
  path(...statuses: number[]): string {
    const path = `/hooks/${randomBytes(4).toString('hex')}`;
    this.plans.set(path, statuses.length ? statuses : [200]);
    return path;
  }

  respond(path: string, ...statuses: number[]) {
    this.plans.set(path, statuses);
  }

  url(path: string, host = '127.0.0.1') {
    return `http://${host}:${this.port}${path}`;
  }

  at(path: string) {
    return this.received.filter((request) => request.path === path);
  }

  close() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

// ---------------------------------------------------------------------------------------------------
// Callers, events and the stack

const claimsOf = (roles: Claims['roles']): Claims => ({ sub: randomUUID(), kind: 'user', roles, scopes: [], exp: Math.floor(Date.now() / 1000) + 3600 });
const member = (clinicId: string, role: ClinicRole): WebhooksCaller => new Caller(claimsOf(['CLINIC_STAFF']), async () => [{ clinicId, role }]);
const platformAdmin = (): WebhooksCaller => new Caller(claimsOf(['PLATFORM_ADMIN']));
const anonymous = (): WebhooksCaller => new Caller(null);

function paymentEvent(type: string, clinicId: string, paymentId = randomUUID(), extra: Record<string, unknown> = {}): DomainEvent {
  return { id: randomUUID(), type, aggregateId: paymentId, payload: { paymentId, clinicId, payerId: randomUUID(), ...extra }, createdAt: new Date().toISOString() };
}

const headersOf = (request: Received) => ({
  'webhook-id': String(request.headers['webhook-id']),
  'webhook-timestamp': String(request.headers['webhook-timestamp']),
  'webhook-signature': String(request.headers['webhook-signature']),
});

/** The receiver's check with nothing but node:crypto (what WEBHOOKS.md shows). */
function verifiesWithNodeCrypto(secret: string, request: Received): boolean {
  const { 'webhook-id': id, 'webhook-timestamp': timestamp, 'webhook-signature': header } = headersOf(request);
  const key = Buffer.from(secret.slice('whsec_'.length), 'base64');
  const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${request.body}`).digest('base64'));
  return header.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    const given = Buffer.from(signature ?? '');
    return version === 'v1' && given.length === expected.length && timingSafeEqual(given, expected);
  });
}

const codeOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code ?? String(error);
  }
  return 'no error';
};

interface Stack {
  database: Database<PrismaClient>;
  queue: EmbeddedJobQueue;
  webhooks: Webhooks;
  failing: WebhookEndpointRow[];
  close(): Promise<void>;
}

async function openStack(policy: UrlPolicy): Promise<Stack> {
  const database = await openDatabase({
    service: 'notifications',
    url: 'pglite:memory',
    migrationsDir: fileURLToPath(new URL('../../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
  // Prisma loads its query compiler on the first query: here, not in a background pass between tests
  await database.prisma.$queryRaw`SELECT 1`;
  const queue = new EmbeddedJobQueue(database.prisma, logger, { pollIntervalMs: 20 });
  const failing: WebhookEndpointRow[] = [];
  const webhooks = new Webhooks({
    prisma: database.prisma,
    queue,
    encryption: new FieldEncryption(randomBytes(32).toString('base64url'), randomBytes(32).toString('base64url')),
    policy,
    logger,
    onEndpointFailing: (endpoint) => void failing.push(endpoint),
    retrySchedule,
    failingAfterMs,
    timeoutMs: 2_000,
  });
  webhooks.start();
  return {
    database,
    queue,
    webhooks,
    failing,
    async close() {
      await webhooks.stop();
      await queue.close();
      await database.close();
    },
  };
}

// ---------------------------------------------------------------------------------------------------

describe('partner webhooks (development policy)', () => {
  const receiver = new Receiver();
  let stack: Stack;
  let webhooks: Webhooks;

  beforeAll(async () => {
    await receiver.start();
    stack = await openStack(new UrlPolicy({ production: false }));
    webhooks = stack.webhooks;
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await receiver.close();
  });
  afterEach(() => void jest.restoreAllMocks());

  /** a new clinic, its admin, and an endpoint of it on a fresh receiver path */
  async function endpointOf(events: string[], ...statuses: number[]) {
    const clinicId = randomUUID();
    const admin = member(clinicId, 'ADMIN');
    const path = receiver.path(...statuses);
    const { endpoint, secret } = await webhooks.createEndpoint(admin, clinicId, receiver.url(path), events);
    return { clinicId, admin, path, endpoint, secret };
  }

  const deliveriesOf = async (endpointId: string) => (await webhooks.store.deliveriesPage(endpointId, 100)).rows;

  it('delivers a signed event that verifies with standardwebhooks and with plain node:crypto', async () => {
    const { clinicId, admin, path, endpoint, secret } = await endpointOf(['payment.status_changed']);
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    const stored = await stack.database.prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } });
    expect(stored.secretEncrypted).not.toContain(secret.slice(6));

    const event = paymentEvent('payment.status_changed', clinicId, randomUUID(), { from: 'AWAITING_PAYMENT', status: 'PAID' });
    await webhooks.onEvent(event);
    const [request] = await eventually(() => receiver.at(path), (requests) => requests.length === 1, 'the delivery');

    expect(request!.headers['content-type']).toBe('application/json');
    expect(request!.headers['user-agent']).toBe('MedPay-Webhooks/1.0');
    expect(request!.headers['webhook-id']).toMatch(/^msg_[0-9A-Z]{26}$/);
    expect(Math.abs(Number(request!.headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);

    const payload = new Webhook(secret).verify(request!.body, headersOf(request!));
    expect(payload).toEqual({ type: 'payment.status_changed', timestamp: event.createdAt, data: { ...event.payload, sequence: 1 } });
    expect(verifiesWithNodeCrypto(secret, request!)).toBe(true);

    // a tampered body, another secret, or a replay more than 5 minutes later: refused
    expect(() => new Webhook(secret).verify(request!.body.replace('"PAID"', '"REFUNDED"'), headersOf(request!))).toThrow('No matching signature found');
    expect(verifiesWithNodeCrypto(secret, { ...request!, body: request!.body.replace('"PAID"', '"REFUNDED"') })).toBe(false);
    expect(() => new Webhook(`whsec_${randomBytes(24).toString('base64')}`).verify(request!.body, headersOf(request!))).toThrow();
    jest.spyOn(Date, 'now').mockReturnValue(Date.now() + 6 * 60_000);
    expect(() => new Webhook(secret).verify(request!.body, headersOf(request!))).toThrow('Message timestamp too old');
    jest.restoreAllMocks();

    const [delivery] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'SUCCEEDED', 'the delivery to be recorded');
    expect(delivery).toMatchObject({ id: request!.headers['webhook-id'], eventType: 'payment.status_changed', attempts: 1, responseCodes: [200], nextAttemptAt: null });

    // and through the resolvers, as the graph shows it
    const context: WebhooksContext = { caller: admin, webhooks };
    const connection = await webhookResolvers.Query.webhookDeliveries(null, { endpointId: endpoint.id }, context);
    expect(connection.edges.map((edge) => edge.node)).toEqual([expect.objectContaining({ id: delivery!.id, status: 'SUCCEEDED', responseCodes: [200], lastAttemptAt: expect.any(String) })]);
  });

  it('retries a 500 and delivers once with the same webhook-id: 2 attempts, codes [500, 200]', async () => {
    const { clinicId, path, endpoint, secret } = await endpointOf(['installment.paid'], 500, 200);
    await webhooks.onEvent(paymentEvent('installment.paid', clinicId));
    const [delivery] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'SUCCEEDED', 'the retried delivery');
    await sleep(400);
    const requests = receiver.at(path);
    expect(requests).toHaveLength(2);
    expect(new Set(requests.map((request) => request.headers['webhook-id']))).toEqual(new Set([delivery!.id]));
    expect(requests.every((request) => verifiesWithNodeCrypto(secret, request))).toBe(true);
    expect(delivery).toMatchObject({ attempts: 2, responseCodes: [500, 200], status: 'SUCCEEDED' });
    // the failure started a streak, the success ended it
    expect((await webhooks.store.endpoint(endpoint.id))!.failingSince).toBeNull();
  });

  it('does not follow a redirect: a 3xx is a failed attempt', async () => {
    const { clinicId, path, endpoint } = await endpointOf(['charge.issued'], 302);
    await webhooks.onEvent(paymentEvent('charge.issued', clinicId));
    const [delivery] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.status === 'FAILED', 'the delivery to fail for good', 5_000);
    expect(delivery!.responseCodes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(delivery!.responseCodes)).toEqual(new Set([302]));
    expect(delivery!.nextAttemptAt).toBeNull();
    expect(receiver.at(path)).toHaveLength(delivery!.attempts);
    expect(receiver.at('/redirected-here')).toHaveLength(0);
  });

  it('makes one delivery of an event that arrives twice', async () => {
    const { clinicId, path, endpoint } = await endpointOf(['payment.created']);
    const event = paymentEvent('payment.created', clinicId);
    await Promise.all([webhooks.onEvent(event), webhooks.onEvent(event)]);
    await webhooks.onEvent(event);
    await eventually(() => receiver.at(path), (requests) => requests.length === 1, 'the delivery');
    await webhooks.onEvent(event);
    await sleep(300);
    expect(receiver.at(path)).toHaveLength(1);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(1);
  });

  it('sends only the subscribed types of the endpoint\'s own clinic, and nothing without a clinic', async () => {
    const { clinicId, path } = await endpointOf(['installment.overdue']);
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await webhooks.onEvent(paymentEvent('installment.overdue', randomUUID()));
    await webhooks.onEvent({ ...paymentEvent('installment.overdue', clinicId), payload: { paymentId: randomUUID() } });
    await webhooks.onEvent(paymentEvent('clinic.approved', clinicId));
    await sleep(300);
    expect(receiver.at(path)).toHaveLength(0);
  });

  it('signs with both secrets during a rotation, and with the new one alone once it ends', async () => {
    const { clinicId, admin, path, endpoint, secret: oldSecret } = await endpointOf(['payment.created']);
    const rotated = await webhooks.rotateSecret(admin, endpoint.id);
    const newSecret = rotated.secret;
    expect(newSecret).not.toBe(oldSecret);
    expect(rotated.endpoint.previousSecretExpiresAt!.getTime() - Date.now()).toBeGreaterThan(23.9 * 3600_000);

    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    const [during] = await eventually(() => receiver.at(path), (requests) => requests.length === 1, 'a delivery during the rotation');
    const signatures = headersOf(during!)['webhook-signature'].split(' ');
    expect(signatures).toHaveLength(2);
    expect(signatures.every((signature) => signature.startsWith('v1,'))).toBe(true);
    expect(() => new Webhook(newSecret).verify(during!.body, headersOf(during!))).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(during!.body, headersOf(during!))).not.toThrow();
    expect(verifiesWithNodeCrypto(oldSecret, during!) && verifiesWithNodeCrypto(newSecret, during!)).toBe(true);

    // the grace period ends
    await stack.database.prisma.webhookEndpoint.update({ where: { id: endpoint.id }, data: { previousSecretExpiresAt: new Date(Date.now() - 1_000) } });
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    const after = (await eventually(() => receiver.at(path), (requests) => requests.length === 2, 'a delivery after the rotation'))[1]!;
    expect(headersOf(after)['webhook-signature'].split(' ')).toHaveLength(1);
    expect(() => new Webhook(newSecret).verify(after.body, headersOf(after))).not.toThrow();
    expect(() => new Webhook(oldSecret).verify(after.body, headersOf(after))).toThrow();
    const [shown] = await webhookResolvers.Query.webhookEndpoints(null, { clinicId }, { caller: admin, webhooks });
    expect(shown!.previousSecretExpiresAt).toBeNull();
  });

  it('sends nothing to a disabled endpoint, and stops a deleted endpoint\'s pending deliveries', async () => {
    const { clinicId, admin, path, endpoint } = await endpointOf(['payment.created'], 500);
    await webhooks.setEndpointEnabled(admin, endpoint.id, false);
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await sleep(300);
    expect(receiver.at(path)).toHaveLength(0);
    expect(await deliveriesOf(endpoint.id)).toHaveLength(0);

    await webhooks.setEndpointEnabled(admin, endpoint.id, true);
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await eventually(() => deliveriesOf(endpoint.id), (rows) => rows[0]?.attempts === 1, 'the first (failed) attempt');
    expect(await webhooks.deleteEndpoint(admin, endpoint.id)).toBe(true);
    await sleep(500); // three retry intervals
    expect(receiver.at(path)).toHaveLength(1);
    const [delivery] = await stack.database.prisma.webhookDelivery.findMany({ where: { endpointId: endpoint.id } });
    expect(delivery).toMatchObject({ status: 'FAILED', attempts: 1, nextAttemptAt: null });
    expect(await webhooks.endpoints(admin, clinicId)).toEqual([]);
    expect(await codeOf(webhooks.rotateSecret(admin, endpoint.id))).toBe('NOT_FOUND');
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await sleep(200);
    expect(receiver.at(path)).toHaveLength(1);
  });

  it('numbers each payment\'s events in order', async () => {
    const { clinicId, path } = await endpointOf(['payment.created', 'payment.status_changed', 'installment.paid']);
    const first = randomUUID();
    const second = randomUUID();
    const events = [
      paymentEvent('payment.created', clinicId, first),
      paymentEvent('payment.created', clinicId, second),
      paymentEvent('payment.status_changed', clinicId, first),
      paymentEvent('installment.paid', clinicId, first),
      paymentEvent('payment.status_changed', clinicId, second),
    ];
    for (const event of events) await webhooks.onEvent(event);
    await webhooks.onEvent(events[2]!); // a repeat takes no new number
    const requests = await eventually(() => receiver.at(path), (received) => received.length === 5, 'five deliveries');
    const sequences = new Map<string, number[]>();
    for (const request of requests) {
      const { data } = JSON.parse(request.body) as { data: { paymentId: string; sequence: number } };
      sequences.set(data.paymentId, [...(sequences.get(data.paymentId) ?? []), data.sequence]);
    }
    expect(sequences.get(first)!.sort()).toEqual([1, 2, 3]);
    expect(sequences.get(second)!.sort()).toEqual([1, 2]);
  });

  it('reports an endpoint failing for the threshold once per failing streak', async () => {
    const { clinicId, path, endpoint } = await endpointOf(['payment.created'], 503);
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await eventually(() => stack.failing.filter((row) => row.id === endpoint.id), (rows) => rows.length === 1, 'the failing report');
    const [shown] = await webhookResolvers.Query.webhookEndpoints(null, { clinicId }, { caller: platformAdmin(), webhooks });
    expect(shown!.failing).toBe(true);
    // the same streak goes on: no second report
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await eventually(() => deliveriesOf(endpoint.id), (rows) => rows.length === 2 && rows.every((row) => row.status === 'FAILED'), 'both deliveries to fail', 5_000);
    await sleep(failingAfterMs + 100);
    expect(stack.failing.filter((row) => row.id === endpoint.id)).toHaveLength(1);
    // a success ends the streak; the next failure starts another, reported again
    receiver.respond(path, 200);
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await eventually(() => webhooks.store.endpoint(endpoint.id), (row) => row?.failingSince === null, 'the streak to end');
    receiver.respond(path, 503);
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    await eventually(() => stack.failing.filter((row) => row.id === endpoint.id), (rows) => rows.length === 2, 'the second streak\'s report');
  });

  it('redelivers with the same webhook-id, and pages deliveries newest first', async () => {
    const { clinicId, admin, path, endpoint } = await endpointOf(['payment.created']);
    for (let n = 0; n < 3; n++) await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    const rows = await eventually(() => deliveriesOf(endpoint.id), (list) => list.length === 3 && list.every((row) => row.status === 'SUCCEEDED'), 'three deliveries');

    const firstPage = await webhooks.deliveries(admin, endpoint.id, 2, null);
    expect(firstPage.hasNextPage).toBe(true);
    const connection = await webhookResolvers.Query.webhookDeliveries(null, { endpointId: endpoint.id, first: 2 }, { caller: admin, webhooks });
    const rest = await webhookResolvers.Query.webhookDeliveries(null, { endpointId: endpoint.id, first: 2, after: connection.pageInfo.endCursor }, { caller: admin, webhooks });
    expect(rest.pageInfo.hasNextPage).toBe(false);
    expect([...connection.edges, ...rest.edges].map((edge) => edge.node.id)).toEqual(rows.map((row) => row.id));
    const times = rows.map((row) => row.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    expect(await codeOf(webhooks.deliveries(admin, endpoint.id, 2, 'garbage'))).toBe('BAD_USER_INPUT');
    expect(await codeOf(webhooks.deliveries(admin, endpoint.id, 0, null))).toBe('BAD_USER_INPUT');

    const target = rows[1]!;
    const redelivered = await webhookResolvers.Mutation.redeliverWebhook(null, { deliveryId: target.id }, { caller: admin, webhooks });
    expect(redelivered).toMatchObject({ id: target.id, status: 'PENDING' });
    await eventually(() => webhooks.store.delivery(target.id), (row) => row?.attempts === 2 && row.status === 'SUCCEEDED', 'the redelivery');
    expect(receiver.at(path).filter((request) => request.headers['webhook-id'] === target.id)).toHaveLength(2);
    expect((await webhooks.store.delivery(target.id))!.responseCodes).toEqual([200, 200]);
  });

  it('lets only the clinic\'s admins and platform admins manage its endpoints', async () => {
    const { clinicId, admin, endpoint } = await endpointOf(['payment.created']);
    await webhooks.onEvent(paymentEvent('payment.created', clinicId));
    const [delivery] = await eventually(() => deliveriesOf(endpoint.id), (rows) => rows.length === 1, 'a delivery');
    const otherClinicsAdmin = member(randomUUID(), 'ADMIN');
    const staff = member(clinicId, 'STAFF');
    const url = receiver.url('/x');

    for (const caller of [otherClinicsAdmin, staff]) {
      expect(await codeOf(webhooks.endpoints(caller, clinicId))).toBe('FORBIDDEN');
      expect(await codeOf(webhooks.createEndpoint(caller, clinicId, url, ['payment.created']))).toBe('FORBIDDEN');
    }
    // another clinic's endpoints and deliveries are not found, as unknown ids are
    expect(await codeOf(webhooks.setEndpointEnabled(otherClinicsAdmin, endpoint.id, false))).toBe('NOT_FOUND');
    expect(await codeOf(webhooks.rotateSecret(otherClinicsAdmin, endpoint.id))).toBe('NOT_FOUND');
    expect(await codeOf(webhooks.deleteEndpoint(otherClinicsAdmin, endpoint.id))).toBe('NOT_FOUND');
    expect(await codeOf(webhooks.deliveries(otherClinicsAdmin, endpoint.id, 10, null))).toBe('NOT_FOUND');
    expect(await codeOf(webhooks.redeliver(otherClinicsAdmin, delivery!.id))).toBe('NOT_FOUND');
    expect(await codeOf(webhooks.setEndpointEnabled(staff, endpoint.id, false))).toBe('FORBIDDEN');
    expect(await codeOf(webhooks.setEndpointEnabled(admin, randomUUID(), false))).toBe('NOT_FOUND');
    expect(await codeOf(webhooks.setEndpointEnabled(admin, 'not-an-id', false))).toBe('NOT_FOUND');
    expect(await codeOf(webhooks.redeliver(admin, 'msg_00000000000000000000000000'))).toBe('NOT_FOUND');
    // anonymous callers are asked to sign in
    expect(await codeOf(webhooks.endpoints(anonymous(), clinicId))).toBe('UNAUTHENTICATED');
    expect(await codeOf(webhooks.setEndpointEnabled(anonymous(), endpoint.id, false))).toBe('UNAUTHENTICATED');
    expect(() => webhooks.eventTypes(anonymous())).toThrow();
    // platform admins may
    expect((await webhooks.endpoints(platformAdmin(), clinicId)).map((row) => row.id)).toEqual([endpoint.id]);
    expect((await webhooks.setEndpointEnabled(platformAdmin(), endpoint.id, false)).enabled).toBe(false);
    expect(await codeOf(webhooks.redeliver(admin, delivery!.id))).toBe('WEBHOOK_ENDPOINT_DISABLED');
    expect(webhooks.eventTypes(admin)).toEqual(['payment.created', 'payment.status_changed', 'installment.paid', 'installment.overdue', 'charge.issued']);
  });

  it('validates the event types and the URL (development: http and loopback, never private networks)', async () => {
    const clinicId = randomUUID();
    const admin = member(clinicId, 'ADMIN');
    const create = (url: string, events = ['payment.created']) => webhooks.createEndpoint(admin, clinicId, url, events);
    expect(await codeOf(create(receiver.url('/t'), []))).toBe('BAD_USER_INPUT');
    expect(await codeOf(create(receiver.url('/t'), ['payment.created', 'payment.exploded']))).toBe('BAD_USER_INPUT');
    const error = await create(receiver.url('/t'), ['payment.exploded']).catch((failure: Error) => failure);
    expect((error as Error).message).toMatch(/Tipo de evento desconhecido/);
    expect(await codeOf(create('not a url'))).toBe('WEBHOOK_URL_INVALID');
    expect(await codeOf(create('ftp://example.com/hook'))).toBe('WEBHOOK_URL_INVALID');
    expect(await codeOf(create(`https://example.com/${'a'.repeat(2048)}`))).toBe('WEBHOOK_URL_INVALID');
    expect(await codeOf(create('http://10.1.2.3/hook'))).toBe('WEBHOOK_URL_NOT_ALLOWED');
    expect(await codeOf(create('http://169.254.169.254/latest/meta-data'))).toBe('WEBHOOK_URL_NOT_ALLOWED');
    const created = await create(receiver.url('/t', 'localhost'), ['payment.created', 'payment.created']);
    expect(created.endpoint.events).toEqual(['payment.created']);
    const shown = await webhookResolvers.Mutation.createWebhookEndpoint(null, { clinicId, url: receiver.url('/u'), events: ['charge.issued'] }, { caller: admin, webhooks });
    expect(shown).toEqual({
      endpoint: { id: expect.any(String), clinicId, url: receiver.url('/u'), events: ['charge.issued'], enabled: true, createdAt: expect.any(String), previousSecretExpiresAt: null, failing: false },
      secret: expect.stringMatching(/^whsec_/),
    });
  });
});

describe('partner webhooks (production policy)', () => {
  const receiver = new Receiver();
  let stack: Stack;
  const names = new Map<string, string>();
  const lookups: string[] = [];
  const policy = new UrlPolicy({
    production: true,
    // a stand-in DNS for the partner's names; anything else (localhost) asks the system
    resolve: async (hostname): Promise<LookupAddress[]> => {
      lookups.push(hostname);
      const address = names.get(hostname);
      if (address) return [{ address, family: isIP(address) }];
      return systemLookup(hostname, { all: true });
    },
  });

  beforeAll(async () => {
    await receiver.start();
    stack = await openStack(policy);
  }, 60_000);
  afterAll(async () => {
    await stack?.close();
    await receiver.close();
  });

  it('refuses http:// and private, loopback, link-local, metadata and reserved addresses at creation', async () => {
    const clinicId = randomUUID();
    const admin = member(clinicId, 'ADMIN');
    names.set('internal.partner.example', '127.0.0.1');
    names.set('intranet.partner.example', '10.20.30.40');
    names.set('public.partner.example', '93.184.215.14');
    const create = (url: string) => stack.webhooks.createEndpoint(admin, clinicId, url, ['payment.created']);
    expect(await codeOf(create('http://public.partner.example/hook'))).toBe('WEBHOOK_URL_NOT_ALLOWED');
    for (const url of [
      'https://10.0.0.5/hook',
      'https://192.168.0.10/hook',
      'https://172.16.5.4/hook',
      'https://100.64.1.1/hook',
      'https://169.254.169.254/latest/meta-data/',
      'https://127.0.0.1/hook',
      'https://0.0.0.0/hook',
      'https://224.0.0.1/hook',
      'https://[::1]/hook',
      'https://[::]/hook',
      'https://[::ffff:127.0.0.1]/hook',
      'https://[::ffff:a9fe:a9fe]/hook',
      'https://[fd00:ec2::254]/hook',
      'https://[fc00::1]/hook',
      'https://[fe80::1]/hook',
      'https://2130706433/hook',
      'https://localhost/hook',
      'https://internal.partner.example/hook',
      'https://intranet.partner.example/hook',
    ]) {
      expect([url, await codeOf(create(url))]).toEqual([url, 'WEBHOOK_URL_NOT_ALLOWED']);
    }
    expect(await codeOf(create('https://nowhere.invalid/hook'))).toBe('WEBHOOK_URL_INVALID');
    const { endpoint } = await create('https://public.partner.example/hook');
    expect(endpoint.url).toBe('https://public.partner.example/hook');
  });

  it('refuses at delivery a host that now resolves to a private address (DNS rebinding), before connecting', async () => {
    const clinicId = randomUUID();
    const admin = member(clinicId, 'ADMIN');
    names.set('rebind.partner.example', '93.184.215.14');
    const { endpoint } = await stack.webhooks.createEndpoint(admin, clinicId, `https://rebind.partner.example:${receiver.port}/hook`, ['payment.created']);
    names.set('rebind.partner.example', '127.0.0.1'); // the receiver's address
    const lookupsBefore = lookups.filter((host) => host === 'rebind.partner.example').length;

    await stack.webhooks.onEvent(paymentEvent('payment.created', clinicId));
    const [delivery] = await eventually(() => stack.webhooks.store.deliveriesPage(endpoint.id, 10).then((page) => page.rows), (rows) => (rows[0]?.attempts ?? 0) >= 2, 'two attempts');
    expect(new Set(delivery!.responseCodes)).toEqual(new Set([0]));
    expect(lookups.filter((host) => host === 'rebind.partner.example').length).toBeGreaterThan(lookupsBefore);
    expect(receiver.connections).toBe(0);
  });

  it('refuses at delivery an endpoint whose stored URL is not allowed (http://, a private address)', async () => {
    const request = { id: 'msg_01HZY0000000000000000000000', timestamp: new Date(), body: '{}', signature: 'v1,x' };
    expect(await sendWebhook({ ...request, url: receiver.url('/plain') }, policy)).toMatchObject({ status: 0, error: expect.stringMatching(/https/) });
    expect(await sendWebhook({ ...request, url: 'https://10.0.0.5/hook' }, policy)).toMatchObject({ status: 0, error: expect.stringMatching(/rede interna/) });
    expect(await sendWebhook({ ...request, url: `https://localhost:${receiver.port}/hook` }, policy)).toMatchObject({ status: 0, error: expect.stringMatching(/may not reach/) });
    expect(receiver.connections).toBe(0);
  });
});
