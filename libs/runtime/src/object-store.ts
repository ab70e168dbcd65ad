// Documents kept as objects (contracts, receipts, statements): an S3-compatible bucket when S3_BUCKET is
// set, a directory under .data/ otherwise, behind one interface. Downloads go through short-lived signed
// links, never through a public object.
import type { PutObjectCommandInput, S3Client } from '@aws-sdk/client-s3';
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { dirname, join, resolve, sep } from 'node:path';
import { z } from 'zod';
import { ConfigError, dataDir as defaultDataDir, devSecret } from './config.js';
import { sendJson } from './http.js';

export interface PutObjectOptions {
  contentType: string;
  /** the name a download is saved under (content-disposition) */
  filename?: string;
  /** small ASCII annotations kept with the object (S3 user metadata): lower-case keys, printable ASCII values */
  metadata?: Record<string, string>;
}

export interface StoredObject {
  key: string;
  /** SHA-256 of the bytes, hex, computed by us on the way in and checked on the way out */
  sha256: string;
  size: number;
}

export interface ObjectContent {
  bytes: Uint8Array;
  contentType: string;
  sha256: string;
  filename?: string;
  metadata: Record<string, string>;
}

export interface DownloadUrlOptions {
  /** how long the link works: default 5 minutes, at most 1 hour */
  ttlSeconds?: number;
  /** the name the browser saves the file under; default the one given at put */
  filename?: string;
}

export interface DownloadLink {
  url: string;
  expiresAt: Date;
}

export interface ObjectStore {
  readonly kind: 's3' | 'directory';
  put(key: string, bytes: Uint8Array, options: PutObjectOptions): Promise<StoredObject>;
  /** null when there is no such object; throws ObjectIntegrityError when the bytes no longer match their hash */
  get(key: string): Promise<ObjectContent | null>;
  exists(key: string): Promise<boolean>;
  /** removes the object; nothing happens when it is already gone */
  delete(key: string): Promise<void>;
  /** a short-lived link that downloads the object without other credentials */
  downloadUrl(key: string, options?: DownloadUrlOptions): Promise<DownloadLink>;
  close(): Promise<void>;
}

export const DEFAULT_DOWNLOAD_TTL_SECONDS = 300;
export const MAX_DOWNLOAD_TTL_SECONDS = 3600;
const MAX_KEY_LENGTH = 512;
/** Segments of letters, digits, '.', '_' and '-', each starting with a letter or digit: no '..', no hidden files, no absolute paths. */
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(?:\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
const METADATA_KEY_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
const METADATA_VALUE_PATTERN = /^[\x20-\x7e]{0,1024}$/;
/** Our own metadata entries: the hash and the download name. */
const SHA256_METADATA = 'sha256';
const FILENAME_METADATA = 'filename';

export class InvalidObjectKeyError extends Error {}
/** Stored bytes whose SHA-256 no longer matches the one recorded at put: corruption or tampering. */
export class ObjectIntegrityError extends Error {}

/** Refuses keys that could name something outside the store (or that S3 and a file system would read differently). */
export function assertObjectKey(key: string): string {
  if (typeof key !== 'string' || key.length > MAX_KEY_LENGTH || !KEY_PATTERN.test(key)) {
    throw new InvalidObjectKeyError(`invalid object key ${JSON.stringify(String(key).slice(0, 80))}: use segments of [A-Za-z0-9._-] separated by '/', each starting with a letter or digit`);
  }
  return key;
}

function assertPutOptions(options: PutObjectOptions) {
  if (!/^[\w.+-]+\/[\w.+-]+(?:;.*)?$/.test(options.contentType)) throw new RangeError(`invalid content type ${JSON.stringify(options.contentType)}`);
  for (const [name, value] of Object.entries(options.metadata ?? {})) {
    if (!METADATA_KEY_PATTERN.test(name) || name === SHA256_METADATA || name === FILENAME_METADATA) throw new RangeError(`invalid or reserved metadata key ${JSON.stringify(name)}`);
    if (!METADATA_VALUE_PATTERN.test(value)) throw new RangeError(`metadata ${name}: values are printable ASCII up to 1024 characters`);
  }
}

const sha256Hex = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function ttlOf(options: DownloadUrlOptions | undefined): number {
  const ttl = options?.ttlSeconds ?? DEFAULT_DOWNLOAD_TTL_SECONDS;
  if (!Number.isSafeInteger(ttl) || ttl < 1) throw new RangeError(`ttlSeconds must be a positive integer, got ${ttl}`);
  return Math.min(ttl, MAX_DOWNLOAD_TTL_SECONDS);
}

/** A download name without path separators or control characters (it is the user's file name, not ours to trust). */
function cleanFilename(filename: string): string {
  const cleaned = filename.normalize('NFC').replace(/[\u0000-\u001f\u007f/\\]/g, '_').trim().slice(0, 200);
  return cleaned || 'download';
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<percent-encoded>` (RFC 6266 / 8187), so
 * 'Contrato crediário.pdf' keeps its accent where browsers read filename* and degrades where they don't.
 */
export function contentDisposition(filename: string): string {
  const name = cleanFilename(filename);
  const fallback = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9._ -]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

// ---------------------------------------------------------------------------------------------------
// S3-compatible storage

// Loaded on first use: most processes that import the kit never talk to S3, and the SDK costs ~130 ms to load.
let s3Sdk: Promise<[typeof import('@aws-sdk/client-s3'), typeof import('@aws-sdk/s3-request-presigner')]> | undefined;
const loadS3Sdk = () => (s3Sdk ??= Promise.all([import('@aws-sdk/client-s3'), import('@aws-sdk/s3-request-presigner')]));

export type ServerSideEncryption = { algorithm: 'AES256' } | { algorithm: 'aws:kms'; kmsKeyId?: string };

export interface S3ObjectStoreOptions {
  client: S3Client;
  bucket: string;
  /** prepended to every key: one per service ('payments/'), so services sharing a bucket never meet */
  keyPrefix: string;
  encryption: ServerSideEncryption;
}

export interface S3ClientSettings {
  /** an S3-compatible endpoint (MinIO); unset, AWS S3 itself */
  endpoint?: string;
  region: string;
  /** both or neither: neither uses the default AWS chain (an ECS task role in production) */
  accessKeyId?: string;
  secretAccessKey?: string;
}

export async function createS3Client(settings: S3ClientSettings): Promise<S3Client> {
  if (Boolean(settings.accessKeyId) !== Boolean(settings.secretAccessKey)) throw new ConfigError('S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY go together');
  const [{ S3Client }] = await loadS3Sdk();
  return new S3Client({
    region: settings.region,
    ...(settings.endpoint ? { endpoint: settings.endpoint, forcePathStyle: true } : {}),
    ...(settings.accessKeyId && settings.secretAccessKey ? { credentials: { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey } } : {}),
    // Our own SHA-256 travels with each put (x-amz-checksum-sha256); no extra CRC the S3-compatible servers may not know.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}

const isNotFound = (error: unknown) => {
  const failure = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return failure?.name === 'NoSuchKey' || failure?.name === 'NotFound' || failure?.$metadata?.httpStatusCode === 404;
};

export class S3ObjectStore implements ObjectStore {
  readonly kind = 's3';

  constructor(private readonly options: S3ObjectStoreOptions) {
    if (options.keyPrefix && !/^[A-Za-z0-9._\/-]*\/$/.test(options.keyPrefix)) throw new ConfigError(`the S3 key prefix must end with '/': ${options.keyPrefix}`);
  }

  private objectKey(key: string) {
    return this.options.keyPrefix + assertObjectKey(key);
  }

  /** What put sends: private object, server-side encryption, our hash as both checksum and metadata. */
  putObjectInput(key: string, bytes: Uint8Array, options: PutObjectOptions, sha256: string): PutObjectCommandInput {
    const { encryption } = this.options;
    return {
      Bucket: this.options.bucket,
      Key: this.objectKey(key),
      Body: bytes,
      ContentLength: bytes.byteLength,
      ContentType: options.contentType,
      ...(options.filename ? { ContentDisposition: contentDisposition(options.filename) } : {}),
      Metadata: {
        ...options.metadata,
        [SHA256_METADATA]: sha256,
        // S3 metadata is ASCII: the name travels percent-encoded.
        ...(options.filename ? { [FILENAME_METADATA]: encodeURIComponent(cleanFilename(options.filename)) } : {}),
      },
      ChecksumSHA256: Buffer.from(sha256, 'hex').toString('base64'),
      ServerSideEncryption: encryption.algorithm,
      ...(encryption.algorithm === 'aws:kms' && encryption.kmsKeyId ? { SSEKMSKeyId: encryption.kmsKeyId } : {}),
    };
  }

  async put(key: string, bytes: Uint8Array, options: PutObjectOptions): Promise<StoredObject> {
    assertObjectKey(key);
    assertPutOptions(options);
    const sha256 = sha256Hex(bytes);
    const [{ PutObjectCommand }] = await loadS3Sdk();
    await this.options.client.send(new PutObjectCommand(this.putObjectInput(key, bytes, options, sha256)));
    return { key, sha256, size: bytes.byteLength };
  }

  async get(key: string): Promise<ObjectContent | null> {
    const [{ GetObjectCommand }] = await loadS3Sdk();
    try {
      const answer = await this.options.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      const bytes = (await answer.Body?.transformToByteArray()) ?? new Uint8Array();
      const { [SHA256_METADATA]: recorded, [FILENAME_METADATA]: filename, ...metadata } = answer.Metadata ?? {};
      const sha256 = sha256Hex(bytes);
      if (recorded !== undefined && recorded !== sha256) throw new ObjectIntegrityError(`object ${key}: SHA-256 ${sha256} differs from the ${recorded} recorded at put`);
      return {
        bytes,
        contentType: answer.ContentType ?? 'application/octet-stream',
        sha256,
        ...(filename ? { filename: decodeURIComponent(filename) } : {}),
        metadata,
      };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    const [{ HeadObjectCommand }] = await loadS3Sdk();
    try {
      await this.options.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
      return true;
    } catch (error) {
      if (isNotFound(error)) return false;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    const [{ DeleteObjectCommand }] = await loadS3Sdk();
    await this.options.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: this.objectKey(key) }));
  }

  /** A presigned GET (SigV4 query string) that also tells S3 the download name to answer with. */
  async downloadUrl(key: string, options?: DownloadUrlOptions): Promise<DownloadLink> {
    const ttl = ttlOf(options);
    const [{ GetObjectCommand }, { getSignedUrl }] = await loadS3Sdk();
    const expiresAt = new Date((Math.floor(Date.now() / 1000) + ttl) * 1000);
    const command = new GetObjectCommand({
      Bucket: this.options.bucket,
      Key: this.objectKey(key),
      ...(options?.filename ? { ResponseContentDisposition: contentDisposition(options.filename) } : {}),
      ResponseCacheControl: 'private, no-store',
    });
    return { url: await getSignedUrl(this.options.client, command, { expiresIn: ttl }), expiresAt };
  }

  async close() {
    this.options.client.destroy();
  }
}

// ---------------------------------------------------------------------------------------------------
// A directory on this machine: the embedded default

interface Sidecar {
  contentType: string;
  sha256: string;
  size: number;
  filename?: string;
  metadata: Record<string, string>;
}

export interface DirectoryObjectStoreOptions {
  /** where the objects live; created on first put */
  directory: string;
  /** the HMAC key of download links (the same one serveSignedObject checks with) */
  secret: string;
  /** the public origin (and base path) download links start with, e.g. http://localhost:4000 */
  publicBaseUrl: string;
  /** the path serveSignedObject answers on, e.g. /documents/download */
  downloadPath: string;
  now?: () => number;
}

/**
 * Each object is two files: its bytes under their own hash, `<key>.<sha256>.object`, and the sidecar
 * `<key>.object.json` (content type, hash, name, metadata) that names them. Both are written to a
 * temporary file, flushed and renamed into place, the sidecar last: the sidecar's rename is the one
 * step that commits a put, so a crash mid-put leaves the previous version (or nothing), and a reader
 * never pairs one version's sidecar with another's bytes. Writes of one key are serialized in this
 * process; the store assumes one process per directory (the embedded default).
 */
export class DirectoryObjectStore implements ObjectStore {
  readonly kind = 'directory';
  private readonly root: string;
  private readonly now: () => number;
  private readonly writing = new Map<string, Promise<unknown>>();

  constructor(private readonly options: DirectoryObjectStoreOptions) {
    this.root = resolve(options.directory);
    this.now = options.now ?? Date.now;
    if (options.secret.length < 32) throw new ConfigError('the object download link secret must have at least 32 characters');
  }

  private paths(key: string) {
    const base = resolve(this.root, assertObjectKey(key));
    // The key pattern already keeps paths inside; this is the belt to its braces.
    if (!base.startsWith(this.root + sep)) throw new InvalidObjectKeyError(`object key ${JSON.stringify(key)} leaves the store`);
    return { bytes: (sha256: string) => `${base}.${sha256}.object`, sidecar: `${base}.object.json` };
  }

  /** Runs the writes of one key one after another (a put's clean-up must not remove what a later put committed). */
  private serialized<T>(key: string, write: () => Promise<T>): Promise<T> {
    const previous = this.writing.get(key) ?? Promise.resolve();
    const next = previous.then(write, write);
    const settled = next.catch(() => undefined);
    this.writing.set(key, settled);
    void settled.then(() => {
      if (this.writing.get(key) === settled) this.writing.delete(key);
    });
    return next;
  }

  async put(key: string, bytes: Uint8Array, options: PutObjectOptions): Promise<StoredObject> {
    const paths = this.paths(key);
    assertPutOptions(options);
    const sha256 = sha256Hex(bytes);
    const sidecar: Sidecar = {
      contentType: options.contentType,
      sha256,
      size: bytes.byteLength,
      ...(options.filename ? { filename: cleanFilename(options.filename) } : {}),
      metadata: { ...options.metadata },
    };
    await this.serialized(key, async () => {
      await mkdir(dirname(paths.sidecar), { recursive: true });
      const previous = await readSidecar(paths.sidecar);
      await writeAtomically(paths.bytes(sha256), bytes);
      await writeAtomically(paths.sidecar, Buffer.from(JSON.stringify(sidecar)));
      if (previous && previous.sha256 !== sha256) await rm(paths.bytes(previous.sha256), { force: true });
    });
    return { key, sha256, size: bytes.byteLength };
  }

  async get(key: string): Promise<ObjectContent | null> {
    const paths = this.paths(key);
    // A put or delete of this key may remove the bytes a sidecar just read names: read the sidecar again.
    for (let attempt = 0; attempt < 5; attempt++) {
      const sidecar = await readSidecar(paths.sidecar);
      if (!sidecar) return null;
      const bytes = await readFile(paths.bytes(sidecar.sha256)).catch((error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return null;
        throw error;
      });
      if (!bytes) continue;
      const sha256 = sha256Hex(bytes);
      if (sha256 !== sidecar.sha256) throw new ObjectIntegrityError(`object ${key}: its SHA-256 ${sha256} differs from the ${sidecar.sha256} recorded at put`);
      return { bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength), contentType: sidecar.contentType, sha256, ...(sidecar.filename ? { filename: sidecar.filename } : {}), metadata: sidecar.metadata };
    }
    throw new ObjectIntegrityError(`object ${key}: the bytes its sidecar names are missing`);
  }

  async exists(key: string): Promise<boolean> {
    return (await readSidecar(this.paths(key).sidecar)) !== null;
  }

  async delete(key: string): Promise<void> {
    const paths = this.paths(key);
    await this.serialized(key, async () => {
      const sidecar = await readSidecar(paths.sidecar);
      // Sidecar first: the object stops existing before its bytes go.
      await rm(paths.sidecar, { force: true });
      if (sidecar) await rm(paths.bytes(sidecar.sha256), { force: true });
    });
  }

  async downloadUrl(key: string, options?: DownloadUrlOptions): Promise<DownloadLink> {
    assertObjectKey(key);
    const expires = Math.floor(this.now() / 1000) + ttlOf(options);
    const filename = options?.filename ? cleanFilename(options.filename) : '';
    const url = new URL(`${this.options.publicBaseUrl.replace(/\/+$/, '')}${this.options.downloadPath}`);
    url.searchParams.set('key', key);
    if (filename) url.searchParams.set('filename', filename);
    url.searchParams.set('expires', String(expires));
    url.searchParams.set('signature', signObjectLink(this.options.secret, key, filename, expires));
    return { url: url.toString(), expiresAt: new Date(expires * 1000) };
  }

  async close() {}
}

async function writeAtomically(file: string, bytes: Uint8Array) {
  const temporary = `${file}.${randomUUID()}.tmp`;
  const handle = await open(temporary, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(temporary, file);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}

async function readSidecar(file: string): Promise<Sidecar | null> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as Sidecar;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------
// Signed download links of the directory store (same HMAC approach as the users subgraph's export links)

const signObjectLink = (secret: string, key: string, filename: string, expires: number) =>
  createHmac('sha256', secret).update(JSON.stringify(['object-download', key, filename, expires])).digest('base64url');

export type ObjectLinkCheck = { ok: true; key: string; filename: string | null } | { ok: false; reason: 'invalid' | 'expired' };

/** A forged or altered link (key, name or expiry) is 'invalid' whatever its expiry says; a genuine one past its time is 'expired'. */
export function checkSignedObjectUrl(secret: string, query: URLSearchParams, now = Date.now()): ObjectLinkCheck {
  const key = query.get('key') ?? '';
  const filename = query.get('filename') ?? '';
  const expiresText = query.get('expires') ?? '';
  const expires = Number(expiresText);
  const signature = Buffer.from(query.get('signature') ?? '');
  if (!KEY_PATTERN.test(key) || !/^\d{1,12}$/.test(expiresText)) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(signObjectLink(secret, key, filename, expires));
  if (signature.length !== expected.length || !timingSafeEqual(signature, expected)) return { ok: false, reason: 'invalid' };
  if (expires * 1000 <= now) return { ok: false, reason: 'expired' };
  return { ok: true, key, filename: filename || null };
}

const LINK_INVALID = { code: 'LINK_INVALID', message: 'Este link de download não é válido. Gere um novo link para baixar o documento.' };
const LINK_EXPIRED = { code: 'LINK_EXPIRED', message: 'Este link de download expirou. Gere um novo link para baixar o documento.' };
const OBJECT_NOT_FOUND = { code: 'OBJECT_NOT_FOUND', message: 'Este documento não está mais disponível.' };
const NO_STORE = { 'cache-control': 'private, no-store', 'referrer-policy': 'no-referrer' };

/**
 * Answers a signed download link of the directory store: the bytes with their type and download name,
 * never cached nor leaked as a referrer; 403 with LINK_INVALID or LINK_EXPIRED otherwise. The link is
 * the credential: mount it on a route that asks for nothing else.
 */
export async function serveSignedObject(store: ObjectStore, secret: string, req: IncomingMessage, res: ServerResponse, now = Date.now()): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') return sendJson(res, 405, { code: 'METHOD_NOT_ALLOWED', message: 'Use GET para baixar o documento.' }, { allow: 'GET, HEAD', ...NO_STORE });
  const check = checkSignedObjectUrl(secret, new URL(req.url ?? '/', 'http://localhost').searchParams, now);
  if (!check.ok) return sendJson(res, 403, check.reason === 'expired' ? LINK_EXPIRED : LINK_INVALID, NO_STORE);
  const content = await store.get(check.key);
  if (!content) return sendJson(res, 404, OBJECT_NOT_FOUND, NO_STORE);
  const filename = check.filename ?? content.filename ?? check.key.split('/').at(-1)!;
  res.writeHead(200, {
    'content-type': content.contentType,
    'content-length': content.bytes.byteLength,
    'content-disposition': contentDisposition(filename),
    'x-content-type-options': 'nosniff',
    ...NO_STORE,
  });
  res.end(req.method === 'HEAD' ? undefined : content.bytes);
}

// ---------------------------------------------------------------------------------------------------
// Choosing one from the configuration

const optionalText = z.preprocess((value) => (value === '' ? undefined : value), z.string().optional());

/** The configuration of a service that keeps documents (spread into its config shape). */
export const objectStoreConfigShape = {
  /** an S3-compatible endpoint such as MinIO (path-style addressing); unset with S3_BUCKET set, AWS S3 itself */
  S3_URL: z.preprocess((value) => (value === '' ? undefined : value), z.string().url().optional()),
  /** the bucket; unset, documents stay in a directory under .data/objects/<service> */
  S3_BUCKET: optionalText,
  S3_REGION: z.preprocess((value) => (value === '' ? undefined : value), z.string().default('us-east-1')),
  /** static credentials (MinIO, development); unset, the default AWS chain (ECS task role) */
  S3_ACCESS_KEY_ID: optionalText,
  S3_SECRET_ACCESS_KEY: optionalText,
  /** server-side encryption of every put: AES256 (SSE-S3) or aws:kms (with S3_KMS_KEY_ID, else the bucket's AWS-managed key) */
  S3_SSE: z.preprocess((value) => (value === '' ? undefined : value), z.enum(['AES256', 'aws:kms']).default('AES256')),
  S3_KMS_KEY_ID: optionalText,
  /** HMAC key of the directory store's download links (at least 32 characters); a development secret when unset */
  OBJECT_LINK_SECRET: z.preprocess((value) => (value === '' ? undefined : value), z.string().min(32).optional()),
};

export type ObjectStoreConfig = z.infer<z.ZodObject<typeof objectStoreConfigShape>>;

export interface OpenObjectStoreOptions {
  /** the service whose documents these are: the S3 key prefix and the directory's name */
  service: string;
  s3Url?: string;
  bucket?: string;
  region?: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  sse?: 'AES256' | 'aws:kms';
  kmsKeyId?: string;
  /** the directory store's parent folder (the directory is <dataDir>/<service>) */
  dataDir: string;
  publicBaseUrl: string;
  downloadPath: string;
  /** the directory store's link secret */
  secret: string;
}

/** S3 when a bucket is named, the directory store otherwise. */
export async function openObjectStore(options: OpenObjectStoreOptions): Promise<ObjectStore> {
  if (!/^[a-z0-9][a-z0-9-]*$/.test(options.service)) throw new ConfigError(`invalid service name for the object store: ${options.service}`);
  if (options.bucket) {
    if (options.kmsKeyId && options.sse !== 'aws:kms') throw new ConfigError('S3_KMS_KEY_ID is only used with S3_SSE=aws:kms');
    const client = await createS3Client({ endpoint: options.s3Url, region: options.region ?? 'us-east-1', accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey });
    const encryption: ServerSideEncryption = options.sse === 'aws:kms' ? { algorithm: 'aws:kms', ...(options.kmsKeyId ? { kmsKeyId: options.kmsKeyId } : {}) } : { algorithm: 'AES256' };
    return new S3ObjectStore({ client, bucket: options.bucket, keyPrefix: `${options.service}/`, encryption });
  }
  if (options.s3Url) throw new ConfigError('S3_URL is set but S3_BUCKET is not: name the bucket');
  return new DirectoryObjectStore({ directory: join(options.dataDir, options.service), secret: options.secret, publicBaseUrl: options.publicBaseUrl, downloadPath: options.downloadPath });
}

/** The object store a service's configuration describes; the directory store's link secret falls back to a development secret. */
export function objectStoreFrom(config: ObjectStoreConfig, where: { service: string; publicBaseUrl: string; downloadPath: string; dataDir?: string }): Promise<ObjectStore> {
  return openObjectStore({
    service: where.service,
    s3Url: config.S3_URL,
    bucket: config.S3_BUCKET,
    region: config.S3_REGION,
    accessKeyId: config.S3_ACCESS_KEY_ID,
    secretAccessKey: config.S3_SECRET_ACCESS_KEY,
    sse: config.S3_SSE,
    kmsKeyId: config.S3_KMS_KEY_ID,
    dataDir: where.dataDir ?? join(defaultDataDir(), 'objects'),
    publicBaseUrl: where.publicBaseUrl,
    downloadPath: where.downloadPath,
    // Only the directory store signs its own links: with S3 no secret is needed, even in production.
    secret: config.S3_BUCKET ? '' : objectLinkSecret(config),
  });
}

const objectLinkSecret = (config: ObjectStoreConfig) => config.OBJECT_LINK_SECRET ?? devSecret('OBJECT_LINK_SECRET');

/** The route that serves the directory store's signed links (S3's go to the bucket itself). */
export const signedObjectRoute = (store: ObjectStore, config: ObjectStoreConfig) => (req: IncomingMessage, res: ServerResponse) => serveSignedObject(store, objectLinkSecret(config), req, res);
