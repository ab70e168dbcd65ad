// The apps send an operation's id, never its text: codegen embeds each document's sha256 in it
// (`__meta__.hash`) and lists the texts in graphql/persisted-documents.json, which the router runs in
// their place (router/src/trusted-documents.ts). The id travels as Apollo's
// `extensions.persistedQuery.sha256Hash`, over HTTP and graphql-ws alike.
import { ApolloLink } from '@apollo/client';
import type { DocumentNode, FormattedExecutionResult } from 'graphql';
import type { Client, Sink, SubscribePayload } from 'graphql-ws';

export interface PersistedQuery {
  version: 1;
  sha256Hash: string;
}

/** The id codegen gave a document (`sha256:<hex>`), in Apollo's shape; null for a document codegen never saw. */
export function persistedQueryOf(document: DocumentNode): PersistedQuery | null {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === 'string' && hash.startsWith('sha256:') ? { version: 1, sha256Hash: hash.slice('sha256:'.length) } : null;
}

/**
 * Puts the operation's id in its extensions and keeps its text out of the HTTP body. Apollo Client's
 * own document transforms (adding __typename) keep `__meta__`, and the manifest's texts already carry
 * every __typename the cache adds.
 */
export const trustedDocumentsLink = new ApolloLink((operation, forward) => {
  const persistedQuery = persistedQueryOf(operation.query);
  if (persistedQuery) {
    operation.extensions.persistedQuery = persistedQuery;
    operation.setContext(({ http }: { http?: Record<string, unknown> }) => ({ http: { ...http, includeQuery: false, includeExtensions: true } }));
  }
  return forward(operation);
});

/** A graphql-ws client that leaves the text out of subscribe messages that carry an id (graphql-ws wants a string: empty). */
export function sendingIdsOnly(client: Client): Client {
  return {
    ...client,
    subscribe: <Data, Extensions>(payload: SubscribePayload, sink: Sink<FormattedExecutionResult<Data, Extensions>>) =>
      client.subscribe<Data, Extensions>(payload.extensions?.persistedQuery ? { ...payload, query: '' } : payload, sink),
  };
}
