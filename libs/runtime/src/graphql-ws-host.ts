// What the router's and every subgraph's graphql-ws endpoints share: the socket server on /graphql
// with keep-alive pings, the graceful close, parsing a subscribe message, and the codes of a client's
// own mistakes. The two servers differ in everything else (auth, planning), so each keeps its own.
import { GraphQLError, parse, type DocumentNode, type ParseOptions } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { useServer, type Extra } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';

/** ws pings to every client; a client that does not answer within the same time is dropped. */
export const SUBSCRIPTION_KEEPALIVE_MS = 15_000;

/** The client's own mistakes carry the codes Apollo Server gives them (so the error mappers show them); a code already set stays. */
export const withCode = (errors: readonly GraphQLError[], code: string) =>
  errors.map(
    (error) =>
      new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code: error.extensions.code ?? code } }),
  );

/** The subscribe message's document, or the GRAPHQL_PARSE_FAILED errors to answer with. */
export function parseOperation(query: string, options?: ParseOptions): DocumentNode | GraphQLError[] {
  try {
    return parse(query, options);
  } catch (error) {
    return withCode([error instanceof GraphQLError ? error : new GraphQLError('Operação inválida.')], 'GRAPHQL_PARSE_FAILED');
  }
}

/** graphql-ws on the HTTP server's /graphql, with the shared keep-alive and graceful close. */
export function hostGraphqlWs<State extends Record<PropertyKey, unknown>>(
  server: Server,
  handlers: ServerOptions<Record<string, unknown>, Extra & Partial<State>>,
  options: { maxPayloadBytes?: number } = {},
): { close: () => Promise<void> } {
  // ws takes an explicit `maxPayload: undefined` over its default: pass it only when set.
  const webSockets = new WebSocketServer({ server, path: '/graphql', ...(options.maxPayloadBytes ? { maxPayload: options.maxPayloadBytes } : {}) });
  const disposable = useServer<Record<string, unknown>, State>(handlers, webSockets, SUBSCRIPTION_KEEPALIVE_MS);
  return { close: closeOnce(disposable, webSockets) };
}

/**
 * Stops a graphql-ws server once, however often asked: clients are told it is going away (1001, so
 * graphql-ws clients reconnect elsewhere or later), and sockets still open after a second are cut.
 */
export function closeOnce(disposable: { dispose(): void | Promise<void> }, webSockets: { clients: Set<{ terminate(): void }> }): () => Promise<void> {
  let closing: Promise<void> | undefined;
  return () => {
    closing ??= (async () => {
      const clients = [...webSockets.clients];
      // unref: a process ending does not wait out the second
      await Promise.race([disposable.dispose(), new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
      for (const client of clients) client.terminate();
    })();
    return closing;
  };
}
