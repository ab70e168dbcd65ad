import { afterEach, describe, expect, it, jest } from '@jest/globals';
import type { Client, SubscribePayload } from 'graphql-ws';
import { createApolloClient } from './apollo';
import manifest from './graphql/persisted-documents.json' with { type: 'json' };
import { MyNotifications } from './notifications';
import { persistedQueryOf, sendingIdsOnly } from './trusted-documents';

describe('trusted documents in the apps', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('sends a query by GET as its id only, an id the manifest knows', async () => {
    const sent: { url: URL; method: string }[] = [];
    // jsdom has no fetch: a stand-in that records the request and answers as the router would.
    const answer = JSON.stringify({ data: { myNotifications: { __typename: 'NotificationConnection', edges: [], pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null } } } });
    globalThis.fetch = jest.fn(async (url: unknown, init?: { method?: string }) => {
      sent.push({ url: new URL(String(url)), method: init?.method ?? 'GET' });
      return { ok: true, status: 200, headers: new Map([['content-type', 'application/json']]), text: async () => answer };
    }) as unknown as typeof fetch;
    const { client, dispose } = createApolloClient('http://127.0.0.1:4000/graphql', () => 'token', { name: 'test', version: '0' });
    await client.query({ query: MyNotifications, variables: { first: 20, unreadOnly: false } });
    dispose();
    expect(sent).toHaveLength(1);
    const [{ url, method }] = sent as [{ url: URL; method: string }];
    // the edge may cache what is public: the id and variables in the URL, no text
    expect(method).toBe('GET');
    expect(url.searchParams.get('query')).toBeNull();
    expect(JSON.parse(url.searchParams.get('variables')!)).toEqual({ first: 20, unreadOnly: false });
    const { sha256Hash } = (JSON.parse(url.searchParams.get('extensions')!) as { persistedQuery: { sha256Hash: string } }).persistedQuery;
    expect(sha256Hash).toBe(persistedQueryOf(MyNotifications)!.sha256Hash);
    expect(Object.keys(manifest)).toContain(`sha256:${sha256Hash}`);
  });

  it('leaves the text out of graphql-ws subscribe messages that carry an id', () => {
    const sent: SubscribePayload[] = [];
    const client = { subscribe: (payload: SubscribePayload) => (sent.push(payload), () => undefined) } as unknown as Client;
    const persistedQuery = persistedQueryOf(MyNotifications)!;
    sendingIdsOnly(client).subscribe({ query: 'query { x }', extensions: { persistedQuery } }, { next: () => undefined, error: () => undefined, complete: () => undefined });
    expect(sent).toEqual([{ query: '', extensions: { persistedQuery } }]);
  });
});
