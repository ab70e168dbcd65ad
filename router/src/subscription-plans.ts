// Federated subscriptions, planned and resolved the way Apollo Router and Hive Gateway do it: the
// query planner splits the operation into a primary fetch (the subscription the owning subgraph
// serves) and the rest; each event the subgraph sends is taken as that fetch's answer, and the rest
// of the plan fetches what other subgraphs own through the gateway's executor, with the caller's
// claims.
import { operationFromDocument, Supergraph, type Schema } from '@apollo/federation-internals';
import { buildOperationContext, executeQueryPlan, type GraphQLDataSource, type ServiceMap } from '@apollo/gateway';
import { QueryPlanner, type FetchNode, type PlanNode } from '@apollo/query-planner';
import type { Claims, Logger } from '@medpay/runtime';
import {
  getOperationAST,
  GraphQLError,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type ExecutionResult,
  type FormattedExecutionResult,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';
// The gateway module declares the security features supported; it must run before a supergraph is read.
import './gateway.js';
import type { RouterContext } from './gateway.js';

type RequestContext = Parameters<typeof executeQueryPlan>[2];
type OperationContext = ReturnType<typeof buildOperationContext>;

/** The service name the event stands in for in a plan; no subgraph name can contain '~'. */
const EVENT_SOURCE = '~subscription-event';
const EVENT_CLAIMS_SECONDS = 60;

export interface SubscriptionPlan {
  /** the subscription sent to the owning subgraph */
  primary: FetchNode;
  /** what other subgraphs resolve for each event, if anything */
  rest?: PlanNode;
  document: DocumentNode;
  source: string;
  operationName: string | null;
  operationContext: OperationContext;
  /** whether callers with the same access may share it (SharedSubscriptions): see isBroadcast */
  broadcast: boolean;
}

/**
 * A subscription whose events the router may resolve once for many callers: the subgraph that owns
 * its field says the events depend on nothing but the arguments and the caller's access (@broadcast),
 * and it reads no personal data, whose every read is logged reader by reader (@personalData).
 */
function isBroadcast(schema: GraphQLSchema, document: DocumentNode, operationName: string | null): boolean {
  const has = (field: GraphQLField<unknown, unknown> | null | undefined, name: string) => field?.astNode?.directives?.some((directive) => directive.name.value === name) === true;
  const root = getOperationAST(document, operationName)?.selectionSet.selections[0];
  if (root?.kind !== Kind.FIELD || !has(schema.getSubscriptionType()?.getFields()[root.name.value], 'broadcast')) return false;
  let personal = false;
  const typeInfo = new TypeInfo(schema);
  visit(document, visitWithTypeInfo(typeInfo, { Field: () => void (personal ||= has(typeInfo.getFieldDef(), 'personalData')) }));
  return !personal;
}

/** A subgraph's error, as the client should see it: its code kept, the subgraph named. */
export function subgraphError(error: { message: string; path?: ReadonlyArray<string | number>; extensions?: Record<string, unknown> }, serviceName: string) {
  return new GraphQLError(error.message, { path: error.path, extensions: { ...error.extensions, serviceName } });
}

export class SubscriptionPlanner {
  readonly apiSchema: GraphQLSchema;
  private readonly supergraphSchema: GraphQLSchema;
  private readonly api: Schema;
  private readonly planner: QueryPlanner;
  private readonly plans = new Map<string, SubscriptionPlan>();

  constructor(
    supergraphSdl: string,
    private readonly dataSources: ReadonlyMap<string, GraphQLDataSource<RouterContext>>,
    private readonly logger: Logger,
  ) {
    const supergraph = Supergraph.build(supergraphSdl);
    this.api = supergraph.apiSchema();
    this.apiSchema = this.api.toGraphQLJSSchema();
    this.supergraphSchema = supergraph.schema.toGraphQLJSSchema();
    this.planner = new QueryPlanner(supergraph);
  }

  /** The plan of a validated subscription document (cached by its text and operation name). */
  plan(document: DocumentNode, source: string, operationName: string | null): SubscriptionPlan {
    const key = `${operationName ?? ''}\n${source}`;
    const cached = this.plans.get(key);
    if (cached) return cached;
    const operation = operationFromDocument(this.api, document, { operationName: operationName ?? undefined });
    const queryPlan = this.planner.buildQueryPlan(operation);
    if (queryPlan.node?.kind !== 'Subscription') throw new Error('not a subscription plan');
    const plan: SubscriptionPlan = {
      primary: queryPlan.node.primary,
      rest: queryPlan.node.rest,
      document,
      source,
      operationName,
      operationContext: buildOperationContext({ schema: this.apiSchema, operationDocument: document, operationName: operationName ?? undefined }),
      broadcast: isBroadcast(this.supergraphSchema, document, operationName),
    };
    if (this.plans.size >= 500) this.plans.delete(this.plans.keys().next().value!);
    this.plans.set(key, plan);
    return plan;
  }

  /** The client's result for one event of the owning subgraph (its answer to the primary fetch). */
  async resolve(plan: SubscriptionPlan, event: FormattedExecutionResult, claims: Claims | null, variables: Record<string, unknown>): Promise<ExecutionResult> {
    const serviceName = plan.primary.serviceName;
    // An event with no data is an error of the subscription itself: nothing else to fetch.
    if (!event.data) return { errors: (event.errors ?? [{ message: 'Evento vazio.' }]).map((error) => subgraphError(error, serviceName)) };
    const eventSource: GraphQLDataSource<RouterContext> = { process: async () => event };
    const serviceMap: ServiceMap = Object.fromEntries([...this.dataSources, [EVENT_SOURCE, eventSource]]);
    const eventFetch: FetchNode = { ...plan.primary, serviceName: EVENT_SOURCE };
    const node: PlanNode = plan.rest ? { kind: 'Sequence', nodes: [eventFetch, plan.rest] } : eventFetch;
    // A shared subscription outlives the token of whoever opened it: the router, which ends each
    // connection at its token's expiry, vouches for the caller for the length of this event.
    const vouched = claims && { ...claims, exp: Math.floor(Date.now() / 1000) + EVENT_CLAIMS_SECONDS };
    const context: RouterContext = { claims: vouched, clientIp: '', subgraphCalls: 0 };
    const requestContext: RequestContext = {
      request: { query: plan.source, operationName: plan.operationName ?? undefined, variables },
      logger: this.logger,
      schema: this.apiSchema,
      schemaHash: plan.source as RequestContext['schemaHash'],
      context,
      cache: noCache,
      queryHash: plan.source,
      document: plan.document,
      source: plan.source,
      operationName: plan.operationName,
      operation: plan.operationContext.operation,
      metrics: {},
      overallCachePolicy: undefined,
    };
    const result = await executeQueryPlan({ kind: 'QueryPlan', node }, serviceMap, requestContext, plan.operationContext, this.supergraphSchema, this.api);
    // The event source's errors come back named after it: name the owning subgraph instead.
    const errors = result.errors?.map((error) => (error.extensions.serviceName === EVENT_SOURCE ? subgraphError(error, serviceName) : error));
    return { data: result.data, ...(errors ? { errors } : {}) };
  }
}

/** The executor asks for a cache only for features the router does not use (APQ, entity caching). */
const noCache: RequestContext['cache'] = {
  get: async () => undefined,
  set: async () => {},
  delete: async () => {},
};
