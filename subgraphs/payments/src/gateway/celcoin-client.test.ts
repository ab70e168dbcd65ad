// The adapter against the Celcoin simulator over real HTTP, with webhooks delivered to a small receiver
// that hands them to parseWebhook exactly as the payments service does.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { decodeBoleto, isoDateInSaoPaulo, parsePixBrCode } from '@medpay/br-rails';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startCelcoinSimulator, type CelcoinSimulator } from '@medpay/celcoin-simulator';
import { CelcoinGateway, type CelcoinGatewayOptions } from './celcoin-client.js';
import { GatewayRejectedError } from './gateway-errors.js';
import { GatewayUnavailableError, WebhookRejectedError, type GatewayEvent, type Party } from './payment-gateway.js';
import { eventually } from '@medpay/runtime/testing';

const CLIENT = { clientId: 'medpay-test', clientSecret: 'test-secret' };
const WEBHOOK_AUTH = { username: 'celcoin', password: 'webhook-secret' };
const PIX_KEY = 'pix@medpay.test';
const payer: Party = { name: 'Maria Silva', document: '52998224725' };

/** Receives webhooks like the payments service: raw body and headers straight into parseWebhook. */
class WebhookReceiver {
  readonly events: GatewayEvent[] = [];
  readonly rejected: unknown[] = [];
  /** answer 500 to this many deliveries before accepting */
  failNext = 0;
  private server!: Server;
  url = '';

  constructor(private readonly parse: () => CelcoinGateway) {}

  async start() {
    this.server = createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      if (this.failNext > 0) {
        this.failNext -= 1;
        res.writeHead(500).end();
        return;
      }
      try {
        this.events.push(...this.parse().parseWebhook(Buffer.concat(chunks), req.headers));
        res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
      } catch (error) {
        this.rejected.push(error);
        res.writeHead(401).end();
      }
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhooks/celcoin`;
  }

  async close() {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  for(transactionId: string) {
    return this.events.filter((event) => event.transactionId === transactionId);
  }
}

const waitFor = <T>(probe: () => T | undefined | false, what: string, timeoutMs = 5000) => eventually(probe, Boolean, what, timeoutMs) as Promise<T>;

let simulator: CelcoinSimulator;
let receiver: WebhookReceiver;
let gateway: CelcoinGateway;
let sequence = 0;
const nextId = (prefix: string) => `${prefix}-${Date.now()}-${++sequence}`;

const makeGateway = (overrides: Partial<CelcoinGatewayOptions> = {}) =>
  new CelcoinGateway({
    baseUrl: simulator.url,
    ...CLIENT,
    pixKey: PIX_KEY,
    merchantName: 'Clínica Sorriso Paulista',
    merchantCity: 'São Paulo',
    webhookUser: WEBHOOK_AUTH.username,
    webhookPassword: WEBHOOK_AUTH.password,
    timeoutMs: 400,
    retries: 3,
    retryBaseDelayMs: 10,
    ...overrides,
  });

async function control(path: string, body?: unknown, method = 'POST') {
  const response = await fetch(simulator.url + path, { method, headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const pixCharge = (clientRequestId: string, amountCentavos = 150_00) => gateway.createPixCharge({ clientRequestId, amountCentavos, payer, description: 'Consulta', expiresInSeconds: 600 });
const chargesWith = (clientRequestId: string) => [...simulator.state.pixCharges.values()].filter((charge) => charge.clientRequestId === clientRequestId);
const daysFromToday = (days: number) => new Date(Date.parse(`${isoDateInSaoPaulo()}T12:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  receiver = new WebhookReceiver(() => gateway);
  await receiver.start();
  simulator = await startCelcoinSimulator({
    port: 0,
    ...CLIENT,
    pixKey: PIX_KEY,
    webhookUrl: receiver.url,
    webhookBasicAuth: WEBHOOK_AUTH,
    webhookRetryBaseMs: 10,
    settlementDelayMs: 20,
  });
  gateway = makeGateway();
});

afterAll(async () => {
  await simulator?.close();
  await receiver?.close();
});

beforeEach(async () => {
  await control('/_sim/faults', undefined, 'DELETE');
});

describe('CelcoinGateway against the simulator', () => {
  it('asks for one token however many calls start at once, and reuses it', async () => {
    const fresh = makeGateway();
    const before = simulator.state.tokenRequests;
    await Promise.all([1, 2, 3, 4, 5].map((n) => fresh.createPixCharge({ clientRequestId: nextId(`tok${n}`), amountCentavos: 10_00, payer, description: 'x', expiresInSeconds: 60 })));
    await fresh.blockBalance({ correlationId: nextId('tok-block'), amountCentavos: 1_00 });
    expect(simulator.state.tokenRequests - before).toBe(1);
  });

  it('creates a dynamic PIX charge that, paid from a bank app, arrives as CHARGE_PAID with the amount', async () => {
    const clientRequestId = nextId('pix');
    const charge = await pixCharge(clientRequestId, 123_45);
    const code = parsePixBrCode(charge.copiaECola);
    expect(code.locationUrl).toMatch(/^127\.0\.0\.1:\d+\/pix\/qr\//);
    expect(code).toMatchObject({ amountCentavos: 123_45, merchantName: 'Clinica Sorriso Paulista', merchantCity: 'Sao Paulo' });
    expect(charge.expiresAt.getTime()).toBeGreaterThan(Date.now() + 500_000);

    const paid = await control('/_sim/pix/pay', { payload: charge.copiaECola });
    expect(paid.status).toBe(200);
    const [event] = await waitFor(() => receiver.for(charge.transactionId).length > 0 && receiver.for(charge.transactionId), 'CHARGE_PAID');
    expect(event).toMatchObject({ type: 'CHARGE_PAID', eventId: paid.body.endToEndId, transactionId: charge.transactionId, clientRequestId, amountCentavos: 123_45 });

    expect(await gateway.getCharge(charge.transactionId)).toMatchObject({ status: 'PAID', amountCentavos: 123_45, paidCentavos: 123_45, clientRequestId });
    expect(await gateway.findChargeByClientRequestId(clientRequestId)).toMatchObject({ transactionId: charge.transactionId, status: 'PAID' });
    expect((await control('/_sim/pix/pay', { payload: charge.copiaECola })).status).toBe(409);
  });

  it('returns the same charge for the same clientRequestId, and refuses it with another amount', async () => {
    const clientRequestId = nextId('idem');
    const first = await pixCharge(clientRequestId);
    const second = await pixCharge(clientRequestId);
    expect(second.transactionId).toBe(first.transactionId);
    expect(second.copiaECola).toBe(first.copiaECola);
    expect(chargesWith(clientRequestId)).toHaveLength(1);
    await expect(pixCharge(clientRequestId, 999_00)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('retries 503s with the same clientRequestId and makes exactly one charge', async () => {
    const clientRequestId = nextId('fail');
    await control('/_sim/faults', { failNext: 2 });
    const charge = await pixCharge(clientRequestId);
    expect(chargesWith(clientRequestId)).toHaveLength(1);
    expect(chargesWith(clientRequestId)[0]!.transactionId).toBe(charge.transactionId);
    expect((await control('/_sim/faults', undefined, 'GET')).body.failNext).toBe(0);
  });

  it('retries after its timeout when a response is lost, and the retry finds the work already done', async () => {
    const clientRequestId = nextId('lost');
    await control('/_sim/faults', { timeoutNext: 1 });
    const started = Date.now();
    const charge = await pixCharge(clientRequestId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(chargesWith(clientRequestId)).toHaveLength(1);

    // A single-call operation: the first attempt creates the boleto, its answer is lost, the retry gets it.
    const externalId = nextId('lost-boleto');
    await control('/_sim/faults', { timeoutNext: 1 });
    const boleto = await gateway.createBoleto({ clientRequestId: externalId, amountCentavos: 80_00, payer, dueDate: daysFromToday(5) });
    expect([...simulator.state.boletos.values()].filter((b) => b.externalId === externalId).map((b) => b.transactionId)).toEqual([boleto.transactionId]);
    expect(charge.transactionId).toBeTruthy();
  });

  it('gives up with GatewayUnavailableError, and an open circuit fails fast without calling Celcoin', async () => {
    const fragile = makeGateway({ retries: 1, circuitBreaker: { failureThreshold: 2, coolDownMs: 60_000 } });
    await fragile.blockBalance({ correlationId: nextId('warm'), amountCentavos: 1_00 });
    await control('/_sim/faults', { failNext: 10 });
    await expect(fragile.blockBalance({ correlationId: nextId('cb'), amountCentavos: 1_00 })).rejects.toBeInstanceOf(GatewayUnavailableError);
    const calls = simulator.state.apiCalls;
    await expect(fragile.blockBalance({ correlationId: nextId('cb'), amountCentavos: 1_00 })).rejects.toThrow(/Circuit open/);
    expect(simulator.state.apiCalls).toBe(calls);
  });

  it('delivers a duplicated webhook twice with the same eventId', async () => {
    await control('/_sim/faults', { duplicateWebhooks: true });
    const charge = await pixCharge(nextId('dup'));
    await control('/_sim/pix/pay', { payload: charge.copiaECola });
    const events = await waitFor(() => receiver.for(charge.transactionId).length === 2 && receiver.for(charge.transactionId), 'two deliveries');
    expect(events[0]!.eventId).toBe(events[1]!.eventId);
  });

  it('keeps retrying a webhook the receiver refuses until it answers 2xx', async () => {
    receiver.failNext = 2;
    const charge = await pixCharge(nextId('retry-webhook'));
    await control('/_sim/pix/pay', { payload: charge.copiaECola });
    await waitFor(() => receiver.for(charge.transactionId).length === 1, 'the webhook after two refusals');
    const statuses = () => simulator.webhooks.attempts.filter((attempt) => attempt.subject === charge.transactionId).map((attempt) => attempt.status);
    // The receiver has the event a moment before the simulator has read its 200.
    await waitFor(() => statuses().includes(200), 'the 200 in the delivery log');
    expect(statuses()).toEqual([500, 500, 200]);
  });

  it('issues a boleto whose line decodes to the amount and due date, and reports it paid', async () => {
    const clientRequestId = nextId('boleto');
    const dueDate = daysFromToday(10);
    const boleto = await gateway.createBoleto({ clientRequestId, amountCentavos: 214_03, payer, dueDate });
    expect(boleto.dueDate).toBe(dueDate);
    expect(decodeBoleto(boleto.line)).toMatchObject({ bankCode: '509', amountCentavos: 214_03, dueDate });
    expect(decodeBoleto(boleto.barcode)).toEqual(decodeBoleto(boleto.line));

    expect((await control('/_sim/boleto/pay', { line: boleto.line })).status).toBe(200);
    const [event] = await waitFor(() => receiver.for(boleto.transactionId).length > 0 && receiver.for(boleto.transactionId), 'charge-in');
    expect(event).toMatchObject({ type: 'CHARGE_PAID', transactionId: boleto.transactionId, clientRequestId, amountCentavos: 214_03 });
    expect(await gateway.findChargeByClientRequestId(clientRequestId)).toMatchObject({ status: 'PAID', paidCentavos: 214_03 });
  });

  it('cancels and expires charges, with their webhooks', async () => {
    const canceled = await pixCharge(nextId('cancel'));
    await gateway.cancelCharge(canceled.transactionId);
    expect((await control('/_sim/pix/pay', { payload: canceled.copiaECola })).status).toBe(410);
    const boleto = await gateway.createBoleto({ clientRequestId: nextId('expire'), amountCentavos: 10_00, payer, dueDate: daysFromToday(1) });
    expect((await control(`/_sim/charges/${boleto.transactionId}/expire`)).status).toBe(200);
    await waitFor(() => receiver.for(canceled.transactionId)[0]?.type === 'CHARGE_CANCELED', 'CHARGE_CANCELED');
    await waitFor(() => receiver.for(boleto.transactionId)[0]?.type === 'CHARGE_EXPIRED', 'CHARGE_EXPIRED');
    expect(await gateway.getCharge(boleto.transactionId)).toMatchObject({ status: 'EXPIRED' });
    await expect(gateway.cancelCharge('no-such-charge')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('charges a tokenized card, and reports a declined one', async () => {
    const tokenize = async (number: string) => (await control('/_sim/card/tokenize', { number, holder: 'MARIA SILVA', expMonth: 12, expYear: 2035, cvv: '123' })).body;
    const approved = await gateway.chargeCard({ clientRequestId: nextId('card'), amountCentavos: 600_00, installments: 3, cardToken: String((await tokenize('4111 1111 1111 1111')).cardToken), payer });
    expect(approved).toMatchObject({ status: 'APPROVED', brand: 'visa', last4: '1111' });
    const declined = await gateway.chargeCard({ clientRequestId: nextId('card'), amountCentavos: 600_00, installments: 1, cardToken: String((await tokenize('4000000000000002')).cardToken), payer });
    expect(declined).toMatchObject({ status: 'DECLINED', last4: '0002', declineReason: 'Insufficient funds' });
    expect(await gateway.getCharge(declined.transactionId)).toMatchObject({ status: 'CANCELED', paidCentavos: 0 });
    expect((await control('/_sim/card/tokenize', { number: '4111111111111112', holder: 'X', expMonth: 1, expYear: 2035, cvv: '123' })).status).toBe(422);
  });

  it('blocks and unblocks escrow, never more than is blocked, and a retried unblock releases once', async () => {
    const correlationId = nextId('escrow');
    await gateway.blockBalance({ correlationId, amountCentavos: 100_00 });
    await gateway.blockBalance({ correlationId, amountCentavos: 100_00 });
    await gateway.unblockBalance({ correlationId, amountCentavos: 60_00, clientRequestId: `${correlationId}:u1` });
    await gateway.unblockBalance({ correlationId, amountCentavos: 60_00, clientRequestId: `${correlationId}:u1` });
    expect(simulator.state.blocks.get(correlationId)?.remainingCentavos).toBe(40_00);
    const excess = gateway.unblockBalance({ correlationId, amountCentavos: 40_01 });
    await expect(excess).rejects.toBeInstanceOf(GatewayRejectedError);
    await expect(excess).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await expect(gateway.blockBalance({ correlationId, amountCentavos: 5_00 })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('pays a clinic out and confirms it by webhook; a bad key fails the same way', async () => {
    const clientRequestId = nextId('payout');
    const sent = await gateway.payout({ clientRequestId, amountCentavos: 95_00, pixKey: '11222333000181', recipient: { name: 'Clinica', document: '11222333000181' } });
    expect(sent.status).toBe('PENDING');
    await waitFor(() => receiver.for(sent.transactionId)[0], 'PAYOUT_CONFIRMED');
    expect(receiver.for(sent.transactionId)[0]).toMatchObject({ type: 'PAYOUT_CONFIRMED', clientRequestId });
    const failing = await gateway.payout({ clientRequestId: nextId('payout'), amountCentavos: 1_00, pixKey: 'fail@nowhere', recipient: { name: 'X', document: '11222333000181' } });
    await waitFor(() => receiver.for(failing.transactionId)[0]?.type === 'PAYOUT_FAILED', 'PAYOUT_FAILED');
  });

  it('refunds part of a paid PIX charge, and never more than was paid', async () => {
    const charge = await pixCharge(nextId('refund'), 100_00);
    await control('/_sim/pix/pay', { payload: charge.copiaECola });
    const partial = await gateway.refund({ clientRequestId: nextId('r'), transactionId: charge.transactionId, amountCentavos: 70_00, reason: 'Procedimento parcial' });
    expect(partial.status).toBe('PENDING');
    await expect(gateway.refund({ clientRequestId: nextId('r'), transactionId: charge.transactionId, amountCentavos: 30_01, reason: 'x' })).rejects.toMatchObject({ code: 'LIMIT_EXCEEDED' });
    await waitFor(() => receiver.events.find((event) => event.transactionId === partial.transactionId && event.type === 'REFUND_CONFIRMED'), 'REFUND_CONFIRMED');
    await expect(gateway.refund({ clientRequestId: nextId('r'), transactionId: 'unknown', amountCentavos: 1, reason: 'x' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('refuses webhooks with wrong credentials before reading them', () => {
    const body = Buffer.from('not even json');
    expect(() => gateway.parseWebhook(body, {})).toThrow(WebhookRejectedError);
    expect(() => gateway.parseWebhook(body, { authorization: `Basic ${Buffer.from('celcoin:wrong').toString('base64')}` })).toThrow(/credentials/);
    expect(() => gateway.parseWebhook(body, { authorization: `Basic ${Buffer.from('celcoin:webhook-secret').toString('base64')}` })).toThrow(/not JSON/);
    expect(receiver.rejected).toEqual([]);
  });

  it('fetches a new token when Celcoin forgets the cached one', async () => {
    await gateway.blockBalance({ correlationId: nextId('before-reset'), amountCentavos: 1_00 });
    await control('/_sim/reset');
    await gateway.blockBalance({ correlationId: nextId('after-reset'), amountCentavos: 1_00 });
    expect(simulator.state.tokenRequests).toBe(1);
  });
});
