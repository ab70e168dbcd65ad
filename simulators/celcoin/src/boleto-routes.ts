// Boletos issued through Celcoin's BaaS charge API, keyed by our externalId, and paid by typing the line.
import { randomUUID } from 'node:crypto';
import { BoletoError, centavosToDecimal, daysFromIsoDate, decodeBoleto, encodeBoleto, isoDateInSaoPaulo } from '@medpay/br-rails';
import { json, notFound, parseJson, SimError, type Route } from '@medpay/simulation';
import { boletoPaid } from './webhook-payloads.js';
import type { SimulatorContext } from './context.js';
import { closeCharge } from './pix-routes.js';
import { boletoRequest, simBoletoPayRequest } from './request-schemas.js';
import { assertSameRequest, remember, type BoletoRecord } from './state.js';

/** The simulated wallet's agreement number: the first 8 digits of every free field. */
const AGREEMENT = '00350001';

export function describeBoleto(boleto: BoletoRecord) {
  return {
    transactionId: boleto.transactionId,
    externalId: boleto.externalId,
    status: boleto.status,
    amount: Number(centavosToDecimal(boleto.amountCentavos)),
    dueDate: boleto.dueDate,
    debtor: boleto.debtor,
    boleto: { digitableLine: boleto.line, barCode: boleto.barcode, dueDate: boleto.dueDate },
    payment: boleto.paidAt ? { amount: Number(centavosToDecimal(boleto.paidCentavos)), paidAt: boleto.paidAt } : null,
    createdAt: boleto.createdAt,
  };
}

export function boletoRoutes(context: SimulatorContext): Route[] {
  const { state } = context;
  const find = (transactionId: string) => {
    const boleto = state.boletos.get(transactionId);
    if (!boleto) throw notFound(`Boleto charge ${transactionId}`);
    return boleto;
  };
  return [
    {
      method: 'POST',
      pattern: '/baas/v2/charge',
      api: true,
      authenticated: true,
      handler: (request) => {
        const body = parseJson(boletoRequest, request);
        const existing = state.boletoByExternalId(body.externalId);
        if (existing) {
          assertSameRequest(existing, body, 'externalId', body.externalId);
          return json(200, describeBoleto(existing));
        }
        if (daysFromIsoDate(body.dueDate) < daysFromIsoDate(isoDateInSaoPaulo())) throw new SimError(422, 'INVALID_DUE_DATE', `dueDate ${body.dueDate} is in the past`);
        const splitTotal = body.split?.reduce((sum, entry) => sum + (entry.amount ?? 0), 0) ?? 0;
        if (splitTotal > body.amount) throw new SimError(422, 'SPLIT_EXCEEDS_AMOUNT', 'The split adds up to more than the charge');
        const freeField = AGREEMENT + String(state.nextBoletoNumber++).padStart(17, '0');
        let encoded;
        try {
          encoded = encodeBoleto({ bankCode: context.settings.boletoBankCode, amountCentavos: body.amount, dueDate: body.dueDate, freeField });
        } catch (error) {
          throw new SimError(422, 'INVALID_BOLETO', error instanceof Error ? error.message : 'Cannot issue this boleto');
        }
        const boleto: BoletoRecord = {
          ...remember(body),
          kind: 'boleto',
          transactionId: randomUUID(),
          externalId: body.externalId,
          amountCentavos: body.amount,
          dueDate: body.dueDate,
          debtor: { name: body.debtor.name, document: body.debtor.document },
          status: 'ACTIVE',
          barcode: encoded.barcode,
          line: encoded.line,
          freeField,
          createdAt: new Date().toISOString(),
          paidCentavos: 0,
          ...(body.split ? { split: body.split } : {}),
        };
        state.boletos.set(boleto.transactionId, boleto);
        return json(201, describeBoleto(boleto));
      },
    },
    { method: 'GET', pattern: '/baas/v2/charge/:transactionId', api: true, authenticated: true, handler: (request) => json(200, describeBoleto(find(request.params.transactionId!))) },
    {
      // Stands in for Celcoin's charge query by externalId (reconciliation).
      method: 'GET',
      pattern: '/baas/v2/charge',
      api: true,
      authenticated: true,
      handler: (request) => {
        const externalId = request.query.get('externalId');
        if (!externalId) throw new SimError(400, 'VALIDATION_ERROR', 'externalId query parameter is required');
        const boleto = state.boletoByExternalId(externalId);
        if (!boleto) throw notFound(`Boleto charge with externalId ${externalId}`);
        return json(200, describeBoleto(boleto));
      },
    },
    {
      method: 'DELETE',
      pattern: '/baas/v2/charge/:transactionId',
      api: true,
      authenticated: true,
      handler: (request) => {
        const boleto = find(request.params.transactionId!);
        if (boleto.status === 'CONFIRMED') throw new SimError(409, 'ALREADY_PAID', `Boleto ${boleto.transactionId} is paid`);
        if (boleto.status === 'ACTIVE') closeCharge(context, boleto, 'canceled');
        return json(200, describeBoleto(boleto));
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/boleto/pay',
      handler: (request) => {
        const { line } = parseJson(simBoletoPayRequest, request);
        let decoded;
        try {
          decoded = decodeBoleto(line);
        } catch (error) {
          throw new SimError(422, 'INVALID_LINE', error instanceof BoletoError ? error.message : 'Unreadable boleto line');
        }
        const boleto = [...state.boletos.values()].find((candidate) => candidate.freeField === decoded.freeField && decoded.bankCode === context.settings.boletoBankCode);
        if (!boleto) throw notFound('A boleto with this line');
        if (boleto.status === 'CONFIRMED') throw new SimError(409, 'ALREADY_PAID', `Boleto ${boleto.transactionId} is already paid`);
        if (boleto.status !== 'ACTIVE') throw new SimError(410, boleto.status, `Boleto ${boleto.transactionId} can no longer be paid (${boleto.status})`);
        const now = new Date();
        boleto.status = 'CONFIRMED';
        boleto.paidCentavos = decoded.amountCentavos;
        boleto.paidAt = now.toISOString();
        context.webhooks.send('charge-in', boleto.transactionId, boletoPaid(boleto, now));
        return json(200, { transactionId: boleto.transactionId, amount: centavosToDecimal(boleto.paidCentavos), paidAt: boleto.paidAt });
      },
    },
  ];
}
