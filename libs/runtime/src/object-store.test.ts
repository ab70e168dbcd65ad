// The object store: the directory store in full (files, hashes, keys, signed links over HTTP), the same
// conformance on an S3-compatible server when TEST_S3_URL is set, and what the S3 store sends.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { CreateBucketCommand } from '@aws-sdk/client-s3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './config.js';
import {
  checkSignedObjectUrl,
  contentDisposition,
  createS3Client,
  DirectoryObjectStore,
  InvalidObjectKeyError,
  MAX_DOWNLOAD_TTL_SECONDS,
  ObjectIntegrityError,
  objectStoreConfigShape,
  objectStoreFrom,
  openObjectStore,
  S3ObjectStore,
  serveSignedObject,
  type ObjectStore,
} from './object-store.js';

const SECRET = 'a-download-link-secret-of-32-characters-at-least';
const DOWNLOAD_PATH = '/documents/download';
const PDF = new Uint8Array(Buffer.from('%PDF-1.7\nnot really a pdf, but bytes all the same\n%%EOF\n'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function filesUnder(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(directory.length + 1)).sort();
}

// ---------------------------------------------------------------------------------------------------
// Conformance: what every store does, on the directory store always and on S3 when a server is given

interface StoreUnderTest {
  store: ObjectStore;
  /** how a downloadUrl is fetched: the directory store's links need our handler behind an HTTP server */
  cleanup(): Promise<void>;
}

const stores: Array<[string, () => Promise<StoreUnderTest>]> = [
  [
    'directory store',
    async () => {
      const directory = await mkdtemp(join(tmpdir(), 'medpay-objects-'));
      const server = createServer((req, res) => void serveSignedObject(store, SECRET, req, res));
      await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
      const store: ObjectStore = await openObjectStore({
        service: 'payments',
        dataDir: directory,
        publicBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        downloadPath: DOWNLOAD_PATH,
        secret: SECRET,
      });
      return {
        store,
        cleanup: async () => {
          await new Promise((closed) => server.close(closed));
          await rm(directory, { recursive: true, force: true });
        },
      };
    },
  ],
];

const s3Url = process.env.TEST_S3_URL;
const s3Settings = {
  endpoint: s3Url,
  region: process.env.TEST_S3_REGION ?? 'us-east-1',
  accessKeyId: process.env.TEST_S3_ACCESS_KEY_ID ?? 'minioadmin',
  secretAccessKey: process.env.TEST_S3_SECRET_ACCESS_KEY ?? 'minioadmin',
};
const s3Bucket = process.env.TEST_S3_BUCKET ?? 'medpay-test';
if (s3Url) {
  stores.push([
    'S3-compatible server (TEST_S3_URL)',
    async () => {
      const admin = await createS3Client(s3Settings);
      await admin.send(new CreateBucketCommand({ Bucket: s3Bucket })).catch((error: { name?: string }) => {
        if (error.name !== 'BucketAlreadyOwnedByYou' && error.name !== 'BucketAlreadyExists') throw error;
      });
      admin.destroy();
      const store = await openObjectStore({
        service: `test-${randomBytes(4).toString('hex')}`,
        s3Url,
        bucket: s3Bucket,
        ...s3Settings,
        sse: (process.env.TEST_S3_SSE as 'AES256' | 'aws:kms' | undefined) ?? 'AES256',
        dataDir: '/nonexistent',
        publicBaseUrl: 'http://unused',
        downloadPath: DOWNLOAD_PATH,
        secret: '',
      });
      return { store, cleanup: () => store.close() };
    },
  ]);
} else {
  console.info(
    'object store conformance on S3 skipped: TEST_S3_URL is not set (it needs an S3-compatible server such as MinIO with SSE enabled; also TEST_S3_ACCESS_KEY_ID, TEST_S3_SECRET_ACCESS_KEY, TEST_S3_BUCKET)',
  );
}

describe.each(stores)('object store conformance on the %s', (_name, open) => {
  let subject: StoreUnderTest;
  let store: ObjectStore;
  beforeAll(async () => {
    subject = await open();
    store = subject.store;
  });
  afterAll(() => subject.cleanup());

  it('keeps bytes with their type, name and metadata, and hashes them itself', async () => {
    const stored = await store.put('contracts/2026/ccb-1.pdf', PDF, { contentType: 'application/pdf', filename: 'Contrato crediário.pdf', metadata: { 'payment-id': 'pay_123' } });
    expect(stored).toEqual({ key: 'contracts/2026/ccb-1.pdf', sha256: sha256(PDF), size: PDF.byteLength });
    const content = await store.get('contracts/2026/ccb-1.pdf');
    expect(Buffer.from(content!.bytes).equals(Buffer.from(PDF))).toBe(true);
    expect(content).toMatchObject({ contentType: 'application/pdf', sha256: sha256(PDF), filename: 'Contrato crediário.pdf', metadata: { 'payment-id': 'pay_123' } });
    expect(await store.exists('contracts/2026/ccb-1.pdf')).toBe(true);
  });

  it('answers null and false for what is not there, and deletes idempotently', async () => {
    expect(await store.get('contracts/none.pdf')).toBeNull();
    expect(await store.exists('contracts/none.pdf')).toBe(false);
    await store.put('receipts/r-1.pdf', PDF, { contentType: 'application/pdf' });
    await store.delete('receipts/r-1.pdf');
    expect(await store.exists('receipts/r-1.pdf')).toBe(false);
    expect(await store.get('receipts/r-1.pdf')).toBeNull();
    await expect(store.delete('receipts/r-1.pdf')).resolves.toBeUndefined();
  });

  it('replaces an object put again under the same key', async () => {
    const second = new Uint8Array(Buffer.from('second version'));
    await store.put('statements/2026-10.pdf', PDF, { contentType: 'application/pdf' });
    expect((await store.put('statements/2026-10.pdf', second, { contentType: 'text/plain' })).sha256).toBe(sha256(second));
    const content = await store.get('statements/2026-10.pdf');
    expect(Buffer.from(content!.bytes).toString()).toBe('second version');
    expect(content!.contentType).toBe('text/plain');
  });

  it('refuses keys that could leave the store, before touching anything', async () => {
    for (const key of ['../escape', 'a/../../escape', '/etc/passwd', '.hidden', 'a//b', 'a/./b', 'a\\b', '', 'a/', 'nul\u0000byte', 'x'.repeat(513)]) {
      await expect(store.put(key, PDF, { contentType: 'application/pdf' })).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.get(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.exists(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.delete(key)).rejects.toThrow(InvalidObjectKeyError);
      await expect(store.downloadUrl(key)).rejects.toThrow(InvalidObjectKeyError);
    }
  });

  it('refuses reserved or non-ASCII metadata', async () => {
    await expect(store.put('m/1', PDF, { contentType: 'application/pdf', metadata: { sha256: 'forged' } })).rejects.toThrow(/reserved/);
    await expect(store.put('m/1', PDF, { contentType: 'application/pdf', metadata: { note: 'não' } })).rejects.toThrow(/ASCII/);
    expect(await store.exists('m/1')).toBe(false);
  });

  it('gives a short-lived download link that serves the bytes under the chosen name', async () => {
    await store.put('receipts/pay-9.pdf', PDF, { contentType: 'application/pdf' });
    const before = Date.now();
    const link = await store.downloadUrl('receipts/pay-9.pdf', { filename: 'Comprovante de pagamento — ótica.pdf' });
    expect(link.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 299_000);
    expect(link.expiresAt.getTime()).toBeLessThanOrEqual(before + 301_000);
    const answer = await fetch(link.url);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toContain(`filename*=UTF-8''Comprovante%20de%20pagamento%20%E2%80%94%20%C3%B3tica.pdf`);
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect(Buffer.from(await answer.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
  });

  it('caps a link at one hour', async () => {
    const link = await store.downloadUrl('receipts/pay-9.pdf', { ttlSeconds: 7 * 24 * 3600 });
    expect(link.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + MAX_DOWNLOAD_TTL_SECONDS * 1000 + 1000);
    await expect(store.downloadUrl('receipts/pay-9.pdf', { ttlSeconds: 0 })).rejects.toThrow(RangeError);
  });
});

// ---------------------------------------------------------------------------------------------------
// The directory store's files

describe('directory store files', () => {
  let directory: string;
  let store: DirectoryObjectStore;
  beforeEach(async () => {
    directory = await mkdtemp(join(tmpdir(), 'medpay-objects-'));
    store = new DirectoryObjectStore({ directory, secret: SECRET, publicBaseUrl: 'http://localhost:4000', downloadPath: DOWNLOAD_PATH });
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it('writes the bytes and a JSON sidecar, and leaves no temporary file behind', async () => {
    await store.put('contracts/c-1.pdf', PDF, { contentType: 'application/pdf', filename: 'c.pdf' });
    expect(await filesUnder(directory)).toEqual([`contracts/c-1.pdf.${sha256(PDF)}.object`, 'contracts/c-1.pdf.object.json']);
    expect(JSON.parse(await readFile(join(directory, 'contracts/c-1.pdf.object.json'), 'utf8'))).toEqual({ contentType: 'application/pdf', sha256: sha256(PDF), size: PDF.byteLength, filename: 'c.pdf', metadata: {} });
  });

  it('counts an object only once its sidecar is in place: a put cut short leaves nothing readable', async () => {
    // What a crash leaves: a temporary file never renamed, or the bytes renamed and the sidecar not yet.
    await writeFile(join(directory, `half.pdf.${sha256(PDF)}.object.${randomUUID()}.tmp`), 'partial');
    await writeFile(join(directory, `orphan.pdf.${sha256(PDF)}.object`), PDF);
    expect(await store.exists('half.pdf')).toBe(false);
    expect(await store.get('half.pdf')).toBeNull();
    expect(await store.exists('orphan.pdf')).toBe(false);
    expect(await store.get('orphan.pdf')).toBeNull();
  });

  it('ends concurrent puts of one key with one whole version, never a mix', async () => {
    const versions = Array.from({ length: 8 }, (_, index) => new Uint8Array(randomBytes(64 * 1024 + index)));
    await store.put('race.bin', versions[0]!, { contentType: 'application/octet-stream' });
    const reads: Array<Promise<string | undefined>> = [];
    await Promise.all(
      versions.map((bytes) => {
        reads.push(store.get('race.bin').then((read) => read?.sha256));
        return store.put('race.bin', bytes, { contentType: 'application/octet-stream' });
      }),
    );
    // A reader during the overwrites sees one whole version, never another's bytes under its sidecar.
    for (const read of await Promise.all(reads)) expect(versions.map(sha256)).toContain(read);
    const content = await store.get('race.bin');
    // Puts of one key commit in the order they were called: the last one wins, and only its bytes remain.
    expect(content!.sha256).toBe(sha256(versions.at(-1)!));
    expect(await filesUnder(directory)).toEqual([`race.bin.${sha256(versions.at(-1)!)}.object`, 'race.bin.object.json']);
  });

  it('refuses to hand out bytes altered behind its back', async () => {
    await store.put('tampered.pdf', PDF, { contentType: 'application/pdf' });
    await writeFile(join(directory, `tampered.pdf.${sha256(PDF)}.object`), 'altered');
    await expect(store.get('tampered.pdf')).rejects.toThrow(ObjectIntegrityError);
  });

  it('writes nothing outside its directory for a key that tries', async () => {
    await expect(store.put('../outside', PDF, { contentType: 'application/pdf' })).rejects.toThrow(InvalidObjectKeyError);
    expect((await readdir(join(directory, '..'))).filter((name) => name.startsWith('outside'))).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------------
// Signed links of the directory store over a real HTTP server

describe('signed download links of the directory store', () => {
  let directory: string;
  let server: Server;
  let baseUrl: string;
  let store: DirectoryObjectStore;
  let pastStore: DirectoryObjectStore;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'medpay-objects-'));
    server = createServer((req, res) => {
      if (new URL(req.url ?? '/', 'http://localhost').pathname !== DOWNLOAD_PATH) return void res.writeHead(404).end();
      void serveSignedObject(store, SECRET, req, res);
    });
    await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    store = new DirectoryObjectStore({ directory, secret: SECRET, publicBaseUrl: baseUrl, downloadPath: DOWNLOAD_PATH });
    // The same store two hours ago: its links are genuine and long expired.
    pastStore = new DirectoryObjectStore({ directory, secret: SECRET, publicBaseUrl: baseUrl, downloadPath: DOWNLOAD_PATH, now: () => Date.now() - 2 * 3600_000 });
    await store.put('receipts/mine.pdf', PDF, { contentType: 'application/pdf', filename: 'comprovante.pdf' });
    await store.put('receipts/someone-else.pdf', new Uint8Array(Buffer.from('another patient')), { contentType: 'application/pdf' });
  });
  afterAll(async () => {
    await new Promise((closed) => server.close(closed));
    await rm(directory, { recursive: true, force: true });
  });

  const withParam = (url: string, name: string, value: string) => {
    const changed = new URL(url);
    changed.searchParams.set(name, value);
    return changed.toString();
  };
  const refusal = async (url: string) => {
    const answer = await fetch(url);
    return { status: answer.status, body: (await answer.json()) as { code: string; message: string }, cacheControl: answer.headers.get('cache-control') };
  };

  it('serves the bytes with their type, the saved name, and no caching nor referrer', async () => {
    const link = await store.downloadUrl('receipts/mine.pdf');
    expect(link.url.startsWith(`${baseUrl}${DOWNLOAD_PATH}?key=receipts%2Fmine.pdf&expires=`)).toBe(true);
    const answer = await fetch(link.url);
    expect(answer.status).toBe(200);
    expect(Object.fromEntries(['content-type', 'content-disposition', 'cache-control', 'referrer-policy'].map((name) => [name, answer.headers.get(name)]))).toEqual({
      'content-type': 'application/pdf',
      'content-disposition': `attachment; filename="comprovante.pdf"; filename*=UTF-8''comprovante.pdf`,
      'cache-control': 'private, no-store',
      'referrer-policy': 'no-referrer',
    });
    expect(Buffer.from(await answer.arrayBuffer()).equals(Buffer.from(PDF))).toBe(true);
    const head = await fetch(link.url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(PDF.byteLength));
  });

  it('refuses a forged signature, an altered key, name or expiry, and another secret with LINK_INVALID', async () => {
    const link = await store.downloadUrl('receipts/mine.pdf');
    const forged = withParam(link.url, 'signature', 'A'.repeat(43));
    const otherKey = withParam(link.url, 'key', 'receipts/someone-else.pdf');
    const otherName = withParam(link.url, 'filename', 'evil.html');
    const longer = withParam(link.url, 'expires', String(Number(new URL(link.url).searchParams.get('expires')) + 86_400));
    const otherSecret = (await new DirectoryObjectStore({ directory, secret: 'x'.repeat(40), publicBaseUrl: baseUrl, downloadPath: DOWNLOAD_PATH }).downloadUrl('receipts/mine.pdf')).url;
    const unsigned = withParam(link.url, 'signature', '');
    for (const url of [forged, otherKey, otherName, longer, otherSecret, unsigned, `${baseUrl}${DOWNLOAD_PATH}`]) {
      const answer = await refusal(url);
      expect(answer.status).toBe(403);
      expect(answer.body.code).toBe('LINK_INVALID');
      expect(answer.body.message).toMatch(/não é válido/);
      expect(answer.cacheControl).toBe('private, no-store');
    }
  });

  it('refuses a genuine link past its time with LINK_EXPIRED', async () => {
    const link = await pastStore.downloadUrl('receipts/mine.pdf', { ttlSeconds: 3600 });
    expect(link.expiresAt.getTime()).toBeLessThan(Date.now());
    const answer = await refusal(link.url);
    expect(answer).toMatchObject({ status: 403, body: { code: 'LINK_EXPIRED' } });
    expect(answer.body.message).toMatch(/expirou/);
  });

  it('answers 404 for a genuine link to an object since deleted', async () => {
    await store.put('receipts/gone.pdf', PDF, { contentType: 'application/pdf' });
    const link = await store.downloadUrl('receipts/gone.pdf');
    await store.delete('receipts/gone.pdf');
    expect((await refusal(link.url)).status).toBe(404);
  });

  it('checks a link as a pure function too', async () => {
    const now = Date.parse('2026-10-01T12:00:00Z');
    const at = new DirectoryObjectStore({ directory, secret: SECRET, publicBaseUrl: baseUrl, downloadPath: DOWNLOAD_PATH, now: () => now });
    const query = new URL((await at.downloadUrl('receipts/mine.pdf', { ttlSeconds: 60, filename: 'x.pdf' })).url).searchParams;
    expect(checkSignedObjectUrl(SECRET, query, now + 59_000)).toEqual({ ok: true, key: 'receipts/mine.pdf', filename: 'x.pdf' });
    expect(checkSignedObjectUrl(SECRET, query, now + 60_000)).toEqual({ ok: false, reason: 'expired' });
    expect(checkSignedObjectUrl('y'.repeat(40), query, now)).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('content-disposition', () => {
  it('gives an ASCII fallback and the UTF-8 name, without path separators or quotes to break out of', () => {
    expect(contentDisposition('Extrato março/2026 "final".pdf')).toBe(`attachment; filename="Extrato marco_2026 _final_.pdf"; filename*=UTF-8''Extrato%20mar%C3%A7o_2026%20%22final%22.pdf`);
  });
});

// ---------------------------------------------------------------------------------------------------
// Choosing a store from the configuration

describe('openObjectStore and its configuration', () => {
  it('reads the S3 settings, treating empty values as unset', () => {
    const config = loadConfig(objectStoreConfigShape, { S3_URL: '', S3_BUCKET: '', S3_REGION: '', S3_SSE: '', S3_KMS_KEY_ID: '', OBJECT_LINK_SECRET: SECRET });
    expect(config).toMatchObject({ S3_URL: undefined, S3_BUCKET: undefined, S3_REGION: 'us-east-1', S3_SSE: 'AES256', OBJECT_LINK_SECRET: SECRET });
    expect(() => loadConfig(objectStoreConfigShape, { S3_SSE: 'none' })).toThrow(ConfigError);
  });

  it('keeps documents in a directory per service without a bucket, and on S3 with one', async () => {
    const directory = await mkdtemp(join(tmpdir(), 'medpay-objects-'));
    const local = await objectStoreFrom(loadConfig(objectStoreConfigShape, { OBJECT_LINK_SECRET: SECRET }), { service: 'payments', publicBaseUrl: 'http://localhost:4000', downloadPath: DOWNLOAD_PATH, dataDir: directory });
    expect(local.kind).toBe('directory');
    await local.put('a.pdf', PDF, { contentType: 'application/pdf' });
    expect(await filesUnder(directory)).toEqual([`payments/a.pdf.${sha256(PDF)}.object`, 'payments/a.pdf.object.json']);
    await rm(directory, { recursive: true, force: true });

    const remote = await objectStoreFrom(loadConfig(objectStoreConfigShape, { S3_URL: 'http://127.0.0.1:9000', S3_BUCKET: 'docs', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }), { service: 'payments', publicBaseUrl: 'http://localhost:4000', downloadPath: DOWNLOAD_PATH });
    expect(remote.kind).toBe('s3');
    await remote.close();
  });

  it('refuses half a configuration', async () => {
    const where = { service: 'payments', dataDir: '/tmp', publicBaseUrl: 'http://localhost', downloadPath: DOWNLOAD_PATH, secret: SECRET };
    await expect(openObjectStore({ ...where, s3Url: 'http://127.0.0.1:9000' })).rejects.toThrow(/S3_BUCKET/);
    await expect(openObjectStore({ ...where, bucket: 'docs', accessKeyId: 'k' })).rejects.toThrow(/go together/);
    await expect(openObjectStore({ ...where, bucket: 'docs', kmsKeyId: 'key' })).rejects.toThrow(/aws:kms/);
    await expect(openObjectStore({ ...where, service: '../x' })).rejects.toThrow(ConfigError);
    await expect(openObjectStore({ ...where, secret: 'short' })).rejects.toThrow(/32 characters/);
  });
});

// ---------------------------------------------------------------------------------------------------
// What the S3 store sends (no server: the request is caught once signed, the one mock of this file)

describe('S3 store requests', () => {
  const sentinel = new Error('request captured');

  async function capturing(encryption: ConstructorParameters<typeof S3ObjectStore>[0]['encryption']) {
    const client = await createS3Client({ endpoint: 'http://127.0.0.1:9', region: 'us-east-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
    const sent: Array<{ method: string; path: string; headers: Record<string, string> }> = [];
    client.middlewareStack.add(
      () => async (args) => {
        const request = args.request as { method: string; path: string; headers: Record<string, string> };
        sent.push({ method: request.method, path: request.path, headers: request.headers });
        throw sentinel;
      },
      { step: 'finalizeRequest', priority: 'low', name: 'captureRequest' },
    );
    return { store: new S3ObjectStore({ client, bucket: 'docs', keyPrefix: 'payments/', encryption }), sent, client };
  }

  it('puts every object with server-side encryption, its SHA-256 and no ACL, under the service prefix', async () => {
    const { store, sent, client } = await capturing({ algorithm: 'AES256' });
    await expect(store.put('contracts/c-1.pdf', PDF, { contentType: 'application/pdf', filename: 'Contrato crediário.pdf', metadata: { 'payment-id': 'pay_1' } })).rejects.toBe(sentinel);
    const [request] = sent;
    expect(request).toMatchObject({ method: 'PUT', path: '/docs/payments/contracts/c-1.pdf' });
    expect(request!.headers).toMatchObject({
      'x-amz-server-side-encryption': 'AES256',
      'x-amz-checksum-sha256': Buffer.from(sha256(PDF), 'hex').toString('base64'),
      'x-amz-meta-sha256': sha256(PDF),
      'x-amz-meta-payment-id': 'pay_1',
      'x-amz-meta-filename': 'Contrato%20credi%C3%A1rio.pdf',
      'content-type': 'application/pdf',
      'content-disposition': contentDisposition('Contrato crediário.pdf'),
    });
    expect(request!.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 /);
    expect(Object.keys(request!.headers).filter((name) => name.startsWith('x-amz-acl') || name.startsWith('x-amz-grant'))).toEqual([]);
    client.destroy();
  });

  it('names the KMS key when encryption is aws:kms', async () => {
    const { store, sent, client } = await capturing({ algorithm: 'aws:kms', kmsKeyId: 'arn:aws:kms:sa-east-1:111122223333:key/docs' });
    await expect(store.put('a.pdf', PDF, { contentType: 'application/pdf' })).rejects.toBe(sentinel);
    expect(sent[0]!.headers).toMatchObject({ 'x-amz-server-side-encryption': 'aws:kms', 'x-amz-server-side-encryption-aws-kms-key-id': 'arn:aws:kms:sa-east-1:111122223333:key/docs' });
    client.destroy();
  });

  it('presigns a GET that expires and carries the download name', async () => {
    const client = await createS3Client({ endpoint: 'http://127.0.0.1:9000', region: 'us-east-1', accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'secret' });
    const store = new S3ObjectStore({ client, bucket: 'docs', keyPrefix: 'payments/', encryption: { algorithm: 'AES256' } });
    const link = await store.downloadUrl('receipts/r-1.pdf', { filename: 'Comprovante.pdf', ttlSeconds: 120 });
    const url = new URL(link.url);
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:9000/docs/payments/receipts/r-1.pdf');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('120');
    expect(url.searchParams.get('response-content-disposition')).toBe(contentDisposition('Comprovante.pdf'));
    expect(url.searchParams.get('X-Amz-Signature')).toMatch(/^[0-9a-f]{64}$/);
    expect(Math.abs(link.expiresAt.getTime() - (Date.now() + 120_000))).toBeLessThan(2000);
    await expect(store.downloadUrl('../x')).rejects.toThrow(InvalidObjectKeyError);
    await store.close();
  });
});
