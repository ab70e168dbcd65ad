// graphql-sse on the router's /graphql, for clients that cannot keep a WebSocket open (proxies that
// drop upgrades, server-side consumers) and for the sandbox: a POST (or, as GraphiQL sends
// subscriptions, a GET) with `Accept: text/event-stream` is answered as an event stream, one request
// per operation — the protocol's distinct connections mode. (Its single connection mode keeps each
// client's reservation in one process's memory, which several router replicas behind a load
// balancer would not share; it is turned off.)
//
// The request's operation is read here, not by the library: an app sends only its operation's id
// (no `query`), and a malformed request is refused with a code and a pt-BR message.
//
// Credentials are the request's own headers, as for any HTTP operation. The operation is admitted
// exactly as over graphql-ws (createAdmission: trusted documents, the operation policy, the usage
// log) and runs on the same shared subscriptions; the stream ends when the token expires or the
// session or API key is revoked, with a last event saying why.
import { AppError, clientIpOf, sendGraphQLError, type Claims, type Metrics } from '@medpay/runtime';
import type { ExecutionResult, GraphQLError, GraphQLFormattedError } from 'graphql';
import { createHandler, type ExecutionResult as SseResult } from 'graphql-sse';
import type { SubscribePayload } from 'graphql-ws';
import type { BlockList } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CallerAuthenticator } from './caller.js';
import { watchCredentials } from './live-credentials.js';
import type { Revocations } from './revocations.js';
import { runPrepared, type createAdmission, type createResultFormatter } from './subscription-server.js';
import type { SubscriptionPlanner } from './subscription-plans.js';
import { clientIdentityOf, type ClientIdentity } from './usage-log.js';

export interface EventStreamOptions {
  admit: ReturnType<typeof createAdmission>;
  format: ReturnType<typeof createResultFormatter>;
  planner: SubscriptionPlanner;
  authenticator: CallerAuthenticator;
  revocations: Revocations;
  trustedProxies: BlockList;
  metrics: Metrics;
}

interface StreamRequest {
  claims: Claims | null;
  clientIp: string;
  client: ClientIdentity;
  method: string;
}

const badRequest = (message: string) => new AppError('BAD_REQUEST', message, { http: { status: 400 } });
const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The operation a request carries (its JSON body, or its URL for a GET), or why it cannot be read. */
function operationOf(req: IncomingMessage, body: Buffer): SubscribePayload | AppError {
  let fields: Record<string, unknown>;
  try {
    if (req.method === 'GET') {
      const search = new URLSearchParams((req.url ?? '').split('?')[1] ?? '');
      const json = (name: string) => (search.has(name) ? (JSON.parse(search.get(name)!) as unknown) : undefined);
      fields = { query: search.get('query') ?? undefined, operationName: search.get('operationName') ?? undefined, variables: json('variables'), extensions: json('extensions') };
    } else {
      const parsed = JSON.parse(body.toString('utf8')) as unknown;
      if (!isObject(parsed)) return badRequest('Envie uma operação por requisição, como um objeto JSON.');
      fields = parsed;
    }
  } catch {
    return badRequest('A requisição não é JSON válido: o corpo, ou `variables` e `extensions` na URL.');
  }
  const { query, operationName, variables, extensions } = fields;
  if (query !== undefined && typeof query !== 'string') return badRequest('`query` deve ser um texto.');
  if (operationName !== undefined && operationName !== null && typeof operationName !== 'string') return badRequest('`operationName` deve ser um texto.');
  if (variables !== undefined && variables !== null && !isObject(variables)) return badRequest('`variables` deve ser um objeto JSON.');
  if (extensions !== undefined && extensions !== null && !isObject(extensions)) return badRequest('`extensions` deve ser um objeto JSON.');
  // The apps send their operation's id in `extensions` with no text: admission resolves it.
  return { query: query ?? '', operationName, variables, extensions };
}

/** Whether a request asks for an event stream (graphql-sse clients, GraphiQL's subscriptions). */
export const wantsEventStream = (req: IncomingMessage) => (req.method === 'POST' || req.method === 'GET') && req.headers.accept?.includes('text/event-stream') === true;

/** The status a refused operation is answered with: the error's own, else 400. */
function statusOf(errors: readonly GraphQLError[]): number {
  const status = (errors[0]?.extensions.http as { status?: number } | undefined)?.status;
  return status ?? (errors[0]?.extensions.code === 'INTERNAL_SERVER_ERROR' ? 500 : 400);
}

/** A refusal before any stream, as JSON (as every HTTP refusal of the router). */
const refusal = (errors: GraphQLFormattedError[], status: number): [string, { status: number; statusText: string; headers: Record<string, string> }] => [
  JSON.stringify({ errors }),
  { status, statusText: '', headers: { 'content-type': 'application/json; charset=utf-8' } },
];

/** The event that ends a stream whose credentials lapsed, in the protocol's `next` shape. */
const lapsed = (reason: string) => `event: next\ndata: ${JSON.stringify({ errors: [{ message: reason, extensions: { code: 'UNAUTHENTICATED' } }] })}\n\nevent: complete\ndata: \n\n`;

export function createEventStreams({ admit, format, planner, authenticator, revocations, trustedProxies, metrics }: EventStreamOptions) {
  const handler = createHandler<IncomingMessage, StreamRequest, never>({
    authenticate: () => null,
    // Admission has validated it already (subscriptions here, queries and mutations in Apollo Server).
    validate: () => [],
    onSubscribe: (req, params) => {
      const { claims, clientIp, client, method } = req.context;
      const admission = admit({ ...params, query: params.query ?? '' }, claims, clientIp, client);
      if ('refused' in admission) return refusal(admission.answer, statusOf(admission.refused));
      const { payload, prepared } = admission;
      if (method === 'GET' && prepared.operation.operation === 'mutation') {
        return refusal([{ message: 'Mutações só podem ser enviadas por POST.', extensions: { code: 'METHOD_NOT_ALLOWED' } }], 405);
      }
      return { schema: planner.apiSchema, document: prepared.document, operationName: payload.operationName, variableValues: payload.variables, contextValue: prepared as never };
    },
    execute: runPrepared,
    subscribe: runPrepared,
    // Results are never incremental here (no @defer), and their formatted shape is what is sent.
    onNext: (_context, _req, result) => format(result as ExecutionResult) as SseResult,
  });

  /** Answers one event-stream request; `claims` are the request's, already authenticated. */
  return async (req: IncomingMessage, res: ServerResponse, body: Buffer, claims: Claims | null): Promise<void> => {
    const operation = operationOf(req, body);
    if (operation instanceof AppError) return sendGraphQLError(res, operation);
    // The library is handed the operation already read, as a JSON post asking for a stream.
    const [stream, init] = await handler({
      method: 'POST',
      url: '/graphql',
      headers: { get: (name) => ({ accept: 'text/event-stream', 'content-type': 'application/json' })[name] },
      body: { ...operation },
      raw: req,
      context: { claims, clientIp: clientIpOf(req, trustedProxies), client: clientIdentityOf(req.headers), method: req.method ?? 'POST' },
    });
    res.writeHead(init.status, init.headers);
    if (!stream || typeof stream === 'string') return void res.end(stream);
    metrics.increment('sse_streams_active');
    let ended = false;
    const end = () => {
      ended = true;
      void stream.return();
    };
    const unwatch = watchCredentials({
      claims,
      credentials: req.headers,
      authenticator,
      revocations,
      end: (reason) => {
        if (!ended) res.write(lapsed(reason));
        end();
      },
    });
    res.once('close', end);
    try {
      for await (const chunk of stream) {
        if (ended || !res.writable) break;
        res.write(chunk);
      }
    } finally {
      unwatch();
      res.off('close', end);
      metrics.increment('sse_streams_active', -1);
      res.end();
    }
  };
}
