// The WhatsApp Business Cloud API's send endpoint for template messages, with Graph API errors, and
// status webhooks (sent, then delivered or failed) signed with the app secret like Meta's. The documented
// `biz_opaque_callback_data` (echoed in every status) carries the client's id and is treated as an
// idempotency key: a repeated value answers the first message and records nothing.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { json } from '@medpay/simulation';
import { UNREACHABLE_SUFFIX, type SimulatorContext } from './context.js';
import { header, parseJson, ProviderError, type Route } from './routes.js';
import type { WhatsAppRecord } from './store.js';

const templateRequest = z.object({
  messaging_product: z.literal('whatsapp'),
  recipient_type: z.literal('individual').optional(),
  to: z.string().regex(/^\+?\d{8,15}$/, 'must be a phone number with country code'),
  type: z.literal('template', { message: 'this simulator sends template messages only' }),
  template: z.object({
    name: z.string().min(1).max(512),
    language: z.object({ code: z.string().min(2), policy: z.literal('deterministic').optional() }),
    components: z
      .array(z.object({ type: z.string(), parameters: z.array(z.object({ type: z.string(), text: z.string().optional() })).optional() }))
      .optional(),
  }),
  biz_opaque_callback_data: z.string().min(1).max(512).optional(),
});

const DISPLAY_PHONE_NUMBER = '551140000000';
const GRAPH_VERSION = /^v\d+\.\d+$/;

/** A Graph API error answer: { error: { message, type, code, fbtrace_id } }. */
export function graphError(status: number, code: number, message: string, details?: string) {
  return new ProviderError(status, {
    error: {
      message,
      type: 'OAuthException',
      code,
      ...(details ? { error_data: { messaging_product: 'whatsapp', details } } : {}),
      fbtrace_id: randomBytes(12).toString('base64url'),
    },
  });
}

/** What a fault's HTTP status looks like coming from the Graph API. */
export function graphFault(status: number) {
  if (status === 401) return graphError(401, 190, 'Error validating access token: Session has expired');
  if (status === 429) return graphError(429, 130429, '(#130429) Rate limit hit');
  if (status >= 500) return graphError(status, 2, 'Service temporarily unavailable');
  return graphError(status, 100, '(#100) Invalid parameter');
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** The template's body with {{n}} replaced by the n-th parameter; an unknown template shows its name and parameters. */
export function renderTemplate(body: string | undefined, name: string, parameters: string[]): string {
  if (body === undefined) return parameters.length ? `[${name}] ${parameters.join(' | ')}` : `[${name}]`;
  return body.replace(/\{\{(\d+)\}\}/g, (placeholder, index: string) => parameters[Number(index) - 1] ?? placeholder);
}

const placeholderCount = (body: string) => new Set([...body.matchAll(/\{\{(\d+)\}\}/g)].map((match) => match[1])).size;

/** One status change as Meta's webhook delivers it: a change of field `messages` carrying `statuses`. */
export function statusNotification(context: SimulatorContext, record: WhatsAppRecord, status: 'sent' | 'delivered' | 'failed', at: Date) {
  return {
    object: 'whatsapp_business_account',
    entry: [
      {
        id: context.settings.whatsappBusinessAccountId,
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { display_phone_number: DISPLAY_PHONE_NUMBER, phone_number_id: record.phoneNumberId },
              statuses: [
                {
                  id: record.id,
                  status,
                  timestamp: String(Math.floor(at.getTime() / 1000)),
                  recipient_id: record.to.replace(/\D/g, ''),
                  ...(record.bizOpaqueCallbackData ? { biz_opaque_callback_data: record.bizOpaqueCallbackData } : {}),
                  ...(status === 'failed'
                    ? { errors: [{ code: 131026, title: 'Message undeliverable', message: 'Message undeliverable', error_data: { details: 'The recipient is not a WhatsApp user' } }] }
                    : {}),
                },
              ],
            },
          },
        ],
      },
    ],
  };
}

/** X-Hub-Signature-256 of a raw body: sha256=<hex HMAC-SHA256 with the app secret>. */
export const hubSignature = (appSecret: string, rawBody: string) => `sha256=${createHmac('sha256', appSecret).update(rawBody).digest('hex')}`;

export function whatsAppRoutes(context: SimulatorContext): Route[] {
  const expectedAuthorization = digest(`Bearer ${context.settings.whatsappToken}`);
  return [
    {
      method: 'POST',
      pattern: '/:version/:phoneNumberId/messages',
      channel: 'whatsapp',
      handler: (request) => {
        if (!GRAPH_VERSION.test(request.params.version!)) throw graphError(400, 2500, `Unknown path components: /${request.params.version}`);
        const authorization = header(request.headers, 'authorization');
        if (!authorization || !timingSafeEqual(digest(authorization), expectedAuthorization)) {
          throw graphError(401, 190, 'Invalid OAuth access token - Cannot parse access token');
        }
        const body = parseJson(templateRequest, request, (message) => graphError(400, 100, '(#100) Invalid parameter', message));
        const key = body.biz_opaque_callback_data;
        const repeated = key ? context.store.find('whatsapp', key) : undefined;
        if (repeated) return json(200, accepted(repeated));

        const parameters = (body.template.components ?? [])
          .filter((component) => component.type === 'body')
          .flatMap((component) => component.parameters ?? [])
          .map((parameter) => parameter.text ?? '');
        const known = context.settings.whatsappTemplates[body.template.name];
        if (known !== undefined && placeholderCount(known) !== parameters.length) {
          throw graphError(400, 132000, '(#132000) Number of parameters does not match the expected number of params', `body: number of localizable_params (${parameters.length}) does not match the expected number of params (${placeholderCount(known)})`);
        }
        const record: WhatsAppRecord = {
          channel: 'whatsapp',
          id: `wamid.${randomBytes(24).toString('base64url')}`,
          phoneNumberId: request.params.phoneNumberId!,
          to: body.to,
          template: { name: body.template.name, language: body.template.language.code },
          parameters,
          text: renderTemplate(known, body.template.name, parameters),
          bizOpaqueCallbackData: key ?? null,
          status: 'accepted',
          receivedAt: new Date().toISOString(),
        };
        context.store.add('whatsapp', record, key ?? null);
        context.logger?.info({ id: record.id, template: record.template.name }, 'whatsapp message received');
        const final = body.to.endsWith(UNREACHABLE_SUFFIX) ? 'failed' : 'delivered';
        const step = (status: 'sent' | 'delivered' | 'failed') => () => {
          record.status = status;
          return statusNotification(context, record, status, new Date());
        };
        context.receipts.send('whatsapp', [step('sent'), step(final)]);
        return json(200, accepted(record));
      },
    },
  ];
}

function accepted(record: WhatsAppRecord) {
  return {
    messaging_product: 'whatsapp',
    contacts: [{ input: record.to, wa_id: record.to.replace(/\D/g, '') }],
    messages: [{ id: record.id, message_status: 'accepted' }],
  };
}
