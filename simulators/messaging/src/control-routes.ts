// Test and development controls under /_sim (never faulted), and the web inbox.
import { z } from 'zod';
import { json } from '@medpay/simulation';
import type { SimulatorContext } from './context.js';
import { faultRequest, type Faults } from './faults.js';
import { renderEmail, renderInbox, renderNotFound } from './inbox.js';
import { parseJson, ProviderError, type Route } from './routes.js';
import { CHANNELS, type Channel } from './store.js';

const webhookTargets = z.strictObject({
  sms: z.url().nullable().optional(),
  whatsapp: z.url().nullable().optional(),
});

const badRequest = (message: string) => new ProviderError(400, { error: 'BAD_REQUEST', message });

export function controlRoutes(context: SimulatorContext, faults: Faults): Route[] {
  const { store, receipts } = context;
  return [
    { method: 'GET', pattern: '/_sim/health', handler: () => json(200, { status: 'ok' }) },
    {
      method: 'GET',
      pattern: '/_sim/messages',
      handler: (request) => {
        const channel = request.query.get('channel');
        if (channel !== null && !CHANNELS.includes(channel as Channel)) throw badRequest(`channel must be one of ${CHANNELS.join(', ')}`);
        const to = request.query.get('to');
        return json(200, store.list({ ...(channel ? { channel: channel as Channel } : {}), ...(to ? { to } : {}) }));
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/messages',
      handler: () => {
        store.clear();
        return { status: 204 };
      },
    },
    { method: 'GET', pattern: '/_sim/faults', handler: () => json(200, faults.snapshot()) },
    {
      method: 'POST',
      pattern: '/_sim/faults',
      handler: (request) => {
        const fault = parseJson(faultRequest, request, badRequest);
        faults.set(fault.channel, fault.status, fault.count);
        return json(200, faults.snapshot());
      },
    },
    {
      method: 'DELETE',
      pattern: '/_sim/faults',
      handler: () => {
        faults.clear();
        return { status: 204 };
      },
    },
    { method: 'GET', pattern: '/_sim/receipts', handler: () => json(200, { targets: { sms: receipts.targets.sms.url, whatsapp: receipts.targets.whatsapp.url }, attempts: receipts.attempts }) },
    {
      method: 'PUT',
      pattern: '/_sim/webhooks',
      handler: (request) => {
        const targets = parseJson(webhookTargets, request, badRequest);
        if (targets.sms !== undefined) receipts.targets.sms.url = targets.sms;
        if (targets.whatsapp !== undefined) receipts.targets.whatsapp.url = targets.whatsapp;
        return json(200, { sms: receipts.targets.sms.url, whatsapp: receipts.targets.whatsapp.url });
      },
    },
    { method: 'GET', pattern: '/', handler: () => ({ status: 200, html: renderInbox(store) }) },
    {
      method: 'GET',
      pattern: '/emails/:id',
      handler: (request) => {
        const email = store.emails().find((candidate) => candidate.id === request.params.id);
        return email ? { status: 200, html: renderEmail(email) } : { status: 404, html: renderNotFound() };
      },
    },
  ];
}
