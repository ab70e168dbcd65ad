// Zenvia's SMS channel (API v2): POST /v2/channels/sms/messages with the X-API-TOKEN header, and
// MESSAGE_STATUS webhooks back (SENT, then DELIVERED or NOT_DELIVERED). The documented `externalId`
// (the client's own id for the message) is treated as an idempotency key: a repeated one answers the
// first message and records nothing.
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { json } from '@medpay/simulation';
import { UNREACHABLE_SUFFIX, type SimulatorContext } from './context.js';
import { header, parseJson, ProviderError, type Route } from './routes.js';
import type { DeliveryStatus, SmsRecord } from './store.js';

const smsRequest = z.object({
  from: z.string().min(1).max(64),
  to: z.string().regex(/^\d{10,15}$/, 'must be the phone number with country code, digits only (5511999998888)'),
  externalId: z.string().min(1).max(255).optional(),
  contents: z.array(z.object({ type: z.literal('text'), text: z.string().min(1).max(1600) })).min(1),
});

/** Zenvia's error body: { code, message }. */
export const zenviaError = (status: number, code: string, message: string) => new ProviderError(status, { code, message });

const digest = (text: string) => createHash('sha256').update(text).digest();

export function describeSms(record: SmsRecord) {
  return {
    id: record.id,
    ...(record.externalId ? { externalId: record.externalId } : {}),
    from: record.from,
    to: record.to,
    direction: 'OUT',
    channel: 'sms',
    contents: [{ type: 'text', text: record.text }],
    timestamp: record.receivedAt,
  };
}

/** A MESSAGE_STATUS event as Zenvia's webhook subscription delivers it. */
export function smsStatusEvent(record: SmsRecord, code: DeliveryStatus, at: Date) {
  return {
    id: randomUUID(),
    timestamp: at.toISOString(),
    type: 'MESSAGE_STATUS',
    subscriptionId: 'messaging-simulator',
    channel: 'sms',
    messageId: record.id,
    contentIndex: 0,
    message: { id: record.id, ...(record.externalId ? { externalId: record.externalId } : {}), contentIndex: 0, direction: 'OUT', from: record.from, to: record.to },
    messageStatus: {
      timestamp: at.toISOString(),
      code,
      description: { SENT: 'The message was sent to the carrier', DELIVERED: 'The message was delivered to the handset', NOT_DELIVERED: 'The message could not be delivered' }[code],
      ...(code === 'NOT_DELIVERED' ? { causes: [{ channelErrorCode: '005', reason: 'Unreachable destination' }] } : {}),
    },
  };
}

export function zenviaRoutes(context: SimulatorContext): Route[] {
  const expectedToken = digest(context.settings.zenviaToken);
  return [
    {
      method: 'POST',
      pattern: '/v2/channels/sms/messages',
      channel: 'sms',
      handler: (request) => {
        const token = header(request.headers, 'x-api-token');
        if (!token || !timingSafeEqual(digest(token), expectedToken)) throw zenviaError(401, 'AUTHENTICATION_ERROR', 'Invalid or missing X-API-TOKEN');
        const body = parseJson(smsRequest, request, (message) => zenviaError(400, 'VALIDATION_ERROR', message));
        const repeated = body.externalId ? context.store.find('sms', body.externalId) : undefined;
        if (repeated) return json(200, describeSms(repeated));
        const record: SmsRecord = {
          channel: 'sms',
          id: randomUUID(),
          externalId: body.externalId ?? null,
          from: body.from,
          to: body.to,
          text: body.contents.map((content) => content.text).join('\n'),
          status: 'ACCEPTED',
          receivedAt: new Date().toISOString(),
        };
        context.store.add('sms', record, record.externalId);
        context.logger?.info({ id: record.id, externalId: record.externalId }, 'sms received');
        const final: DeliveryStatus = record.to.endsWith(UNREACHABLE_SUFFIX) ? 'NOT_DELIVERED' : 'DELIVERED';
        const step = (code: DeliveryStatus) => () => {
          record.status = code;
          return smsStatusEvent(record, code, new Date());
        };
        context.receipts.send('sms', [step('SENT'), step(final)]);
        return json(200, describeSms(record));
      },
    },
  ];
}
