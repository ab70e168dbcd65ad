// graphql-ws on a subgraph's /graphql: the router subscribes here with the caller's signed claims
// in connectionParams. The same claims check, directive enforcement and error mapper as for HTTP
// requests; each event is resolved with a fresh context, so its DataLoaders never serve stale rows.
//
// Each event's result carries the source event's bus position, when it has one, in
// `extensions.position`, and its id in `extensions.eventId` (an event relayed twice — at least once is
// the outbox's promise — keeps its id under a new position); a subscribe message with `extensions.after` (the router taking a
// subscription up again after a reconnect) hands that position to the context as `resumeAfter`, so
// the field's source replays what the router missed (payments' PaymentEventFeed.watch).
//
// A subscribe message with `extensions.checkOnly` asks only whether the caller may subscribe: the
// directives and the field's own subscribe check run, then it completes without an event (or answers
// with the refusal). The router asks it before it lets a caller join a broadcast subscription another
// caller opened (router/src/shared-subscriptions.ts).
import { createSourceEventStream, execute, validate, type ExecutionArgs, type GraphQLError, type GraphQLSchema } from 'graphql';
import type { Server } from 'node:http';
import type { OperationAuthorizer } from './authorization.js';
import { CLAIMS_HEADER, verifyRouterClaims, type Claims } from './claims.js';
import { createErrorFormatter } from './errors.js';
import { hostGraphqlWs, parseOperation, withCode } from './graphql-ws-host.js';
import type { Logger } from './logger.js';
import type { Metrics } from './metrics.js';
import { mapAsyncIterator } from './push-iterator.js';
import type { RequestContext } from './server.js';

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

/** What onSubscribe prepared for subscribe, by the context value it made. */
interface Prepared {
  freshContext: () => unknown;
  checkOnly: boolean;
}

const nothing: AsyncIterableIterator<never> = {
  next: async () => ({ done: true, value: undefined }),
  return: async () => ({ done: true, value: undefined }),
  [Symbol.asyncIterator]() {
    return this;
  },
};

/** A source event's place on the event bus (`position`) and its id, if it has them. */
function busPlaceOf(event: unknown): { position: string; eventId?: string } | undefined {
  if (!event || typeof event !== 'object' || !('position' in event) || typeof event.position !== 'string' || !event.position) return undefined;
  return 'id' in event && typeof event.id === 'string' ? { position: event.position, eventId: event.id } : { position: event.position };
}

/** Runs a subscription like graphql-js does, but with a new context per event. */
async function subscribeWithFreshContexts(args: ExecutionArgs, { freshContext, checkOnly }: Prepared, metrics: Metrics) {
  const stream = await createSourceEventStream(args);
  if (!(Symbol.asyncIterator in stream)) return stream;
  if (checkOnly) {
    metrics.increment('subscriptions_checked_total');
    await stream[Symbol.asyncIterator]().return?.();
    return nothing;
  }
  metrics.increment('subscriptions_started_total');
  metrics.increment('subscriptions_active');
  return mapAsyncIterator(
    stream[Symbol.asyncIterator](),
    async (event) => {
      const result = await execute({ ...args, rootValue: event, contextValue: freshContext() });
      const place = busPlaceOf(event);
      return place ? { ...result, extensions: { ...result.extensions, ...place } } : result;
    },
    () => metrics.increment('subscriptions_active', -1),
  );
}

export function serveSubgraphSubscriptions<Context extends RequestContext>(options: SubgraphSubscriptionOptions<Context>) {
  const { schema, authorizer, logger, metrics } = options;
  const formatError = createErrorFormatter(logger);
  const prepared = new WeakMap<object, Prepared>();

  return hostGraphqlWs<ConnectionState>(options.server, {
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
      const document = parseOperation(payload.query);
      if (Array.isArray(document)) return document;
      const invalid = validate(schema, document);
      if (invalid.length) return withCode(invalid, 'GRAPHQL_VALIDATION_FAILED');
      const claims = connection.extra.claims ?? null;
      const denied = authorizer.authorize(document, claims);
      if (denied) return [denied];
      const after = payload.extensions?.after;
      const resumeAfter = typeof after === 'string' && after ? after : undefined;
      const freshContext = () => options.createContext({ claims, clientIp: '', logger, ...(resumeAfter ? { resumeAfter } : {}) });
      const contextValue = freshContext();
      prepared.set(contextValue, { freshContext, checkOnly: payload.extensions?.checkOnly === true });
      return { schema, document, operationName: payload.operationName, variableValues: payload.variables, contextValue };
    },
    subscribe: (args) => {
      const found = typeof args.contextValue === 'object' && args.contextValue ? prepared.get(args.contextValue) : undefined;
      return subscribeWithFreshContexts(args, found ?? { freshContext: () => args.contextValue, checkOnly: false }, metrics);
    },
    onNext: (_connection, _id, _payload, _args, result) => ({
      ...result,
      ...(result.errors ? { errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : {}),
    }),
    onError: (_connection, _id, _payload, errors) => errors.map((error) => formatError(error.toJSON(), error)),
  });
}
