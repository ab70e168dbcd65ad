// Calls between our own services (not through the graph): JSON over HTTP with signed service
// claims, so the receiving endpoint knows the caller is one of us. Each endpoint is described once
// by zod schemas (in @medpay/contracts): the caller parses the answer with them, the callee the body.
import type { z } from 'zod';
import { assertServiceCall, CLAIMS_HEADER, serviceClaims, signClaims, type Claims } from './claims.js';
import { AppError } from './errors.js';
import { sendJson, type RouteHandler } from './http.js';
import { traceCall } from './tracing.js';

/** What the kit needs of an endpoint's contract: its path and the schemas of both directions. */
export interface EndpointSchema<Request extends z.ZodType = z.ZodType, Response extends z.ZodType = z.ZodType> {
  path: string;
  request: Request;
  response: Response;
  /** the only services that may call it (a live secret, personal data); unset: any of ours */
  callers?: readonly string[];
}

export class InternalClient {
  constructor(
    /** the callee's base URL, or where to find it now (one of a service's replicas, router/src/replicas.ts) */
    private readonly baseUrl: string | (() => string),
    /** the calling service, as the receiver will see it */
    private readonly service: string,
    private readonly secret: string,
    private readonly timeoutMs = 5000,
  ) {}

  /**
   * The endpoint's answer, parsed with its response schema, or null when it answers 404; any other
   * failure (a status, an answer off the contract) throws, to be logged and masked upstream.
   */
  async call<Request extends z.ZodType, Response extends z.ZodType>(endpoint: EndpointSchema<Request, Response>, input: z.input<Request>): Promise<z.output<Response> | null> {
    const url = new URL(endpoint.path, typeof this.baseUrl === 'string' ? this.baseUrl : this.baseUrl());
    const headers = { 'content-type': 'application/json', [CLAIMS_HEADER]: signClaims(serviceClaims(this.service), this.secret) };
    const response = await traceCall(`${this.service} → ${endpoint.path}`, { 'medpay.service': this.service, 'url.full': url.href }, headers, () =>
      fetch(url, { method: 'POST', headers, body: JSON.stringify(input), signal: AbortSignal.timeout(this.timeoutMs) }),
    );
    if (response.status === 404) return null;
    if (!response.ok) throw new Error(`${endpoint.path} answered ${response.status}`);
    return endpoint.response.parse(await response.json());
  }
}

/** A callee's handler: the parsed request in, the answer out (null answers 404). */
export type InternalHandler<Request extends z.ZodType, Response extends z.ZodType> = (input: z.output<Request>, claims: Claims) => Promise<z.input<Response> | null>;

/** One internal endpoint bound to its handler: parses the body with the endpoint's request schema. */
export interface InternalRoute {
  path: string;
  /** the answer, null for 404, or the schema's complaint for a 400 */
  run(json: unknown, claims: Claims): Promise<{ answer: unknown } | { invalid: unknown[] }>;
}

export function internalRoute<Request extends z.ZodType, Response extends z.ZodType>(
  endpoint: EndpointSchema<Request, Response>,
  handle: InternalHandler<Request, Response>,
): InternalRoute {
  return {
    path: endpoint.path,
    async run(json, claims) {
      if (endpoint.callers && !endpoint.callers.includes(claims.sub)) throw new AppError('FORBIDDEN', 'Endpoint interno de outro serviço.');
      const parsed = endpoint.request.safeParse(json);
      if (!parsed.success) return { invalid: parsed.error.issues };
      return { answer: await handle(parsed.data, claims) };
    },
  };
}

/**
 * The one body parser of internal routes: verifies the service claims (FORBIDDEN / INVALID_CLAIMS
 * otherwise), parses the JSON body with the endpoint's request schema (400 BAD_USER_INPUT when it
 * is not JSON or off the contract), and answers 404 NOT_FOUND when the handler returns null.
 */
export function internalRoutes(secret: string, routes: readonly InternalRoute[]): Record<string, RouteHandler> {
  return Object.fromEntries(
    routes.map((route) => {
      const handler: RouteHandler = async (req, res, body) => {
        const claims = assertServiceCall(req.headers[CLAIMS_HEADER], secret);
        let json: unknown;
        try {
          json = JSON.parse(body.toString('utf8'));
        } catch {
          return sendJson(res, 400, { error: 'BAD_USER_INPUT' });
        }
        const outcome = await route.run(json, claims);
        if ('invalid' in outcome) return sendJson(res, 400, { error: 'BAD_USER_INPUT', issues: outcome.invalid });
        if (outcome.answer === null) return sendJson(res, 404, { error: 'NOT_FOUND' });
        sendJson(res, 200, outcome.answer);
      };
      return [`POST ${route.path}`, handler];
    }),
  );
}
