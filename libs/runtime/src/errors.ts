// One error mapper for every service: expected failures carry a stable code and a pt-BR message;
// anything else is logged once here and masked for the client.
import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from './logger.js';

/**
 * The codes the kit and the router raise themselves. Each subgraph declares its own domain codes in
 * its `errors.ts` (a union with these) and raises them through its own subclass of `AppError`.
 */
export type KitErrorCode =
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'INVALID_CLAIMS'
  | 'INVALID_API_KEY'
  | 'SUBGRAPH_UNAVAILABLE'
  | 'TOO_MANY_SUBSCRIPTIONS'
  | 'DEPTH_LIMIT_EXCEEDED'
  | 'COST_LIMIT_EXCEEDED'
  | 'ALIAS_LIMIT_EXCEEDED'
  | 'DIRECTIVE_LIMIT_EXCEEDED'
  | 'TOKEN_LIMIT_EXCEEDED'
  | 'GRAPHQL_PARSE_FAILED'
  | 'GRAPHQL_VALIDATION_FAILED'
  | 'OPERATION_NAME_REQUIRED'
  | 'BAD_REQUEST'
  | 'METHOD_NOT_ALLOWED'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'BATCHING_NOT_SUPPORTED'
  | 'PERSISTED_QUERY_NOT_FOUND'
  | 'PERSISTED_QUERY_REQUIRED'
  | 'INTERNAL_SERVER_ERROR';

const HTTP_STATUS: Partial<Record<string, number>> = { UNAUTHENTICATED: 401, FORBIDDEN: 403, INVALID_CLAIMS: 401, INVALID_API_KEY: 401 };

/**
 * An expected failure: the message is shown to the user (pt-BR), the code is for programs. `Code` is
 * never inferred from the argument (NoInfer), so `new AppError('TYPO', …)` fails the type check and a
 * subgraph widens it only by subclassing (`class UsersError extends AppError<UsersErrorCode>`).
 */
export class AppError<Code extends string = KitErrorCode> extends GraphQLError {
  constructor(
    readonly code: NoInfer<Code>,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    const status = HTTP_STATUS[code];
    super(message, { extensions: { code, ...details, ...(status ? { http: { status } } : {}) } });
  }
}

/** Any subgraph's error, for code that only reports or maps it. */
export type AnyAppError = AppError<string>;

export const unauthenticated = () => new AppError('UNAUTHENTICATED', 'É preciso entrar na sua conta para acessar este recurso.');
export const forbidden = () => new AppError('FORBIDDEN', 'Você não tem permissão para acessar este recurso.');
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} não encontrado.`);

/** Codes GraphQL servers produce for the client's own mistakes: shown as they are. */
const CLIENT_CODES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED', 'OPERATION_RESOLUTION_FAILURE']);

export function createErrorFormatter(logger: Logger, options: { passThroughCodes?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code;
    if (original instanceof AppError) return { ...formatted, extensions: { ...formatted.extensions } };
    if (typeof code === 'string' && (CLIENT_CODES.has(code) || (options.passThroughCodes && code !== 'INTERNAL_SERVER_ERROR'))) {
      return formatted;
    }
    logger.error({ err: original, path: formatted.path }, 'unexpected error');
    return { message: 'Erro interno. Tente novamente em instantes.', path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
  };
}
