// The one schema of every analytics collection (@medpay/documents stores them). Money is integer
// centavos in plain numbers (mingo's $sum over Decimal128/Long returns 0), days are YYYY-MM-DD strings in America/Sao_Paulo (computed once, when the fact is written).
import { defineCollections, type DocumentStore } from '@medpay/documents';
import { Schema } from 'mongoose';

/** Raw events are kept this long (a TTL index on MongoDB, the same rule swept on the embedded store). */
export const RAW_EVENT_RETENTION_SECONDS = 400 * 24 * 3600;
/** The router's usage records are kept this long. */
export const USAGE_RETENTION_SECONDS = 90 * 24 * 3600;

const required = { required: true } as const;
const day = { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ } as const;
const optionalDay = { type: String, default: null, match: /^\d{4}-\d{2}-\d{2}$/ } as const;
const centavos = { type: Number, required: true, validate: { validator: Number.isSafeInteger, message: 'centavos must be an integer' } } as const;
const strict = { versionKey: false, strict: 'throw' } as const;

/** Every domain event applied, by id: a redelivered event finds itself here and is skipped. */
const eventSchema = new Schema(
  {
    _id: { type: String, ...required },
    type: { type: String, ...required },
    aggregateId: { type: String, ...required },
    payload: { type: Schema.Types.Mixed, ...required },
    createdAt: { type: Date, ...required },
    receivedAt: { type: Date, ...required },
  },
  { ...strict, minimize: false },
);
eventSchema.index({ createdAt: 1 }, { expireAfterSeconds: RAW_EVENT_RETENTION_SECONDS });
eventSchema.index({ type: 1 });

/**
 * One payment as the events told it (kept for good): the split from `payment.created`, and the first
 * time each milestone happened from `payment.status_changed`. Every field merges monotonically, so the
 * fact is the same whatever order the events arrive in and however often.
 */
const paymentFactSchema = new Schema(
  {
    _id: { type: String, ...required },
    clinicId: { type: String, ...required },
    payerId: { type: String, ...required },
    procedureId: { type: String, default: null },
    category: { type: String, default: null },
    /** PIX, BOLETO, CARD, CARD_INSTALLMENTS or CREDIARIO; null until payment.created arrives */
    method: { type: String, default: null },
    grossCentavos: { ...centavos, default: 0 },
    clinicNetCentavos: { ...centavos, default: 0 },
    platformFeeCentavos: { ...centavos, default: 0 },
    processingCostCentavos: { ...centavos, default: 0 },
    createdDay: optionalDay,
    paidAt: { type: Date, default: null },
    paidDay: optionalDay,
    /** YYYY-MM of paidDay, for cohorts */
    paidMonth: { type: String, default: null },
    releasedAt: { type: Date, default: null },
    disputedAt: { type: Date, default: null },
    refundedCentavos: { ...centavos, default: 0 },
    status: { type: String, ...required },
    /** the time and rank of the event that set `status` (a later one wins; a tie goes to the later step) */
    statusAt: { type: Date, ...required },
    statusRank: { type: Number, ...required },
    version: { type: Number, ...required },
  },
  strict,
);
paymentFactSchema.index({ clinicId: 1, paidDay: 1 });
paymentFactSchema.index({ clinicId: 1, createdDay: 1 });
paymentFactSchema.index({ paidDay: 1 });
paymentFactSchema.index({ createdDay: 1 });
paymentFactSchema.index({ payerId: 1 });

/** One crediário installment: its due date from the schedule, when it was paid. */
const installmentFactSchema = new Schema(
  {
    _id: { type: String, ...required },
    paymentId: { type: String, ...required },
    clinicId: { type: String, ...required },
    number: { type: Number, ...required },
    dueDate: day,
    /** the days after which an unpaid installment counts as overdue > 30 and > 90 days */
    late30Day: day,
    late90Day: day,
    amountCentavos: centavos,
    paidDay: optionalDay,
    version: { type: Number, ...required },
  },
  strict,
);
installmentFactSchema.index({ clinicId: 1, dueDate: 1 });
installmentFactSchema.index({ dueDate: 1 });

/** Plan simulations of one procedure in one window (the event's own id: counted once). */
const simulationFactSchema = new Schema(
  {
    _id: { type: String, ...required },
    clinicId: { type: String, ...required },
    procedureId: { type: String, ...required },
    category: { type: String, ...required },
    day,
    count: { type: Number, ...required, min: 1 },
  },
  strict,
);
simulationFactSchema.index({ clinicId: 1, day: 1 });

const patientFactSchema = new Schema({ _id: { type: String, ...required }, registeredDay: day }, strict);
patientFactSchema.index({ registeredDay: 1 });

/** One operation the router served (operation-level facts only: no variables, no personal data). */
const usageSchema = new Schema(
  {
    _id: { type: String, ...required },
    at: { type: Date, ...required },
    day,
    /** '' for an anonymous operation (mongoose's `required` refuses an empty string) */
    operationName: { type: String, default: '' },
    documentHash: { type: String, ...required },
    clientName: { type: String, ...required },
    clientVersion: { type: String, ...required },
    callerKind: { type: String, ...required },
    fields: { type: [String], default: [] },
    durationMs: { type: Number, ...required, min: 0 },
    errorCodes: { type: [String], default: [] },
  },
  strict,
);
usageSchema.index({ at: 1 }, { expireAfterSeconds: USAGE_RETENTION_SECONDS });
usageSchema.index({ day: 1 });

/**
 * The sensitive-data access log (LGPD): one read of a person's sensitive data by someone else, from
 * the `personal_data.accessed` events (the entry's own id: recorded once). Kept for good, like the
 * payment facts: a person may ask who read their data at any time.
 */
const accessSchema = new Schema(
  {
    _id: { type: String, ...required },
    readerId: { type: String, ...required },
    readerKind: { type: String, ...required, enum: ['user', 'partner'] },
    readerRoles: { type: [String], default: [] },
    readerClinicId: { type: String, default: null },
    subjectId: { type: String, ...required },
    /** the field coordinate, e.g. User.cpf */
    field: { type: String, ...required },
    /** '' for an anonymous operation */
    operation: { type: String, default: '' },
    purpose: { type: String, ...required, enum: ['CLINIC_SERVICE', 'CLINIC_INTEGRATION', 'BACK_OFFICE_SUPPORT', 'DISPUTE_DECISION'] },
    at: { type: Date, ...required },
  },
  strict,
);
accessSchema.index({ subjectId: 1, at: -1 });
accessSchema.index({ readerId: 1, at: -1 });

/** Where the embedded feed reader is in each source's outbox. */
const cursorSchema = new Schema({ _id: { type: String, ...required }, publishedAt: { type: String, ...required }, eventId: { type: String, ...required } }, strict);

export const analyticsCollections = defineCollections('analytics', {
  events: eventSchema,
  payments: paymentFactSchema,
  installments: installmentFactSchema,
  simulations: simulationFactSchema,
  patients: patientFactSchema,
  usage: usageSchema,
  accesses: accessSchema,
  cursors: cursorSchema,
});

export type CollectionName = keyof typeof analyticsCollections.schemas;
export type AnalyticsStore = DocumentStore<CollectionName>;
