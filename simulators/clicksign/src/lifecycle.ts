// The envelope state machine: draft → running → closed | canceled, with what happens on the way
// (tokens issued at activation, signatures and refusals, auto close, the deadline) and the webhook
// each step sends. Routes, the signing page and the /_sim controls all go through here.
import { randomInt, randomUUID } from 'node:crypto';
import { SimError, type WebhookDispatcher } from '@medpay/simulation';
import type { FileLinks } from './file-links.js';
import { brasiliaTimestamp } from './json-api.js';
import type { Channel, EnvelopeRecord, SignerRecord, SimulatorState } from './state.js';
import { documentPayload, signerPayload, type WebhookBody } from './webhook-payloads.js';

export interface LifecycleDependencies {
  state: SimulatorState;
  webhooks: WebhookDispatcher;
  links: FileLinks;
  /** scheme://host[:port] of the simulator as signers reach it */
  publicUrl: () => string;
  /** runs `task` after `ms` (real time) unless the simulator closes first, then saves the state */
  later: (ms: number, task: () => void) => void;
}

const MAX_TIMER_MS = 2_147_483_647;

export class EnvelopeLifecycle {
  constructor(private readonly deps: LifecycleDependencies) {}

  signingUrl(signerId: string): string {
    return `${this.deps.publicUrl()}/sign/${signerId}`;
  }

  /** draft → running: the envelope must be complete, as ClickSign checks before activating. */
  activate(envelope: EnvelopeRecord) {
    const { state } = this.deps;
    const documents = state.documentsOf(envelope.id);
    const signers = state.signersOf(envelope.id);
    const requirements = state.requirementsOf(envelope.id);
    const problems: string[] = [];
    if (!documents.length) problems.push('the envelope has no document');
    if (!signers.length) problems.push('the envelope has no signer');
    for (const signer of signers) {
      const own = requirements.filter((requirement) => requirement.signerId === signer.id);
      if (!own.some((requirement) => requirement.action === 'agree')) problems.push(`signer ${signer.id} has no qualification requirement (agree)`);
      if (!own.some((requirement) => requirement.action === 'provide_evidence')) problems.push(`signer ${signer.id} has no authentication requirement (provide_evidence)`);
    }
    for (const document of documents) {
      if (!requirements.some((requirement) => requirement.documentId === document.id && requirement.action === 'agree')) problems.push(`document ${document.id} has no signer`);
    }
    if (new Date(envelope.deadlineAt) <= state.now()) problems.push('deadline_at is in the past');
    if (problems.length) throw new SimError(422, 'ENVELOPE_NOT_READY', `Cannot activate: ${problems.join('; ')}`);

    const now = state.now().toISOString();
    envelope.status = 'running';
    envelope.updatedAt = now;
    for (const signer of signers) {
      const auth = requirements.find((requirement) => requirement.signerId === signer.id && requirement.auth)?.auth;
      signer.token = String(randomInt(0, 1_000_000)).padStart(6, '0');
      if (auth) this.record(signer, 'token', auth, { token: signer.token });
    }
    this.scheduleDeadline(envelope);
  }

  /** The signature request, by the channel each pending signer's `communicate_events` names. */
  notify(envelope: EnvelopeRecord, signers: SignerRecord[], message: string | undefined) {
    if (envelope.status !== 'running') throw new SimError(422, 'ENVELOPE_NOT_RUNNING', `Envelope ${envelope.id} is ${envelope.status}: only running envelopes notify signers`);
    const notified: SignerRecord[] = [];
    for (const signer of signers.filter((candidate) => candidate.status === 'pending')) {
      const channel = signer.communicateEvents.signature_request;
      if (channel === 'none') continue;
      this.record(signer, 'signature_request', channel, { signingUrl: this.signingUrl(signer.id), message: message ?? envelope.defaultMessage ?? undefined });
      notified.push(signer);
    }
    return notified;
  }

  sign(signer: SignerRecord) {
    const { state } = this.deps;
    const envelope = state.envelope(signer.envelopeId);
    this.requireTurn(envelope, signer);
    const at = this.eventTime(envelope);
    signer.status = 'signed';
    signer.signedAt = at.toISOString();
    signer.updatedAt = signer.signedAt;
    envelope.updatedAt = signer.signedAt;
    this.emit(envelope, 'sign', { signer: this.signerPayload(signer), account: { key: state.accountKey } }, at);
    const everyone = state.signersOf(envelope.id).every((candidate) => candidate.status === 'signed');
    if (everyone && envelope.autoClose) this.finish(envelope, 'closed', 'auto_close', null);
  }

  refuse(signer: SignerRecord, reason: string) {
    const { state } = this.deps;
    const envelope = state.envelope(signer.envelopeId);
    this.requireTurn(envelope, signer);
    if (!signer.refusable) throw new SimError(422, 'SIGNER_NOT_REFUSABLE', `Signer ${signer.id} may not refuse (refusable is false)`);
    const at = this.eventTime(envelope);
    signer.status = 'refused';
    signer.refusedAt = at.toISOString();
    signer.refusalReason = reason;
    signer.updatedAt = signer.refusedAt;
    envelope.updatedAt = signer.refusedAt;
    // block_after_refusal: nobody else may sign, the envelope is over (canceled).
    if (envelope.blockAfterRefusal) {
      envelope.status = 'canceled';
      envelope.finishedAt = signer.refusedAt;
    }
    this.emit(envelope, 'refusal', { signer: this.signerPayload(signer), refusal: { reasons: ['Outros'], comment: reason }, account: { key: state.accountKey } }, at);
  }

  /** A manual close (`PATCH status: closed`), for envelopes created with auto_close false. */
  close(envelope: EnvelopeRecord) {
    if (envelope.status === 'closed') return;
    if (envelope.status !== 'running') throw new SimError(422, 'ENVELOPE_NOT_RUNNING', `Envelope ${envelope.id} is ${envelope.status}`);
    if (!this.deps.state.signersOf(envelope.id).some((signer) => signer.status === 'signed')) throw new SimError(422, 'NO_SIGNATURE', `Envelope ${envelope.id} has no signature to close with`);
    this.finish(envelope, 'closed', 'close', { user: { email: 'api@clicksign.simulator', name: 'API' }, account: { key: this.deps.state.accountKey } });
  }

  cancel(envelope: EnvelopeRecord) {
    if (envelope.status === 'canceled') return;
    if (envelope.status === 'closed') throw new SimError(422, 'ENVELOPE_CLOSED', `Envelope ${envelope.id} is closed: it cannot be canceled`);
    if (envelope.status === 'draft') {
      envelope.status = 'canceled';
      envelope.updatedAt = envelope.finishedAt = this.deps.state.now().toISOString();
      return;
    }
    this.finish(envelope, 'canceled', 'cancel', { user: { email: 'api@clicksign.simulator', name: 'API' }, account: { key: this.deps.state.accountKey } });
  }

  /**
   * The deadline passed, as ClickSign documents it: an envelope with at least one signature is
   * finished (closed), one without any is canceled; either way the event is `deadline`.
   */
  expire(envelope: EnvelopeRecord) {
    if (envelope.status !== 'running') throw new SimError(422, 'ENVELOPE_NOT_RUNNING', `Envelope ${envelope.id} is ${envelope.status}`);
    const anySignature = this.deps.state.signersOf(envelope.id).some((signer) => signer.status === 'signed');
    const at = this.eventTime(envelope);
    this.finish(envelope, anySignature ? 'closed' : 'canceled', 'deadline', { reached_at: brasiliaTimestamp(at) }, at);
  }

  /** Expires every running envelope whose deadline has passed on the simulator's clock. */
  sweepDeadlines(): string[] {
    const now = this.deps.state.now();
    const due = [...this.deps.state.envelopes.values()].filter((envelope) => envelope.status === 'running' && new Date(envelope.deadlineAt) <= now);
    for (const envelope of due) this.expire(envelope);
    return due.map((envelope) => envelope.id);
  }

  scheduleDeadline(envelope: EnvelopeRecord) {
    const wait = new Date(envelope.deadlineAt).getTime() - this.deps.state.now().getTime();
    this.deps.later(Math.max(0, Math.min(wait, MAX_TIMER_MS)), () => {
      if (envelope.status !== 'running' || this.deps.state.envelopes.get(envelope.id) !== envelope) return;
      if (new Date(envelope.deadlineAt) <= this.deps.state.now()) this.expire(envelope);
      else this.scheduleDeadline(envelope);
    });
  }

  private requireTurn(envelope: EnvelopeRecord, signer: SignerRecord) {
    if (envelope.status !== 'running') throw new SimError(422, 'ENVELOPE_NOT_RUNNING', `Envelope ${envelope.id} is ${envelope.status}`);
    if (signer.status !== 'pending') throw new SimError(422, signer.status === 'signed' ? 'ALREADY_SIGNED' : 'ALREADY_REFUSED', `Signer ${signer.id} already ${signer.status}`);
    const earlier = this.deps.state.signersOf(envelope.id).some((other) => other.group < signer.group && other.status !== 'signed');
    if (earlier) throw new SimError(422, 'NOT_YOUR_TURN', `Signers of an earlier group must sign before signer ${signer.id}`);
  }

  private finish(envelope: EnvelopeRecord, status: 'closed' | 'canceled', event: string, data: unknown, at: Date = this.eventTime(envelope)) {
    envelope.status = status;
    envelope.finishedAt = envelope.updatedAt = at.toISOString();
    this.emit(envelope, event, data, at);
  }

  /**
   * When the next event of an envelope happens: now, but always after the envelope's previous event,
   * so that a consumer can order one envelope's webhooks by `occurred_at` (a sign and the auto_close
   * it causes happen in the same millisecond otherwise).
   */
  private eventTime(envelope: EnvelopeRecord): Date {
    const now = this.deps.state.now().getTime();
    const last = envelope.events.at(-1);
    return new Date(last ? Math.max(now, new Date(last.occurred_at).getTime() + 1) : now);
  }

  private emit(envelope: EnvelopeRecord, name: string, data: unknown, at: Date) {
    const { state, links } = this.deps;
    const event = { name, data, occurred_at: brasiliaTimestamp(at) };
    envelope.events.push(event);
    const signers = state.signersOf(envelope.id).map((signer) => this.signerPayload(signer));
    for (const document of state.documentsOf(envelope.id)) {
      const downloads = { original: links.link(document.id, 'original'), signed: envelope.status === 'closed' ? links.link(document.id, 'signed') : null };
      const body: WebhookBody = { event, document: documentPayload({ envelope, document, accountKey: state.accountKey, signers, downloads }) };
      this.deps.webhooks.send(name, envelope.id, body);
    }
  }

  private signerPayload(signer: SignerRecord) {
    return signerPayload(signer, this.deps.state.requirementsOf(signer.envelopeId), this.signingUrl(signer.id));
  }

  private record(signer: SignerRecord, kind: 'token' | 'signature_request', channel: Channel, extra: { token?: string; signingUrl?: string; message?: string | undefined }) {
    const to = channel === 'email' ? signer.email : signer.phoneNumber;
    if (!to) return;
    const { message, ...rest } = extra;
    this.deps.state.messages.push({ id: randomUUID(), envelopeId: signer.envelopeId, signerId: signer.id, kind, channel, to, ...rest, ...(message ? { message } : {}), at: this.deps.state.now().toISOString() });
  }
}
