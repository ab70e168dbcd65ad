// Webhook bodies as ClickSign documents them: one POST per document of the envelope,
// `{ event: { name, data, occurred_at }, document: { key, filename, status, metadata, downloads, signers, events, … } }`,
// with `Content-Hmac: sha256=<hex HMAC-SHA256 of the raw body>` and an `Event: <name>` header.
// ClickSign's examples show no envelope id in the body: an integration recognises its documents by the
// `metadata` it gave them when it uploaded them, which ClickSign sends back with every webhook.
import { createHmac } from 'node:crypto';
import { brasiliaTimestamp } from './json-api.js';
import type { DocumentRecord, EnvelopeRecord, RequirementRecord, SignerRecord } from './state.js';

export interface WebhookBody {
  event: { name: string; data: unknown; occurred_at: string };
  document: Record<string, unknown>;
}

/** A signer as the webhooks show it (`event.data.signer` and `document.signers`). */
export function signerPayload(signer: SignerRecord, requirements: RequirementRecord[], signingUrl: string) {
  const own = requirements.filter((requirement) => requirement.signerId === signer.id);
  return {
    key: signer.id,
    email: signer.email,
    name: signer.name,
    birthday: signer.birthday,
    documentation: signer.documentation,
    has_documentation: signer.hasDocumentation,
    phone_number: signer.phoneNumber,
    created_at: brasiliaTimestamp(signer.createdAt),
    auths: own.flatMap((requirement) => (requirement.auth ? [requirement.auth] : [])),
    sign_as: own.find((requirement) => requirement.action === 'agree')?.role ?? null,
    communicate_by: signer.communicateEvents.signature_request,
    url: signingUrl,
    ...(signer.signedAt ? { signed_at: brasiliaTimestamp(signer.signedAt) } : {}),
  };
}

export function documentPayload(input: {
  envelope: EnvelopeRecord;
  document: DocumentRecord;
  accountKey: string;
  signers: Array<ReturnType<typeof signerPayload>>;
  downloads: { original: string; signed: string | null };
}) {
  const { envelope, document } = input;
  return {
    key: document.id,
    account_key: input.accountKey,
    path: `/${document.filename}`,
    filename: document.filename,
    uploaded_at: brasiliaTimestamp(document.createdAt),
    updated_at: brasiliaTimestamp(envelope.updatedAt),
    finished_at: envelope.finishedAt ? brasiliaTimestamp(envelope.finishedAt) : null,
    deadline_at: brasiliaTimestamp(envelope.deadlineAt),
    status: envelope.status,
    auto_close: envelope.autoClose,
    locale: envelope.locale,
    metadata: document.metadata,
    sequence_enabled: false,
    signable_group: null,
    remind_interval: envelope.remindInterval,
    block_after_refusal: envelope.blockAfterRefusal,
    downloads: { original_file_url: input.downloads.original, signed_file_url: input.downloads.signed, ziped_file_url: null },
    template: null,
    signers: input.signers,
    events: envelope.events,
    attachments: [],
    links: { self: `/${document.id}` },
  };
}

export function webhookHeaders(body: string, secret: string): Record<string, string> {
  let event = '';
  try {
    event = String((JSON.parse(body) as WebhookBody).event.name);
  } catch {
    // a body this module did not build: sign it all the same
  }
  return { 'content-hmac': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`, ...(event ? { event } : {}), accept: 'application/json' };
}
