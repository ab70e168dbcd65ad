// What a browser and its push service do with a Web Push request, on node:crypto: check the sender's
// VAPID token (RFC 8292) and decrypt the aes128gcm payload (RFC 8291 over RFC 8188).
import { createDecipheriv, createPublicKey, hkdfSync, verify, type ECDH } from 'node:crypto';

export class PushRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface UserAgentKeys {
  /** the subscription's P-256 key pair (the browser's) */
  ecdh: ECDH;
  /** the 16-byte auth secret */
  authSecret: Buffer;
}

const TAG_BYTES = 16;
const hkdf = (salt: Buffer, ikm: Buffer, info: Buffer, length: number) => Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

/** The plaintext of an aes128gcm body sent to the subscription holding `keys`. */
export function decryptAes128gcm(body: Buffer, keys: UserAgentKeys): Buffer {
  // Header: salt (16) | record size (uint32) | key id length (1) | key id (the sender's public key).
  if (body.length < 21) throw new PushRequestError(400, 'Body too short for an aes128gcm header');
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const keyIdLength = body[20]!;
  const senderPublicKey = body.subarray(21, 21 + keyIdLength);
  if (keyIdLength !== 65 || recordSize <= TAG_BYTES + 1) throw new PushRequestError(400, 'Malformed aes128gcm header');
  let sharedSecret: Buffer;
  try {
    sharedSecret = keys.ecdh.computeSecret(senderPublicKey);
  } catch {
    throw new PushRequestError(400, 'The key id is not a P-256 public key');
  }
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), keys.ecdh.getPublicKey(), senderPublicKey]);
  const inputKey = hkdf(keys.authSecret, sharedSecret, keyInfo, 32);
  const contentKey = hkdf(salt, inputKey, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
  const baseNonce = hkdf(salt, inputKey, Buffer.from('Content-Encoding: nonce\0'), 12);

  const records = body.subarray(21 + keyIdLength);
  const plain: Buffer[] = [];
  for (let offset = 0, sequence = 0; offset < records.length; offset += recordSize, sequence++) {
    const record = records.subarray(offset, offset + recordSize);
    const last = offset + recordSize >= records.length;
    const nonce = Buffer.from(baseNonce);
    nonce.writeUInt32BE((nonce.readUInt32BE(8) ^ sequence) >>> 0, 8);
    let padded: Buffer;
    try {
      const decipher = createDecipheriv('aes-128-gcm', contentKey, nonce);
      decipher.setAuthTag(record.subarray(record.length - TAG_BYTES));
      padded = Buffer.concat([decipher.update(record.subarray(0, record.length - TAG_BYTES)), decipher.final()]);
    } catch {
      throw new PushRequestError(400, 'The payload does not decrypt with this subscription\'s keys');
    }
    // Each record ends with a delimiter (2 on the last record, 1 before) followed by zero padding.
    let end = padded.length - 1;
    while (end >= 0 && padded[end] === 0) end--;
    if (end < 0 || padded[end] !== (last ? 2 : 1)) throw new PushRequestError(400, 'Bad record padding');
    plain.push(padded.subarray(0, end));
  }
  return Buffer.concat(plain);
}

/**
 * Checks `Authorization: vapid t=<jwt>, k=<public key>`: an ES256 JWT signed by k, for this push
 * service's origin, not expired and valid for at most 24 hours. Answers its `sub` claim.
 */
export function verifyVapid(authorization: string | undefined, audience: string, now = Date.now()): { subject: string | null } {
  const match = /^vapid\s+(.+)$/i.exec(authorization ?? '');
  if (!match) throw new PushRequestError(401, 'Missing VAPID authorization (vapid t=…, k=…)');
  const params = new Map(match[1]!.split(',').map((part) => {
    const [name, ...value] = part.trim().split('=');
    return [name!.toLowerCase(), value.join('=')] as const;
  }));
  const token = params.get('t');
  const key = params.get('k');
  if (!token || !key) throw new PushRequestError(401, 'The VAPID authorization needs t and k');
  const [encodedHeader, encodedClaims, encodedSignature] = token.split('.');
  if (!encodedHeader || !encodedClaims || !encodedSignature) throw new PushRequestError(401, 'The VAPID token is not a JWT');
  let header: { alg?: string };
  let claims: { aud?: string; exp?: number; sub?: string };
  try {
    header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8'));
    claims = JSON.parse(Buffer.from(encodedClaims, 'base64url').toString('utf8'));
  } catch {
    throw new PushRequestError(401, 'The VAPID token is not a JWT');
  }
  if (header.alg !== 'ES256') throw new PushRequestError(401, 'The VAPID token must be ES256');
  const point = Buffer.from(key, 'base64url');
  if (point.length !== 65 || point[0] !== 4) throw new PushRequestError(401, 'k is not an uncompressed P-256 public key');
  let valid = false;
  try {
    const publicKey = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: point.subarray(1, 33).toString('base64url'), y: point.subarray(33).toString('base64url') }, format: 'jwk' });
    valid = verify('sha256', Buffer.from(`${encodedHeader}.${encodedClaims}`), { key: publicKey, dsaEncoding: 'ieee-p1363' }, Buffer.from(encodedSignature, 'base64url'));
  } catch {
    valid = false;
  }
  if (!valid) throw new PushRequestError(401, 'The VAPID token signature does not match k');
  if (claims.aud !== audience) throw new PushRequestError(401, `The VAPID token's aud must be ${audience}`);
  const seconds = now / 1000;
  if (typeof claims.exp !== 'number' || claims.exp <= seconds || claims.exp > seconds + 24 * 3600) throw new PushRequestError(401, 'The VAPID token is expired or valid for more than 24 hours');
  return { subject: claims.sub ?? null };
}
