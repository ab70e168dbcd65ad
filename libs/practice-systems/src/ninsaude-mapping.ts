// NinSaúde's answers (Portuguese field names, reais, local dates) and our model, as pure functions:
// the schemas every answer is checked against, the appointment mapping, the write-back body, and the
// sync cursor kept over NinSaúde's "changed since" listing.
import { z } from 'zod';
import { brazilianPhone, centavosFromReais, cpfDigits, isoDate, optionalText, reaisFromCentavos } from './provider-call.js';
import type { ExternalAppointment, ExternalAppointmentStatus, ExternalProcedure, PaymentChange, PaymentWriteBackStatus } from './practice-system.js';

export const tokenAnswer = z.object({
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.coerce.number().int().positive(),
  token_type: z.string(),
});

const listOf = <Item extends z.ZodType>(item: Item) => z.object({ result: z.array(item), total: z.number().int().nonnegative() });

export const unitList = listOf(z.object({ id: z.number().int(), account: z.string().min(1), descricao: z.string(), ativo: z.number().int() }));

export const serviceSchema = z.object({
  id: z.number().int(),
  codigo: z.string().nullish(),
  descricao: z.string(),
  valor: z.number().nonnegative().nullish(),
  ativo: z.number().int(),
});
export const serviceList = listOf(serviceSchema);

export const patientSchema = z.object({
  id: z.number().int(),
  nome: z.string().min(1),
  cpf: z.string().nullish(),
  email: z.string().nullish(),
  foneCelular: z.string().nullish(),
  dataNascimento: z.string().nullish(),
});
export const patientList = listOf(patientSchema);

/** 1 agendado, 2 confirmado, 3 atendido, 4 cancelado, 5 faltou (no-show) */
const STATUS: Record<number, ExternalAppointmentStatus> = { 1: 'SCHEDULED', 2: 'CONFIRMED', 3: 'DONE', 4: 'CANCELLED', 5: 'CANCELLED' };

export const appointmentSchema = z.object({
  id: z.number().int(),
  paciente: z.number().int(),
  servico: z.number().int().nullish(),
  profissionalNome: z.string().nullish(),
  data: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  horaInicial: z.string().regex(/^\d{2}:\d{2}(:\d{2})?$/),
  // An unknown status stops the sync instead of guessing whether the patient should pay.
  status: z.number().int().refine((status) => status in STATUS, 'unknown appointment status'),
  dataAlteracao: z.iso.datetime({ offset: true }),
});
export const appointmentList = listOf(appointmentSchema);

export const receivableAnswer = z.object({ result: z.object({ id: z.number().int(), agendamento: z.number().int(), situacao: z.string() }) });

export type NinSaudeService = z.infer<typeof serviceSchema>;
export type NinSaudePatient = z.infer<typeof patientSchema>;
export type NinSaudeAppointment = z.infer<typeof appointmentSchema>;

/** The procedure's code: NinSaúde's own `codigo`, or its id when the clinic gave it none. */
export const serviceCode = (service: NinSaudeService) => optionalText(service.codigo) ?? String(service.id);

export function toProcedure(service: NinSaudeService): ExternalProcedure {
  return { code: serviceCode(service), name: service.descricao, ...(service.valor != null ? { priceCentavos: centavosFromReais(service.valor) } : {}) };
}

/** NinSaúde writes local times of the clinic; Brazil's clinics keep UTC−3 (no daylight saving since 2019). */
export const startsAt = (date: string, time: string) => new Date(`${date}T${time.slice(0, 5)}:00-03:00`);

export function toAppointment(appointment: NinSaudeAppointment, patient: NinSaudePatient, services: Map<number, NinSaudeService>): ExternalAppointment {
  const service = appointment.servico != null ? services.get(appointment.servico) : undefined;
  const cpf = cpfDigits(patient.cpf);
  const email = optionalText(patient.email);
  const phone = brazilianPhone(patient.foneCelular);
  const birthDate = isoDate(patient.dataNascimento);
  const professional = optionalText(appointment.profissionalNome);
  return {
    externalId: String(appointment.id),
    updatedAt: new Date(appointment.dataAlteracao),
    status: STATUS[appointment.status]!,
    startsAt: startsAt(appointment.data, appointment.horaInicial),
    procedureCode: service ? serviceCode(service) : appointment.servico != null ? String(appointment.servico) : null,
    ...(professional ? { professional } : {}),
    patient: { externalId: String(patient.id), name: patient.nome, ...(cpf ? { cpf } : {}), ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(birthDate ? { birthDate } : {}) },
  };
}

const SITUACAO: Record<PaymentWriteBackStatus, string> = { PAID: 'RECEBIDO', RELEASED: 'REPASSADO', REFUNDED: 'ESTORNADO' };
const DESCRICAO: Record<PaymentWriteBackStatus, string> = {
  PAID: 'Pagamento recebido pela MedPay',
  RELEASED: 'Valor repassado à clínica pela MedPay',
  REFUNDED: 'Pagamento estornado ao paciente pela MedPay',
};
const FORMA_PAGAMENTO = { PIX: 'PIX', BOLETO: 'BOLETO', CARD: 'CARTAO_CREDITO' } as const;

/** The body of PUT /v1/atendimento_agenda/{id}/conta_receber: our reference is the movement's external id. */
export function receivableBody(change: PaymentChange) {
  return {
    idExterno: change.reference,
    situacao: SITUACAO[change.status],
    valor: reaisFromCentavos(change.amountCentavos),
    dataMovimento: change.at.toISOString(),
    descricao: DESCRICAO[change.status],
    ...(change.method ? { formaPagamento: FORMA_PAGAMENTO[change.method] } : {}),
    ...(change.receiptUrl ? { urlComprovante: change.receiptUrl } : {}),
  };
}

/**
 * Where the sync stands in NinSaúde's "changed since" listing (`alteradoDesde`, inclusive, ordered by
 * change time then id): the last change time delivered, and the ids delivered at exactly that time, so
 * the next call asks from that time on and skips only those. Each call starts at the first page again,
 * so appointments that change while we page cannot shift one past us.
 */
export interface SyncCursor {
  since: string;
  seen: string[];
}

const cursorSchema = z.object({ since: z.iso.datetime(), seen: z.array(z.string()) });

export const encodeCursor = (cursor: SyncCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

/** The cursor, or null for "from the beginning"; undefined when it is not one of ours. */
export function decodeCursor(cursor: string | null): SyncCursor | null | undefined {
  if (cursor === null) return null;
  try {
    const parsed = cursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the cursor already delivered this change (same appointment, same change time). */
export const alreadyDelivered = (cursor: SyncCursor | null, appointment: NinSaudeAppointment) =>
  cursor !== null && new Date(appointment.dataAlteracao).toISOString() === cursor.since && cursor.seen.includes(String(appointment.id));

/** The cursor after `delivered` (in listing order) was handed over. */
export function advanceCursor(cursor: SyncCursor | null, delivered: NinSaudeAppointment[]): SyncCursor | null {
  const last = delivered.at(-1);
  if (!last) return cursor;
  const since = new Date(last.dataAlteracao).toISOString();
  const atSince = delivered.filter((appointment) => new Date(appointment.dataAlteracao).toISOString() === since).map((appointment) => String(appointment.id));
  const seen = cursor?.since === since ? [...new Set([...cursor.seen, ...atSince])] : atSince;
  return { since, seen };
}
