// Client subscriptions, shared: the same operation with the same variables by the same caller
// identity runs once upstream, however many sockets ask for it. Each event is resolved once through
// the plan and the result handed to every client on it; the last client to leave ends it upstream.
// A client that reads slower than events come holds at most `queueLimit` of them: past it, its
// subscription ends with SUBSCRIPTION_QUEUE_FULL (it may subscribe again), and the others go on.
//
// A broadcast subscription (its field marked @broadcast by the subgraph that owns it, and nothing
// it reads marked @personalData: see SubscriptionPlanner) is shared wider: by every caller with the
// same kind, roles, scopes and clinic, whoever the person is. Each identity joins only once the
// owning subgraph has said yes to its own subscribe (a check-only subscribe, subgraph-subscriptions.ts
// in the kit), so a group never lets in a caller the subgraph would refuse; events are resolved with
// the claims of the longest-standing member, whose rights are the same as everyone's in the group.
import { PushIterator, type Claims, type Logger, type Metrics } from '@medpay/runtime';
import { GraphQLError, type ExecutionResult } from 'graphql';
import type { SubscribePayload } from 'graphql-ws';
import { ResumePoint } from './resume-point.js';
import { accessClassOf, describeClose, identityOf, isGraphQLErrorList, type SubgraphLinks } from './subgraph-links.js';
import { subgraphError, type SubscriptionPlan, type SubscriptionPlanner } from './subscription-plans.js';

export const SUBGRAPH_UNAVAILABLE = 'SUBGRAPH_UNAVAILABLE';
export const SUBSCRIPTION_QUEUE_FULL = 'SUBSCRIPTION_QUEUE_FULL';

export interface SubscriptionRequest {
  plan: SubscriptionPlan;
  variables: Record<string, unknown>;
  claims: Claims | null;
}

/** The subscription as the owning subgraph is asked for it: only the variables it uses. */
function upstreamPayload({ plan, variables }: SubscriptionRequest): SubscribePayload {
  const used = Object.fromEntries((plan.primary.variableUsages ?? []).filter((name) => name in variables).map((name) => [name, variables[name]]));
  return { query: plan.primary.operation, operationName: plan.primary.operationName, variables: used };
}

class SharedSubscription {
  /** each client with the claims it subscribed with, the longest-standing first */
  private readonly clients = new Map<PushIterator<ExecutionResult>, Claims | null>();
  /** the identities the owning subgraph has let subscribe to this (broadcast) */
  readonly admitted = new Set<string>();
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
    // graphql-ws sends this same payload again when it resubscribes after a reconnect: it then asks
    // the subgraph for what came after the events received (`after`, read then), so nothing is lost
    // between, and what is replayed twice is dropped here.
    const resume = new ResumePoint();
    const payload = {
      ...upstreamPayload(this.request),
      extensions: {
        get after() {
          return resume.after;
        },
      },
    };
    this.unsubscribe = links.subscribe(plan.primary.serviceName, claims, payload, {
      next: (event) => {
        const { position, eventId } = event.extensions ?? {};
        if (typeof position === 'string' && !resume.accept(position, typeof eventId === 'string' ? eventId : undefined)) return;
        this.then(async () => this.broadcast(await this.owner.planner.resolve(plan, event, this.resolvingClaims(), variables)));
      },
      error: (error) => this.then(async () => this.finish(this.owner.failure(error, plan.primary.serviceName))),
      complete: () => this.then(async () => this.finish()),
    });
  }

  join(client: PushIterator<ExecutionResult>, claims: Claims | null) {
    this.clients.set(client, claims);
  }

  /** The longest-standing member's: one who left may have been signed out since. */
  private resolvingClaims(): Claims | null {
    const first = this.clients.values().next();
    return first.done ? this.request.claims : first.value;
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
    for (const client of this.clients.keys()) client.push(result);
  }

  private finish(last?: ExecutionResult) {
    if (!this.ended) {
      this.ended = true;
      this.onEnd();
    }
    for (const client of this.clients.keys()) {
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
    const { plan, claims } = request;
    const identity = identityOf(claims);
    const key = JSON.stringify([plan.broadcast ? accessClassOf(claims) : identity, plan.operationName, plan.source, request.variables]);
    let group: SharedSubscription | undefined;
    this.metrics.increment('subscriptions_active');
    const client = new PushIterator<ExecutionResult>(
      () => {
        this.metrics.increment('subscriptions_active', -1);
        group?.leave(client);
      },
      { limit: this.queueLimit, last: () => this.queueFull() },
    );
    const join = () => {
      if (client.done) return;
      group = this.groupFor(key, request);
      group.admitted.add(identity);
      group.join(client, claims);
    };
    if (!plan.broadcast || this.active.get(key)?.admitted.has(identity)) {
      join();
      return client;
    }
    // A new identity in a broadcast group: the owning subgraph decides whether it may subscribe.
    this.links.check(plan.primary.serviceName, claims, upstreamPayload(request)).then(
      (refusal) => {
        if (!refusal) return join();
        this.metrics.increment('subscription_checks_refused_total');
        client.push({ errors: refusal.map((error) => subgraphError(error, plan.primary.serviceName)) });
        client.end();
      },
      (error: unknown) => {
        client.push(this.failure(error, plan.primary.serviceName));
        client.end();
      },
    );
    return client;
  }

  /** The running subscription for `key`, started for `request` if there is none. */
  private groupFor(key: string, request: SubscriptionRequest): SharedSubscription {
    const running = this.active.get(key);
    if (running) return running;
    const fresh: SharedSubscription = new SharedSubscription(request, this, () => {
      if (this.active.get(key) === fresh) this.active.delete(key);
      this.metrics.increment('subscriptions_upstream_active', -1);
    });
    this.active.set(key, fresh);
    this.metrics.increment('subscriptions_upstream_active');
    fresh.start(this.links);
    return fresh;
  }

  /** What clients are told when the owning subgraph refuses or cannot be reached. */
  failure(error: unknown, subgraph: string): ExecutionResult {
    // graphql-ws hands the subgraph's own refusals over as a list of errors: they keep their codes.
    if (isGraphQLErrorList(error)) return { errors: error.map((item) => subgraphError(item, subgraph)) };
    this.logger.warn({ subgraph, reason: describeClose(error) }, 'subgraph unreachable; ending its subscriptions');
    this.metrics.increment('subscription_upstream_failures_total');
    return {
      errors: [
        new GraphQLError(`O serviço "${subgraph}" está indisponível no momento. Assine novamente em instantes.`, {
          extensions: { code: SUBGRAPH_UNAVAILABLE, serviceName: subgraph },
        }),
      ],
    };
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
