// The simulator as card acquirer: the browser tokenizes the card here (the number never reaches MedPay),
// then the backend charges the token. Tokens are single-use and live 30 minutes.
import { randomBytes, randomUUID } from 'node:crypto';
import { centavosToDecimal } from '@medpay/br-rails';
import { json, notFound, parseJson, SimError, type Route } from '@medpay/simulation';
import { cardBrand, isValidLuhn } from './cards.js';
import type { SimulatorContext } from './context.js';
import { cardChargeRequest, tokenizeRequest } from './request-schemas.js';
import { assertSameRequest, remember, type CardChargeRecord } from './state.js';

const TOKEN_TTL_MS = 30 * 60_000;
/** Cards whose number ends like this are declined when charged. */
const DECLINED_SUFFIX = '0002';

export function describeCardCharge(charge: CardChargeRecord, refundedCentavos: number) {
  return {
    transactionId: charge.transactionId,
    clientRequestId: charge.clientRequestId,
    status: charge.status,
    amount: Number(centavosToDecimal(charge.amountCentavos)),
    installments: charge.installments,
    brand: charge.brand,
    last4: charge.last4,
    ...(charge.declineReason ? { declineReason: charge.declineReason } : {}),
    refundedAmount: Number(centavosToDecimal(refundedCentavos)),
    createdAt: charge.createdAt,
  };
}

export function cardRoutes(context: SimulatorContext): Route[] {
  const { state } = context;
  const describe = (charge: CardChargeRecord) => describeCardCharge(charge, state.refundedCentavos(charge.transactionId));
  return [
    {
      method: 'POST',
      pattern: '/_sim/card/tokenize',
      cors: true,
      handler: (request) => {
        const card = parseJson(tokenizeRequest, request);
        if (!isValidLuhn(card.number)) throw new SimError(422, 'INVALID_CARD_NUMBER', 'The card number is not valid');
        const now = new Date();
        const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
        if (year * 12 + card.expMonth < now.getUTCFullYear() * 12 + now.getUTCMonth() + 1) throw new SimError(422, 'CARD_EXPIRED', 'The card is expired');
        const cardToken = `card_tok_${randomBytes(16).toString('hex')}`;
        const token = {
          cardToken,
          brand: cardBrand(card.number),
          last4: card.number.slice(-4),
          holder: card.holder,
          declined: card.number.endsWith(DECLINED_SUFFIX),
          expiresAt: new Date(now.getTime() + TOKEN_TTL_MS).toISOString(),
        };
        state.cardTokens.set(cardToken, token);
        return json(201, { cardToken, brand: token.brand, last4: token.last4, expiresAt: token.expiresAt });
      },
    },
    {
      method: 'POST',
      pattern: '/card/v1/charge',
      api: true,
      authenticated: true,
      handler: (request) => {
        const body = parseJson(cardChargeRequest, request);
        const existing = state.cardByClientRequestId(body.clientRequestId);
        if (existing) {
          assertSameRequest(existing, body, 'clientRequestId', body.clientRequestId);
          return json(200, describe(existing));
        }
        const token = state.cardTokens.get(body.cardToken);
        if (!token) throw new SimError(422, 'INVALID_CARD_TOKEN', 'Unknown card token');
        if (token.usedBy) throw new SimError(422, 'CARD_TOKEN_USED', 'The card token was already used; tokenize the card again');
        if (Date.parse(token.expiresAt) <= Date.now()) throw new SimError(422, 'CARD_TOKEN_EXPIRED', 'The card token expired; tokenize the card again');
        token.usedBy = body.clientRequestId;
        const charge: CardChargeRecord = {
          ...remember(body),
          transactionId: randomUUID(),
          clientRequestId: body.clientRequestId,
          amountCentavos: body.amount,
          installments: body.installments,
          cardToken: body.cardToken,
          brand: token.brand,
          last4: token.last4,
          status: token.declined ? 'DECLINED' : 'APPROVED',
          ...(token.declined ? { declineReason: 'Insufficient funds' } : {}),
          createdAt: new Date().toISOString(),
        };
        state.cardCharges.set(charge.transactionId, charge);
        return json(201, describe(charge));
      },
    },
    {
      method: 'GET',
      pattern: '/card/v1/charge/:transactionId',
      api: true,
      authenticated: true,
      handler: (request) => {
        const charge = state.cardCharges.get(request.params.transactionId!);
        if (!charge) throw notFound(`Card charge ${request.params.transactionId}`);
        return json(200, describe(charge));
      },
    },
    {
      // Stands in for the acquirer's query by our idempotency key (reconciliation).
      method: 'GET',
      pattern: '/card/v1/charge',
      api: true,
      authenticated: true,
      handler: (request) => {
        const clientRequestId = request.query.get('clientRequestId');
        if (!clientRequestId) throw new SimError(400, 'VALIDATION_ERROR', 'clientRequestId query parameter is required');
        const charge = state.cardByClientRequestId(clientRequestId);
        if (!charge) throw notFound(`Card charge with clientRequestId ${clientRequestId}`);
        return json(200, describe(charge));
      },
    },
  ];
}
