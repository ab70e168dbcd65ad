// How the router calls a subgraph: a POST over undici's keep-alive pool (its plain request API:
// none of the WHATWG fetch, stream and Request/Headers machinery RemoteGraphQLDataSource builds for
// each call), with the caller's signed claims.
//
// Identical queries in flight at the same moment share one HTTP request — only reads (the incoming
// operation is a query), and only among callers who send the subgraph exactly the same thing: the
// same body, the same signed claims (so the same identity and token expiry) and the same client
// address. Each caller parses its own copy of the answer, since the executor mutates what it gets.
//
// And the fetches one query makes to this subgraph at once (a plan's parallel branches) go as one
// batched request, a JSON array the subgraph answers in order (Apollo Server's batching,
// allowed by the kit's subgraphs): fewer round trips per operation, and never across operations, so
// never across callers' claims.
//
// A subgraph given several replicas (replicas.ts) is called on each in turn. A request that could not
// connect was never sent, so it goes to another replica whatever it is; one that failed after it was
// sent is retried elsewhere only when it is a query — a mutation may have been applied.
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { anonymousClaims, traceCall, CLAIMS_HEADER, DEVICE_HEADER, MAX_BATCH_OPERATIONS, signClaims, type Claims, type Metrics } from '@medpay/runtime';
import { performance } from 'node:perf_hooks';
import { GraphQLError } from 'graphql';
import { STATUS_CODES } from 'node:http';
import type { Dispatcher } from 'undici';
import type { RouterContext } from './gateway.js';
import type { Replicas } from './replicas.js';

type SubgraphResponse = Awaited<ReturnType<GraphQLDataSource['process']>>;

interface RawAnswer {
  status: number;
  contentType: string;
  cacheControl: string | undefined;
  text: string;
}

/** The fetches of one operation to be sent together, and the headers they all carry. */
interface Batch {
  headers: Record<string, string>;
  items: { body: string; resolve: (answer: RawAnswer) => void; reject: (error: unknown) => void }[];
}

/** Anonymous claims are renewed this long before they expire. */
const ANONYMOUS_RENEWAL_SECONDS = 60;

/**
 * Signs claims for the subgraphs. Verified claims are one object per access token (the router keeps
 * them), so each is signed once, not once per subgraph call; anonymous callers share one set of
 * anonymous claims, renewed before it expires (subgraphs answer nothing unsigned).
 */
export function createClaimsSigner(secret: string): (claims: Claims | null) => string {
  const signed = new WeakMap<Claims, string>();
  let anonymous = anonymousClaims();
  return (caller) => {
    let claims = caller;
    if (!claims) {
      if (anonymous.exp - ANONYMOUS_RENEWAL_SECONDS <= Date.now() / 1000) anonymous = anonymousClaims();
      claims = anonymous;
    }
    let header = signed.get(claims);
    if (header === undefined) {
      header = signClaims(claims, secret);
      signed.set(claims, header);
    }
    return header;
  };
}

/** Errors of a connection that was never made: the request did not leave the router. */
const UNSENT = new Set(['ECONNREFUSED', 'UND_ERR_CONNECT_TIMEOUT', 'ENOTFOUND', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/** Errors of a connection lost after the request may have left. */
const CONNECTION_LOST = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'UND_ERR_CLOSED']);
const codeOf = (error: unknown) => (error && typeof error === 'object' && 'code' in error ? String(error.code) : '');

export class SubgraphSource implements GraphQLDataSource<RouterContext> {
  private readonly inFlight = new Map<string, Promise<RawAnswer>>();
  /** each replica's /graphql, as undici takes it */
  private readonly endpoints = new Map<string, { origin: string; path: string }>();
  /** per operation (its context), the fetches waiting to go as one batch */
  private readonly batches = new WeakMap<RouterContext, Batch>();

  private readonly mergeIdenticalQueries: boolean;
  private readonly forwardsAuthorization: boolean;
  private readonly batchQueries: boolean;
  private readonly metrics: Metrics | undefined;

  constructor(
    readonly replicas: Replicas,
    private readonly dispatcher: Dispatcher,
    private readonly claimsHeader: (claims: Claims | null) => string,
    options: {
      /** identical concurrent queries of one caller share a request (default true) */
      merge?: boolean;
      /** pass the caller's own Authorization header on (gateway.ts, TOKEN_RECIPIENTS) */
      forwardsAuthorization?: boolean;
      /** one operation's parallel queries go as one batched request (default true) */
      batch?: boolean;
      /** where each fetch's duration and outcome are counted */
      metrics?: Metrics;
    } = {},
  ) {
    this.mergeIdenticalQueries = options.merge ?? true;
    this.forwardsAuthorization = options.forwardsAuthorization ?? false;
    this.batchQueries = options.batch ?? true;
    this.metrics = options.metrics;
  }

  async process(options: GraphQLDataSourceProcessOptions<RouterContext>): Promise<SubgraphResponse> {
    const { request } = options;
    if (!request.query) throw new Error('Missing query');
    // The gateway's own calls (health checks) carry no caller: anonymous.
    const headers: Record<string, string> = { 'content-type': 'application/json', [CLAIMS_HEADER]: this.claimsHeader(null) };
    let read = false;
    let context: RouterContext | undefined;
    const incoming = 'incomingRequestContext' in options ? options : null;
    if (incoming && 'claims' in incoming.context) {
      context = incoming.context;
      context.subgraphCalls += 1;
      headers[CLAIMS_HEADER] = this.claimsHeader(context.claims);
      if (context.clientIp) headers['x-forwarded-for'] = context.clientIp;
      if (context.deviceId) headers[DEVICE_HEADER] = context.deviceId;
      if (this.forwardsAuthorization && context.authorization) headers.authorization = context.authorization;
      read = incoming.incomingRequestContext.operation?.operation === 'query';
    }
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName, extensions: request.extensions });
    const dispatch = () => (read && this.batchQueries && context ? this.batched(context, headers, body) : this.send(headers, body, read));

    let answer: RawAnswer;
    if (read && this.mergeIdenticalQueries) {
      const key = `${headers[CLAIMS_HEADER]}\n${headers['x-forwarded-for'] ?? ''}\n${headers[DEVICE_HEADER] ?? ''}\n${headers.authorization ?? ''}\n${body}`;
      let pending = this.inFlight.get(key);
      if (!pending) {
        pending = dispatch().finally(() => this.inFlight.delete(key));
        this.inFlight.set(key, pending);
      }
      answer = await pending;
    } else {
      answer = await dispatch();
    }

    if (incoming) restrictCachePolicy(incoming.incomingRequestContext, answer.cacheControl);
    const parsed = isJson(answer.contentType) ? (JSON.parse(answer.text) as unknown) : answer.text;
    if (answer.status < 200 || answer.status > 299) throw errorFromStatus(answer.status, parsed);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) throw new Error(`Expected JSON response body, but received: ${answer.text}`);
    return parsed as SubgraphResponse;
  }

  /** Joins this operation's batch (started by its first fetch, sent once the current pass is done). */
  private batched(context: RouterContext, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    let batch = this.batches.get(context);
    if (!batch) {
      const fresh: Batch = { headers, items: [] };
      this.batches.set(context, fresh);
      // A plan's parallel branches reach this in one synchronous pass (the executor's Promise.all):
      // the microtask after it has them all, at no cost to a fetch that comes alone.
      queueMicrotask(() => {
        this.batches.delete(context);
        this.flush(fresh);
      });
      batch = fresh;
    }
    const items = batch.items;
    return new Promise((resolve, reject) => items.push({ body, resolve, reject }));
  }

  private flush({ headers, items }: Batch) {
    for (let start = 0; start < items.length; start += MAX_BATCH_OPERATIONS) {
      const chunk = items.slice(start, start + MAX_BATCH_OPERATIONS);
      if (chunk.length === 1) {
        this.send(headers, chunk[0]!.body, true).then(chunk[0]!.resolve, chunk[0]!.reject);
        continue;
      }
      this.send(headers, `[${chunk.map((item) => item.body).join(',')}]`, true).then(
        (answer) => {
          const answers = isJson(answer.contentType) ? splitJsonArray(answer.text) : null;
          // Refused as a whole (not an array of as many answers): each fetch gets that refusal.
          if (answers?.length !== chunk.length) return chunk.forEach((item) => item.resolve(answer));
          // One status is shared by the batch: each answer speaks for itself through its errors.
          chunk.forEach((item, index) => item.resolve({ ...answer, status: 200, text: answers[index]! }));
        },
        (error: unknown) => chunk.forEach((item) => item.reject(error)),
      );
    }
  }

  /** Sends to a replica, and once more to another one when that is safe (see the top of this file). */
  private async send(headers: Record<string, string>, body: string, read: boolean): Promise<RawAnswer> {
    const replica = this.replicas.pick();
    try {
      return await this.sendTo(replica, headers, body);
    } catch (error) {
      const code = codeOf(error);
      if (this.replicas.count < 2 || !(UNSENT.has(code) || CONNECTION_LOST.has(code))) throw error;
      this.replicas.markDown(replica);
      if (!UNSENT.has(code) && !read) throw error;
      return this.sendTo(this.replicas.pick(replica), headers, body);
    }
  }

  private async sendTo(baseUrl: string, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    const started = performance.now();
    let outcome = 'error';
    try {
      const answer = await this.exchange(baseUrl, headers, body);
      outcome = answer.status < 400 ? 'success' : answer.status < 500 ? 'refused' : 'error';
      return answer;
    } finally {
      this.metrics?.observe('subgraph_fetch_duration_seconds', { subgraph: this.replicas.name, outcome }, (performance.now() - started) / 1000);
    }
  }

  private async exchange(baseUrl: string, headers: Record<string, string>, body: string): Promise<RawAnswer> {
    let endpoint = this.endpoints.get(baseUrl);
    if (!endpoint) {
      const url = new URL(`${baseUrl}/graphql`);
      endpoint = { origin: url.origin, path: `${url.pathname}${url.search}` };
      this.endpoints.set(baseUrl, endpoint);
    }
    // Each call carries the operation's trace context (its own copy: merged and batched calls share `headers`).
    const sent = { ...headers };
    const response = await traceCall(`router → ${this.replicas.name}`, { 'medpay.subgraph': this.replicas.name, 'server.address': baseUrl }, sent, () =>
      this.dispatcher.request({ ...endpoint, method: 'POST', headers: sent, body }),
    );
    const contentType = response.headers['content-type'];
    const cacheControl = response.headers['cache-control'];
    return {
      status: response.statusCode,
      contentType: (Array.isArray(contentType) ? contentType[0] : contentType) ?? '',
      cacheControl: Array.isArray(cacheControl) ? cacheControl.join(', ') : cacheControl,
      text: await response.body.text(),
    };
  }
}

/**
 * The texts of a JSON array's elements, found by scanning (strings and nesting tracked), not parsed:
 * each fetch of a batch parses its own answer once, as it would have unbatched. Null when the text
 * is not an array.
 */
export function splitJsonArray(text: string): string[] | null {
  let i = 0;
  const skipSpace = () => {
    while (i < text.length && (text[i] === ' ' || text[i] === '\n' || text[i] === '\r' || text[i] === '\t')) i += 1;
  };
  skipSpace();
  if (text[i] !== '[') return null;
  i += 1;
  skipSpace();
  const elements: string[] = [];
  if (text[i] === ']') return elements;
  for (;;) {
    const start = i;
    let depth = 0;
    for (; i < text.length; i += 1) {
      const char = text[i];
      if (char === '"') {
        for (i += 1; i < text.length && text[i] !== '"'; i += 1) if (text[i] === '\\') i += 1;
      } else if (char === '{' || char === '[') depth += 1;
      else if (char === '}' || char === ']') {
        if (depth === 0) break;
        depth -= 1;
      } else if (char === ',' && depth === 0) break;
    }
    if (i >= text.length) return null;
    elements.push(text.slice(start, i).trim());
    if (text[i] === ']') return elements;
    i += 1;
    skipSpace();
  }
}

const isJson = (contentType: string) => contentType.startsWith('application/json') || contentType.startsWith('application/graphql-response+json');

/**
 * The error a non-2xx subgraph answer becomes: the subgraph's own first error (its pt-BR message and
 * code) when it sent one, else the status. Nothing of the subgraph's address reaches the client.
 */
function errorFromStatus(status: number, body: unknown): GraphQLError {
  const first = body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors) ? (body.errors[0] as { message?: unknown; extensions?: { code?: unknown } } | undefined) : undefined;
  if (typeof first?.message === 'string' && typeof first.extensions?.code === 'string') {
    return new GraphQLError(first.message, { extensions: { code: first.extensions.code } });
  }
  const code = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : undefined;
  return new GraphQLError(`${status}: ${STATUS_CODES[status] ?? ''}`, { extensions: code ? { code } : {} });
}

/** As RemoteGraphQLDataSource does: the operation's cache policy is no laxer than any subgraph answer's. */
function restrictCachePolicy(requestContext: { overallCachePolicy?: unknown }, header: string | undefined) {
  const policy = requestContext.overallCachePolicy as { restrict?: (hint: { maxAge?: number; scope?: 'PUBLIC' | 'PRIVATE' }) => void } | undefined;
  if (!policy?.restrict) return;
  const maxAge = /(?:^|,)\s*max-age=(\d+)/i.exec(header ?? '')?.[1];
  const hint: { maxAge: number; scope?: 'PUBLIC' | 'PRIVATE' } = { maxAge: maxAge ? Number(maxAge) : 0 };
  if (/(?:^|,)\s*private\b/i.test(header ?? '')) hint.scope = 'PRIVATE';
  if (/(?:^|,)\s*public\b/i.test(header ?? '')) hint.scope = 'PUBLIC';
  policy.restrict(hint);
}
