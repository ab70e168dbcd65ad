// The router's graphql-ws endpoint on /graphql (the standard protocol: graphql-ws's createClient and
// Apollo's GraphQLWsLink work unchanged). A connection is authenticated once, from connectionParams,
// and ends when its token expires or its session is revoked. Each subscription is validated, checked
// against the auth directives exactly as HTTP operations are, planned, and run through the shared
// subscriptions; queries and mutations sent over the socket go through Apollo Server as over HTTP.
import type { ApolloServer } from '@apollo/server';
import { clientIpOf, hostGraphqlWs, parseOperation, withCode, type Claims, type Logger, type Metrics } from '@medpay/runtime';
import {
  getOperationAST,
  getVariableValues,
  GraphQLError,
  validate,
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLFormattedError,
  type OperationDefinitionNode,
} from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import type { BlockList } from 'node:net';
import type { IncomingHttpHeaders, Server } from 'node:http';
import { watchCredentials } from './live-credentials.js';
import { API_KEY_HEADER, type CallerAuthenticator } from './caller.js';
import { createRouterErrorFormatter } from './client-errors.js';
import type { RouterContext } from './gateway.js';
import { MAX_TOKENS, type OperationPolicy } from './operation-policy.js';
import type { Revocations } from './revocations.js';
import type { SharedSubscriptions } from './shared-subscriptions.js';
import type { SubscriptionPlanner } from './subscription-plans.js';
import type { TrustedDocuments } from './trusted-documents.js';
import { clientIdentityOfConnection, UNKNOWN_CLIENT, type ClientIdentity, type UsageLog } from './usage-log.js';

export interface SubscriptionServerOptions {
  server: Server;
  apollo: ApolloServer<RouterContext>;
  authenticator: CallerAuthenticator;
  /** the same checks as for HTTP (router/src/operation-policy.ts) */
  policy: OperationPolicy;
  planner: SubscriptionPlanner;
  subscriptions: SharedSubscriptions;
  /** ends connections whose session or API key is revoked */
  revocations: Revocations;
  /** resolves the apps' operation ids, and refuses other documents where they are not accepted */
  trusted: TrustedDocuments;
  maxSubscriptionsPerConnection: number;
  maxPayloadBytes: number;
  /** see clientIpOf */
  trustedProxies: BlockList;
  logger: Logger;
  metrics: Metrics;
  /** records each subscription as it starts, and each subscribe message refused (absent: USAGE_LOG=off) */
  usage?: UsageLog;
}

type ConnectionState = {
  claims?: Claims | null;
  client?: ClientIdentity;
  unwatch?: () => void;
};

/** What the socket runs for one subscribe message, prepared (and authorized) in onSubscribe. */
export class PreparedOperation {
  constructor(
    readonly document: DocumentNode,
    readonly operation: OperationDefinitionNode,
    readonly run: () => Promise<ExecutionResult> | AsyncIterableIterator<ExecutionResult>,
  ) {}
}

/** A subscribe message refused before anything ran: the errors to answer with, and how far it got (for the usage log). */
export class RefusedOperation {
  constructor(
    readonly errors: GraphQLError[],
    /** the name of the operation it asked for, once the document parsed */
    readonly operationName?: string,
    /** the document and its operation, when they had passed validation */
    readonly validated?: { document: DocumentNode; operation: OperationDefinitionNode },
  ) {}
}

const clientError = (message: string, code: string) => new GraphQLError(message, { extensions: { code } });

/** Credentials from connectionParams: `authorization` or `x-api-key`, at the top or under `headers`, any case. */
export function credentialsOf(params: Readonly<Record<string, unknown>> | undefined): IncomingHttpHeaders {
  const found: IncomingHttpHeaders = {};
  const read = (source: unknown) => {
    if (!source || typeof source !== 'object') return;
    for (const [name, value] of Object.entries(source)) {
      if (typeof value !== 'string') continue;
      const lower = name.toLowerCase();
      if (lower === 'authorization' || lower === 'authtoken') found.authorization = /^bearer /i.test(value) ? value : `Bearer ${value}`;
      if (lower === API_KEY_HEADER) found[API_KEY_HEADER] = value;
    }
  };
  read(params?.headers);
  read(params);
  return found;
}

/**
 * Turns one subscribe message into an operation to run, or a refusal to answer with. Nothing
 * reaches a subgraph before this has passed (the start-up self-test proves it for subscriptions).
 */
export function createPreparer(options: Pick<SubscriptionServerOptions, 'apollo' | 'policy' | 'planner' | 'subscriptions' | 'logger'>) {
  const { apollo, policy, planner, subscriptions, logger } = options;
  return (payload: SubscribePayload, claims: Claims | null, clientIp: string, client?: ClientIdentity): PreparedOperation | RefusedOperation => {
    const document = parseOperation(payload.query, { maxTokens: MAX_TOKENS });
    if (Array.isArray(document)) return new RefusedOperation(document);
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return new RefusedOperation([clientError('Informe qual operação do documento executar (operationName).', 'BAD_REQUEST')]);
    if (operation.operation !== 'subscription') {
      // Apollo Server validates, authorizes and limits it exactly as an HTTP request.
      return new PreparedOperation(document, operation, async () => {
        const contextValue: RouterContext = { claims, clientIp, client, subgraphCalls: 0 };
        const response = await apollo.executeOperation(
          { query: payload.query, operationName: payload.operationName ?? undefined, variables: payload.variables ?? undefined, extensions: payload.extensions ?? undefined },
          { contextValue },
        );
        if (response.body.kind !== 'single') return preformatted({ errors: [{ message: '@defer e @stream não são suportados.', extensions: { code: 'BAD_REQUEST' } }] });
        return preformatted(response.body.singleResult);
      });
    }
    const invalid = validate(planner.apiSchema, document);
    if (invalid.length) return new RefusedOperation(withCode(invalid, 'GRAPHQL_VALIDATION_FAILED'), operation.name?.value);
    const refused = (errors: GraphQLError[]) => new RefusedOperation(errors, operation.name?.value, { document, operation });
    try {
      policy(document, operation, payload.variables ?? undefined, claims);
    } catch (refusal) {
      if (refusal instanceof GraphQLError) return refused([refusal]);
      throw refusal;
    }
    const { errors: badVariables } = getVariableValues(planner.apiSchema, operation.variableDefinitions ?? [], payload.variables ?? {});
    if (badVariables?.length) return refused(withCode(badVariables, 'BAD_USER_INPUT'));
    let plan;
    try {
      plan = planner.plan(document, payload.query, payload.operationName ?? null);
    } catch (error) {
      logger.error({ err: error }, 'subscription could not be planned');
      return refused([clientError('Não foi possível planejar esta assinatura.', 'INTERNAL_SERVER_ERROR')]);
    }
    const variables = payload.variables ?? {};
    return new PreparedOperation(document, operation, () => subscriptions.open({ plan, variables, claims }));
  };
}

/** Results already in their final shape (Apollo's answers), handed to graphql-ws untouched. */
const formattedResults = new WeakMap<ExecutionResult, FormattedExecutionResult>();
function preformatted(result: FormattedExecutionResult): ExecutionResult {
  const token: ExecutionResult = {};
  formattedResults.set(token, result);
  return token;
}

/** What an admitted request runs, or the refusal to answer with (formatted, as the client gets it). */
export type Admission = { payload: SubscribePayload; prepared: PreparedOperation } | { payload: SubscribePayload; refused: GraphQLError[]; answer: GraphQLFormattedError[] };

/**
 * One operation asked for over a live transport (a graphql-ws subscribe message, a graphql-sse
 * request): its trusted document resolved, prepared (and authorized), and recorded in the usage log.
 * `limit` is a refusal the transport has already decided on (too many subscriptions).
 */
export function createAdmission(options: Pick<SubscriptionServerOptions, 'apollo' | 'policy' | 'planner' | 'subscriptions' | 'logger' | 'trusted' | 'usage'>) {
  const { trusted, usage } = options;
  const prepare = createPreparer(options);
  const formatError = createRouterErrorFormatter(options.logger);
  return (message: SubscribePayload, claims: Claims | null, clientIp: string, client: ClientIdentity, limit?: GraphQLError): Admission => {
    const startedAt = Date.now();
    const started = performance.now();
    // The apps send their operations' ids with an empty query (graphql-ws wants a string there).
    let payload = message;
    let prepared: PreparedOperation | RefusedOperation;
    try {
      payload = trusted.resolve(message, claims);
      prepared = limit ? new RefusedOperation([limit]) : prepare(payload, claims, clientIp, client);
    } catch (refusal) {
      if (!(refusal instanceof GraphQLError)) throw refusal;
      prepared = new RefusedOperation([refusal]);
    }
    const seen = { startedAt, source: payload.query, client, claims };
    if (prepared instanceof RefusedOperation) {
      const answer = prepared.errors.map((error) => formatError(error.toJSON(), error));
      usage?.record({ ...seen, operationName: prepared.operationName ?? payload.operationName, validated: prepared.validated, durationMs: performance.now() - started, errors: answer });
      return { payload, refused: prepared.errors, answer };
    }
    // Queries and mutations are recorded by Apollo Server's usage plugin; a subscription here, as it starts.
    if (prepared.operation.operation === 'subscription') {
      usage?.record({ ...seen, operationName: prepared.operation.name?.value, validated: { document: prepared.document, operation: prepared.operation }, durationMs: performance.now() - started, errors: undefined });
    }
    return { payload, prepared };
  };
}

/** Each result in the shape the client gets, formatted (and its errors logged) once however many clients share it. */
export function createResultFormatter(logger: Logger) {
  const formatError = createRouterErrorFormatter(logger);
  return (result: ExecutionResult): FormattedExecutionResult => {
    let formatted = formattedResults.get(result);
    if (!formatted) {
      formatted = { ...result, ...(result.errors ? { errors: result.errors.map((error) => formatError(error.toJSON(), error)) } : {}) };
      formattedResults.set(result, formatted);
    }
    return formatted;
  };
}

/** What the transports run for an admitted operation (its contextValue). */
export const runPrepared = (args: ExecutionArgs) =>
  args.contextValue instanceof PreparedOperation ? args.contextValue.run() : { errors: [clientError('Operação não preparada.', 'BAD_REQUEST')] };

export function serveRouterSubscriptions(options: SubscriptionServerOptions) {
  const { authenticator, metrics, revocations } = options;
  const admit = createAdmission(options);
  const format = createResultFormatter(options.logger);
  const formatError = createRouterErrorFormatter(options.logger);
  /** Refusals of subscribe messages, formatted once at admission and sent as they are. */
  const formattedRefusals = new WeakMap<readonly GraphQLError[], GraphQLFormattedError[]>();

  return hostGraphqlWs<ConnectionState>(
    options.server,
    {
      onConnect: async (connection) => {
        const { socket } = connection.extra;
        const credentials = credentialsOf(connection.connectionParams);
        try {
          connection.extra.claims = await authenticator.authenticate(credentials);
        } catch (error) {
          const message = error instanceof GraphQLError ? error.message : 'Credenciais inválidas.';
          const code = error instanceof GraphQLError && error.extensions.code === 'INTERNAL_SERVER_ERROR' ? 1013 : 4401;
          // 4401 is final for graphql-ws clients (no retry with the same credentials); 1013 says "try again later".
          socket.close(code, message);
          return false;
        }
        connection.extra.client = clientIdentityOfConnection(connection.connectionParams, connection.extra.request.headers);
        const state = connection.extra;
        state.unwatch = watchCredentials({
          claims: state.claims ?? null,
          credentials,
          authenticator,
          revocations,
          renewed: (claims) => (state.claims = claims),
          end: (reason) => socket.close(4403, reason),
        });
        metrics.increment('ws_connections_active');
        return true;
      },
      onClose: (connection) => {
        connection.extra.unwatch?.();
        if (connection.acknowledged) metrics.increment('ws_connections_active', -1);
      },
      onSubscribe: (connection, _id, message): ExecutionArgs | GraphQLError[] => {
        // The subscription being opened is already counted.
        const max = options.maxSubscriptionsPerConnection;
        const limit = Object.keys(connection.subscriptions).length > max ? clientError(`Limite de ${max} assinaturas por conexão atingido.`, 'TOO_MANY_SUBSCRIPTIONS') : undefined;
        const clientIp = clientIpOf(connection.extra.request, options.trustedProxies);
        const admission = admit(message, connection.extra.claims ?? null, clientIp, connection.extra.client ?? UNKNOWN_CLIENT, limit);
        if ('refused' in admission) {
          formattedRefusals.set(admission.refused, admission.answer);
          return admission.refused;
        }
        const { payload, prepared } = admission;
        return { schema: options.planner.apiSchema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables, contextValue: prepared };
      },
      execute: runPrepared,
      subscribe: runPrepared,
      onNext: (_connection, _id, _payload, _args, result) => format(result),
      onError: (_connection, _id, _payload, errors) => formattedRefusals.get(errors) ?? errors.map((error) => formatError(error.toJSON(), error)),
    },
    { maxPayloadBytes: options.maxPayloadBytes },
  );
}
