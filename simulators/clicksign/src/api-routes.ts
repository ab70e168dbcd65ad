// ClickSign API v3 (envelopes): create and edit an envelope, add its documents, signers and
// requirements, activate it, notify its signers, read it back, cancel it. Every route needs the
// account's access token in `Authorization` and counts as an API call (fault injection applies).
import { createHash, randomUUID } from 'node:crypto';
import { notFound, parseJson, SimError, type Route, type SimRequest } from '@medpay/simulation';
import type { FileLinks } from './file-links.js';
import {
  createDocumentRequest,
  createEnvelopeRequest,
  createRequirementRequest,
  createSignerRequest,
  documentResource,
  envelopeResource,
  isTokenAuth,
  jsonApi,
  notificationRequest,
  requireJsonApiBody,
  requirementResource,
  signerResource,
  SUPPORTED_MIME_TYPES,
  updateEnvelopeRequest,
} from './json-api.js';
import type { EnvelopeLifecycle } from './lifecycle.js';
import type { DocumentRecord, EnvelopeRecord, SimulatorState } from './state.js';

export interface ApiContext {
  state: SimulatorState;
  lifecycle: EnvelopeLifecycle;
  links: FileLinks;
  publicUrl: () => string;
  /** deadline of an envelope created without one */
  defaultDeadlineDays: number;
}

const PAGE_SIZE_MAX = 100;

export function apiRoutes(context: ApiContext): Route[] {
  const { state, lifecycle } = context;
  const route = (method: string, pattern: string, handler: Route['handler']): Route => ({ method, pattern, handler, api: true, authenticated: true });
  const body = <T>(request: SimRequest, parse: () => T): T => {
    requireJsonApiBody(request);
    return parse();
  };
  const draft = (envelope: EnvelopeRecord, what: string) => {
    if (envelope.status !== 'draft') throw new SimError(422, 'ENVELOPE_NOT_DRAFT', `Envelope ${envelope.id} is ${envelope.status}: ${what} only while it is a draft`);
  };
  const documentOf = (envelope: EnvelopeRecord, id: string) => {
    const document = state.documents.get(id);
    if (!document || document.envelopeId !== envelope.id) throw notFound(`Document ${id}`);
    return document;
  };
  const signerOf = (envelope: EnvelopeRecord, id: string) => {
    const signer = state.signers.get(id);
    if (!signer || signer.envelopeId !== envelope.id) throw notFound(`Signer ${id}`);
    return signer;
  };
  const documentJson = (document: DocumentRecord, envelope: EnvelopeRecord) =>
    documentResource(document, envelope, context.publicUrl(), { original: context.links.link(document.id, 'original'), signed: envelope.status === 'closed' ? context.links.link(document.id, 'signed') : null });
  const list = (items: unknown[]) => jsonApi(200, { data: items, meta: { record_count: items.length } });

  return [
    route('POST', '/api/v3/envelopes', (request) => {
      const { attributes } = body(request, () => parseJson(createEnvelopeRequest, request)).data;
      const now = state.now();
      const deadlineAt = attributes.deadline_at ? new Date(attributes.deadline_at) : new Date(now.getTime() + context.defaultDeadlineDays * 86_400_000);
      if (deadlineAt <= now) throw new SimError(422, 'INVALID_DEADLINE', 'deadline_at must be in the future');
      const envelope: EnvelopeRecord = {
        id: randomUUID(),
        name: attributes.name,
        status: 'draft',
        locale: attributes.locale ?? 'pt-BR',
        autoClose: attributes.auto_close ?? true,
        remindInterval: attributes.remind_interval ?? null,
        blockAfterRefusal: attributes.block_after_refusal ?? true,
        deadlineAt: deadlineAt.toISOString(),
        defaultSubject: attributes.default_subject ?? null,
        defaultMessage: attributes.default_message ?? null,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        finishedAt: null,
        events: [],
      };
      state.envelopes.set(envelope.id, envelope);
      return jsonApi(201, { data: envelopeResource(envelope, context.publicUrl()) });
    }),

    route('GET', '/api/v3/envelopes', (request) => {
      const name = request.query.get('filter[name]');
      const status = request.query.get('filter[status]');
      const size = Math.min(Number(request.query.get('page[size]') ?? 20) || 20, PAGE_SIZE_MAX);
      const page = Math.max(Number(request.query.get('page[number]') ?? 1) || 1, 1);
      const matching = [...state.envelopes.values()].filter((envelope) => (!name || envelope.name === name) && (!status || envelope.status === status));
      const data = matching.slice((page - 1) * size, page * size).map((envelope) => envelopeResource(envelope, context.publicUrl()));
      return jsonApi(200, { data, meta: { record_count: matching.length } });
    }),

    route('GET', '/api/v3/envelopes/:id', (request) => jsonApi(200, { data: envelopeResource(state.envelope(request.params.id!), context.publicUrl()) })),

    route('PATCH', '/api/v3/envelopes/:id', (request) => {
      const envelope = state.envelope(request.params.id!);
      const { data } = body(request, () => parseJson(updateEnvelopeRequest, request));
      if (data.id && data.id !== envelope.id) throw new SimError(409, 'ID_MISMATCH', `data.id ${data.id} is not envelope ${envelope.id}`);
      const { status, deadline_at: deadline, ...settings } = data.attributes;
      if (Object.values(settings).some((value) => value !== undefined)) {
        draft(envelope, 'its settings change');
        if (settings.name !== undefined) envelope.name = settings.name;
        if (settings.locale !== undefined) envelope.locale = settings.locale;
        if (settings.auto_close !== undefined) envelope.autoClose = settings.auto_close;
        if (settings.remind_interval !== undefined) envelope.remindInterval = settings.remind_interval;
        if (settings.block_after_refusal !== undefined) envelope.blockAfterRefusal = settings.block_after_refusal;
        if (settings.default_subject !== undefined) envelope.defaultSubject = settings.default_subject;
        if (settings.default_message !== undefined) envelope.defaultMessage = settings.default_message;
      }
      if (deadline !== undefined) {
        if (envelope.status !== 'draft' && envelope.status !== 'running') throw new SimError(422, 'ENVELOPE_FINISHED', `Envelope ${envelope.id} is ${envelope.status}`);
        if (new Date(deadline) <= state.now()) throw new SimError(422, 'INVALID_DEADLINE', 'deadline_at must be in the future');
        envelope.deadlineAt = new Date(deadline).toISOString();
        if (envelope.status === 'running') lifecycle.scheduleDeadline(envelope);
      }
      envelope.updatedAt = state.now().toISOString();
      // Asking for the status the envelope already has is a no-op, so a retried PATCH is harmless.
      if (status && status !== envelope.status) {
        if (status === 'running' && envelope.status === 'draft') lifecycle.activate(envelope);
        else if (status === 'canceled') lifecycle.cancel(envelope);
        else if (status === 'closed') lifecycle.close(envelope);
        else throw new SimError(422, 'INVALID_TRANSITION', `Envelope ${envelope.id} cannot go from ${envelope.status} to ${status}`);
      }
      return jsonApi(200, { data: envelopeResource(envelope, context.publicUrl()) });
    }),

    route('POST', '/api/v3/envelopes/:id/documents', (request) => {
      const envelope = state.envelope(request.params.id!);
      const { attributes } = body(request, () => parseJson(createDocumentRequest, request)).data;
      draft(envelope, 'documents are added');
      const [, contentType, encoded] = /^data:([^;]+);base64,(.*)$/.exec(attributes.content_base64)!;
      if (!SUPPORTED_MIME_TYPES.includes(contentType!)) throw new SimError(422, 'UNSUPPORTED_CONTENT_TYPE', `${contentType} is not accepted (${SUPPORTED_MIME_TYPES.join(', ')})`);
      const bytes = Buffer.from(encoded!, 'base64');
      if (!bytes.length) throw new SimError(422, 'EMPTY_DOCUMENT', 'content_base64 holds no bytes');
      if (contentType === 'application/pdf' && !bytes.subarray(0, 5).equals(Buffer.from('%PDF-'))) throw new SimError(422, 'INVALID_PDF', 'content_base64 says application/pdf but the bytes are not a PDF');
      const now = state.now().toISOString();
      const document: DocumentRecord = {
        id: randomUUID(),
        envelopeId: envelope.id,
        filename: attributes.filename,
        contentType: contentType!,
        content: bytes.toString('base64'),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        metadata: attributes.metadata ?? {},
        createdAt: now,
        updatedAt: now,
      };
      state.documents.set(document.id, document);
      return jsonApi(201, { data: documentJson(document, envelope) });
    }),

    route('GET', '/api/v3/envelopes/:id/documents', (request) => {
      const envelope = state.envelope(request.params.id!);
      return list(state.documentsOf(envelope.id).map((document) => documentJson(document, envelope)));
    }),

    route('GET', '/api/v3/envelopes/:id/documents/:documentId', (request) => {
      const envelope = state.envelope(request.params.id!);
      return jsonApi(200, { data: documentJson(documentOf(envelope, request.params.documentId!), envelope) });
    }),

    route('POST', '/api/v3/envelopes/:id/signers', (request) => {
      const envelope = state.envelope(request.params.id!);
      const { attributes } = body(request, () => parseJson(createSignerRequest, request)).data;
      draft(envelope, 'signers are added');
      const now = state.now().toISOString();
      const signer = {
        id: randomUUID(),
        envelopeId: envelope.id,
        name: attributes.name,
        email: attributes.email ?? null,
        phoneNumber: attributes.phone_number ?? null,
        hasDocumentation: attributes.has_documentation ?? true,
        documentation: attributes.documentation ?? null,
        birthday: attributes.birthday ?? null,
        refusable: attributes.refusable ?? true,
        group: attributes.group ?? 1,
        communicateEvents: {
          signature_request: attributes.communicate_events?.signature_request ?? 'email',
          signature_reminder: attributes.communicate_events?.signature_reminder ?? 'email',
          document_signed: attributes.communicate_events?.document_signed ?? 'email',
        },
        status: 'pending' as const,
        token: null,
        signedAt: null,
        refusedAt: null,
        refusalReason: null,
        createdAt: now,
        updatedAt: now,
      };
      const channel = signer.communicateEvents.signature_request;
      if (channel === 'email' && !signer.email) throw new SimError(422, 'MISSING_EMAIL', 'communicate_events.signature_request is email but the signer has no email');
      if ((channel === 'sms' || channel === 'whatsapp') && !signer.phoneNumber) throw new SimError(422, 'MISSING_PHONE', `communicate_events.signature_request is ${channel} but the signer has no phone_number`);
      state.signers.set(signer.id, signer);
      return jsonApi(201, { data: signerResource(signer, context.publicUrl()) });
    }),

    route('GET', '/api/v3/envelopes/:id/signers', (request) => list(state.signersOf(state.envelope(request.params.id!).id).map((signer) => signerResource(signer, context.publicUrl())))),

    route('GET', '/api/v3/envelopes/:id/signers/:signerId', (request) => {
      const envelope = state.envelope(request.params.id!);
      return jsonApi(200, { data: signerResource(signerOf(envelope, request.params.signerId!), context.publicUrl()) });
    }),

    route('POST', '/api/v3/envelopes/:id/requirements', (request) => {
      const envelope = state.envelope(request.params.id!);
      const { attributes, relationships } = body(request, () => parseJson(createRequirementRequest, request)).data;
      draft(envelope, 'requirements are added');
      const document = documentOf(envelope, relationships.document.data.id);
      const signer = signerOf(envelope, relationships.signer.data.id);
      if (attributes.action === 'provide_evidence') {
        if (!isTokenAuth(attributes.auth)) throw new SimError(422, 'AUTH_NOT_SIMULATED', `auth ${attributes.auth} is not simulated: use email, sms or whatsapp`);
        if (attributes.auth === 'email' && !signer.email) throw new SimError(422, 'MISSING_EMAIL', `auth email needs the signer's email`);
        if (attributes.auth !== 'email' && !signer.phoneNumber) throw new SimError(422, 'MISSING_PHONE', `auth ${attributes.auth} needs the signer's phone_number`);
      }
      const duplicate = state.requirementsOf(envelope.id).some((other) => other.signerId === signer.id && other.documentId === document.id && other.action === attributes.action);
      if (duplicate) throw new SimError(422, 'REQUIREMENT_EXISTS', `Signer ${signer.id} already has a ${attributes.action} requirement on document ${document.id}`);
      const requirement = {
        id: randomUUID(),
        envelopeId: envelope.id,
        documentId: document.id,
        signerId: signer.id,
        action: attributes.action,
        role: attributes.action === 'agree' ? attributes.role : null,
        auth: attributes.action === 'provide_evidence' && isTokenAuth(attributes.auth) ? attributes.auth : null,
        createdAt: state.now().toISOString(),
      };
      state.requirements.set(requirement.id, requirement);
      return jsonApi(201, { data: requirementResource(requirement, context.publicUrl()) });
    }),

    route('GET', '/api/v3/envelopes/:id/requirements', (request) => list(state.requirementsOf(state.envelope(request.params.id!).id).map((requirement) => requirementResource(requirement, context.publicUrl())))),

    route('POST', '/api/v3/envelopes/:id/notifications', (request) => {
      const envelope = state.envelope(request.params.id!);
      const message = request.body.length ? body(request, () => parseJson(notificationRequest, request)).data?.attributes?.message : undefined;
      lifecycle.notify(envelope, state.signersOf(envelope.id), message);
      return jsonApi(201, { data: { id: randomUUID(), type: 'notifications', attributes: { message: message ?? null } } });
    }),

    route('POST', '/api/v3/envelopes/:id/signers/:signerId/notifications', (request) => {
      const envelope = state.envelope(request.params.id!);
      const signer = signerOf(envelope, request.params.signerId!);
      const message = request.body.length ? body(request, () => parseJson(notificationRequest, request)).data?.attributes?.message : undefined;
      lifecycle.notify(envelope, [signer], message);
      return jsonApi(201, { data: { id: randomUUID(), type: 'notifications', attributes: { message: message ?? null } } });
    }),
  ];
}
