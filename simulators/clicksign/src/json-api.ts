// ClickSign API v3 speaks JSON:API: `application/vnd.api+json` both ways, `{ data: { id, type,
// attributes, relationships, links } }` documents, `{ errors: [...] }` on failure. The request shapes
// (zod) and the resource shapes of every answer live here.
import { isValidCpf, normalizeCpf, formatCpf } from '@medpay/br-documents';
import { SimError, type Reply, type SimRequest } from '@medpay/simulation';
import { z } from 'zod';
import type { DocumentRecord, EnvelopeRecord, RequirementRecord, SignerRecord } from './state.js';
import { TOKEN_AUTHS } from './state.js';

export const JSON_API = 'application/vnd.api+json';

export const errorBody = (code: string, detail: string) => ({ errors: [{ code, detail }] });

export function jsonApi(status: number, body: unknown): Reply {
  return { status, body, headers: { 'content-type': `${JSON_API}; charset=utf-8` } };
}

/** JSON:API servers refuse a body sent under another media type (415). */
export function requireJsonApiBody(request: SimRequest) {
  const type = String(request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  if (type !== JSON_API) throw new SimError(415, 'UNSUPPORTED_MEDIA_TYPE', `Send the body as ${JSON_API} (got "${type || 'none'}")`);
}

/** ClickSign's timestamps are Brasília time with its offset (no daylight saving since 2019). */
export function brasiliaTimestamp(at: Date | string): string {
  const instant = typeof at === 'string' ? new Date(at) : at;
  return new Date(instant.getTime() - 3 * 3_600_000).toISOString().replace('Z', '-03:00');
}

// --- requests ---------------------------------------------------------------------------------

const REMIND_INTERVALS = [1, 2, 3, 7, 14] as const;
const envelopeAttributes = z.object({
  name: z.string().trim().min(1).max(255),
  locale: z.enum(['pt-BR', 'en-US']).optional(),
  auto_close: z.boolean().optional(),
  remind_interval: z
    .number()
    .int()
    .refine((days) => (REMIND_INTERVALS as readonly number[]).includes(days), `one of ${REMIND_INTERVALS.join(', ')}`)
    .nullable()
    .optional(),
  block_after_refusal: z.boolean().optional(),
  deadline_at: z.iso.datetime({ offset: true }).optional(),
  default_subject: z.string().max(100).nullable().optional(),
  default_message: z.string().max(500).nullable().optional(),
});

export const createEnvelopeRequest = z.object({ data: z.object({ type: z.literal('envelopes'), attributes: envelopeAttributes }) });

export const updateEnvelopeRequest = z.object({
  data: z.object({
    id: z.string().optional(),
    type: z.literal('envelopes'),
    attributes: envelopeAttributes.partial().extend({ status: z.enum(['draft', 'running', 'closed', 'canceled']).optional() }),
  }),
});

export const SUPPORTED_MIME_TYPES = ['application/pdf', 'text/plain', 'image/png', 'image/jpeg', 'application/msword', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'];

export const createDocumentRequest = z.object({
  data: z.object({
    type: z.literal('documents'),
    attributes: z.object({
      filename: z.string().trim().min(1).max(255),
      content_base64: z.string().regex(/^data:[\w.+-]+\/[\w.+-]+;base64,[A-Za-z0-9+/=]+$/, 'a data URI: data:<mime type>;base64,<data>'),
      metadata: z.record(z.string(), z.unknown()).optional(),
    }),
  }),
});

const signerName = z
  .string()
  .trim()
  .max(255)
  .refine((name) => name.split(/\s+/).length >= 2, 'at least two words')
  .refine((name) => !/\d/.test(name), 'no digits');
const phoneNumber = z.string().regex(/^\d{10,11}$/, '10 or 11 digits (area code and number)');
const cpf = z
  .string()
  .refine((value) => isValidCpf(value), 'a valid CPF')
  .transform((value) => formatCpf(normalizeCpf(value)!));

export const createSignerRequest = z.object({
  data: z.object({
    type: z.literal('signers'),
    attributes: z
      .object({
        name: signerName,
        email: z.email().nullable().optional(),
        phone_number: phoneNumber.nullable().optional(),
        has_documentation: z.boolean().optional(),
        documentation: cpf.nullable().optional(),
        birthday: z.iso.date().nullable().optional(),
        refusable: z.boolean().optional(),
        group: z.number().int().min(1).optional(),
        communicate_events: z
          .object({
            signature_request: z.enum(['email', 'sms', 'whatsapp', 'none']).optional(),
            signature_reminder: z.enum(['email', 'none']).optional(),
            document_signed: z.enum(['email', 'whatsapp']).optional(),
          })
          .optional(),
      })
      .refine((signer) => signer.email || signer.phone_number, { message: 'an email or a phone_number', path: ['email'] })
      .refine((signer) => signer.has_documentation !== false || !signer.documentation, { message: 'documentation only when has_documentation is true', path: ['documentation'] }),
  }),
});

/** Roles ClickSign offers for the qualification requirement (a subset of its list). */
export const SIGN_ROLES = ['sign', 'party', 'witness', 'intervening', 'receipt', 'approve', 'contractor', 'contractee', 'guarantor', 'legal_representative', 'attorney', 'administrator', 'lessor', 'lessee', 'transferor', 'transferee', 'endorser', 'endorsee'] as const;

const relationship = <Type extends string>(type: Type) => z.object({ data: z.object({ type: z.literal(type), id: z.string().min(1) }) });

export const createRequirementRequest = z.object({
  data: z.object({
    type: z.literal('requirements'),
    attributes: z.discriminatedUnion('action', [
      z.object({ action: z.literal('agree'), role: z.enum(SIGN_ROLES) }),
      z.object({ action: z.literal('provide_evidence'), auth: z.string() }),
    ]),
    relationships: z.object({ document: relationship('documents'), signer: relationship('signers') }),
  }),
});

export const notificationRequest = z.object({
  data: z.object({ type: z.literal('notifications'), attributes: z.object({ message: z.string().max(500).optional() }).optional() }).optional(),
});

export const isTokenAuth = (auth: string): auth is (typeof TOKEN_AUTHS)[number] => (TOKEN_AUTHS as readonly string[]).includes(auth);

// --- resources --------------------------------------------------------------------------------

const api = (baseUrl: string, path: string) => `${baseUrl}/api/v3${path}`;

export function envelopeResource(envelope: EnvelopeRecord, baseUrl: string) {
  return {
    id: envelope.id,
    type: 'envelopes',
    links: { self: api(baseUrl, `/envelopes/${envelope.id}`) },
    attributes: {
      name: envelope.name,
      status: envelope.status,
      deadline_at: brasiliaTimestamp(envelope.deadlineAt),
      locale: envelope.locale,
      auto_close: envelope.autoClose,
      rubric_enabled: false,
      remind_interval: envelope.remindInterval,
      block_after_refusal: envelope.blockAfterRefusal,
      default_subject: envelope.defaultSubject,
      default_message: envelope.defaultMessage,
      created: brasiliaTimestamp(envelope.createdAt),
      modified: brasiliaTimestamp(envelope.updatedAt),
    },
  };
}

/** `files` are short-lived download links (ClickSign's last 5 minutes); `signed` exists once the envelope closed. */
export function documentResource(document: DocumentRecord, envelope: EnvelopeRecord, baseUrl: string, files: { original: string; signed: string | null }) {
  return {
    id: document.id,
    type: 'documents',
    links: { self: api(baseUrl, `/envelopes/${envelope.id}/documents/${document.id}`), files: { original: files.original, signed: files.signed, ziped: null } },
    attributes: {
      filename: document.filename,
      content_type: document.contentType,
      status: envelope.status,
      metadata: document.metadata,
      created: brasiliaTimestamp(document.createdAt),
      modified: brasiliaTimestamp(document.updatedAt),
    },
  };
}

export function signerResource(signer: SignerRecord, baseUrl: string) {
  return {
    id: signer.id,
    type: 'signers',
    links: { self: api(baseUrl, `/envelopes/${signer.envelopeId}/signers/${signer.id}`) },
    attributes: {
      name: signer.name,
      email: signer.email,
      phone_number: signer.phoneNumber,
      has_documentation: signer.hasDocumentation,
      documentation: signer.documentation,
      birthday: signer.birthday,
      refusable: signer.refusable,
      group: signer.group,
      location_required_enabled: false,
      communicate_events: signer.communicateEvents,
      created: brasiliaTimestamp(signer.createdAt),
      modified: brasiliaTimestamp(signer.updatedAt),
    },
  };
}

export function requirementResource(requirement: RequirementRecord, baseUrl: string) {
  return {
    id: requirement.id,
    type: 'requirements',
    links: { self: api(baseUrl, `/envelopes/${requirement.envelopeId}/requirements/${requirement.id}`) },
    attributes: {
      action: requirement.action,
      ...(requirement.role ? { role: requirement.role } : {}),
      ...(requirement.auth ? { auth: requirement.auth } : {}),
      created: brasiliaTimestamp(requirement.createdAt),
      modified: brasiliaTimestamp(requirement.createdAt),
    },
    relationships: {
      document: { data: { type: 'documents', id: requirement.documentId } },
      signer: { data: { type: 'signers', id: requirement.signerId } },
    },
  };
}
