// The router's usage log: one record per operation (its name, the sha256 of its document, the client
// app and version, the kind of caller, the Type.field pairs it selects, how long it took and the codes
// it answered with), for analytics' `graphUsage`. Never variables, tokens or anything about a person.
// Queries and mutations are recorded by the Apollo Server plugin below (over HTTP and WebSocket);
// subscriptions once, as they start, and subscribe messages refused (subscription-server.ts). The
// duration runs from the request reaching Apollo Server (body read, caller authenticated) to its
// answer; for a subscription, the time to prepare it.
import type { ApolloServerPlugin } from '@apollo/server';
import type { OperationUsage } from '@medpay/contracts';
import type { Claims, Logger } from '@medpay/runtime';
import { separateOperations, TypeInfo, visit, visitWithTypeInfo, type DocumentNode, type GraphQLFormattedError, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { RouterContext } from './gateway.js';
import { callerKindOf } from './operation-policy.js';

/** The app calling, as Apollo's clients name themselves (apollographql-client-name / -version). */
export interface ClientIdentity {
  name: string;
  version: string;
}

export const CLIENT_NAME_HEADER = 'apollographql-client-name';
export const CLIENT_VERSION_HEADER = 'apollographql-client-version';
export const UNKNOWN_CLIENT: ClientIdentity = Object.freeze({ name: 'unknown', version: 'unknown' });

/** The contract's limits (libs/contracts, operationUsage). */
const CLIENT_TEXT_MAX = 100;
const OPERATION_NAME_MAX = 200;
const FIELDS_MAX = 2_000;
const ERROR_CODES_MAX = 50;
const ERROR_CODE_MAX = 100;

/** Distinct (document, operation) pairs whose fields are kept; past it the oldest are computed again if seen. */
const FIELD_LISTS_KEPT = 5_000;

/** sha256 (hex) of the document as the client sent it. */
export const documentHashOf = (source: string) => createHash('sha256').update(source).digest('hex');

/** At most `max` UTF-16 units, without control characters, trimmed; a cut never splits a surrogate pair. */
function capped(text: string, max: number): string {
  return text
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, max)
    .replace(/[\uD800-\uDBFF]$/, '')
    .trim();
}

/** A GraphQL name, or '' for anything else (a client's `operationName` that names no operation is free text). */
const operationNameOf = (name: string | null | undefined) => (name && name.length <= OPERATION_NAME_MAX && /^[_A-Za-z][_0-9A-Za-z]*$/.test(name) ? name : '');

function clientText(value: unknown): string {
  const text = Array.isArray(value) ? value[0] : value;
  return (typeof text === 'string' && capped(text, CLIENT_TEXT_MAX)) || 'unknown';
}

/** The client of an HTTP request, from its headers. */
export function clientIdentityOf(headers: IncomingHttpHeaders): ClientIdentity {
  return { name: clientText(headers[CLIENT_NAME_HEADER]), version: clientText(headers[CLIENT_VERSION_HEADER]) };
}

/**
 * The client of a graphql-ws connection: browsers cannot set headers on a WebSocket, so the names come
 * from connectionParams (at the top or under `headers`, any case), else from the upgrade request.
 */
export function clientIdentityOfConnection(params: Readonly<Record<string, unknown>> | undefined, headers: IncomingHttpHeaders): ClientIdentity {
  const lookup = (name: string): unknown => {
    for (const source of [params?.headers, params]) {
      if (!source || typeof source !== 'object') continue;
      const found = Object.entries(source).find(([key, value]) => key.toLowerCase() === name && typeof value === 'string');
      if (found) return found[1];
    }
    return headers[name];
  };
  return { name: clientText(lookup(CLIENT_NAME_HEADER)), version: clientText(lookup(CLIENT_VERSION_HEADER)) };
}

/**
 * The fields an operation of a validated document selects, as `Type.field` (the type the field is
 * selected on, an interface included), sorted, once each; only the operation run and the fragments it
 * uses count. Introspection (`__typename`, `__schema`, `__type` and what is below them) is left out.
 */
export function selectedFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): string[] {
  const selected = separateOperations(document)[operation.name?.value ?? ''] ?? document;
  const typeInfo = new TypeInfo(schema);
  const found = new Set<string>();
  visit(
    selected,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent || !typeInfo.getFieldDef() || node.name.value.startsWith('__') || parent.name.startsWith('__')) return;
        found.add(`${parent.name}.${node.name.value}`);
      },
    }),
  );
  return [...found].sort().slice(0, FIELDS_MAX);
}

/** The stable codes (`extensions.code`) of an answer's errors, once each, in the order they came. */
export function errorCodesOf(errors: readonly GraphQLFormattedError[] | undefined): string[] {
  const codes = new Set<string>();
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code === 'string' && code) codes.add(code.slice(0, ERROR_CODE_MAX));
  }
  return [...codes].slice(0, ERROR_CODES_MAX);
}

/** What the router knows of an operation when it answers (or starts a subscription). */
export interface OperationSeen {
  /** when it arrived (epoch ms) and how long the router took */
  startedAt: number;
  durationMs: number;
  /** the document's text, as received */
  source: string;
  /** the operation's name, or the name the request asked for when it got no further ('' when anonymous) */
  operationName: string | null | undefined;
  /** the document and the operation it runs, once they passed validation */
  validated?: { document: DocumentNode; operation: OperationDefinitionNode };
  client: ClientIdentity;
  claims: Claims | null;
  /** the errors as the client received them */
  errors: readonly GraphQLFormattedError[] | undefined;
}

export class UsageLog {
  /** by document hash and operation name; each list is shared by the records of its document, never changed */
  private readonly fieldLists = new Map<string, string[]>();

  constructor(
    /** the API schema the documents were validated against */
    private readonly schema: GraphQLSchema,
    private readonly sender: { add(record: OperationUsage): void },
    private readonly logger: Pick<Logger, 'error'>,
  ) {}

  /** Hands the operation's record to the sender. Never throws: a usage record must not fail an operation. */
  record(seen: OperationSeen): void {
    try {
      const documentHash = documentHashOf(seen.source);
      this.sender.add({
        at: new Date(seen.startedAt).toISOString(),
        operationName: operationNameOf(seen.validated?.operation.name?.value ?? seen.operationName),
        documentHash,
        clientName: seen.client.name,
        clientVersion: seen.client.version,
        callerKind: callerKindOf(seen.claims),
        fields: seen.validated ? this.fieldsOf(documentHash, seen.validated.document, seen.validated.operation) : [],
        durationMs: Math.max(0, Math.round(seen.durationMs * 100) / 100),
        errorCodes: errorCodesOf(seen.errors),
      });
    } catch (error) {
      this.logger.error({ err: error }, 'usage record failed');
    }
  }

  private fieldsOf(documentHash: string, document: DocumentNode, operation: OperationDefinitionNode): string[] {
    const key = `${documentHash}:${operation.name?.value ?? ''}`;
    let fields = this.fieldLists.get(key);
    if (!fields) {
      fields = selectedFields(this.schema, document, operation);
      this.fieldLists.set(key, fields);
      if (this.fieldLists.size > FIELD_LISTS_KEPT) this.fieldLists.delete(this.fieldLists.keys().next().value!);
    }
    return fields;
  }
}

/**
 * Records every operation Apollo Server answers: over HTTP, and queries and mutations over the
 * WebSocket. A request without a document (no `query`) is not an operation, and the start-up
 * self-test's probe (a context without a client) is not a client's.
 */
export function usageLogPlugin(usage: UsageLog): ApolloServerPlugin<RouterContext> {
  return {
    async requestDidStart() {
      const startedAt = Date.now();
      const started = performance.now();
      return {
        async willSendResponse({ source, document, operation, operationName, request, response, contextValue }) {
          if (source === undefined || !contextValue.client) return;
          const body = response.body;
          usage.record({
            startedAt,
            durationMs: performance.now() - started,
            source,
            operationName: operationName ?? request.operationName,
            // Apollo Server resolves the operation only once the document has validated.
            validated: document && operation ? { document, operation } : undefined,
            client: contextValue.client,
            claims: contextValue.claims,
            errors: body.kind === 'single' ? body.singleResult.errors : body.initialResult.errors,
          });
        },
      };
    },
  };
}
