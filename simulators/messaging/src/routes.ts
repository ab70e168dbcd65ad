// What the messaging simulator adds to the simulation kit's routing: a route may belong to a channel
// (and then fails on that channel's faults), and an expected failure carries the error body of the
// channel's provider (Zenvia's, the Graph API's, a push service's), not one shape for the simulator.
import type { IncomingHttpHeaders } from 'node:http';
import { parseJson as parseValidJson, SimError, type Handler, type SimRequest } from '@medpay/simulation';
import type { z } from 'zod';
import type { Channel } from './store.js';

/** `channel`: a provider endpoint of that channel, subject to the channel's faults. */
export interface Route {
  method: string;
  pattern: string;
  handler: Handler;
  channel?: Channel;
}

/** An expected failure; `body` is the provider-shaped error answer. */
export class ProviderError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`simulated ${status}`);
  }
}

/** The kit's parseJson, its problems (joined) thrown through `fail`, which shapes them as the provider would. */
export function parseJson<Schema extends z.ZodType>(schema: Schema, request: SimRequest, fail: (message: string) => ProviderError): z.infer<Schema> {
  try {
    return parseValidJson(schema, request);
  } catch (error) {
    if (error instanceof SimError) throw fail(error.message);
    throw error;
  }
}

/** The value of a header sent once (the first one when repeated). */
export const header = (headers: IncomingHttpHeaders, name: string): string | undefined => {
  const value = headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
};
