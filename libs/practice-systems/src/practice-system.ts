// The port between MedPay and a clinic's own practice system (Helena CRM, the NinSaúde ERP), in our
// words: who the account is, its procedures, its appointments changed since a stored cursor, and the
// payment status written back to an appointment. Each system is one adapter behind this interface.

export type PracticeSystemKind = 'HELENA' | 'NINSAUDE';

export interface ExternalProcedure {
  /** the system's own code for the procedure: what a clinic maps to its MedPay catalog */
  code: string;
  name: string;
  priceCentavos?: number;
}

export type ExternalAppointmentStatus = 'SCHEDULED' | 'CONFIRMED' | 'CANCELLED' | 'DONE';

export interface ExternalPatient {
  externalId: string;
  name: string;
  /** 11 digits, when the system holds one */
  cpf?: string;
  email?: string;
  /** E.164 (+55…) */
  phone?: string;
  /** YYYY-MM-DD */
  birthDate?: string;
}

export interface ExternalAppointment {
  externalId: string;
  updatedAt: Date;
  status: ExternalAppointmentStatus;
  startsAt: Date;
  /** the procedure's code (ExternalProcedure.code); null when the appointment names none */
  procedureCode: string | null;
  professional?: string;
  patient: ExternalPatient;
}

export interface AppointmentPage {
  appointments: ExternalAppointment[];
  /** store this after processing the page; pass it to the next call (null: from the beginning) */
  cursor: string | null;
  /** whether more changes are waiting right now (call again with the new cursor) */
  more: boolean;
}

export type PaymentWriteBackStatus = 'PAID' | 'RELEASED' | 'REFUNDED';

export interface PaymentChange {
  /** our idempotency key for this change (e.g. `${paymentId}:${status}`): the system applies it once */
  reference: string;
  status: PaymentWriteBackStatus;
  amountCentavos: number;
  at: Date;
  receiptUrl?: string;
  method?: 'PIX' | 'BOLETO' | 'CARD';
}

export interface PracticeSystem {
  readonly kind: PracticeSystemKind;
  /** Verifies the credentials and names the account they open. */
  account(): Promise<{ accountId: string; name: string }>;
  procedures(): Promise<ExternalProcedure[]>;
  /** Appointments created or changed after `cursor` (every one when null), oldest change first. */
  appointmentsSince(cursor: string | null, limit: number): Promise<AppointmentPage>;
  /** Writes a payment change back to the appointment; repeating the same reference changes nothing. */
  recordPayment(appointmentExternalId: string, change: PaymentChange): Promise<void>;
}

export type PracticeSystemErrorCode =
  /** the system refused our credentials (revoked, rotated elsewhere, reused): the clinic must reconnect */
  | 'CREDENTIALS_REFUSED'
  | 'NOT_FOUND'
  /** the system answered, and the answer is no (validation, a reference reused with other content) */
  | 'REJECTED'
  /** the system answered 2xx with something we cannot read */
  | 'INVALID_RESPONSE'
  | 'INVALID_CURSOR';

/**
 * An expected failure of a practice system call. Outages are not this: they surface as the runtime's
 * ProviderUnavailableError (retries exhausted, circuit open), to be tried again later.
 */
export class PracticeSystemError extends Error {
  constructor(
    readonly code: PracticeSystemErrorCode,
    readonly system: PracticeSystemKind,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** A webhook whose signature, age or body we do not accept: answer 401/400 and do not act on it. */
export class WebhookRejectedError extends Error {
  constructor(
    readonly code: 'SIGNATURE_INVALID' | 'PAYLOAD_INVALID',
    message: string,
  ) {
    super(message);
  }
}
