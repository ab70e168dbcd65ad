// Client subscriptions, shared: the same operation with the same variables by the same caller
// identity runs once upstream, however many sockets ask for it. Each event is resolved once through
// the plan and the result handed to every client on it; the last client to leave ends it upstream.
// A client that reads slower than events come holds at most `queueLimit` of them: past it, its
// subscription ends with SUBSCRIPTION_QUEUE_FULL (it may subscribe again), and the others go on.
import { PushIterator, type Claims, type Logger, type Metrics } from '@medpay/runtime';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError } from 'graphql';
import { describeClose, identityOf, type SubgraphLinks } from './subgraph-links.js';
import { subgraphError, type SubscriptionPlan, type SubscriptionPlanner } from './subscription-plans.js';

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';
export const SUBSCRIPTION_QUEUE_FULL = 'SUBSCRIPTION_QUEUE_FULL';

export interface SubscriptionRequest {
  plan: SubscriptionPlan;
  variables: Record<string, unknown>;
  claims: Claims | null;
}

const isGraphQLErrorList = (value: unknown): value is GraphQLFormattedError[] =>
  Array.isArray(value) && value.length > 0 && value.every((item) => item && typeof item === 'object' && typeof item.message === 'string');

class SharedSubscription {
  private readonly clients = new Set<PushIterator<ExecutionResult>>();
  private unsubscribe: () => void = () => {};
  /** events are resolved one after another, so every client sees them in the subgraph's order */
  private pending: Promise<void> = Promise.resolve();
  private ended = false;

  constructor(
    private readonly request: SubscriptionRequest,
    private readonly owner: SharedSubscriptions,
    private readonly onEnd: () => void,
  ) {}

  start(links: SubgraphLinks) {
    const { plan, variables, claims } = this.request;
    const upstreamVariables = Object.fromEntries((plan.primary.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]));
    this.unsubscribe = links.subscribe(plan.primary.serviceName, claims, { query: plan.primary.operation, operationName: plan.primary.operationName, variables: upstreamVariables }, {
      next: (event) => this.then(async () => this.broadcast(await this.owner.planner.resolve(plan, event, claims, variables))),
      error: (error) => this.then(async () => this.finish(this.failure(error))),
      complete: () => this.then(async () => this.finish()),
    });
  }

  join(client: PushIterator<ExecutionResult>) {
    this.clients.add(client);
  }

  leave(client: PushIterator<ExecutionResult>) {
    this.clients.delete(client);
    if (this.clients.size === 0 && !this.ended) {
      this.ended = true;
      this.onEnd();
      this.unsubscribe();
    }
  }

  get size() {
    return this.clients.size;
  }

  private then(step: () => Promise<void>) {
    this.pending = this.pending.then(step).catch((error: unknown) => {
      this.owner.logger.error({ err: error }, 'subscription event could not be resolved');
      this.broadcast({ errors: [new GraphQLError('Erro interno ao resolver o evento.', { extensions: { code: 'INTERNAL_SERVER_ERROR' } })] });
    });
  }

  private broadcast(result: ExecutionResult) {
    this.owner.metrics.increment('subscription_events_total');
    for (const client of this.clients) client.push(result);
  }

  /** What the clients are told when the upstream subscription fails. */
  private failure(error: unknown): ExecutionResult {
    const subgraph = this.request.plan.primary.serviceName;
    // graphql-ws hands the subgraph's own refusals over as a list of errors: they keep their codes.
    if (isGraphQLErrorList(error)) return { errors: error.map((item) => subgraphError(item, subgraph)) };
    this.owner.logger.warn({ subgraph, reason: describeClose(error) }, 'subgraph unreachable; ending its subscriptions');
    this.owner.metrics.increment('subscription_upstream_failures_total');
    return {
      errors: [
        new GraphQLError(`O serviço "${subgraph}" está indisponível no momento. Assine novamente em instantes.`, {
          extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: subgraph },
        }),
      ],
    };
  }

  private finish(last?: ExecutionResult) {
    if (!this.ended) {
      this.ended = true;
      this.onEnd();
    }
    for (const client of this.clients) {
      if (last) client.push(last);
      client.end();
    }
    this.clients.clear();
  }
}

export class SharedSubscriptions {
  private readonly active = new Map<string, SharedSubscription>();

  constructor(
    readonly planner: SubscriptionPlanner,
    private readonly links: SubgraphLinks,
    readonly logger: Logger,
    readonly metrics: Metrics,
    private readonly queueLimit: number,
  ) {}

  /** One client's subscription: its results until the upstream ends or the client returns it. */
  open(request: SubscriptionRequest): AsyncIterableIterator<ExecutionResult> {
    const key = JSON.stringify([identityOf(request.claims), request.plan.operationName, request.plan.source, request.variables]);
    let shared = this.active.get(key);
    const created = !shared;
    if (!shared) {
      const fresh: SharedSubscription = new SharedSubscription(request, this, () => {
        if (this.active.get(key) === fresh) this.active.delete(key);
        this.metrics.increment('subscriptions_upstream_active', -1);
      });
      this.active.set(key, fresh);
      this.metrics.increment('subscriptions_upstream_active');
      shared = fresh;
    }
    const owner = shared;
    this.metrics.increment('subscriptions_active');
    const client = new PushIterator<ExecutionResult>(
      () => {
        this.metrics.increment('subscriptions_active', -1);
        owner.leave(client);
      },
      { limit: this.queueLimit, last: () => this.queueFull() },
    );
    owner.join(client);
    if (created) owner.start(this.links);
    return client;
  }

  private queueFull(): ExecutionResult {
    this.metrics.increment('subscription_queue_overflows_total');
    const message = `Esta conexão recebe os eventos mais devagar do que eles chegam (mais de ${this.queueLimit} à espera): a assinatura foi encerrada. Assine novamente.`;
    return { errors: [new GraphQLError(message, { extensions: { code: SUBSCRIPTION_QUEUE_FULL, limit: this.queueLimit } })] };
  }

  /** Distinct subscriptions running upstream now. */
  get upstreamCount() {
    return this.active.size;
  }

  async close() {
    await this.links.close();
  }
}
