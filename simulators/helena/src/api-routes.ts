// Helena's endpoints MedPay uses: the account (/core/v1), services and appointments of the agenda module
// (/agenda/v1) — the appointments feed ordered by change and paged by an opaque cursor — and the payment
// write-back (payment fields plus a note on the appointment), idempotent on the integration's reference.
// Every endpoint takes `Authorization: Bearer <API token>` and counts against the account's rate limit.
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { json, parseJson, SimError, type Reply, type Route, type SimRequest } from '@medpay/simulation';
import { z } from 'zod';
import { appointmentView, contactView, type HelenaContext } from './context.js';
import { accountByToken, type Account, type Appointment } from './state.js';

export const errorBody = (code: string, message: string) => ({ error: { code, message } });

export const notFound = (what: string) => new SimError(404, 'NOT_FOUND', `${what} not found`);

const MAX_LIMIT = 100;

function bearer(headers: IncomingHttpHeaders): string | undefined {
  const authorization = headers.authorization;
  return authorization && /^bearer\s+/i.test(authorization) ? authorization.replace(/^bearer\s+/i, '').trim() : undefined;
}

export const hasValidApiToken = (context: HelenaContext) => (headers: IncomingHttpHeaders) => {
  const token = bearer(headers);
  return token !== undefined && accountByToken(context.data, token) !== undefined;
};

export function findAppointment(account: Account, id: string): Appointment {
  const appointment = account.appointments.find((candidate) => candidate.id === id);
  if (!appointment) throw notFound(`Appointment ${id}`);
  return appointment;
}

/** The cursor is opaque to clients: the account and the last change number delivered. */
const encodeCursor = (accountId: string, sequence: number) => Buffer.from(JSON.stringify({ a: accountId, s: sequence })).toString('base64url');

function decodeCursor(account: Account, cursor: string | null): number {
  if (!cursor) return 0;
  try {
    const parsed = z.object({ a: z.string(), s: z.number().int().min(0) }).parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    if (parsed.a === account.id) return parsed.s;
  } catch {
    // answered below
  }
  throw new SimError(400, 'INVALID_CURSOR', 'cursor is not one this account issued');
}

const paymentRequest = z.object({
  reference: z.string().min(1).max(200),
  status: z.enum(['paid', 'released', 'refunded']),
  amount: z.number().positive().max(10_000_000),
  occurredAt: z.iso.datetime({ offset: true }),
  method: z.enum(['pix', 'boleto', 'card']).optional(),
  receiptUrl: z.url().optional(),
  /** the note written on the appointment; a default one otherwise */
  note: z.string().min(1).max(2000).optional(),
});

const DEFAULT_NOTE = { paid: 'Pagamento registrado', released: 'Pagamento repassado', refunded: 'Pagamento estornado' } as const;

/**
 * Sets the appointment's payment fields and adds a note carrying the reference. A reference seen before
 * is a retry: the same content changes nothing (duplicate: true), other content is a conflict (409).
 * Payment fields and notes do not count as a change of the appointment (no new cursor position, no webhook).
 */
function writePayment(context: HelenaContext, account: Account, appointment: Appointment, request: SimRequest): Reply {
  const body = parseJson(paymentRequest, request);
  const writes = (account.writeBacks[appointment.id] ??= {});
  writes[body.reference] = (writes[body.reference] ?? 0) + 1;
  const seen = account.payments[body.reference];
  if (seen) {
    if (seen.appointmentId !== appointment.id || seen.status !== body.status || seen.amount !== body.amount) {
      throw new SimError(409, 'REFERENCE_CONFLICT', `reference ${body.reference} was already used with other content`);
    }
    return json(200, { appointmentId: appointment.id, payment: appointment.payment, note: appointment.notes.find((note) => note.id === seen.noteId), duplicate: true });
  }
  const at = new Date(context.now()).toISOString();
  appointment.payment = { status: body.status, amount: body.amount, reference: body.reference, occurredAt: body.occurredAt, method: body.method ?? null, receiptUrl: body.receiptUrl ?? null, updatedAt: at };
  const note = { id: randomUUID(), text: body.note ?? `${DEFAULT_NOTE[body.status]} (ref. ${body.reference})`, reference: body.reference, author: 'API', createdAt: at };
  appointment.notes.push(note);
  account.payments[body.reference] = { appointmentId: appointment.id, status: body.status, amount: body.amount, noteId: note.id };
  return json(200, { appointmentId: appointment.id, payment: appointment.payment, note, duplicate: false });
}

export function apiRoutes(context: HelenaContext): Route[] {
  const route = (method: string, pattern: string, handler: (request: SimRequest, account: Account) => Reply): Route => ({
    method,
    pattern,
    api: true,
    authenticated: true,
    handler: (request) => {
      const account = accountByToken(context.data, bearer(request.headers)!)!;
      const waitSeconds = context.rateLimiter.take(account.id);
      if (waitSeconds) {
        context.data.stats.throttled += 1;
        return { status: 429, body: errorBody('RATE_LIMITED', `Too many requests; retry in ${waitSeconds} s`), headers: { 'retry-after': String(waitSeconds) } };
      }
      return handler(request, account);
    },
  });

  return [
    route('GET', '/core/v1/account', (_request, account) => json(200, { id: account.id, name: account.name, document: account.document, timezone: account.timezone })),
    route('GET', '/core/v1/contacts/:id', (request, account) => {
      const contact = account.contacts.find((candidate) => candidate.id === request.params.id);
      if (!contact) throw notFound(`Contact ${request.params.id}`);
      return json(200, contactView(contact));
    }),
    route('GET', '/agenda/v1/services', (_request, account) => json(200, { items: account.services })),
    route('GET', '/agenda/v1/appointments', (request, account) => {
      const limit = Number(request.query.get('limit') ?? 50);
      if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) throw new SimError(400, 'INVALID_LIMIT', `limit must be an integer from 1 to ${MAX_LIMIT}`);
      const after = decodeCursor(account, request.query.get('cursor'));
      const changed = account.appointments.filter((appointment) => appointment.sequence > after).sort((a, b) => a.sequence - b.sequence);
      const items = changed.slice(0, limit);
      return json(200, { items: items.map((appointment) => appointmentView(account, appointment)), nextCursor: encodeCursor(account.id, items.at(-1)?.sequence ?? after), hasMore: changed.length > limit });
    }),
    route('GET', '/agenda/v1/appointments/:id', (request, account) => json(200, appointmentView(account, findAppointment(account, request.params.id!)))),
    route('GET', '/agenda/v1/appointments/:id/notes', (request, account) => json(200, { items: findAppointment(account, request.params.id!).notes })),
    route('PUT', '/agenda/v1/appointments/:id/payment', (request, account) => writePayment(context, account, findAppointment(account, request.params.id!), request)),
  ];
}
