import { describe, expect, it } from '@jest/globals';
import { encodePixBrCode } from '@medpay/br-rails';
import {
  blockBody,
  boletoChargeView,
  CelcoinProtocolError,
  cardChargeView,
  locationBody,
  parseCelcoinTimestamp,
  payoutBody,
  tedBody,
  pixChargeView,
  pixCollectionBody,
  pixExpiry,
  rejectionFor,
  toAccessToken,
  toBoleto,
  toCardCharge,
  toPixCharge,
  toTransfer,
  unblockBody,
  webhookEvents,
} from './celcoin-mapping.js';
import { GatewayRejectedError } from './gateway-errors.js';
import { WebhookRejectedError, type PixChargeRequest } from './payment-gateway.js';

const pixRequest: PixChargeRequest = {
  clientRequestId: 'charge-1',
  amountCentavos: 123_45,
  payer: { name: 'Maria Silva', document: '52998224725' },
  description: 'Limpeza dental',
  expiresInSeconds: 3600,
};

const dynamicCode = (amountCentavos?: number) =>
  encodePixBrCode({ locationUrl: 'sim.local/pix/qr/abc', merchantName: 'MedPay', merchantCity: 'Sao Paulo', ...(amountCentavos ? { amountCentavos } : {}) });

const collection = (overrides: Record<string, unknown> = {}) => ({
  transactionId: 'tx-1',
  clientRequestId: 'charge-1',
  status: 'ACTIVE',
  emvqrcps: dynamicCode(123_45),
  amount: { original: '123.45' },
  calendar: { expiration: 3600, createdAt: '2026-11-29T12:00:00.000Z' },
  pix: [],
  ...overrides,
});

describe('request bodies', () => {
  it('builds an immediate PIX collection in reais, with the payer as cpf or cnpj', () => {
    expect(pixCollectionBody(pixRequest, 'key@medpay', 'loc-1')).toEqual({
      clientRequestId: 'charge-1',
      key: 'key@medpay',
      locationId: 'loc-1',
      debtor: { name: 'Maria Silva', cpf: '52998224725' },
      amount: { original: '123.45' },
      calendar: { expiration: 3600 },
      payerQuestion: 'Limpeza dental',
    });
    const company = pixCollectionBody({ ...pixRequest, payer: { name: 'Clinica', document: '11222333000181' } }, 'k', 'l');
    expect(company.debtor).toEqual({ name: 'Clinica', cnpj: '11222333000181' });
  });

  it('builds a cobv for a due date and a split with derived keys', () => {
    const body = pixCollectionBody(
      { ...pixRequest, dueDate: '2026-12-10', split: [{ account: 'clinic-9', amountCentavos: 100_00, description: 'Clinica' }, { account: 'platform', amountCentavos: 5_00, description: 'Taxa' }] },
      'k',
      'l',
    );
    expect(body.calendar).toEqual({ dueDate: '2026-12-10', validityAfterExpiration: 0 });
    expect(body.feeInfo).toEqual({
      totalAmount: 105,
      feeDetails: [
        { amount: 100, description: 'Clinica', clientRequestId: 'charge-1-split-1', accountCredit: { account: 'clinic-9' } },
        { amount: 5, description: 'Taxa', clientRequestId: 'charge-1-split-2', accountCredit: { account: 'platform' } },
      ],
    });
    expect(locationBody({ ...pixRequest, dueDate: '2026-12-10' }, { name: 'MedPay', city: 'SP' })).toEqual({
      clientRequestId: 'charge-1-location',
      type: 'COBV',
      merchant: { name: 'MedPay', city: 'SP', merchantCategoryCode: '0000' },
    });
  });

  it('sends escrow, payout amounts as reais numbers', () => {
    expect(blockBody({ correlationId: 'p1', amountCentavos: 10 })).toEqual({ correlationBlockedId: 'p1', amount: 0.1 });
    expect(unblockBody({ correlationId: 'p1', amountCentavos: 250_00 }, 'u1')).toEqual({ correlationBlockedId: 'p1', amount: 250, clientRequestId: 'u1' });
    expect(payoutBody({ clientRequestId: 't1', amountCentavos: 99_99, pixKey: '11222333000181', recipient: { name: 'Clinica', document: '11222333000181' } })).toMatchObject({
      clientRequestId: 't1',
      amount: 99.99,
      creditParty: { key: '11222333000181' },
    });
  });

  it('sends a TED to the clinic\'s own account, routed by ISPB, with its CNPJ as a legal person', () => {
    const recipient = { name: 'Clinica Sorriso Ltda', document: '11222333000181' };
    expect(tedBody({ clientRequestId: 't2', amountCentavos: 1_500_25, bankAccount: { ispb: '60701190', branch: '0123', account: '123456', accountType: 'SAVINGS' }, recipient })).toEqual({
      clientCode: 't2',
      amount: 1500.25,
      creditParty: { bank: '60701190', branch: '0123', account: '123456', accountType: 'PP', taxId: '11222333000181', name: 'Clinica Sorriso Ltda', personType: 'J' },
      description: 'MedPay repasse',
    });
  });
});

describe('responses', () => {
  it('maps a PIX collection to the copia-e-cola and its expiry', () => {
    expect(toPixCharge(collection(), 123_45)).toEqual({ transactionId: 'tx-1', copiaECola: dynamicCode(123_45), expiresAt: new Date('2026-11-29T13:00:00.000Z') });
  });

  it('refuses a copia-e-cola that is broken, static or for another amount', () => {
    const code = dynamicCode(123_45);
    expect(() => toPixCharge(collection({ emvqrcps: code.slice(0, -1) + (code.endsWith('0') ? '1' : '0') }), 123_45)).toThrow(/invalid BR Code/);
    expect(() => toPixCharge(collection({ emvqrcps: encodePixBrCode({ key: 'k', merchantName: 'M', merchantCity: 'C' }) }), 123_45)).toThrow(/static/);
    expect(() => toPixCharge(collection({ emvqrcps: dynamicCode(999) }), 123_45)).toThrow(/999 centavos instead of 12345/);
    expect(toPixCharge(collection({ emvqrcps: dynamicCode() }), 123_45).transactionId).toBe('tx-1');
  });

  it('computes a cobv deadline at the end of the last valid day in Brasília', () => {
    expect(pixExpiry({ createdAt: '2026-11-29T12:00:00Z', dueDate: '2026-12-10', validityAfterExpiration: 0 })).toEqual(new Date('2026-12-11T02:59:59.999Z'));
    expect(pixExpiry({ createdAt: '2026-11-29T12:00:00Z', dueDate: '2026-12-10', validityAfterExpiration: 2 })).toEqual(new Date('2026-12-13T02:59:59.999Z'));
  });

  it('reads PIX charge views with their Celcoin statuses', () => {
    expect(pixChargeView(collection())).toEqual({ transactionId: 'tx-1', clientRequestId: 'charge-1', status: 'ACTIVE', amountCentavos: 123_45, paidCentavos: 0 });
    const paid = pixChargeView(collection({ status: 'CONCLUDED', pix: [{ endToEndId: 'E1', amount: '123.45', paidAt: '2026-11-29T12:05:00Z' }] }));
    expect(paid).toMatchObject({ status: 'PAID', paidCentavos: 123_45, paidAt: new Date('2026-11-29T12:05:00Z') });
    expect(pixChargeView(collection({ status: 'REMOVED_BY_USER_RECEIVING' })).status).toBe('CANCELED');
    expect(pixChargeView(collection({ status: 'EXPIRED' })).status).toBe('EXPIRED');
    expect(() => pixChargeView(collection({ status: 'WEIRD' }))).toThrow(CelcoinProtocolError);
    expect(() => pixChargeView({ transactionId: 'x' })).toThrow(/Unexpected PIX collection/);
  });

  it('reads boletos and card charges', () => {
    const boleto = {
      transactionId: 'b1',
      externalId: 'charge-2',
      status: 'CONFIRMED',
      amount: 214.03,
      boleto: { digitableLine: '10492006506100010004200997263900989810000021403', barCode: '10499898100000214032006561000100040099726390', dueDate: '2022-05-10' },
      payment: { amount: 214.03, paidAt: '2022-05-09T10:00:00Z' },
    };
    expect(toBoleto(boleto)).toEqual({ transactionId: 'b1', line: boleto.boleto.digitableLine, barcode: boleto.boleto.barCode, dueDate: '2022-05-10' });
    expect(boletoChargeView(boleto)).toEqual({ transactionId: 'b1', clientRequestId: 'charge-2', status: 'PAID', amountCentavos: 214_03, paidCentavos: 214_03, paidAt: new Date('2022-05-09T10:00:00Z') });
    const card = { transactionId: 'c1', clientRequestId: 'charge-3', status: 'DECLINED', amount: 50, brand: 'visa', last4: '0002', declineReason: 'Insufficient funds' };
    expect(toCardCharge(card)).toEqual({ transactionId: 'c1', status: 'DECLINED', brand: 'visa', last4: '0002', declineReason: 'Insufficient funds' });
    expect(cardChargeView(card)).toMatchObject({ status: 'CANCELED', paidCentavos: 0, amountCentavos: 50_00 });
    expect(cardChargeView({ ...card, status: 'APPROVED' })).toMatchObject({ status: 'PAID', paidCentavos: 50_00 });
  });

  it('maps transfer statuses and the token', () => {
    expect(toTransfer({ transactionId: 't', status: 'PROCESSING' })).toEqual({ transactionId: 't', status: 'PENDING' });
    expect(toTransfer({ transactionId: 't', status: 'CONFIRMED' }).status).toBe('CONFIRMED');
    expect(toTransfer({ transactionId: 't', status: 'ERROR' }).status).toBe('FAILED');
    expect(toAccessToken({ access_token: 'abc', expires_in: 2400, token_type: 'Bearer' })).toEqual({ token: 'abc', expiresInSeconds: 2400 });
  });

  it('turns 4xx answers into rejections with a stable code and the provider detail', () => {
    const limit = rejectionFor(422, { errorCode: 'REFUND_EXCEEDS_AVAILABLE', message: 'Cannot refund 10.00' }, 'PIX reversal');
    expect(limit).toBeInstanceOf(GatewayRejectedError);
    expect(limit.code).toBe('LIMIT_EXCEEDED');
    expect(limit.message).toBe('Celcoin refused PIX reversal (HTTP 422 REFUND_EXCEEDS_AVAILABLE): Cannot refund 10.00');
    expect(rejectionFor(409, {}, 'x').code).toBe('CONFLICT');
    expect(rejectionFor(404, undefined, 'x').code).toBe('NOT_FOUND');
    expect(rejectionFor(401, { error: 'invalid_client' }, 'x').code).toBe('AUTHENTICATION_FAILED');
    expect(rejectionFor(400, 'plain text', 'x').code).toBe('INVALID_REQUEST');
  });
});

describe('webhooks', () => {
  const receivePix = (overrides: Record<string, unknown> = {}) => ({
    RequestBody: {
      TransactionType: 'RECEIVEPIX',
      TransactionId: 'r-1',
      TransactionIdBRCode: 'tx-1',
      ClientRequestId: 'charge-1',
      Amount: 150.51,
      EndToEndId: 'E18236120202611291200abcdefghijk',
      createdTimestamp: '11/29/2026 09:00:00',
      ...overrides,
    },
  });
  const envelope = (entity: string, status: string, body: Record<string, unknown>) => ({ entity, webhookId: 'wh-1', createTimestamp: '2026-11-29T12:00:00.000Z', status, body });

  it('reads RECEIVEPIX as CHARGE_PAID keyed by the EndToEndId, amount exact in centavos', () => {
    expect(webhookEvents(receivePix())).toEqual([
      { type: 'CHARGE_PAID', eventId: 'E18236120202611291200abcdefghijk', endToEndId: 'E18236120202611291200abcdefghijk', transactionId: 'tx-1', clientRequestId: 'charge-1', amountCentavos: 150_51, occurredAt: new Date('2026-11-29T12:00:00.000Z') },
    ]);
  });

  it('ignores a PIX received without a charge (a transfer to our key)', () => {
    expect(webhookEvents(receivePix({ TransactionIdBRCode: undefined }))).toEqual([]);
  });

  it('reads boleto payment, cancellation and expiry', () => {
    expect(webhookEvents(envelope('charge-in', 'CONFIRMED', { transactionId: 'b1', externalId: 'charge-2', amount: 214.03, paymentDate: '2026-11-29T11:00:00Z' }))).toEqual([
      { type: 'CHARGE_PAID', eventId: 'wh-1', transactionId: 'b1', clientRequestId: 'charge-2', amountCentavos: 214_03, occurredAt: new Date('2026-11-29T11:00:00Z') },
    ]);
    expect(webhookEvents(envelope('charge-canceled', 'CANCELED', { transactionId: 'b1', externalId: 'charge-2' }))[0]).toMatchObject({ type: 'CHARGE_CANCELED', clientRequestId: 'charge-2' });
    expect(webhookEvents(envelope('charge-expired', 'EXPIRED', { transactionId: 'tx-1', clientRequestId: 'charge-1' }))[0]).toMatchObject({ type: 'CHARGE_EXPIRED', clientRequestId: 'charge-1' });
  });

  it('reads payouts (PIX and TED) and refunds, confirmed or failed', () => {
    const body = { id: 'out-1', clientCode: 'transfer-1', amount: 10 };
    expect(webhookEvents(envelope('pix-payment-out', 'CONFIRMED', body))).toEqual([
      { type: 'PAYOUT_CONFIRMED', eventId: 'wh-1', transactionId: 'out-1', clientRequestId: 'transfer-1', occurredAt: new Date('2026-11-29T12:00:00.000Z') },
    ]);
    expect(webhookEvents(envelope('pix-payment-out', 'ERROR', body))[0]?.type).toBe('PAYOUT_FAILED');
    expect(webhookEvents(envelope('pix-payment-out', 'PROCESSING', body))).toEqual([]);
    expect(webhookEvents(envelope('pix-reversal-out', 'CONFIRMED', body))[0]?.type).toBe('REFUND_CONFIRMED');
    expect(webhookEvents(envelope('card-reversal-out', 'ERROR', body))[0]?.type).toBe('REFUND_FAILED');
    expect(webhookEvents(envelope('spb-transfer-out', 'CONFIRMED', body))[0]?.type).toBe('PAYOUT_CONFIRMED');
    expect(webhookEvents(envelope('spb-transfer-out', 'ERROR', body))[0]?.type).toBe('PAYOUT_FAILED');
  });

  it('reads a debited chargeback with its reason, and waits on one not yet debited', () => {
    const body = { id: 'cb-1', originalTransactionId: 'card-1', amount: '1200.50', reasonCode: '10.4', reason: 'Other Fraud' };
    expect(webhookEvents(envelope('card-chargeback', 'CONFIRMED', body))).toEqual([
      { type: 'CHARGEBACK', eventId: 'wh-1', chargebackId: 'cb-1', transactionId: 'card-1', amountCentavos: 120_050, reason: '10.4 Other Fraud', occurredAt: new Date('2026-11-29T12:00:00.000Z') },
    ]);
    expect(webhookEvents(envelope('card-chargeback', 'OPEN', body))).toEqual([]);
    expect(() => webhookEvents(envelope('card-chargeback', 'CONFIRMED', { id: 'cb-1', amount: 1 }))).toThrow(/missing fields: originalTransactionId/);
  });

  it('refuses unknown shapes, unknown entities and missing fields', () => {
    expect(() => webhookEvents({ hello: 'world' })).toThrow(WebhookRejectedError);
    expect(() => webhookEvents(envelope('mystery', 'CONFIRMED', {}))).toThrow(/Unknown webhook entity: mystery/);
    expect(() => webhookEvents(envelope('charge-in', 'CONFIRMED', { externalId: 'x' }))).toThrow(/missing fields: transactionId/);
    expect(() => webhookEvents(receivePix({ Amount: 1.234 }))).toThrow(WebhookRejectedError);
    expect(webhookEvents(envelope('charge-create', 'CREATED', {}))).toEqual([]);
  });

  it('reads Celcoin timestamps in Brasília time and ISO', () => {
    expect(parseCelcoinTimestamp('01/31/2026 21:30:00')).toEqual(new Date('2026-02-01T00:30:00Z'));
    expect(parseCelcoinTimestamp('2026-01-31T21:30:00-03:00')).toEqual(new Date('2026-02-01T00:30:00Z'));
    expect(() => parseCelcoinTimestamp('yesterday')).toThrow(WebhookRejectedError);
  });
});
