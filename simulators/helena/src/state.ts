// What the simulated Helena CRM holds: accounts with their API tokens, services, contacts, professionals
// and appointments (each change numbered, which is what the appointments cursor counts), the payment
// fields and notes MedPay writes back. Plain JSON, saved after each change and read back at start.

export type AppointmentStatus = 'scheduled' | 'confirmed' | 'canceled' | 'completed' | 'no_show';
export type PaymentStatus = 'paid' | 'released' | 'refunded';

export interface Service {
  id: string;
  code: string;
  name: string;
  /** reais */
  price: number;
  durationMinutes: number;
  active: boolean;
}

export interface Contact {
  id: string;
  name: string;
  /** CPF, digits only */
  document: string | null;
  email: string | null;
  /** E.164 */
  phoneNumber: string | null;
  birthDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Professional {
  id: string;
  name: string;
}

export interface Payment {
  status: PaymentStatus;
  amount: number;
  reference: string;
  occurredAt: string;
  method: string | null;
  receiptUrl: string | null;
  updatedAt: string;
}

export interface Note {
  id: string;
  text: string;
  /** the integration's reference the note was written for */
  reference: string | null;
  author: string;
  createdAt: string;
}

export interface Appointment {
  id: string;
  status: AppointmentStatus;
  startAt: string;
  endAt: string;
  serviceId: string | null;
  professionalId: string | null;
  contactId: string;
  payment: Payment | null;
  notes: Note[];
  createdAt: string;
  updatedAt: string;
  /** the account's change number of its last change: the appointments feed is ordered by it */
  sequence: number;
}

/** A payment write-back as first received, to tell a retry (same content) from a conflict. */
export interface PaymentWrite {
  appointmentId: string;
  status: PaymentStatus;
  amount: number;
  noteId: string;
}

export interface Account {
  id: string;
  name: string;
  document: string;
  timezone: string;
  apiTokens: string[];
  services: Service[];
  contacts: Contact[];
  professionals: Professional[];
  appointments: Appointment[];
  /** the last change number handed out */
  sequence: number;
  payments: Record<string, PaymentWrite>;
  /** every write-back received, per appointment and reference, retries included */
  writeBacks: Record<string, Record<string, number>>;
}

export interface HelenaData {
  version: 1;
  accounts: Record<string, Account>;
  stats: { throttled: number };
}

export const emptyData = (): HelenaData => ({ version: 1, accounts: {}, stats: { throttled: 0 } });

export function isHelenaData(value: unknown): value is HelenaData {
  return typeof value === 'object' && value !== null && (value as { version?: unknown }).version === 1 && typeof (value as { accounts?: unknown }).accounts === 'object';
}

export function accountByToken(data: HelenaData, token: string): Account | undefined {
  return Object.values(data.accounts).find((account) => account.apiTokens.includes(token));
}

/** Marks an appointment changed: a new change number and time (what the feed and webhooks follow). */
export function touch(account: Account, appointment: Appointment, now: number) {
  account.sequence += 1;
  appointment.sequence = account.sequence;
  appointment.updatedAt = new Date(now).toISOString();
}
