// Helena CRM's answers and our model, as pure functions: the schemas every answer is checked against,
// the appointment mapping (Helena embeds the contact) and the payment write-back body.
import { z } from 'zod';
import { brazilianPhone, centavosFromReais, cpfDigits, isoDate, optionalText, reaisFromCentavos } from './provider-call.js';
import type { ExternalAppointment, ExternalAppointmentStatus, ExternalProcedure, PaymentChange } from './practice-system.js';

export const accountAnswer = z.object({ id: z.string().min(1), name: z.string() });

const serviceSchema = z.object({ id: z.string(), code: z.string().min(1), name: z.string(), price: z.number().nonnegative().nullish(), active: z.boolean() });
export const serviceList = z.object({ items: z.array(serviceSchema) });

const contactSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  document: z.string().nullish(),
  email: z.string().nullish(),
  phoneNumber: z.string().nullish(),
  birthDate: z.string().nullish(),
});

const STATUS = { scheduled: 'SCHEDULED', confirmed: 'CONFIRMED', completed: 'DONE', canceled: 'CANCELLED', no_show: 'CANCELLED' } as const satisfies Record<string, ExternalAppointmentStatus>;

export const appointmentSchema = z.object({
  id: z.string().min(1),
  status: z.enum(Object.keys(STATUS) as [keyof typeof STATUS, ...(keyof typeof STATUS)[]]),
  startAt: z.iso.datetime({ offset: true }),
  service: z.object({ code: z.string().min(1) }).nullish(),
  professional: z.object({ name: z.string() }).nullish(),
  contact: contactSchema,
  updatedAt: z.iso.datetime({ offset: true }),
});
export const appointmentPage = z.object({ items: z.array(appointmentSchema), nextCursor: z.string().nullable(), hasMore: z.boolean() });

export const paymentAnswer = z.object({ appointmentId: z.string(), duplicate: z.boolean() });

export type HelenaAppointment = z.infer<typeof appointmentSchema>;

export function toProcedure(service: z.infer<typeof serviceSchema>): ExternalProcedure {
  return { code: service.code, name: service.name, ...(service.price != null ? { priceCentavos: centavosFromReais(service.price) } : {}) };
}

export function toAppointment(appointment: HelenaAppointment): ExternalAppointment {
  const { contact } = appointment;
  const cpf = cpfDigits(contact.document);
  const email = optionalText(contact.email);
  const phone = brazilianPhone(contact.phoneNumber);
  const birthDate = isoDate(contact.birthDate);
  const professional = optionalText(appointment.professional?.name);
  return {
    externalId: appointment.id,
    updatedAt: new Date(appointment.updatedAt),
    status: STATUS[appointment.status],
    startsAt: new Date(appointment.startAt),
    procedureCode: appointment.service?.code ?? null,
    ...(professional ? { professional } : {}),
    patient: { externalId: contact.id, name: contact.name, ...(cpf ? { cpf } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(birthDate ? { birthDate } : {}) },
  };
}

const NOTE = { PAID: 'Pagamento recebido pela MedPay', RELEASED: 'Valor repassado à clínica pela MedPay', REFUNDED: 'Pagamento estornado ao paciente pela MedPay' } as const;

const brl = (centavos: number) => new Intl.NumberFormat('pt-BR', { style: 'currency', currency: 'BRL' }).format(centavos / 100);

/** The body of PUT /agenda/v1/appointments/{id}/payment; the note is what the clinic's staff read on the appointment. */
export function paymentBody(change: PaymentChange) {
  const receipt = change.receiptUrl ? ` Comprovante: ${change.receiptUrl}` : '';
  return {
    reference: change.reference,
    status: change.status.toLowerCase(),
    amount: reaisFromCentavos(change.amountCentavos),
    occurredAt: change.at.toISOString(),
    ...(change.method ? { method: change.method.toLowerCase() } : {}),
    ...(change.receiptUrl ? { receiptUrl: change.receiptUrl } : {}),
    note: `${NOTE[change.status]}: ${brl(change.amountCentavos)}.${receipt} (ref. ${change.reference})`,
  };
}
