// Everything the router decides about an operation before any subgraph is called, the same for
// HTTP and WebSocket: introspection in production, the auth directives, the text it carries, its
// shape (depth, aliases, directives) and its demand-control cost against the caller's budget. Each
// refusal is an AppError with its own code, a pt-BR message and a 4xx status.
import { AppError, checkInputText, checkOperationLimits, type Claims, type KitErrorCode, type Metrics, type OperationAuthorizer } from '@medpay/runtime';
import { Kind, visit, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import type { DemandControl } from './demand-control.js';

/** The most tokens a document may have (parsing is work too). */
export const MAX_TOKENS = 2_000;

export type CallerKind = 'anonymous' | 'user' | 'partner' | 'admin';

export interface OperationBudgets {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  /** the most an operation may cost, per kind of caller */
  maxCost: Record<CallerKind, number>;
}

export function callerKindOf(claims: Claims | null): CallerKind {
  if (!claims) return 'anonymous';
  if (claims.kind === 'partner') return 'partner';
  return claims.roles.includes('PLATFORM_ADMIN') ? 'admin' : 'user';
}

const CALLER_NAMES: Record<CallerKind, string> = { anonymous: 'visitantes', user: 'usuários', partner: 'chaves de parceiros', admin: 'administradores' };

const shapeCache = new WeakMap<DocumentNode, { aliases: number; directives: number; introspection: boolean }>();
function shapeOf(document: DocumentNode) {
  let shape = shapeCache.get(document);
  if (!shape) {
    const counted = { aliases: 0, directives: 0, introspection: false };
    visit(document, {
      [Kind.FIELD]: (node) => {
        if (node.alias) counted.aliases += 1;
        if (node.name.value === '__schema' || node.name.value === '__type') counted.introspection = true;
      },
      [Kind.DIRECTIVE]: () => {
        counted.directives += 1;
      },
    });
    shape = counted;
    shapeCache.set(document, shape);
  }
  return shape;
}

const overLimit = (code: KitErrorCode, message: string, limit: number, found: number) => new AppError(code, message, { limit, found, http: { status: 400 } });

export type OperationPolicy = ReturnType<typeof createOperationPolicy>;

export function createOperationPolicy(options: { authorizer: OperationAuthorizer; demand: DemandControl; budgets: OperationBudgets; production: boolean; metrics: Metrics }) {
  const { authorizer, demand, budgets, metrics } = options;
  /** Throws the refusal; returns the operation's estimated cost and the caller's budget. */
  return (document: DocumentNode, operation: OperationDefinitionNode, variables: Record<string, unknown> | undefined, claims: Claims | null): { estimated: number; limit: number } => {
    const shape = shapeOf(document);
    // Introspection: open in development; in production only for admins and partner systems.
    const kind = callerKindOf(claims);
    if (options.production && shape.introspection && kind !== 'admin' && kind !== 'partner') {
      throw claims
        ? new AppError('FORBIDDEN', 'Introspecção disponível apenas para administradores e parceiros.')
        : new AppError('UNAUTHENTICATED', 'Entre para explorar o schema.');
    }
    const denied = authorizer.authorize(document, claims);
    if (denied) {
      metrics.increment('operations_denied_total');
      throw denied;
    }
    const dirty = checkInputText(document, variables);
    if (dirty) throw dirty;
    if (shape.aliases > budgets.maxAliases) {
      throw overLimit('ALIAS_LIMIT_EXCEEDED', `A operação usa ${shape.aliases} apelidos (aliases); o limite é ${budgets.maxAliases}.`, budgets.maxAliases, shape.aliases);
    }
    if (shape.directives > budgets.maxDirectives) {
      throw overLimit('DIRECTIVE_LIMIT_EXCEEDED', `A operação usa ${shape.directives} diretivas; o limite é ${budgets.maxDirectives}.`, budgets.maxDirectives, shape.directives);
    }
    const tooDeep = checkOperationLimits(document, operation, variables, { maxDepth: budgets.maxDepth, maxListCost: Number.POSITIVE_INFINITY });
    if (tooDeep) throw tooDeep;
    const estimated = demand.estimate(document, operation, variables);
    const limit = budgets.maxCost[kind];
    if (estimated > limit) {
      metrics.increment('operations_over_cost_total');
      throw overLimit('COST_LIMIT_EXCEEDED', `A operação custa ${estimated}, acima do limite de ${limit} para ${CALLER_NAMES[kind]}. Peça menos itens por página (first) ou menos campos.`, limit, estimated);
    }
    return { estimated, limit };
  };
}
