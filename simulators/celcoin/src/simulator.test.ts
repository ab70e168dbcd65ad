// The simulator on its own, over HTTP: auth, state machines, idempotency, controls and faults.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { crc16, encodePixBrCode } from '@medpay/br-rails';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { cardBrand, isValidLuhn } from './cards.js';
import { startCelcoinSimulator, type CelcoinSimulator } from './simulator.js';
import { tedSettlementDay } from './ted-calendar.js';
import { brasiliaTimestamp } from './webhook-payloads.js';
import { eventually } from '@medpay/runtime/testing';

const PIX_KEY = 'pix@sim.test';
let simulator: CelcoinSimulator;
let hook: Server;
let hookUrl = '';
const received: Array<{ authorization?: string; body: { entity?: string; RequestBody?: { TransactionIdBRCode?: string }; body?: { transactionId?: string } } }> = [];
let token = '';
let sequence = 0;
const id = (prefix: string) => `${prefix}-${++sequence}`;

async function http(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(simulator.url + path, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: (text ? JSON.parse(text) : {}) as Record<string, any> };
}
const api = (method: string, path: string, body?: unknown) => http(method, path, body, { authorization: `Bearer ${token}` });

const waitFor = <T>(probe: () => T | undefined | false, what: string, timeoutMs = 5000) => eventually(probe, Boolean, what, timeoutMs) as Promise<T>;

async function newPixCharge(options: { amount?: string; expiration?: number } = {}) {
  const location = await api('POST', '/pix/v1/location', { clientRequestId: id('loc'), type: 'COB', merchant: { name: 'MedPay', city: 'Sao Paulo' } });
  const charge = await api('POST', '/pix/v1/collection/immediate', {
    clientRequestId: id('cob'),
    key: PIX_KEY,
    locationId: location.body.locationId,
    debtor: { name: 'Maria', cpf: '52998224725' },
    amount: { original: options.amount ?? '10.00' },
    calendar: { expiration: options.expiration ?? 600 },
  });
  expect(charge.status).toBe(201);
  return charge.body;
}

beforeAll(async () => {
  hook = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) });
    res.writeHead(200).end();
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;
  simulator = await startCelcoinSimulator({
    port: 0,
    clientId: 'id',
    clientSecret: 'secret',
    pixKey: PIX_KEY,
    webhookUrl: hookUrl,
    webhookBasicAuth: { username: 'u', password: 'p' },
    webhookRetryBaseMs: 5,
    webhookMaxAttempts: 3,
    settlementDelayMs: 10,
  });
  const issued = await http('POST', '/v5/token', 'grant_type=client_credentials', { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('id:secret').toString('base64')}` });
  token = issued.body.access_token;
});

afterAll(async () => {
  await simulator?.close();
  hook?.closeAllConnections();
  await new Promise((resolve) => hook?.close(resolve));
});

beforeEach(async () => {
  await http('DELETE', '/_sim/faults');
  await http('PUT', '/_sim/webhook', { url: hookUrl, username: 'u', password: 'p' });
});

describe('auth', () => {
  it('issues bearer tokens for client credentials only', async () => {
    const form = { 'content-type': 'application/x-www-form-urlencoded' };
    expect((await http('POST', '/v5/token', 'grant_type=client_credentials&client_id=id&client_secret=secret', form)).body).toMatchObject({ token_type: 'Bearer', expires_in: 2400 });
    expect((await http('POST', '/v5/token', 'grant_type=client_credentials&client_id=id&client_secret=nope', form)).status).toBe(401);
    expect((await http('POST', '/v5/token', 'grant_type=password&client_id=id&client_secret=secret', form)).status).toBe(400);
  });
  it('answers 401 to API calls without a valid bearer, but not to /_sim controls', async () => {
    expect((await http('GET', '/pix/v1/collection/x')).status).toBe(401);
    expect((await http('GET', '/pix/v1/collection/x', undefined, { authorization: 'Bearer forged' })).status).toBe(401);
    expect((await api('GET', '/pix/v1/collection/x')).status).toBe(404);
    expect((await http('GET', '/_sim/health')).status).toBe(200);
  });
  it('says 404 for unknown paths and 405 for other methods', async () => {
    expect((await http('GET', '/nowhere')).status).toBe(404);
    const wrong = await http('PUT', '/v5/token');
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('PIX', () => {
  it('validates bodies and refuses keys that are not the account\'s', async () => {
    const bad = await api('POST', '/pix/v1/location', { type: 'COB' });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/clientRequestId/);
    const location = await api('POST', '/pix/v1/location', { clientRequestId: id('loc'), type: 'COB', merchant: { name: 'M', city: 'C' } });
    const foreign = await api('POST', '/pix/v1/collection/immediate', {
      clientRequestId: id('cob'), key: 'other', locationId: location.body.locationId, debtor: { name: 'M', cpf: '52998224725' }, amount: { original: '1.00' }, calendar: { expiration: 60 },
    });
    expect(foreign).toMatchObject({ status: 422, body: { errorCode: 'INVALID_KEY' } });
  });

  it('binds one charge per location', async () => {
    const charge = await newPixCharge();
    const again = await api('POST', '/pix/v1/collection/immediate', {
      clientRequestId: id('cob'), key: PIX_KEY, locationId: charge.location.locationId, debtor: { name: 'M', cpf: '52998224725' }, amount: { original: '1.00' }, calendar: { expiration: 60 },
    });
    expect(again).toMatchObject({ status: 409, body: { errorCode: 'LOCATION_IN_USE' } });
  });

  it('serves the charge at its location, as a bank app would fetch it', async () => {
    const charge = await newPixCharge({ amount: '42.50' });
    const response = await fetch(`http://${charge.location.url}`);
    expect(await response.json()).toMatchObject({ txid: charge.transactionIdentification, status: 'ATIVA', valor: { original: '42.50' }, chave: PIX_KEY });
  });

  it('expires an immediate charge on time: 410 to the payer and a charge-expired webhook', async () => {
    const charge = await newPixCharge({ expiration: 1 });
    await waitFor(() => received.find((message) => message.body.entity === 'charge-expired' && message.body.body?.transactionId === charge.transactionId), 'charge-expired', 15_000);
    expect((await http('POST', '/_sim/pix/pay', { payload: charge.emvqrcps })).status).toBe(410);
    expect((await api('GET', `/pix/v1/collection/${charge.transactionId}`)).body.status).toBe('EXPIRED');
  });

  it('refuses codes it cannot pay: static, tampered, unknown location', async () => {
    const statik = encodePixBrCode({ key: PIX_KEY, merchantName: 'M', merchantCity: 'C', amountCentavos: 100 });
    expect((await http('POST', '/_sim/pix/pay', { payload: statik })).body.errorCode).toBe('STATIC_CODE');
    const charge = await newPixCharge({ amount: '10.00' });
    const body = (charge.emvqrcps as string).slice(0, -8).replace('540510.00', '540511.00');
    const tampered = `${body}6304${crc16(`${body}6304`)}`;
    expect((await http('POST', '/_sim/pix/pay', { payload: tampered })).body.errorCode).toBe('AMOUNT_MISMATCH');
    const code: string = charge.emvqrcps;
    const badCrc = code.slice(0, -1) + (code.endsWith('0') ? '1' : '0');
    expect((await http('POST', '/_sim/pix/pay', { payload: badCrc })).body.errorCode).toBe('INVALID_BR_CODE');
    const elsewhere = encodePixBrCode({ locationUrl: 'other.host/pix/qr/nothing', merchantName: 'M', merchantCity: 'C' });
    expect((await http('POST', '/_sim/pix/pay', { payload: elsewhere })).status).toBe(404);
  });

  it('delivers RECEIVEPIX with Basic auth and a Brasília timestamp', async () => {
    const charge = await newPixCharge();
    await http('POST', '/_sim/pix/pay', { payload: charge.emvqrcps, payer: { name: 'Joao', document: '11144477735' } });
    const message = await waitFor(() => received.find((m) => m.body.RequestBody?.TransactionIdBRCode === charge.transactionId), 'RECEIVEPIX');
    expect(message.authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(message.body.RequestBody).toMatchObject({ TransactionType: 'RECEIVEPIX', Amount: 10, DebitParty: { Name: 'Joao' } });
    expect(brasiliaTimestamp(new Date('2026-02-01T00:30:00Z'))).toBe('01/31/2026 21:30:00');
  });

  it('takes charges with a due date, payable to the end of the last valid day', async () => {
    const location = await api('POST', '/pix/v1/location', { clientRequestId: id('loc'), type: 'COBV', merchant: { name: 'M', city: 'C' } });
    const charge = await api('POST', '/pix/v1/collection/duedate', {
      clientRequestId: id('cobv'), key: PIX_KEY, locationId: location.body.locationId, debtor: { name: 'M', cnpj: '11222333000181' }, amount: { original: 99.9 }, calendar: { dueDate: '2099-01-10', validityAfterExpiration: 0 },
    });
    expect(charge.body).toMatchObject({ status: 'ACTIVE', amount: { original: '99.90' }, calendar: { dueDate: '2099-01-10' }, expiresAt: '2099-01-11T02:59:59.999Z', debtor: { cnpj: '11222333000181' } });
  });
});

describe('boleto', () => {
  it('is idempotent by externalId and refuses a mistyped line', async () => {
    const body = { externalId: id('b'), dueDate: '2099-01-10', amount: 10, debtor: { name: 'M', document: '52998224725' }, receiver: { account: 'a' } };
    const first = await api('POST', '/baas/v2/charge', body);
    expect((await api('POST', '/baas/v2/charge', body)).body.transactionId).toBe(first.body.transactionId);
    expect((await api('POST', '/baas/v2/charge', { ...body, amount: 11 })).status).toBe(409);
    const line: string = first.body.boleto.digitableLine;
    const typo = line.slice(0, 12) + ((Number(line[12]) + 1) % 10) + line.slice(13);
    expect((await http('POST', '/_sim/boleto/pay', { line: typo })).body.message).toMatch(/field 2 check digit/);
    expect((await api('POST', '/baas/v2/charge', { ...body, externalId: id('b'), dueDate: '2001-01-01' })).body.errorCode).toBe('INVALID_DUE_DATE');
  });
});

describe('card', () => {
  it('allows the browser to tokenize (CORS), checks Luhn and expiry, and uses each token once', async () => {
    const preflight = await fetch(`${simulator.url}/_sim/card/tokenize`, { method: 'OPTIONS' });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-origin')).toBe('*');
    expect((await http('POST', '/_sim/card/tokenize', { number: '4111111111111111', holder: 'M', expMonth: 1, expYear: 2020, cvv: '123' })).body.errorCode).toBe('CARD_EXPIRED');
    const tokenized = await http('POST', '/_sim/card/tokenize', { number: '5555555555554444', holder: 'M', expMonth: 12, expYear: 35, cvv: '123' });
    expect(tokenized.headers.get('access-control-allow-origin')).toBe('*');
    expect(tokenized.body).toMatchObject({ brand: 'mastercard', last4: '4444' });
    const charge = { clientRequestId: id('card'), amount: 100, installments: 2, cardToken: tokenized.body.cardToken };
    expect((await api('POST', '/card/v1/charge', charge)).body.status).toBe('APPROVED');
    expect((await api('POST', '/card/v1/charge', charge)).status).toBe(200);
    expect((await api('POST', '/card/v1/charge', { ...charge, clientRequestId: id('card') })).body.errorCode).toBe('CARD_TOKEN_USED');
  });

  it('knows Luhn and the brands', () => {
    expect(isValidLuhn('4000000000000002')).toBe(true);
    expect(isValidLuhn('4111111111111112')).toBe(false);
    expect(cardBrand('6362970000457013')).toBe('elo');
    expect(cardBrand('378282246310005')).toBe('amex');
    expect(cardBrand('2223000048400011')).toBe('mastercard');
  });
});

describe('money out', () => {
  it('refunds card charges up to the amount charged', async () => {
    const tokenized = await http('POST', '/_sim/card/tokenize', { number: '4111111111111111', holder: 'M', expMonth: 12, expYear: 2035, cvv: '123' });
    const charge = await api('POST', '/card/v1/charge', { clientRequestId: id('card'), amount: 50, installments: 1, cardToken: tokenized.body.cardToken });
    const refund = { clientRequestId: id('ref'), amount: 30 };
    const first = await api('POST', `/card/v1/charge/${charge.body.transactionId}/refund`, refund);
    expect(first).toMatchObject({ status: 202, body: { status: 'PROCESSING' } });
    expect((await api('POST', `/card/v1/charge/${charge.body.transactionId}/refund`, refund)).body.transactionId).toBe(first.body.transactionId);
    expect((await api('POST', `/card/v1/charge/${charge.body.transactionId}/refund`, { clientRequestId: id('ref'), amount: 20.01 })).status).toBe(422);
    await waitFor(() => received.find((m) => m.body.entity === 'card-reversal-out' && (m.body.body as { id?: string }).id === first.body.transactionId), 'card-reversal-out');
  });

  it('charges back what was not refunded, once, with a card-chargeback webhook, and refuses refunds after it', async () => {
    const tokenized = await http('POST', '/_sim/card/tokenize', { number: '5555555555554444', holder: 'M', expMonth: 12, expYear: 2035, cvv: '123' });
    const charge = await api('POST', '/card/v1/charge', { clientRequestId: id('card'), amount: 80, installments: 1, cardToken: tokenized.body.cardToken });
    const chargeId = charge.body.transactionId as string;
    await api('POST', `/card/v1/charge/${chargeId}/refund`, { clientRequestId: id('ref'), amount: 30 });
    expect((await http('POST', `/_sim/card/${chargeId}/chargeback`, { amount: 50.01 })).body.errorCode).toBe('CHARGEBACK_EXCEEDS_AVAILABLE');
    const chargeback = await http('POST', `/_sim/card/${chargeId}/chargeback`, {});
    expect(chargeback).toMatchObject({ status: 201, body: { originalTransactionId: chargeId, amountCentavos: 5000, reasonCode: '10.4' } });
    expect((await http('POST', `/_sim/card/${chargeId}/chargeback`, {})).status).toBe(409);
    expect((await api('POST', `/card/v1/charge/${chargeId}/refund`, { clientRequestId: id('ref'), amount: 1 })).body.errorCode).toBe('CHARGED_BACK');
    const notice = await waitFor(() => received.find((m) => m.body.entity === 'card-chargeback' && (m.body.body as { originalTransactionId?: string }).originalTransactionId === chargeId), 'card-chargeback');
    expect(notice.body).toMatchObject({ status: 'CONFIRMED', body: { id: chargeback.body.chargebackId, amount: 50 } });
    expect((await http('POST', '/_sim/card/nope/chargeback', {})).status).toBe(404);
  });

  it('takes a TED at once and settles it on its business day; one to an account that does not exist comes back', async () => {
    const ted = (account: string) => ({
      clientCode: id('ted'),
      amount: 1500.25,
      creditParty: { bank: '60701190', branch: '0123', account, accountType: 'CC', taxId: '11222333000181', name: 'Clínica Sorriso Ltda', personType: 'J' },
    });
    const paid = ted('123456');
    const first = await api('POST', '/baas-wallet-transactions-webservice/v1/spb/transfer', paid);
    expect(first).toMatchObject({ status: 202, body: { status: 'PROCESSING', amount: 1500.25 } });
    expect(first.body.settlesOn).toBe(tedSettlementDay(new Date(first.body.createdAt)));
    expect((await api('POST', '/baas-wallet-transactions-webservice/v1/spb/transfer', paid)).body.transactionId).toBe(first.body.transactionId);
    expect((await api('POST', '/baas-wallet-transactions-webservice/v1/spb/transfer', { ...paid, amount: 1 })).status).toBe(409);
    expect((await api('POST', '/baas-wallet-transactions-webservice/v1/spb/transfer', { ...ted('1'), creditParty: { ...ted('1').creditParty, bank: '341' } })).status).toBe(400);
    const returned = await api('POST', '/baas-wallet-transactions-webservice/v1/spb/transfer', ted('9990001'));
    // After the cut-off the day has to come; before it, it settles a moment later anyway.
    await http('POST', '/_sim/ted/settle');
    const settled = (transactionId: string) => received.find((m) => m.body.entity === 'spb-transfer-out' && (m.body.body as { id?: string }).id === transactionId);
    expect((await waitFor(() => settled(first.body.transactionId), 'TED confirmed')).body).toMatchObject({ status: 'CONFIRMED', body: { clientCode: paid.clientCode, amount: 1500.25 } });
    expect((await waitFor(() => settled(returned.body.transactionId), 'TED returned')).body).toMatchObject({ status: 'ERROR', body: { error: { errorCode: 'CONTA_INEXISTENTE' } } });
  });

  it('settles a TED the same business day before 17:00 in Brasília, and on the next business day after it', () => {
    expect(tedSettlementDay(new Date('2026-12-04T16:59:00-03:00'))).toBe('2026-12-04');
    expect(tedSettlementDay(new Date('2026-12-04T17:00:00-03:00'))).toBe('2026-12-07');
    expect(tedSettlementDay(new Date('2026-12-05T10:00:00-03:00'))).toBe('2026-12-07');
    expect(tedSettlementDay(new Date('2026-12-24T18:00:00-03:00'))).toBe('2026-12-28');
    expect(tedSettlementDay(new Date('2027-02-05T17:30:00-03:00'))).toBe('2027-02-10');
  });

  it('refuses to unblock what was never blocked', async () => {
    expect((await api('POST', '/baas/v1/balance/unblock', { correlationBlockedId: id('none'), amount: 1 })).status).toBe(404);
  });
});

describe('webhook delivery and faults', () => {
  it('holds a webhook and delivers it after the next one when reordering', async () => {
    const first = await newPixCharge();
    const second = await newPixCharge();
    await http('POST', '/_sim/faults', { reorderWebhooks: true });
    await http('POST', '/_sim/pix/pay', { payload: first.emvqrcps });
    await http('POST', '/_sim/pix/pay', { payload: second.emvqrcps });
    const order = () => received.map((m) => m.body.RequestBody?.TransactionIdBRCode);
    await waitFor(() => order().includes(first.transactionId) && order().includes(second.transactionId), 'both webhooks');
    expect(order().indexOf(second.transactionId)).toBeLessThan(order().indexOf(first.transactionId));
  });

  it('gives a webhook up after the configured number of tries, and logs every attempt', async () => {
    await http('PUT', '/_sim/webhook', { url: 'http://127.0.0.1:1/closed' });
    const charge = await newPixCharge();
    await http('POST', '/_sim/pix/pay', { payload: charge.emvqrcps });
    await waitFor(() => simulator.webhooks.messages.find((m) => m.subject === charge.transactionId && m.state === 'failed'), 'giving up');
    const webhooks = await http('GET', '/_sim/webhooks');
    expect(webhooks.body.attempts.filter((a: { subject: string }) => a.subject === charge.transactionId)).toHaveLength(3);
  });

  it('injects latency and 503s into API calls only', async () => {
    await http('POST', '/_sim/faults', { latencyMs: 150, failNext: 1 });
    const started = Date.now();
    expect((await api('GET', '/pix/v1/collection/x')).status).toBe(503);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
    expect((await api('GET', '/pix/v1/collection/x')).status).toBe(404);
    expect((await http('GET', '/_sim/faults')).body).toMatchObject({ latencyMs: 150, failNext: 0 });
    expect((await http('POST', '/_sim/faults', { failnext: 1 })).status).toBe(400);
  });

  it('shows the whole state for assertions', async () => {
    const state = await http('GET', '/_sim/state');
    expect(Object.keys(state.body)).toEqual(['tokenRequests', 'apiCalls', 'locations', 'charges', 'cardTokens', 'cardCharges', 'blocks', 'payouts', 'refunds', 'teds', 'chargebacks']);
    expect(JSON.stringify(state.body)).not.toMatch(/fingerprint|holder/);
  });
});

describe('state file', () => {
  it('keeps what the account holds across a restart: charges, their payment and the idempotency of a retried request', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'celcoin-sim-'));
    const stateFile = join(dir, 'state.json');
    const start = () => startCelcoinSimulator({ port: 0, clientId: 'id', clientSecret: 'secret', pixKey: PIX_KEY, stateFile });
    const first = await start();
    const call = async (sim: CelcoinSimulator, method: string, path: string, body?: unknown) => {
      const auth = await (await fetch(`${sim.url}/v5/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${Buffer.from('id:secret').toString('base64')}` }, body: 'grant_type=client_credentials' })).json();
      const response = await fetch(sim.url + path, { method, headers: { 'content-type': 'application/json', authorization: `Bearer ${(auth as { access_token: string }).access_token}` }, ...(body ? { body: JSON.stringify(body) } : {}) });
      return { status: response.status, body: (await response.json()) as Record<string, any> };
    };
    const location = await call(first, 'POST', '/pix/v1/location', { clientRequestId: 'loc-persisted', type: 'COB', merchant: { name: 'MedPay', city: 'Sao Paulo' } });
    const request = { clientRequestId: 'cob-persisted', key: PIX_KEY, locationId: location.body.locationId, debtor: { name: 'Maria', cpf: '52998224725' }, amount: { original: '12.34' }, calendar: { expiration: 600 } };
    const charge = await call(first, 'POST', '/pix/v1/collection/immediate', request);
    await fetch(`${first.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: charge.body.emvqrcps }) });
    await first.close();

    const second = await start();
    try {
      const read = await call(second, 'GET', `/pix/v1/collection/${charge.body.transactionId}`);
      expect(read.body).toMatchObject({ transactionId: charge.body.transactionId, status: 'CONCLUDED' });
      // the same request again gets the first answer, not a second charge
      const retried = await call(second, 'POST', '/pix/v1/collection/immediate', request);
      expect(retried.body.transactionId).toBe(charge.body.transactionId);
      expect(second.state.pixCharges.size).toBe(1);
    } finally {
      await second.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
