// Short-lived download links for a person's data export: an HMAC over the export, its owner and the
// link's expiry, so the link works for that one package and that person only, and not after it expires.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const DOWNLOAD_PATH = '/data-exports/download';

export interface ExportLink {
  url: string;
  expiresAt: Date;
}

export type LinkCheck = { ok: true; exportId: string } | { ok: false; reason: 'invalid' | 'expired' };

const sign = (secret: string, exportId: string, userId: string, expires: number) =>
  createHmac('sha256', secret).update(`data-export:${exportId}:${userId}:${expires}`).digest('base64url');

export function signExportLink(secret: string, publicBaseUrl: string, exportId: string, userId: string, ttlSeconds: number, now = Date.now()): ExportLink {
  const expires = Math.floor(now / 1000) + ttlSeconds;
  const url = new URL(DOWNLOAD_PATH, publicBaseUrl);
  url.searchParams.set('id', exportId);
  url.searchParams.set('expires', String(expires));
  url.searchParams.set('signature', sign(secret, exportId, userId, expires));
  return { url: url.toString(), expiresAt: new Date(expires * 1000) };
}

/**
 * Checks a link's query string against the export's owner (`ownerOf` reads it by id). A forged or
 * altered link is 'invalid' whatever its expiry says; a genuine one past its time is 'expired'.
 */
export async function checkExportLink(secret: string, query: URLSearchParams, ownerOf: (exportId: string) => Promise<string | null>, now = Date.now()): Promise<LinkCheck> {
  const exportId = query.get('id') ?? '';
  const expires = Number(query.get('expires'));
  const signature = Buffer.from(query.get('signature') ?? '');
  if (!/^[0-9a-f-]{36}$/.test(exportId) || !Number.isSafeInteger(expires)) return { ok: false, reason: 'invalid' };
  const owner = await ownerOf(exportId);
  const expected = Buffer.from(sign(secret, exportId, owner ?? '', expires));
  if (!owner || signature.length !== expected.length || !timingSafeEqual(signature, expected)) return { ok: false, reason: 'invalid' };
  if (expires * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, exportId };
}
