import { describe, expect, it } from '@jest/globals';
import { checkExportLink, signExportLink } from './export-links.js';

const secret = 'test-secret';
const exportId = '6f1c2b7e-8d3a-4c1e-9b2a-0e5f4d3c2b1a';
const owner = '0b9d8c7e-6f5a-4b3c-8d2e-1f0a9b8c7d6e';
const ownerOf = async (id: string) => (id === exportId ? owner : null);
const queryOf = (url: string) => new URL(url).searchParams;

describe('export download links', () => {
  it('opens the package it was made for until it expires', async () => {
    const now = Date.parse('2026-12-04T12:00:00Z');
    const link = signExportLink(secret, 'http://127.0.0.1:4000', exportId, owner, 900, now);
    expect(link.url.startsWith('http://127.0.0.1:4000/data-exports/download?')).toBe(true);
    expect(link.expiresAt.toISOString()).toBe('2026-12-04T12:15:00.000Z');
    await expect(checkExportLink(secret, queryOf(link.url), ownerOf, now + 899_000)).resolves.toEqual({ ok: true, exportId });
    await expect(checkExportLink(secret, queryOf(link.url), ownerOf, now + 900_000)).resolves.toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a link made for another person, with another secret, or altered', async () => {
    const now = Date.now();
    const forStranger = signExportLink(secret, 'http://x', exportId, 'someone-else', 900, now);
    await expect(checkExportLink(secret, queryOf(forStranger.url), ownerOf, now)).resolves.toEqual({ ok: false, reason: 'invalid' });
    const otherSecret = signExportLink('other', 'http://x', exportId, owner, 900, now);
    await expect(checkExportLink(secret, queryOf(otherSecret.url), ownerOf, now)).resolves.toEqual({ ok: false, reason: 'invalid' });
    const longer = queryOf(signExportLink(secret, 'http://x', exportId, owner, 900, now).url);
    longer.set('expires', String(Number(longer.get('expires')) + 3600));
    await expect(checkExportLink(secret, longer, ownerOf, now)).resolves.toEqual({ ok: false, reason: 'invalid' });
    const expiredAltered = queryOf(signExportLink(secret, 'http://x', exportId, owner, -10, now).url);
    expiredAltered.set('signature', 'x'.repeat(43));
    await expect(checkExportLink(secret, expiredAltered, ownerOf, now)).resolves.toEqual({ ok: false, reason: 'invalid' });
    await expect(checkExportLink(secret, new URLSearchParams('id=../../etc&expires=1&signature=a'), ownerOf, now)).resolves.toEqual({ ok: false, reason: 'invalid' });
  });
});
