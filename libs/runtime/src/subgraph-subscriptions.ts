// graphql-ws on a subgraph's /graphql: the router subscribes here with the caller's signed claims
// in connectionParams. The same claims check, directive enforcement and error mapper as for HTTP
// requests; each event is resolved with a fresh context, so its DataLoaders never serve stale rows.
import { createSourceEventStream, execute, GraphQLError, parse, validate, type DocumentNode, type ExecutionArgs, type GraphQLSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Server } from 'node:http';
import { WebSocketServer } from 'ws';
import type { OperationAuthorizer } from './authorization.js';
import { CLAIMS_HEADER, verifyRouterClaims, type Claims } from './claims.js';
import { createErrorFormatter } from './errors.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { mapAsyncIterator } from './push-iterator.js';
import type { RequestContext } from './server.js';

/** ws pings to every client; a client that does not answer within the same time is dropped. */
export const SUBSCRIPTION_KEEPALIVE_MS = 15_000;

export interface SubgraphSubscriptionOptions<Context extends RequestContext> {
  server: Server;
  schema: GraphQLSchema;
  authorizer: OperationAuthorizer;
  internalSecret: string;
  logger: Logger;
  metrics: Metrics;
  createContext: (request: RequestContext) => Context;
}

type ConnectionState = {
  claims?: Claims | null;
};

/** The client's own mistakes carry the codes Apollo Server gives them (so the error mapper shows them). */
const withCode = (errors: readonly GraphQLError[], code: string) =>
  errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, source: error.source, positions: error.positions, extensions: { ...error.extensions, code } }));

/** Runs a subscription like graphql-js does, but with a new context per event. */
async function subscribeWithFreshContexts(args: ExecutionArgs, freshContext: () => unknown, metrics: Metrics) {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  metrics.increment('subscriptions_started_total');
  metrics.increment('subscriptions_active');
  return mapAsyncIterator(
    stream[Symbol.asyncIterator](),
    (event) => execute({ ...args, rootValue: event, contextValue: freshContext() }),
    () => metrics.increment('subscriptions_active', -1),
  );
}

export function serveSubscriptions<Context extends RequestContext>(options: SubgraphSubscriptionOptions<Context>) {
  const { schema, authorizer, logger, metrics } = options;
  const formatError = createErrorFormatter(logger);
  const webSockets = new WebSocketServer({ server: options.server, path: '/graphql' });
  const contexts = new WeakMap<object, () => Context>();

  const disposable = useServer<Record<string, unknown>, ConnectionState>(
    {
      onConnect: (connection) => {
        const header = connection.connectionParams?.[CLAIMS_HEADER];
        try {
          connection.extra.claims = verifyRouterClaims(typeof header === 'string' ? header : undefined, options.internalSecret);
          return true;
        } catch {
          // 4401 is final for graphql-ws clients: forged or stale claims are not retried.
          connection.extra.socket.close(4401, 'Credenciais internas inválidas.');
          return false;
        }
      },
      onSubscribe: (connection, _id, payload): ExecutionArgs | GraphQLError[] => {
        let document: DocumentNode;
        try {
          document = parse(payload.query);
        } catch (error) {
          return withCode([error instanceof GraphQLError ? error : new GraphQLError('Operação inválida.')], 'GRAPHQL_PARSE_FAILED');
        }
        const invalid = validate(schema, document);
        if (invalid.length) return withCode(invalid, 'GRAPHQL_VALIDATION_FAILED');
        const claims = connection.extra.claims ?? null;
        const denied = authorizer.authorize(document, claims);
        if (denied) return [denied];
        const freshContext = () => options.createContext({ claims, clientIp: '', logger });
        const contextValue = freshContext();
        contexts.set(contextValue, freshContext);
        return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
      },
      subscribe: (args) => {
        const freshContext = typeof args.contextValue === 'object' && args.contextValue ? contexts.get(args.contextValue) : undefined;
        return subscribeWithFreshContexts(args, freshContext ?? (() => args.contextValue), metrics);
      },
      onNext: (_connection, _id, _payload, _args, result) => ({
        ...result,
        ...(result.errors ? { errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : {}),
      }),
      onError: (_connection, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
    },
    webSockets,
    SUBSCRIPTION_KEEPALIVE_MS,
  );

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
      await Promise.race([disposable.dispose(), new Promise((resolve) => setTimeout(resolve, 1000))]);
      for (const client of clients) client.terminate();
    })();
    return closing;
  };
}
