// A few lines of routing over node:http: handlers get a parsed request and return a reply as a value,
// so the server can delay, fail or withhold any answer (fault injection) after the handler ran.
import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';

export interface SimRequest {
  method: string;
  path: string;
  params: Record<string, string>;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface Reply {
  status: number;
  /** sent as JSON, unless `html` or `bytes` is set */
  body?: unknown;
  html?: string;
  bytes?: { contentType: string; data: Buffer };
  headers?: Record<string, string>;
}

export type Handler = (request: SimRequest) => Reply | Promise<Reply>;

/**
 * `api`: a provider endpoint (counted, subject to fault injection); `authenticated`: the simulator's
 * `authenticate` must accept the request; `cors`: callable from a browser.
 */
export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
  api?: boolean;
  authenticated?: boolean;
  cors?: boolean;
}

/** An expected failure, answered in the provider's error shape. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new SimError(404, 'NOT_FOUND', `${what} not found`);

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return { status, body, ...(headers ? { headers } : {}) };
}

/** Matches a method and path to a route; a simulator with its own kind of route (fields of its own) passes that type. */
export class Router<R extends Pick<Route, 'method' | 'pattern'> = Route> {
  private readonly routes: Array<R & { segments: string[] }> = [];

  add(...routes: R[]) {
    for (const route of routes) this.routes.push({ ...route, segments: route.pattern.split('/').filter(Boolean) });
  }

  /** The route and its path parameters; `allowed` lists the methods of a path that exists under other methods. */
  match(method: string, path: string): { route: R; params: Record<string, string> } | { route: null; allowed: string[] } {
    const parts = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === method) return { route, params };
      allowed.push(route.method);
    }
    return { route: null, allowed };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = parts[i]!;
    if (expected.startsWith(':')) params[expected.slice(1)] = decodeURIComponent(actual);
    else if (expected !== actual) return null;
  }
  return params;
}

/** The JSON body checked against a schema; a 400 naming every problem otherwise. */
export function parseJson<Schema extends z.ZodType>(schema: Schema, request: SimRequest): z.infer<Schema> {
  let data: unknown;
  try {
    data = request.body.length ? JSON.parse(request.body.toString('utf8')) : {};
  } catch {
    throw new SimError(400, 'INVALID_JSON', 'The request body is not valid JSON');
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; ');
    throw new SimError(400, 'VALIDATION_ERROR', problems);
  }
  return result.data;
}

/** The form body (application/x-www-form-urlencoded), as OAuth2 token endpoints take it. */
export function parseForm(request: SimRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}
