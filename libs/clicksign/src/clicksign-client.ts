// MedPay's way to ask for a digital signature through ClickSign's API v3 (envelopes): one call puts a
// PDF in front of its signers (envelope → document → signers → requirements → running → notification),
// others read or cancel it, fetch the signed copy, and turn ClickSign's webhooks into our events.
//
// Retries never create a second envelope for one request: the envelope is named after the caller's
// external reference and looked up by that name first, creating calls (POST) are never repeated
// blindly, and a failed attempt starts over from what ClickSign already holds (see requestSignature).
import { createHash } from 'node:crypto';
import { ProviderClient, ProviderUnavailableError, retry, staticCredentials, type CredentialSource, type Logger } from '@medpay/runtime';
import { z } from 'zod';
import {
  documentResource,
  envelopeResource,
  JSON_API,
  many,
  one,
  requirementResource,
  signerResource,
  type DocumentResource,
  type EnvelopeResource,
  type SignerResource,
} from './provider-schemas.js';
import { METADATA_ENVELOPE_ID, METADATA_EXTERNAL_REFERENCE, parseClickSignWebhook, signatureStatus, type ClickSignEvent, type SignatureStatus, type WebhookHeaders } from './webhook-events.js';

export type SignerAuth = 'email' | 'sms' | 'whatsapp';

export interface SignerRequest {
  /** full name, at least two words (ClickSign refuses one word or digits) */
  name: string;
  email: string;
  /** Brazilian mobile with area code; needed for sms and whatsapp */
  phone?: string;
  cpf?: string;
  /** YYYY-MM-DD */
  birthday?: string;
  /** how the signer proves who they are: a token sent by this channel */
  auth: SignerAuth;
  /** whether ClickSign sends the signing link itself; false when the signer signs embedded in our app */
  notify: boolean;
}

export interface SignatureRequest {
  /** what the signer sees, e.g. "Contrato de crediário"; the external reference is appended */
  name: string;
  /** our id for what is signed (a payment, a clinic's agreement): one envelope per reference */
  externalReference: string;
  deadlineAt: Date;
  document: { filename: string; pdf: Buffer };
  signers: SignerRequest[];
  /** the e-mail text of the signature request */
  message?: string;
}

export interface SignerLink {
  signerId: string;
  name: string;
  email: string;
  /** the signing page, to send or embed in an iframe */
  signingUrl: string;
}

export interface RequestedSignature {
  envelopeId: string;
  documentId: string;
  status: SignatureStatus;
  signers: SignerLink[];
}

export interface SignatureEnvelope {
  envelopeId: string;
  name: string;
  status: SignatureStatus;
  deadlineAt: Date | null;
  documents: Array<{ documentId: string; filename: string; externalReference: string | null }>;
  signers: SignerLink[];
}

export interface SignedDocument {
  filename: string;
  pdf: Buffer;
  /** hex SHA-256 of `pdf` */
  sha256: string;
}

export interface ClickSignClientOptions {
  /** https://sandbox.clicksign.com, https://app.clicksign.com, or the simulator's URL */
  baseUrl: string;
  accessToken: string;
  /** the HMAC secret of the account's webhook */
  webhookSecret: string;
  /** where signing pages live (`<signingBaseUrl>/sign/<signer id>`); baseUrl by default */
  signingBaseUrl?: string;
  locale?: 'pt-BR' | 'en-US';
  /** per HTTP attempt; 10 s by default */
  timeoutMs?: number;
  /** attempts after the first, for reads and for a whole signature request; 3 by default */
  retries?: number;
  retryBaseDelayMs?: number;
  retryMaxDelayMs?: number;
  circuitBreaker?: { failureThreshold?: number; coolDownMs?: number };
  logger?: Pick<Logger, 'warn' | 'error'>;
}

/** The request cannot be sent as it is (our validation, before ClickSign sees it). */
export class InvalidSignatureRequestError extends Error {
  readonly code = 'INVALID_SIGNATURE_REQUEST';
}

/** ClickSign answered 2xx with something the adapter cannot read. */
export class UnexpectedClickSignResponseError extends Error {
  readonly code = 'CLICKSIGN_UNEXPECTED_RESPONSE';
}

/** The envelope for this external reference was canceled (refused, expired or canceled): use a new reference. */
export class SignatureRequestClosedError extends Error {
  readonly code = 'SIGNATURE_REQUEST_CANCELED';
  constructor(readonly envelopeId: string) {
    super(`The envelope ${envelopeId} of this reference was canceled; a new signature needs a new external reference`);
  }
}

/** Cancel asked for an envelope everyone already signed. */
export class SignatureAlreadyCompletedError extends Error {
  readonly code = 'SIGNATURE_ALREADY_COMPLETED';
  constructor(readonly envelopeId: string) {
    super(`Envelope ${envelopeId} is closed: it was signed and cannot be canceled`);
  }
}

/** The signed copy exists only once the envelope closed. */
export class SignedDocumentNotReadyError extends Error {
  readonly code = 'SIGNED_DOCUMENT_NOT_READY';
  constructor(readonly envelopeId: string) {
    super(`Envelope ${envelopeId} is not closed: there is no signed copy yet`);
  }
}

const onlyDigits = (value: string) => value.replace(/\D/g, '');

const signerRequest = z
  .object({
    name: z
      .string()
      .trim()
      .min(3)
      .max(255)
      .refine((name) => name.split(/\s+/).length >= 2 && !/\d/.test(name), 'the full name, at least two words, no digits'),
    email: z.email(),
    // Stored without country code, as ClickSign wants: 10 or 11 digits.
    phone: z
      .string()
      .transform((phone) => onlyDigits(phone).replace(/^55(?=\d{10,11}$)/, ''))
      .refine((phone) => /^\d{10,11}$/.test(phone), 'a Brazilian phone with area code')
      .optional(),
    cpf: z
      .string()
      .transform(onlyDigits)
      .refine((cpf) => cpf.length === 11, '11 digits')
      .transform((cpf) => `${cpf.slice(0, 3)}.${cpf.slice(3, 6)}.${cpf.slice(6, 9)}-${cpf.slice(9)}`)
      .optional(),
    birthday: z.iso.date().optional(),
    auth: z.enum(['email', 'sms', 'whatsapp']),
    notify: z.boolean(),
  })
  .refine((signer) => signer.auth === 'email' || signer.phone, { message: 'sms and whatsapp need the phone', path: ['phone'] });

const signatureRequest = z.object({
  name: z.string().trim().min(1).max(200),
  externalReference: z.string().regex(/^[\w.:-]{1,100}$/, 'letters, digits, _ . : - (at most 100)'),
  deadlineAt: z.date().refine((deadline) => deadline.getTime() > Date.now(), 'in the future'),
  document: z.object({
    filename: z.string().trim().min(1).max(255).regex(/\.pdf$/i, 'a .pdf file name'),
    pdf: z.instanceof(Buffer).refine((pdf) => pdf.subarray(0, 5).equals(Buffer.from('%PDF-')), 'a PDF'),
  }),
  signers: z
    .array(signerRequest)
    .min(1)
    .refine((signers) => new Set(signers.map((signer) => signer.email.toLowerCase())).size === signers.length, 'one entry per e-mail'),
  message: z.string().max(500).optional(),
});
type ValidRequest = z.infer<typeof signatureRequest>;

const jsonApiHeaders = { accept: JSON_API, 'content-type': JSON_API };

export class ClickSignClient {
  /** reads, and changes that are safe to repeat (PATCH to a status, notifications) */
  private readonly http: ProviderClient;
  /** creations: a lost answer must not be retried blindly (that would create twice) */
  private readonly creations: ProviderClient;
  private readonly signingBaseUrl: string;
  private readonly retries: number;

  constructor(private readonly options: ClickSignClientOptions) {
    const credentials: CredentialSource = staticCredentials({ authorization: options.accessToken });
    const common = {
      provider: 'clicksign',
      baseUrl: options.baseUrl,
      credentials,
      timeoutMs: options.timeoutMs ?? 10_000,
      ...(options.retryBaseDelayMs !== undefined ? { retryBaseDelayMs: options.retryBaseDelayMs } : {}),
      ...(options.retryMaxDelayMs !== undefined ? { retryMaxDelayMs: options.retryMaxDelayMs } : {}),
      ...(options.circuitBreaker ? { circuitBreaker: options.circuitBreaker } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    };
    this.retries = options.retries ?? 3;
    this.http = new ProviderClient({ ...common, retries: this.retries });
    this.creations = new ProviderClient({ ...common, retries: 0 });
    this.signingBaseUrl = (options.signingBaseUrl ?? options.baseUrl).replace(/\/+$/, '');
  }

  /**
   * Puts the document in front of its signers and returns where each one signs.
   *
   * Safe to call again for the same `externalReference` (after a timeout, a crash, a retry of ours):
   * it finds the envelope by its name and completes what is missing instead of creating another one.
   * Each attempt reads what ClickSign holds and creates only what is not there yet; creations are
   * sent once per attempt, and an attempt that fails on the way (outage, lost answer) is started over
   * with backoff. Once an envelope of this reference was canceled, it stays canceled
   * (SignatureRequestClosedError).
   */
  async requestSignature(request: SignatureRequest): Promise<RequestedSignature> {
    const parsed = signatureRequest.safeParse(request);
    if (!parsed.success) throw new InvalidSignatureRequestError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; '));
    const valid = parsed.data;
    const progress = { activated: false, notified: false };
    return retry(() => this.converge(valid, progress), {
      retries: this.retries,
      baseDelayMs: this.options.retryBaseDelayMs ?? 200,
      maxDelayMs: this.options.retryMaxDelayMs ?? 5000,
      isRetryable: (error) => error instanceof ProviderUnavailableError,
      onRetry: (error, attempt, delayMs) => this.options.logger?.warn({ provider: 'clicksign', operation: 'requestSignature', attempt, delayMs, reason: (error as Error).message }, 'starting the signature request over'),
    });
  }

  async envelope(envelopeId: string): Promise<SignatureEnvelope> {
    const envelope = await this.readEnvelope(envelopeId);
    const [documents, signers] = await Promise.all([this.documents(envelopeId), this.signers(envelopeId)]);
    return {
      envelopeId,
      name: envelope.attributes.name,
      status: this.status(envelope),
      deadlineAt: envelope.attributes.deadline_at ? new Date(envelope.attributes.deadline_at) : null,
      documents: documents.map((document) => {
        const reference = document.attributes.metadata?.[METADATA_EXTERNAL_REFERENCE];
        return { documentId: document.id, filename: document.attributes.filename, externalReference: typeof reference === 'string' ? reference : null };
      }),
      signers: signers.map((signer) => this.link(signer)),
    };
  }

  /** Stops an envelope nobody finished signing; canceling a canceled one is a no-op. */
  async cancel(envelopeId: string): Promise<SignatureEnvelope> {
    const envelope = await this.readEnvelope(envelopeId);
    if (envelope.attributes.status === 'closed') throw new SignatureAlreadyCompletedError(envelopeId);
    if (envelope.attributes.status !== 'canceled') await this.setStatus(envelopeId, 'canceled');
    return this.envelope(envelopeId);
  }

  /** Makes sure an envelope can no longer be signed: canceled, unless it was already signed (its webhook then tells the rest). */
  async withdraw(envelopeId: string): Promise<void> {
    await this.cancel(envelopeId).catch((error: unknown) => {
      if (!(error instanceof SignatureAlreadyCompletedError)) throw error;
    });
  }

  /** Sends the signature request again to every signer still to sign (those created with notify). */
  async resendNotification(envelopeId: string, message?: string): Promise<void> {
    await this.notify(envelopeId, message);
  }

  /** The signed PDF and its SHA-256, once the envelope closed. */
  async signedDocument(envelopeId: string, documentId: string): Promise<SignedDocument> {
    const document = this.parse(
      one(documentResource),
      await this.http.json({ method: 'GET', path: `/api/v3/envelopes/${encodeURIComponent(envelopeId)}/documents/${encodeURIComponent(documentId)}`, headers: { accept: JSON_API }, operation: 'get document' }),
      'get document',
    ).data;
    const url = document.links?.files?.signed;
    if (!url) throw new SignedDocumentNotReadyError(envelopeId);
    const pdf = await this.download(url);
    if (!pdf.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new UnexpectedClickSignResponseError(`The signed file of document ${documentId} is not a PDF`);
    return { filename: document.attributes.filename, pdf, sha256: createHash('sha256').update(pdf).digest('hex') };
  }

  /** Verifies a webhook on its raw bytes and maps it (WebhookSignatureError / MalformedWebhookError otherwise). */
  parseWebhook(rawBody: Buffer | string, headers: WebhookHeaders): ClickSignEvent {
    return parseClickSignWebhook(rawBody, headers, this.options.webhookSecret);
  }

  // --- the steps of a signature request ---------------------------------------------------------

  private async converge(request: ValidRequest, progress: { activated: boolean; notified: boolean }): Promise<RequestedSignature> {
    const name = envelopeName(request);
    let envelope = (await this.findEnvelope(name)) ?? (await this.createEnvelope(request, name));
    if (envelope.attributes.status === 'canceled') throw new SignatureRequestClosedError(envelope.id);
    const documents = await this.documents(envelope.id);
    let document = documents.find((candidate) => candidate.attributes.filename === request.document.filename);
    let signers = await this.signers(envelope.id);
    if (envelope.attributes.status === 'draft') {
      document ??= await this.createDocument(envelope.id, request);
      signers = await this.ensureSigners(envelope.id, request, signers);
      await this.ensureRequirements(envelope.id, document.id, request, signers);
      envelope = await this.setStatus(envelope.id, 'running');
      progress.activated = true;
    }
    // Notify once, and only when this request started the envelope: a retry finding it running does
    // not repeat the e-mail, but an attempt that activated it and then lost the notification does.
    if (progress.activated && !progress.notified) {
      if (request.signers.some((signer) => signer.notify)) await this.notify(envelope.id, request.message);
      progress.notified = true;
    }
    if (!document) throw new UnexpectedClickSignResponseError(`Envelope ${envelope.id} has no document named ${request.document.filename}`);
    const byEmail = new Map(signers.map((signer) => [signer.attributes.email?.toLowerCase(), signer]));
    return {
      envelopeId: envelope.id,
      documentId: document.id,
      status: this.status(envelope),
      signers: request.signers.map((wanted) => {
        const signer = byEmail.get(wanted.email.toLowerCase());
        if (!signer) throw new UnexpectedClickSignResponseError(`Envelope ${envelope.id} has no signer for one of the requested e-mails`);
        return this.link(signer);
      }),
    };
  }

  private async findEnvelope(name: string): Promise<EnvelopeResource | undefined> {
    const query = new URLSearchParams({ 'filter[name]': name, 'page[size]': '100' });
    const found = this.parse(many(envelopeResource), await this.http.json({ method: 'GET', path: `/api/v3/envelopes?${query}`, headers: { accept: JSON_API }, operation: 'find envelope' }), 'find envelope').data;
    // ClickSign's name filter may match more than the exact name; a live envelope wins over a canceled one.
    const exact = found.filter((envelope) => envelope.attributes.name === name);
    return exact.find((envelope) => envelope.attributes.status !== 'canceled') ?? exact[0];
  }

  private async createEnvelope(request: ValidRequest, name: string): Promise<EnvelopeResource> {
    const body = {
      data: {
        type: 'envelopes',
        attributes: {
          name,
          locale: this.options.locale ?? 'pt-BR',
          auto_close: true,
          block_after_refusal: true,
          deadline_at: request.deadlineAt.toISOString(),
          ...(request.message ? { default_message: request.message } : {}),
        },
      },
    };
    return this.parse(one(envelopeResource), await this.creations.json({ method: 'POST', path: '/api/v3/envelopes', body, headers: jsonApiHeaders, operation: 'create envelope' }), 'create envelope').data;
  }

  private async createDocument(envelopeId: string, request: ValidRequest): Promise<DocumentResource> {
    const body = {
      data: {
        type: 'documents',
        attributes: {
          filename: request.document.filename,
          content_base64: `data:application/pdf;base64,${request.document.pdf.toString('base64')}`,
          metadata: { [METADATA_ENVELOPE_ID]: envelopeId, [METADATA_EXTERNAL_REFERENCE]: request.externalReference },
        },
      },
    };
    return this.parse(one(documentResource), await this.creations.json({ method: 'POST', path: `/api/v3/envelopes/${envelopeId}/documents`, body, headers: jsonApiHeaders, operation: 'add document' }), 'add document').data;
  }

  private async ensureSigners(envelopeId: string, request: ValidRequest, existing: SignerResource[]): Promise<SignerResource[]> {
    const signers = [...existing];
    for (const wanted of request.signers) {
      if (signers.some((signer) => signer.attributes.email?.toLowerCase() === wanted.email.toLowerCase())) continue;
      const channel = wanted.notify ? wanted.auth : 'none';
      const body = {
        data: {
          type: 'signers',
          attributes: {
            name: wanted.name,
            email: wanted.email,
            ...(wanted.phone ? { phone_number: wanted.phone } : {}),
            has_documentation: true,
            ...(wanted.cpf ? { documentation: wanted.cpf } : {}),
            ...(wanted.birthday ? { birthday: wanted.birthday } : {}),
            refusable: true,
            group: 1,
            communicate_events: { signature_request: channel, signature_reminder: wanted.notify ? 'email' : 'none', document_signed: 'email' },
          },
        },
      };
      signers.push(this.parse(one(signerResource), await this.creations.json({ method: 'POST', path: `/api/v3/envelopes/${envelopeId}/signers`, body, headers: jsonApiHeaders, operation: 'add signer' }), 'add signer').data);
    }
    return signers;
  }

  /** Each signer agrees to sign the document ({agree, sign}) and proves who they are with a token ({provide_evidence, auth}). */
  private async ensureRequirements(envelopeId: string, documentId: string, request: ValidRequest, signers: SignerResource[]) {
    const existing = this.parse(many(requirementResource), await this.http.json({ method: 'GET', path: `/api/v3/envelopes/${envelopeId}/requirements`, headers: { accept: JSON_API }, operation: 'list requirements' }), 'list requirements').data;
    for (const wanted of request.signers) {
      const signer = signers.find((candidate) => candidate.attributes.email?.toLowerCase() === wanted.email.toLowerCase())!;
      const has = (action: string) => existing.some((requirement) => requirement.attributes.action === action && requirement.relationships.signer.data.id === signer.id && requirement.relationships.document.data.id === documentId);
      const wants = [
        ...(has('agree') ? [] : [{ action: 'agree', role: 'sign' }]),
        ...(has('provide_evidence') ? [] : [{ action: 'provide_evidence', auth: wanted.auth }]),
      ];
      for (const attributes of wants) {
        const body = { data: { type: 'requirements', attributes, relationships: { document: { data: { type: 'documents', id: documentId } }, signer: { data: { type: 'signers', id: signer.id } } } } };
        this.parse(one(requirementResource), await this.creations.json({ method: 'POST', path: `/api/v3/envelopes/${envelopeId}/requirements`, body, headers: jsonApiHeaders, operation: 'add requirement' }), 'add requirement');
      }
    }
  }

  // --- shared reads and writes -------------------------------------------------------------------

  private async readEnvelope(envelopeId: string): Promise<EnvelopeResource> {
    return this.parse(one(envelopeResource), await this.http.json({ method: 'GET', path: `/api/v3/envelopes/${encodeURIComponent(envelopeId)}`, headers: { accept: JSON_API }, operation: 'get envelope' }), 'get envelope').data;
  }

  private async documents(envelopeId: string): Promise<DocumentResource[]> {
    return this.parse(many(documentResource), await this.http.json({ method: 'GET', path: `/api/v3/envelopes/${encodeURIComponent(envelopeId)}/documents`, headers: { accept: JSON_API }, operation: 'list documents' }), 'list documents').data;
  }

  private async signers(envelopeId: string): Promise<SignerResource[]> {
    return this.parse(many(signerResource), await this.http.json({ method: 'GET', path: `/api/v3/envelopes/${encodeURIComponent(envelopeId)}/signers`, headers: { accept: JSON_API }, operation: 'list signers' }), 'list signers').data;
  }

  /** PATCH to a status is repeatable: asking for the status the envelope has changes nothing. */
  private async setStatus(envelopeId: string, status: 'running' | 'canceled'): Promise<EnvelopeResource> {
    const body = { data: { id: envelopeId, type: 'envelopes', attributes: { status } } };
    return this.parse(one(envelopeResource), await this.http.json({ method: 'PATCH', path: `/api/v3/envelopes/${encodeURIComponent(envelopeId)}`, body, headers: jsonApiHeaders, operation: `envelope ${status}` }), `envelope ${status}`).data;
  }

  /** Retried like a read: a repeat only sends the e-mail once more. */
  private async notify(envelopeId: string, message: string | undefined) {
    const body = { data: { type: 'notifications', attributes: message ? { message } : {} } };
    await this.http.json({ method: 'POST', path: `/api/v3/envelopes/${encodeURIComponent(envelopeId)}/notifications`, body, headers: jsonApiHeaders, operation: 'notify signers' });
  }

  /** Download links are pre-signed (no access token) and short-lived; fetched with the same timeout and retries. */
  private async download(url: string): Promise<Buffer> {
    const timeoutMs = this.options.timeoutMs ?? 10_000;
    return retry(
      async () => {
        let response: Response;
        try {
          response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
        } catch (error) {
          throw new ProviderUnavailableError('clicksign', `download signed document: ${error instanceof Error ? error.message : String(error)}`);
        }
        const bytes = Buffer.from(await response.arrayBuffer());
        if (response.status >= 500 || response.status === 429) throw new ProviderUnavailableError('clicksign', `download signed document: HTTP ${response.status}`);
        if (!response.ok) throw new UnexpectedClickSignResponseError(`download signed document: HTTP ${response.status}`);
        return bytes;
      },
      {
        retries: this.retries,
        baseDelayMs: this.options.retryBaseDelayMs ?? 200,
        maxDelayMs: this.options.retryMaxDelayMs ?? 5000,
        isRetryable: (error) => error instanceof ProviderUnavailableError,
      },
    );
  }

  private link(signer: SignerResource): SignerLink {
    return { signerId: signer.id, name: signer.attributes.name, email: signer.attributes.email ?? '', signingUrl: `${this.signingBaseUrl}/sign/${signer.id}` };
  }

  private status(envelope: EnvelopeResource): SignatureStatus {
    return signatureStatus(envelope.attributes.status)!;
  }

  private parse<Schema extends z.ZodType>(schema: Schema, body: unknown, operation: string): z.infer<Schema> {
    const result = schema.safeParse(body);
    if (!result.success) throw new UnexpectedClickSignResponseError(`ClickSign ${operation} answered an unexpected body: ${result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    return result.data;
  }
}

/** The envelope's name carries the external reference: it is how a retry finds the envelope again. */
export function envelopeName(request: { name: string; externalReference: string }): string {
  return `${request.name.trim()} (${request.externalReference})`;
}
