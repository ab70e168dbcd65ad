// Escrow as Celcoin's balance block: one block per correlationBlockedId, released in one or more unblocks,
// never more than is still blocked. The simulator does not model the account balance itself.
import { centavosToDecimal } from '@medpay/br-rails';
import { json, notFound, parseJson, SimError, type Route } from '@medpay/simulation';
import type { SimulatorContext } from './context.js';
import { blockRequest, unblockRequest } from './request-schemas.js';
import { assertSameRequest, remember, type BlockRecord } from './state.js';

const reais = (centavos: number) => Number(centavosToDecimal(centavos));

function describeBlock(block: BlockRecord) {
  return {
    correlationBlockedId: block.correlationBlockedId,
    amount: reais(block.amountCentavos),
    remainingBlockedAmount: reais(block.remainingCentavos),
    status: block.remainingCentavos === block.amountCentavos ? 'BLOCKED' : block.remainingCentavos === 0 ? 'UNBLOCKED' : 'PARTIALLY_UNBLOCKED',
    createdAt: block.createdAt,
  };
}

export function escrowRoutes(context: SimulatorContext): Route[] {
  const { state } = context;
  return [
    {
      method: 'POST',
      pattern: '/baas/v1/balance/block',
      api: true,
      authenticated: true,
      handler: (request) => {
        const body = parseJson(blockRequest, request);
        const existing = state.blocks.get(body.correlationBlockedId);
        // A correlationBlockedId is one block: repeating it is a retry (same amount) or a mistake (409).
        if (existing) {
          assertSameRequest(existing, body, 'correlationBlockedId', body.correlationBlockedId);
          return json(200, describeBlock(existing));
        }
        const block: BlockRecord = {
          ...remember(body),
          correlationBlockedId: body.correlationBlockedId,
          amountCentavos: body.amount,
          remainingCentavos: body.amount,
          createdAt: new Date().toISOString(),
          unblocks: [],
        };
        state.blocks.set(block.correlationBlockedId, block);
        return json(201, describeBlock(block));
      },
    },
    {
      method: 'POST',
      pattern: '/baas/v1/balance/unblock',
      api: true,
      authenticated: true,
      handler: (request) => {
        const body = parseJson(unblockRequest, request);
        const block = state.blocks.get(body.correlationBlockedId);
        if (!block) throw notFound(`Block ${body.correlationBlockedId}`);
        // Two partial unblocks of the same amount are legitimate, so only an explicit clientRequestId
        // makes an unblock idempotent.
        const repeated = body.clientRequestId ? block.unblocks.find((unblock) => unblock.clientRequestId === body.clientRequestId) : undefined;
        if (repeated) {
          if (repeated.amountCentavos !== body.amount) throw new SimError(409, 'IDEMPOTENCY_CONFLICT', `clientRequestId ${body.clientRequestId} was already used to unblock a different amount`);
          return json(200, { ...describeBlock(block), unblockedAmount: reais(repeated.amountCentavos), remainingBlockedAmount: reais(repeated.remainingCentavos) });
        }
        if (body.amount > block.remainingCentavos) {
          throw new SimError(422, 'INSUFFICIENT_BLOCKED_BALANCE', `Cannot unblock ${centavosToDecimal(body.amount)}: only ${centavosToDecimal(block.remainingCentavos)} is blocked under ${block.correlationBlockedId}`);
        }
        block.remainingCentavos -= body.amount;
        block.unblocks.push({ amountCentavos: body.amount, remainingCentavos: block.remainingCentavos, at: new Date().toISOString(), ...(body.clientRequestId ? { clientRequestId: body.clientRequestId } : {}) });
        return json(200, { ...describeBlock(block), unblockedAmount: reais(body.amount) });
      },
    },
    {
      method: 'GET',
      pattern: '/baas/v1/balance/block/:correlationBlockedId',
      api: true,
      authenticated: true,
      handler: (request) => {
        const block = state.blocks.get(request.params.correlationBlockedId!);
        if (!block) throw notFound(`Block ${request.params.correlationBlockedId}`);
        return json(200, describeBlock(block));
      },
    },
  ];
}
