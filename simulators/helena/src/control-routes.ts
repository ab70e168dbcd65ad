// Test controls under /_sim (no auth, no faults, no rate limit): what the clinic's staff would do in
// Helena (create, move, cancel an appointment — each one sends its webhook), extra accounts for isolated
// tests, the webhook target and delivery log, faults, the rate limit, write-backs per appointment, the
// whole state, and a reset to the demo seed.
import { randomBytes, randomUUID } from 'node:crypto';
import { isValidCpf } from '@medpay/br-documents';
import { faultRoutes, json, noFaults, parseJson, SimError, type Route } from '@medpay/simulation';
import { z } from 'zod';
import { findAppointment, notFound } from './api-routes.js';
import { appointmentView, notify, type HelenaContext } from './context.js';
import { createAccount, HELENA_DEMO, seedDemo } from './seed.js';
import { emptyData, touch, type Account, type Contact } from './state.js';

const status = z.enum(['scheduled', 'confirmed', 'canceled', 'completed', 'no_show']);

const contactInput = z.object({
  name: z.string().min(1),
  document: z.string().refine(isValidCpf, 'invalid CPF').optional(),
  email: z.email().optional(),
  phoneNumber: z.string().regex(/^\+\d{12,13}$/, 'E.164, e.g. +5521987654321').optional(),
  birthDate: z.iso.date().optional(),
});

const createAppointment = z
  .object({
    accountId: z.string().default(HELENA_DEMO.accountId),
    contactId: z.string().optional(),
    contact: contactInput.optional(),
    serviceCode: z.string().min(1).nullable(),
    /** default: one day from now */
    startAt: z.iso.datetime({ offset: true }).optional(),
    professionalId: z.string().optional(),
    status: status.default('scheduled'),
  })
  .refine((body) => body.contactId !== undefined || body.contact !== undefined, 'contactId or contact is required');

const updateAppointment = z.object({
  startAt: z.iso.datetime({ offset: true }).optional(),
  serviceCode: z.string().min(1).nullable().optional(),
  status: status.optional(),
  contact: contactInput.partial().optional(),
});

const rateLimitInput = z.object({ requests: z.number().int().min(1), windowMs: z.number().int().min(100) });
const webhookInput = z.object({ url: z.url().nullable(), secret: z.string().min(16).optional() });

export function controlRoutes(context: HelenaContext, apiCalls: () => number): Route[] {
  const { data } = context;

  const accountById = (id: string): Account => {
    const account = data.accounts[id];
    if (!account) throw notFound(`Account ${id}`);
    return account;
  };

  const locate = (id: string) => {
    for (const account of Object.values(data.accounts)) {
      if (account.appointments.some((candidate) => candidate.id === id)) return { account, appointment: findAppointment(account, id) };
    }
    throw notFound(`Appointment ${id}`);
  };

  const serviceFor = (account: Account, code: string | null) => {
    if (code === null) return null;
    const service = account.services.find((candidate) => candidate.code === code);
    if (!service) throw new SimError(422, 'UNKNOWN_SERVICE', `No service ${code} in this account`);
    return service;
  };

  const contactFor = (account: Account, input: z.infer<typeof contactInput>): Contact => {
    const known = input.document ? account.contacts.find((contact) => contact.document === input.document!.replace(/\D/g, '')) : undefined;
    if (known) return known;
    const at = new Date(context.now()).toISOString();
    const contact: Contact = { id: randomUUID(), name: input.name, document: input.document?.replace(/\D/g, '') ?? null, email: input.email ?? null, phoneNumber: input.phoneNumber ?? null, birthDate: input.birthDate ?? null, createdAt: at, updatedAt: at };
    account.contacts.push(contact);
    return contact;
  };

  const describe = (account: Account, id: string) => {
    const appointment = findAppointment(account, id);
    return {
      accountId: account.id,
      appointment: appointmentView(account, appointment),
      notes: appointment.notes,
      writeBacks: Object.entries(account.writeBacks[id] ?? {}).map(([reference, times]) => ({ reference, times })),
    };
  };

  return [
    { method: 'GET', pattern: '/_sim/health', handler: () => json(200, { status: 'ok' }) },
    {
      method: 'POST',
      pattern: '/_sim/accounts',
      handler: (request) => {
        const body = parseJson(z.object({ name: z.string().min(1).default('Clínica de Testes') }), request);
        const apiToken = `hl_${randomBytes(18).toString('base64url')}`;
        const account = createAccount(data, { name: body.name, apiToken }, context.now());
        return json(201, { accountId: account.id, apiToken });
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/appointments',
      handler: (request) => {
        const body = parseJson(createAppointment, request);
        const account = accountById(body.accountId);
        const contact = body.contactId !== undefined ? account.contacts.find((candidate) => candidate.id === body.contactId) : contactFor(account, body.contact!);
        if (!contact) throw notFound(`Contact ${body.contactId}`);
        const professional = body.professionalId !== undefined ? account.professionals.find((candidate) => candidate.id === body.professionalId) : account.professionals[0];
        if (!professional) throw notFound(`Professional ${body.professionalId}`);
        const service = serviceFor(account, body.serviceCode);
        const startAt = body.startAt ? new Date(body.startAt) : new Date(context.now() + 86_400_000);
        const at = new Date(context.now()).toISOString();
        const appointment = {
          id: randomUUID(), status: body.status, startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + (service?.durationMinutes ?? 30) * 60_000).toISOString(),
          serviceId: service?.id ?? null, professionalId: professional.id, contactId: contact.id, payment: null, notes: [], createdAt: at, updatedAt: at, sequence: 0,
        };
        account.appointments.push(appointment);
        touch(account, appointment, context.now());
        notify(context, account, appointment, 'appointment.created');
        return json(201, describe(account, appointment.id));
      },
    },
    { method: 'GET', pattern: '/_sim/appointments/:id', handler: (request) => {
      const { account, appointment } = locate(request.params.id!);
      return json(200, describe(account, appointment.id));
    } },
    {
      method: 'PATCH',
      pattern: '/_sim/appointments/:id',
      handler: (request) => {
        const body = parseJson(updateAppointment, request);
        const { account, appointment } = locate(request.params.id!);
        if (body.serviceCode !== undefined) appointment.serviceId = serviceFor(account, body.serviceCode)?.id ?? null;
        if (body.startAt) {
          const duration = account.services.find((service) => service.id === appointment.serviceId)?.durationMinutes ?? 30;
          const startAt = new Date(body.startAt);
          Object.assign(appointment, { startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + duration * 60_000).toISOString() });
        }
        if (body.status) appointment.status = body.status;
        if (body.contact) {
          const contact = account.contacts.find((candidate) => candidate.id === appointment.contactId)!;
          const { document, ...rest } = body.contact;
          Object.assign(contact, rest, document ? { document: document.replace(/\D/g, '') } : {}, { updatedAt: new Date(context.now()).toISOString() });
        }
        touch(account, appointment, context.now());
        notify(context, account, appointment, 'appointment.updated');
        return json(200, describe(account, appointment.id));
      },
    },
    {
      method: 'POST',
      pattern: '/_sim/appointments/:id/cancel',
      handler: (request) => {
        const { account, appointment } = locate(request.params.id!);
        appointment.status = 'canceled';
        touch(account, appointment, context.now());
        notify(context, account, appointment, 'appointment.updated');
        return json(200, describe(account, appointment.id));
      },
    },
    { method: 'GET', pattern: '/_sim/webhooks', handler: () => json(200, { target: { url: context.target.url ?? null }, messages: context.webhooks.messages, attempts: context.webhooks.attempts }) },
    {
      method: 'PUT',
      pattern: '/_sim/webhook',
      handler: (request) => {
        const body = parseJson(webhookInput, request);
        if (body.url) context.target.url = body.url;
        else delete context.target.url;
        if (body.secret) context.target.secret = body.secret;
        return json(200, { url: context.target.url ?? null });
      },
    },
    { method: 'GET', pattern: '/_sim/rate-limit', handler: () => json(200, context.rateLimiter.settings) },
    {
      method: 'POST',
      pattern: '/_sim/rate-limit',
      handler: (request) => {
        context.rateLimiter.update(parseJson(rateLimitInput, request));
        return json(200, context.rateLimiter.settings);
      },
    },
    ...faultRoutes(context.faults, context.webhooks),
    {
      method: 'GET',
      pattern: '/_sim/state',
      handler: () =>
        json(200, {
          stats: { ...data.stats, apiCalls: apiCalls() },
          rateLimit: context.rateLimiter.settings,
          accounts: Object.values(data.accounts).map(({ apiTokens: _apiTokens, payments: _payments, ...account }) => account),
        }),
    },
    {
      method: 'POST',
      pattern: '/_sim/reset',
      handler: () => {
        Object.assign(data, emptyData());
        seedDemo(data, context.now());
        context.webhooks.reset();
        Object.assign(context.faults, noFaults());
        context.rateLimiter.update(context.rateLimiter.settings);
        return json(200, { reset: true });
      },
    },
  ];
}
