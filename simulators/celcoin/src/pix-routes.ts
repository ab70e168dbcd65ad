// PIX collections: a location (the URL inside a dynamic BR Code), then an immediate charge (cob) or a
// charge with a due date (cobv) bound to it. Also what a payer's bank does with the code.
import { randomUUID } from 'node:crypto';
import { BrCodeError, centavosToDecimal, encodePixBrCode, parsePixBrCode } from '@medpay/br-rails';
import type { z } from 'zod';
import { json, notFound, parseJson, SimError, type Route } from '@medpay/simulation';
import { chargeClosed, receivePix } from './webhook-payloads.js';
import { pixIdentifier, type SimulatorContext } from './context.js';
import { dueDateRequest, immediateRequest, locationRequest, simPixPayRequest } from './request-schemas.js';
import { assertSameRequest, remember, type BoletoRecord, type LocationRecord, type PixChargeRecord } from './state.js';

function describeLocation(location: LocationRecord) {
  return {
    locationId: location.locationId,
    clientRequestId: location.clientRequestId,
    type: location.type,
    location: location.url,
    merchant: { name: location.merchantName, city: location.merchantCity },
    transactionId: location.transactionId ?? null,
    createdAt: location.createdAt,
  };
}

export function describePixCharge(charge: PixChargeRecord) {
  const document = charge.debtor.document.length === 11 ? { cpf: charge.debtor.document } : { cnpj: charge.debtor.document };
  return {
    transactionId: charge.transactionId,
    clientRequestId: charge.clientRequestId,
    status: charge.status,
    transactionIdentification: charge.txid,
    key: charge.key,
    location: { locationId: charge.locationId, url: charge.location },
    amount: { original: centavosToDecimal(charge.amountCentavos) },
    debtor: { name: charge.debtor.name, ...document },
    calendar:
      charge.type === 'COB'
        ? { expiration: charge.expirationSeconds, createdAt: charge.createdAt }
        : { dueDate: charge.dueDate, validityAfterExpiration: charge.validityAfterExpiration, createdAt: charge.createdAt },
    expiresAt: charge.expiresAt,
    emvqrcps: charge.emvqrcps,
    pix: charge.paidAt ? [{ endToEndId: charge.endToEndId, amount: centavosToDecimal(charge.paidCentavos), paidAt: charge.paidAt }] : [],
  };
}

/** Flips a charge whose time ran out to EXPIRED (once) and tells the webhook. */
export function expireIfDue(context: SimulatorContext, charge: PixChargeRecord | BoletoRecord, now = new Date()) {
  if (charge.kind === 'pix' && charge.status === 'ACTIVE' && Date.parse(charge.expiresAt) <= now.getTime()) closeCharge(context, charge, 'expired', now);
}

export function closeCharge(context: SimulatorContext, charge: PixChargeRecord | BoletoRecord, outcome: 'canceled' | 'expired', now = new Date()) {
  if (charge.kind === 'pix') charge.status = outcome === 'canceled' ? 'REMOVED_BY_USER_RECEIVING' : 'EXPIRED';
  else charge.status = outcome === 'canceled' ? 'CANCELED' : 'EXPIRED';
  context.webhooks.send(outcome === 'canceled' ? 'charge-canceled' : 'charge-expired', charge.transactionId, chargeClosed(charge, outcome, now));
}

function pixCharge(context: SimulatorContext, transactionId: string): PixChargeRecord {
  const charge = context.state.pixCharges.get(transactionId);
  if (!charge) throw notFound(`PIX charge ${transactionId}`);
  expireIfDue(context, charge);
  return charge;
}

/** End of the last day a cobv can be paid, in Brasília time (no DST since 2019). */
function dueDateDeadline(dueDate: string, validityDays: number): string {
  const last = new Date(Date.parse(`${dueDate}T00:00:00Z`) + validityDays * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${last}T23:59:59.999-03:00`).toISOString();
}

type CollectionRequest = z.infer<typeof immediateRequest> | z.infer<typeof dueDateRequest>;

function createCollection(context: SimulatorContext, type: 'COB' | 'COBV', body: CollectionRequest) {
  const { state } = context;
  const existing = state.pixByClientRequestId(body.clientRequestId);
  if (existing) {
    assertSameRequest(existing, body, 'clientRequestId', body.clientRequestId);
    return json(200, describePixCharge(existing));
  }
  if (body.key !== context.settings.pixKey) throw new SimError(422, 'INVALID_KEY', `PIX key ${body.key} is not registered to this account`);
  const location = state.locations.get(body.locationId);
  if (!location) throw new SimError(422, 'LOCATION_NOT_FOUND', `Location ${body.locationId} does not exist`);
  if (location.type !== type) throw new SimError(422, 'LOCATION_TYPE_MISMATCH', `Location ${body.locationId} was created for ${location.type}, not ${type}`);
  if (location.transactionId) throw new SimError(409, 'LOCATION_IN_USE', `Location ${body.locationId} already holds charge ${location.transactionId}`);
  const splitTotal = body.feeInfo?.feeDetails.reduce((sum, detail) => sum + detail.amount, 0) ?? 0;
  if (splitTotal > body.amount.original) throw new SimError(422, 'SPLIT_EXCEEDS_AMOUNT', 'The split (feeInfo.feeDetails) adds up to more than the charge');

  const now = new Date();
  const charge: PixChargeRecord = {
    ...remember(body),
    kind: 'pix',
    transactionId: randomUUID(),
    clientRequestId: body.clientRequestId,
    type,
    txid: randomUUID().replace(/-/g, ''),
    key: body.key,
    locationId: location.locationId,
    location: location.url,
    debtor: body.debtor,
    amountCentavos: body.amount.original,
    status: 'ACTIVE',
    emvqrcps: encodePixBrCode({ locationUrl: location.url, amountCentavos: body.amount.original, merchantName: location.merchantName, merchantCity: location.merchantCity }),
    createdAt: now.toISOString(),
    expiresAt: '',
    paidCentavos: 0,
    ...(body.feeInfo ? { feeInfo: body.feeInfo } : {}),
  };
  if ('expiration' in body.calendar) {
    charge.expirationSeconds = body.calendar.expiration;
    charge.expiresAt = new Date(now.getTime() + body.calendar.expiration * 1000).toISOString();
    context.later(body.calendar.expiration * 1000, () => expireIfDue(context, charge));
  } else {
    charge.dueDate = body.calendar.dueDate;
    charge.validityAfterExpiration = body.calendar.validityAfterExpiration;
    charge.expiresAt = dueDateDeadline(body.calendar.dueDate, body.calendar.validityAfterExpiration);
  }
  location.transactionId = charge.transactionId;
  state.pixCharges.set(charge.transactionId, charge);
  return json(201, describePixCharge(charge));
}

/** What a payer's bank app does with a copia-e-cola: read it, fetch the charge at its location, pay it. */
export function payPixCode(context: SimulatorContext, payload: string, payer: { name: string; document: string }) {
  let code;
  try {
    code = parsePixBrCode(payload);
  } catch (error) {
    throw new SimError(422, 'INVALID_BR_CODE', error instanceof BrCodeError ? error.message : 'Unreadable BR Code');
  }
  if (!code.locationUrl) throw new SimError(422, 'STATIC_CODE', 'The simulator pays dynamic BR Codes only (this one carries a key, not a location)');
  const location = context.state.findLocation((candidate) => candidate.url === code.locationUrl);
  if (!location?.transactionId) throw notFound(`A charge at location ${code.locationUrl}`);
  const charge = pixCharge(context, location.transactionId);
  if (charge.status === 'CONCLUDED') throw new SimError(409, 'ALREADY_PAID', `Charge ${charge.transactionId} is already paid`);
  if (charge.status !== 'ACTIVE') throw new SimError(410, charge.status, `Charge ${charge.transactionId} can no longer be paid (${charge.status})`);
  if (code.amountCentavos !== undefined && code.amountCentavos !== charge.amountCentavos) {
    throw new SimError(422, 'AMOUNT_MISMATCH', 'The amount in the BR Code differs from the charge at its location');
  }
  const now = new Date();
  charge.status = 'CONCLUDED';
  charge.paidCentavos = charge.amountCentavos;
  charge.paidAt = now.toISOString();
  charge.endToEndId = pixIdentifier('E', '18236120', now);
  context.webhooks.send('RECEIVEPIX', charge.transactionId, receivePix(charge, payer, now));
  return { transactionId: charge.transactionId, endToEndId: charge.endToEndId, amount: centavosToDecimal(charge.paidCentavos), paidAt: charge.paidAt };
}

export function pixRoutes(context: SimulatorContext): Route[] {
  const { state } = context;
  return [
    {
      method: 'POST',
      pattern: '/pix/v1/location',
      api: true,
      authenticated: true,
      handler: (request) => {
        const body = parseJson(locationRequest, request);
        const existing = state.findLocation((location) => location.clientRequestId === body.clientRequestId);
        if (existing) {
          assertSameRequest(existing, body, 'clientRequestId', body.clientRequestId);
          return json(200, describeLocation(existing));
        }
        const locationId = randomUUID();
        const location: LocationRecord = {
          ...remember(body),
          locationId,
          clientRequestId: body.clientRequestId,
          type: body.type,
          url: `${context.publicHost()}/pix/qr/${locationId}`,
          merchantName: body.merchant.name,
          merchantCity: body.merchant.city,
          createdAt: new Date().toISOString(),
        };
        state.locations.set(locationId, location);
        return json(201, describeLocation(location));
      },
    },
    { method: 'POST', pattern: '/pix/v1/collection/immediate', api: true, authenticated: true, handler: (request) => createCollection(context, 'COB', parseJson(immediateRequest, request)) },
    { method: 'POST', pattern: '/pix/v1/collection/duedate', api: true, authenticated: true, handler: (request) => createCollection(context, 'COBV', parseJson(dueDateRequest, request)) },
    { method: 'GET', pattern: '/pix/v1/collection/:transactionId', api: true, authenticated: true, handler: (request) => json(200, describePixCharge(pixCharge(context, request.params.transactionId!))) },
    {
      // Stands in for Celcoin's collection queries: finds a charge by our idempotency key.
      method: 'GET',
      pattern: '/pix/v1/collection',
      api: true,
      authenticated: true,
      handler: (request) => {
        const clientRequestId = request.query.get('clientRequestId');
        if (!clientRequestId) throw new SimError(400, 'VALIDATION_ERROR', 'clientRequestId query parameter is required');
        const charge = state.pixByClientRequestId(clientRequestId);
        if (!charge) throw notFound(`PIX charge with clientRequestId ${clientRequestId}`);
        expireIfDue(context, charge);
        return json(200, describePixCharge(charge));
      },
    },
    {
      method: 'DELETE',
      pattern: '/pix/v1/collection/:transactionId',
      api: true,
      authenticated: true,
      handler: (request) => {
        const charge = pixCharge(context, request.params.transactionId!);
        if (charge.status === 'CONCLUDED') throw new SimError(409, 'ALREADY_PAID', `Charge ${charge.transactionId} is paid; refund it instead`);
        if (charge.status === 'ACTIVE') closeCharge(context, charge, 'canceled');
        return json(200, describePixCharge(charge));
      },
    },
    {
      // What a bank app fetches from the location (real PSPs answer a signed JWS; this is its payload).
      method: 'GET',
      pattern: '/pix/qr/:locationId',
      handler: (request) => {
        const location = state.locations.get(request.params.locationId!);
        const charge = location?.transactionId ? pixCharge(context, location.transactionId) : undefined;
        if (!charge) throw notFound('Location');
        return json(200, {
          txid: charge.txid,
          revisao: 0,
          status: charge.status === 'ACTIVE' ? 'ATIVA' : charge.status === 'CONCLUDED' ? 'CONCLUIDA' : 'REMOVIDA_PELO_USUARIO_RECEBEDOR',
          calendario: { criacao: charge.createdAt, ...(charge.type === 'COB' ? { expiracao: charge.expirationSeconds } : { dataDeVencimento: charge.dueDate }) },
          valor: { original: centavosToDecimal(charge.amountCentavos) },
          chave: charge.key,
          recebedor: { nome: location?.merchantName, cidade: location?.merchantCity },
        });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/pix/pay',
      handler: (request) => {
        const body = parseJson(simPixPayRequest, request);
        return json(200, payPixCode(context, body.payload, body.payer ?? { name: 'Pagador Simulado', document: '52998224725' }));
      },
    },
  ];
}
