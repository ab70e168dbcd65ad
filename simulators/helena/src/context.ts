// What every group of routes shares: the live data, faults, the rate limiter, the webhook dispatcher and
// its target, a clock, the save that persists the data, and the views the API answers with.
import { randomUUID } from 'node:crypto';
import type { Faults, RateLimiter, WebhookDispatcher } from '@medpay/simulation';
import type { Account, Appointment, Contact, HelenaData } from './state.js';

export interface HelenaWebhookTarget {
  url?: string;
  secret: string;
}

export interface HelenaContext {
  data: HelenaData;
  faults: Faults;
  rateLimiter: RateLimiter;
  webhooks: WebhookDispatcher;
  target: HelenaWebhookTarget;
  now(): number;
  save(): void;
}

export const contactView = ({ id, name, document, email, phoneNumber, birthDate, createdAt, updatedAt }: Contact) => ({ id, name, document, email, phoneNumber, birthDate, createdAt, updatedAt });

export function appointmentView(account: Account, appointment: Appointment) {
  const service = account.services.find((candidate) => candidate.id === appointment.serviceId);
  const professional = account.professionals.find((candidate) => candidate.id === appointment.professionalId);
  const contact = account.contacts.find((candidate) => candidate.id === appointment.contactId)!;
  return {
    id: appointment.id,
    status: appointment.status,
    startAt: appointment.startAt,
    endAt: appointment.endAt,
    service: service ? { id: service.id, code: service.code, name: service.name } : null,
    professional: professional ? { id: professional.id, name: professional.name } : null,
    contact: contactView(contact),
    payment: appointment.payment,
    createdAt: appointment.createdAt,
    updatedAt: appointment.updatedAt,
  };
}

/** Tells the account's webhook an appointment was created or changed (ordered per appointment). */
export function notify(context: HelenaContext, account: Account, appointment: Appointment, type: 'appointment.created' | 'appointment.updated') {
  context.webhooks.send(type, appointment.id, { id: `evt_${randomUUID()}`, type, createdAt: new Date(context.now()).toISOString(), accountId: account.id, data: { appointment: appointmentView(account, appointment) } });
}
