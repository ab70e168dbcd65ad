// ClickSign webhook bodies (the documented shape, built by hand) through verification and mapping.
import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { MalformedWebhookError, parseClickSignWebhook, WebhookSignatureError } from './webhook-events.js';

const SECRET = 'webhook-secret';
const sign = (raw: string) => ({ 'Content-Hmac': `sha256=${createHmac('sha256', SECRET).update(raw).digest('hex')}`, event: 'sign' });

function body(name: string, overrides: { signerKey?: string; occurredAt?: string | null; metadata?: Record<string, unknown> | null; status?: string } = {}) {
  return JSON.stringify({
    event: {
      name,
      data: overrides.signerKey ? { signer: { key: overrides.signerKey, email: 'maria@example.com' }, account: { key: 'acc' } } : { account: { key: 'acc' } },
      ...(overrides.occurredAt === null ? {} : { occurred_at: overrides.occurredAt ?? '2026-03-27T14:11:21.973-03:00' }),
    },
    document: {
      key: 'doc-1',
      filename: 'contrato.pdf',
      status: overrides.status ?? 'running',
      metadata: overrides.metadata === undefined ? { envelope_id: 'env-1', external_reference: 'PAY-1' } : overrides.metadata,
      downloads: { original_file_url: 'https://example.com/o.pdf', signed_file_url: null, ziped_file_url: null },
    },
  });
}

describe('parseClickSignWebhook', () => {
  it.each([
    ['sign', 'signed'],
    ['refusal', 'refused'],
    ['auto_close', 'closed'],
    ['close', 'closed'],
    ['deadline', 'expired'],
    ['cancel', 'canceled'],
  ])('maps %s to %s', (providerEvent, name) => {
    const raw = body(providerEvent, { signerKey: 'signer-1', status: 'closed' });
    expect(parseClickSignWebhook(raw, sign(raw), SECRET)).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{64}$/),
      name,
      providerEvent,
      envelopeId: 'env-1',
      documentId: 'doc-1',
      externalReference: 'PAY-1',
      signerId: 'signer-1',
      status: 'completed',
      occurredAt: new Date('2026-03-27T17:11:21.973Z'),
    });
  });

  it('gives a repeated delivery the same id and another event another id', () => {
    const raw = body('sign', { signerKey: 'signer-1' });
    const again = Buffer.from(raw);
    const first = parseClickSignWebhook(raw, sign(raw), SECRET);
    expect(parseClickSignWebhook(again, new Headers(sign(raw)), SECRET).id).toBe(first.id);
    const otherSigner = body('sign', { signerKey: 'signer-2' });
    const later = body('sign', { signerKey: 'signer-1', occurredAt: '2026-03-27T14:11:22.000-03:00' });
    expect(parseClickSignWebhook(otherSigner, sign(otherSigner), SECRET).id).not.toBe(first.id);
    expect(parseClickSignWebhook(later, sign(later), SECRET).id).not.toBe(first.id);
  });

  it('ignores events it does not follow and documents this adapter did not upload', () => {
    const addSigner = body('add_signer');
    expect(parseClickSignWebhook(addSigner, sign(addSigner), SECRET)).toMatchObject({ name: 'ignored', providerEvent: 'add_signer' });
    const foreign = body('sign', { signerKey: 'signer-1', metadata: {} });
    expect(parseClickSignWebhook(foreign, sign(foreign), SECRET)).toMatchObject({ name: 'ignored', providerEvent: 'sign' });
  });

  it('refuses a body that does not match its Content-Hmac, or comes without one', () => {
    const raw = body('sign', { signerKey: 'signer-1' });
    const headers = sign(raw);
    expect(() => parseClickSignWebhook(raw.replace('signer-1', 'signer-2'), headers, SECRET)).toThrow(WebhookSignatureError);
    expect(() => parseClickSignWebhook(`${raw} `, headers, SECRET)).toThrow(WebhookSignatureError);
    expect(() => parseClickSignWebhook(raw, headers, 'another-secret')).toThrow(WebhookSignatureError);
    expect(() => parseClickSignWebhook(raw, {}, SECRET)).toThrow(WebhookSignatureError);
    expect(() => parseClickSignWebhook(raw, { 'content-hmac': headers['Content-Hmac'].replace('sha256=', '') }, SECRET)).toThrow(WebhookSignatureError);
    expect(() => parseClickSignWebhook(raw, { 'content-hmac': `${headers['Content-Hmac']}00` }, SECRET)).toThrow(WebhookSignatureError);
  });

  it('tells a correctly signed but unreadable body apart', () => {
    for (const raw of ['not json', JSON.stringify({ document: { key: 'doc-1' } }), body('sign', { occurredAt: null }), JSON.stringify({ event: { name: 'sign', occurred_at: 'yesterday' } })]) {
      expect(() => parseClickSignWebhook(raw, sign(raw), SECRET)).toThrow(MalformedWebhookError);
    }
  });
});
