// Plain node:http plumbing shared by the subgraphs and the router: body limits, JSON answers, and
// Apollo Server bridged without a web framework (one less layer on the hot path).
import { HeaderMap, type ApolloServer, type BaseContext, type HTTPGraphQLRequest } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppError, type AnyAppError } from './errors.js';
import type { Logger } from './logger.js';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse, body: Buffer) => Promise<void>;

export class BodyTooLargeError extends Error {}

export async function readBody(req: IncomingMessage, limitBytes: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limitBytes) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limitBytes) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** A GraphQL-shaped error answer for failures before Apollo runs (body too large, bad credentials). */
export function sendGraphQLError(res: ServerResponse, error: AnyAppError | { status: number; code: string; message: string }, headers: Record<string, string> = {}) {
  const status = error instanceof AppError ? ((error.extensions.http as { status?: number } | undefined)?.status ?? 400) : error.status;
  sendJson(res, status, { errors: [{ message: error.message, extensions: { code: error.code } }] }, headers);
}

const PAYLOAD_TOO_LARGE = { status: 413, code: 'PAYLOAD_TOO_LARGE', message: 'A requisição é grande demais.' };

/** The one place an HTTP handler's failure becomes an answer: expected ones as they are, the rest masked and logged once. */
export function answerFailure(res: ServerResponse, error: unknown, logger: Logger) {
  if (error instanceof AppError) return sendGraphQLError(res, error);
  if (error instanceof BodyTooLargeError) return sendGraphQLError(res, PAYLOAD_TOO_LARGE);
  logger.error({ err: error }, 'request failed');
  if (!res.headersSent) sendJson(res, 500, { errors: [{ message: 'Erro interno.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  else res.end();
}

/** The most operations one batched request may carry (the router's batches to a subgraph; subgraphs refuse more). */
export const MAX_BATCH_OPERATIONS = 32;

/**
 * Hands one HTTP request to Apollo Server and writes its answer. `prepare` may rewrite the parsed
 * request first (the router resolves trusted document ids there) or throw its refusal.
 */
export async function executeApollo<Context extends BaseContext>(
  server: ApolloServer<Context>,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  context: () => Promise<Context>,
  prepare: (request: HTTPGraphQLRequest) => HTTPGraphQLRequest = (request) => request,
) {
  const headers = new HeaderMap();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = req.url ?? '/';
  const question = url.indexOf('?');
  let parsedBody: unknown = undefined;
  if (body.length > 0 && headers.get('content-type')?.startsWith('application/json')) {
    try {
      parsedBody = JSON.parse(body.toString('utf8'));
    } catch {
      sendJson(res, 400, { errors: [{ message: 'JSON inválido no corpo da requisição.', extensions: { code: 'BAD_REQUEST' } }] });
      return;
    }
  }
  if (Array.isArray(parsedBody) && parsedBody.length > MAX_BATCH_OPERATIONS) {
    sendJson(res, 400, { errors: [{ message: `No máximo ${MAX_BATCH_OPERATIONS} operações por requisição.`, extensions: { code: 'BATCH_TOO_LARGE', limit: MAX_BATCH_OPERATIONS } }] });
    return;
  }
  const response = await server.executeHTTPGraphQLRequest({
    httpGraphQLRequest: prepare({ method: req.method ?? 'GET', headers, search: question >= 0 ? url.slice(question + 1) : '', body: parsedBody }),
    context,
  });
  const outHeaders: Record<string, string> = {};
  for (const [name, value] of response.headers) outHeaders[name] = value;
  res.writeHead(response.status ?? 200, outHeaders);
  if (response.body.kind === 'complete') {
    res.end(response.body.string);
  } else {
    for await (const chunk of response.body.asyncIterator) res.write(chunk);
    res.end();
  }
}
