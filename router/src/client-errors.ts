// What a client hears when its request is refused: one stable code and one pt-BR message per case,
// over HTTP and WebSocket alike. graphql-js and Apollo Server word their own refusals in English;
// they are translated here once (the original kept in `extensions.detail` for developers), and no
// answer names the subgraph behind it.
import { AppError, createErrorFormatter, type KitErrorCode, type Logger } from '@medpay/runtime';
import type { GraphQLFormattedError } from 'graphql';

/** Apollo Server's own refusals, by the start of their English message. */
const APOLLO_MESSAGES: [RegExp, KitErrorCode, string][] = [
  [/^POST body missing/, 'BAD_REQUEST', 'Envie a operação como JSON no corpo do POST, com o campo `query`.'],
  [/^GraphQL operations must contain a non-empty `query`/, 'BAD_REQUEST', 'Informe a operação em `query`.'],
  [/^GraphQL queries must be strings/, 'BAD_REQUEST', '`query` deve ser um texto.'],
  [/^`variables` in a POST body/, 'BAD_REQUEST', '`variables` deve ser um objeto JSON.'],
  [/^`extensions` in a POST body/, 'BAD_REQUEST', '`extensions` deve ser um objeto JSON.'],
  [/^`operationName` in a POST body/, 'BAD_REQUEST', '`operationName` deve ser um texto.'],
  [/^The \w+ search parameter/, 'BAD_REQUEST', 'Parâmetro da URL inválido: `variables` e `extensions` devem ser objetos JSON.'],
  [/^The '\w+' search parameter may only be specified once/, 'BAD_REQUEST', 'Cada parâmetro da URL só pode aparecer uma vez.'],
  [/^Operation batching disabled/, 'BATCHING_NOT_SUPPORTED', 'Envie uma operação por requisição (batching não é aceito).'],
  [/^GET requests only support query operations/, 'METHOD_NOT_ALLOWED', 'Mutações só podem ser enviadas por POST.'],
  [/^An 'accept' header was provided/, 'BAD_REQUEST', 'O cabeçalho Accept deve aceitar application/json ou application/graphql-response+json.'],
  [/^Apollo Server supports only GET\/POST/, 'METHOD_NOT_ALLOWED', 'Use GET (consultas) ou POST em /graphql.'],
  [/uses incremental delivery/, 'BAD_REQUEST', '@defer e @stream não são suportados.'],
  [/^PersistedQueryNotFound/, 'BAD_REQUEST', 'Consulta persistida desconhecida: envie o documento completo.'],
  [/^PersistedQueryNotSupported/, 'BAD_REQUEST', 'Consultas persistidas não são aceitas aqui.'],
];

const withoutSuggestions = (message: string) => message.replace(/\s*Did you mean[^?]*\?/g, '');

function translate(formatted: GraphQLFormattedError): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  const detail = withoutSuggestions(formatted.message);
  const { serviceName, ...extensions } = formatted.extensions ?? {};
  // A subgraph's own refusal (its pt-BR message and code) passes as it is, without the subgraph's name.
  if (serviceName !== undefined) return { ...formatted, extensions };
  const as = (newCode: string, message: string, more: Record<string, unknown> = {}): GraphQLFormattedError => ({
    message,
    ...(formatted.locations ? { locations: formatted.locations } : {}),
    ...(formatted.path ? { path: formatted.path } : {}),
    extensions: { ...extensions, code: newCode, detail, ...more },
  });
  switch (code) {
    case 'GRAPHQL_PARSE_FAILED': {
      const tokens = /more th\w+ (\d+) tokens/.exec(formatted.message);
      if (tokens) {
        const limit = Number(tokens[1]);
        return as('TOKEN_LIMIT_EXCEEDED', `A operação tem mais de ${limit} tokens, o limite.`, { limit });
      }
      return as('GRAPHQL_PARSE_FAILED', 'A operação GraphQL tem um erro de sintaxe.');
    }
    case 'GRAPHQL_VALIDATION_FAILED':
      return as('GRAPHQL_VALIDATION_FAILED', 'A operação não é válida para o schema.');
    case 'BAD_USER_INPUT':
      return as('BAD_USER_INPUT', 'Valor inválido para uma variável da operação.');
    default: {
      const known = APOLLO_MESSAGES.find(([pattern]) => pattern.test(formatted.message));
      return known ? as(known[1], known[2]) : { ...formatted, extensions };
    }
  }
}

/** The router's error formatter: the kit's (masking unexpected errors), then the translation above. */
export function createRouterErrorFormatter(logger: Logger) {
  const base = createErrorFormatter(logger, { passThroughCodes: true });
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const result = base(formatted, error);
    // Our own refusals are already in pt-BR with their codes; only strip the subgraph's name.
    if (error instanceof AppError) {
      const { serviceName: _service, ...extensions } = result.extensions ?? {};
      return { ...result, extensions };
    }
    return translate(result);
  };
}

const CLIENT_MISTAKES = new Set(['GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED', 'BAD_USER_INPUT', 'OPERATION_RESOLUTION_FAILURE', 'BAD_REQUEST', 'PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** Whether an error before execution was the client's doing (answered 4xx). */
export const isClientMistake = (error: { extensions?: Record<string, unknown> }) => CLIENT_MISTAKES.has(String(error.extensions?.code));

/** Refusals the router answers itself, before Apollo Server sees the request. */
export const REQUEST_REFUSALS = {
  methodNotAllowed: { status: 405, code: 'METHOD_NOT_ALLOWED', message: 'Use GET (consultas) ou POST em /graphql.' },
  unsupportedMediaType: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Envie a operação como application/json.' },
} as const;
