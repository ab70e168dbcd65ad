import { describe, expect, it } from '@jest/globals';
import { HeaderMap } from '@apollo/server';
import type { Claims } from '@medpay/runtime';
import { createHash } from 'node:crypto';
import { loadRouterConfig, trustedDocumentsMode } from './config.js';
import { TrustedDocuments } from './trusted-documents.js';

const text = 'query Mine { me { id } }';
const hash = createHash('sha256').update(text).digest('hex');
const manifest = { [`sha256:${hash}`]: text };
const byId = { persistedQuery: { version: 1, sha256Hash: hash } };

const claims = (kind: Claims['kind'], roles: Claims['roles'] = []): Claims => ({ sub: 'x', kind, roles, scopes: [], exp: 0 }) as Claims;
const patient = claims('user', ['PATIENT']);
const admin = claims('user', ['PLATFORM_ADMIN']);
const partner = claims('partner');
const codeOf = (run: () => unknown) => {
  try {
    run();
    return null;
  } catch (error) {
    return (error as { extensions?: { code?: string } }).extensions?.code;
  }
};

describe('trusted documents', () => {
  const enforce = new TrustedDocuments(manifest, 'enforce');

  it('runs the manifest text for a known id and takes the id out of the extensions', () => {
    expect(enforce.resolve({ extensions: { ...byId, other: 1 }, variables: { a: 1 } }, patient)).toEqual({ query: text, extensions: { other: 1 }, variables: { a: 1 } });
    expect(enforce.resolve({ query: '', extensions: byId }, null).query).toBe(text);
  });

  it('enforce: documents of their own only from partner keys and platform admins', () => {
    expect(codeOf(() => enforce.resolve({ query: '{ me { id } }' }, patient))).toBe('PERSISTED_QUERY_REQUIRED');
    expect(codeOf(() => enforce.resolve({ query: '{ me { id } }' }, null))).toBe('PERSISTED_QUERY_REQUIRED');
    expect(codeOf(() => enforce.resolve({ query: '{ me { id } }' }, admin))).toBeNull();
    expect(codeOf(() => enforce.resolve({ query: '{ me { id } }' }, partner))).toBeNull();
    expect(codeOf(() => new TrustedDocuments(manifest, 'allow').resolve({ query: '{ me { id } }' }, null))).toBeNull();
  });

  it('refuses unknown or malformed ids, and an id sent with another text', () => {
    expect(codeOf(() => enforce.resolve({ extensions: { persistedQuery: { sha256Hash: 'f'.repeat(64) } } }, admin))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(codeOf(() => enforce.resolve({ extensions: { persistedQuery: `sha256:${hash}` } }, admin))).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect(codeOf(() => enforce.resolve({ query: '{ __typename }', extensions: byId }, admin))).toBe('BAD_REQUEST');
  });

  it('resolves ids in GET parameters too', () => {
    const search = new URLSearchParams({ extensions: JSON.stringify(byId), variables: '{}' }).toString();
    const resolved = enforce.resolveHttp({ method: 'GET', headers: new HeaderMap(), search, body: undefined }, patient);
    const params = new URLSearchParams(resolved.search);
    expect(params.get('query')).toBe(text);
    expect(JSON.parse(params.get('extensions')!)).toEqual({});
    expect(codeOf(() => enforce.resolveHttp({ method: 'GET', headers: new HeaderMap(), search: 'query=%7Bme%7Bid%7D%7D', body: undefined }, patient))).toBe('PERSISTED_QUERY_REQUIRED');
  });

  it('is enforced in production unless configured otherwise', () => {
    expect(trustedDocumentsMode(loadRouterConfig({ NODE_ENV: 'production' }))).toBe('enforce');
    expect(trustedDocumentsMode(loadRouterConfig({ NODE_ENV: 'production', TRUSTED_DOCUMENTS: 'allow' }))).toBe('allow');
    expect(trustedDocumentsMode(loadRouterConfig({ NODE_ENV: 'development' }))).toBe('allow');
  });
});
