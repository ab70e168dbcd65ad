// A few lines of routing over node:http: handlers get a parsed request and return a reply as a value,
// so the server can answer a fault instead, or render HTML, in one place.
import type { IncomingHttpHeaders } from 'node:http';
import type { z } from 'zod';
import type { Channel } from './store.js';

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
  /** sent as JSON unless `html` is set */
  body?: unknown;
  html?: string;
  headers?: Record<string, string>;
}

export type Handler = (request: SimRequest) => Reply | Promise<Reply>;

/** `channel`: a provider endpoint of that channel, subject to the channel's faults. */
export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
  channel?: Channel;
}

/** An expected failure; `body` is the provider-shaped error answer. */
export class SimError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`simulated ${status}`);
  }
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): Reply => ({ status, body, ...(headers ? { headers } : {}) });

export class Router {
  private readonly routes: Array<Route & { segments: string[] }> = [];

  add(...routes: Route[]) {
    for (const route of routes) this.routes.push({ ...route, segments: route.pattern.split('/').filter(Boolean) });
  }

  /** The route and its path parameters; `allowed` lists the methods of a path that exists under other methods. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | { route: null; allowed: string[] } {
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

/**
 * The JSON body checked against a schema. Anything else throws the problems (joined) through `fail`,
 * which shapes them as the provider would.
 */
export function parseJson<Schema extends z.ZodType>(schema: Schema, request: SimRequest, fail: (message: string) => SimError): z.infer<Schema> {
  let data: unknown;
  try {
    data = request.body.length ? JSON.parse(request.body.toString('utf8')) : {};
  } catch {
    throw fail('The request body is not valid JSON');
  }
  const result = schema.safeParse(data);
  if (!result.success) throw fail(result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`).join('; '));
  return result.data;
}

/** The value of a header sent once (the first one when repeated). */
export const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
