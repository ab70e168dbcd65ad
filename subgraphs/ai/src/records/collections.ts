// What ai keeps (@medpay/documents: MongoDB in production, the embedded store by default): the
// assistant's conversations, the support tickets opened from them, and every fraud and credit
// assessment. Text is redacted before it is stored (redact.ts); everything expires after 180 days.
import { defineCollections, type DocumentStore } from '@medpay/documents';
import { Schema } from 'mongoose';

/** Conversations, tickets and assessments are kept this long after their last change. */
export const AI_RECORD_RETENTION_SECONDS = 180 * 24 * 3600;

const required = { required: true } as const;
const strict = { versionKey: false, strict: 'throw' } as const;

/** One line of a conversation or a ticket, as stored: already redacted. */
const turnSchema = new Schema(
  {
    at: { type: Date, ...required },
    author: { type: String, ...required, enum: ['PATIENT', 'ASSISTANT', 'STAFF'] },
    /** who answered, for STAFF lines (a user id) */
    authorId: { type: String, default: null },
    text: { type: String, ...required },
    /** what the assistant understood, on the patient's lines it answered */
    intent: { type: String, default: null },
  },
  { _id: false, versionKey: false, strict: 'throw' },
);

const conversationSchema = new Schema(
  {
    _id: { type: String, ...required },
    patientId: { type: String, ...required },
    startedAt: { type: Date, ...required },
    updatedAt: { type: Date, ...required },
    turns: { type: [turnSchema], default: [] },
    version: { type: Number, ...required },
  },
  strict,
);
conversationSchema.index({ updatedAt: 1 }, { expireAfterSeconds: AI_RECORD_RETENTION_SECONDS });
conversationSchema.index({ patientId: 1 });

/**
 * A patient's request to talk to a person, with the conversation so far. Procedure questions go to the
 * clinic of the payment the patient chose; payment questions to the back office. A conversation has at
 * most one ticket, with the conversation's id.
 */
const ticketSchema = new Schema(
  {
    _id: { type: String, ...required },
    patientId: { type: String, ...required },
    topic: { type: String, ...required, enum: ['PROCEDURE', 'PAYMENT'] },
    /** the clinic that answers (PROCEDURE), or null: the back office answers */
    clinicId: { type: String, default: null },
    paymentId: { type: String, default: null },
    status: { type: String, ...required, enum: ['OPEN', 'CLOSED'] },
    createdAt: { type: Date, ...required },
    updatedAt: { type: Date, ...required },
    closedAt: { type: Date, default: null },
    messages: { type: [turnSchema], default: [] },
    version: { type: Number, ...required },
  },
  strict,
);
ticketSchema.index({ updatedAt: 1 }, { expireAfterSeconds: AI_RECORD_RETENTION_SECONDS });
ticketSchema.index({ clinicId: 1 });
ticketSchema.index({ patientId: 1 });

/** One anti-fraud or credit decision: ids, scores, reason codes and model features (no personal data). */
const assessmentSchema = new Schema(
  {
    _id: { type: String, ...required },
    kind: { type: String, ...required, enum: ['FRAUD', 'CREDIT'] },
    /** the payment assessed (FRAUD), or null for a credit offer before any payment exists */
    paymentId: { type: String, default: null },
    decision: { type: String, ...required },
    score: { type: Number, default: null },
    reasons: { type: [String], default: [] },
    modelVersion: { type: String, ...required },
    features: { type: Schema.Types.Mixed, default: {} },
    at: { type: Date, ...required },
  },
  { ...strict, minimize: false },
);
assessmentSchema.index({ at: 1 }, { expireAfterSeconds: AI_RECORD_RETENTION_SECONDS });
assessmentSchema.index({ paymentId: 1 });

export const aiCollections = defineCollections('ai', { conversations: conversationSchema, tickets: ticketSchema, assessments: assessmentSchema });
export type AiStore = DocumentStore<keyof typeof aiCollections.schemas>;
