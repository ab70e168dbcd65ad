// What ClickSign would hold for one account: envelopes with their documents, signers and requirements,
// the messages "sent" to signers (tokens, signature requests), and the simulator's clock. Plain maps,
// read and written synchronously by the handlers, so every check-then-write is atomic.
import { randomUUID } from 'node:crypto';
import { notFound } from '@medpay/simulation';

export type EnvelopeStatus = 'draft' | 'running' | 'closed' | 'canceled';
export type SignerStatus = 'pending' | 'signed' | 'refused';
export type Channel = 'email' | 'sms' | 'whatsapp';
/** provide_evidence auths the simulator can check (a token sent by the channel of the same name) */
export const TOKEN_AUTHS = ['email', 'sms', 'whatsapp'] as const;
export type TokenAuth = (typeof TOKEN_AUTHS)[number];

/** A webhook event as ClickSign lists it in `document.events`. */
export interface LoggedEvent {
  name: string;
  data: unknown;
  occurred_at: string;
}

export interface EnvelopeRecord {
  id: string;
  name: string;
  status: EnvelopeStatus;
  locale: string;
  autoClose: boolean;
  remindInterval: number | null;
  blockAfterRefusal: boolean;
  deadlineAt: string;
  defaultSubject: string | null;
  defaultMessage: string | null;
  createdAt: string;
  updatedAt: string;
  finishedAt: string | null;
  events: LoggedEvent[];
}

export interface DocumentRecord {
  id: string;
  envelopeId: string;
  filename: string;
  contentType: string;
  /** the uploaded bytes, base64 */
  content: string;
  sha256: string;
  metadata: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

export interface SignerRecord {
  id: string;
  envelopeId: string;
  name: string;
  email: string | null;
  phoneNumber: string | null;
  hasDocumentation: boolean;
  documentation: string | null;
  birthday: string | null;
  refusable: boolean;
  group: number;
  communicateEvents: { signature_request: 'email' | 'sms' | 'whatsapp' | 'none'; signature_reminder: 'email' | 'none'; document_signed: 'email' | 'whatsapp' };
  status: SignerStatus;
  /** the token "sent" for provide_evidence, issued when the envelope starts running */
  token: string | null;
  signedAt: string | null;
  refusedAt: string | null;
  refusalReason: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface RequirementRecord {
  id: string;
  envelopeId: string;
  documentId: string;
  signerId: string;
  action: 'agree' | 'provide_evidence';
  role: string | null;
  auth: TokenAuth | null;
  createdAt: string;
}

/** Something ClickSign would have sent a signer: the authentication token, or the request to sign. */
export interface SentMessage {
  id: string;
  envelopeId: string;
  signerId: string;
  kind: 'token' | 'signature_request';
  channel: Channel;
  to: string;
  token?: string;
  signingUrl?: string;
  message?: string;
  at: string;
}

const STATE_VERSION = 1;

export class SimulatorState {
  accountKey: string = randomUUID();
  /** added to the real clock: `/_sim/clock` moves time forward for deadlines */
  clockOffsetMs = 0;
  readonly envelopes = new Map<string, EnvelopeRecord>();
  readonly documents = new Map<string, DocumentRecord>();
  readonly signers = new Map<string, SignerRecord>();
  readonly requirements = new Map<string, RequirementRecord>();
  readonly messages: SentMessage[] = [];

  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  envelope(id: string): EnvelopeRecord {
    const envelope = this.envelopes.get(id);
    if (!envelope) throw notFound(`Envelope ${id}`);
    return envelope;
  }

  documentsOf(envelopeId: string): DocumentRecord[] {
    return [...this.documents.values()].filter((document) => document.envelopeId === envelopeId);
  }

  signersOf(envelopeId: string): SignerRecord[] {
    return [...this.signers.values()].filter((signer) => signer.envelopeId === envelopeId);
  }

  requirementsOf(envelopeId: string): RequirementRecord[] {
    return [...this.requirements.values()].filter((requirement) => requirement.envelopeId === envelopeId);
  }

  reset() {
    this.clockOffsetMs = 0;
    this.envelopes.clear();
    this.documents.clear();
    this.signers.clear();
    this.requirements.clear();
    this.messages.length = 0;
  }

  dump(): unknown {
    return {
      version: STATE_VERSION,
      accountKey: this.accountKey,
      clockOffsetMs: this.clockOffsetMs,
      envelopes: [...this.envelopes.values()],
      documents: [...this.documents.values()],
      signers: [...this.signers.values()],
      requirements: [...this.requirements.values()],
      messages: this.messages,
    };
  }

  restore(saved: unknown) {
    const data = saved as Partial<{ version: number; accountKey: string; clockOffsetMs: number; envelopes: EnvelopeRecord[]; documents: DocumentRecord[]; signers: SignerRecord[]; requirements: RequirementRecord[]; messages: SentMessage[] }>;
    if (!data || data.version !== STATE_VERSION) throw new Error(`Unrecognised ClickSign simulator state (version ${String(data?.version)}); delete the state file to start afresh`);
    this.reset();
    this.accountKey = data.accountKey ?? this.accountKey;
    this.clockOffsetMs = data.clockOffsetMs ?? 0;
    for (const envelope of data.envelopes ?? []) this.envelopes.set(envelope.id, envelope);
    for (const document of data.documents ?? []) this.documents.set(document.id, document);
    for (const signer of data.signers ?? []) this.signers.set(signer.id, signer);
    for (const requirement of data.requirements ?? []) this.requirements.set(requirement.id, requirement);
    this.messages.push(...(data.messages ?? []));
  }

  /** Everything, for assertions and the demo; document bytes replaced by their size and hash. */
  snapshot() {
    return {
      accountKey: this.accountKey,
      now: this.now().toISOString(),
      clockOffsetMs: this.clockOffsetMs,
      envelopes: [...this.envelopes.values()].map((envelope) => ({
        ...envelope,
        documents: this.documentsOf(envelope.id).map(({ content, ...document }) => ({ ...document, sizeBytes: Buffer.from(content, 'base64').length })),
        signers: this.signersOf(envelope.id),
        requirements: this.requirementsOf(envelope.id),
      })),
      messages: this.messages,
    };
  }
}
