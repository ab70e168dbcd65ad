// The payments subgraph's internal endpoints (contracts in @medpay/contracts): its outbox for analytics.
import * as contracts from '@medpay/contracts';
import { internalRoute, type InternalRoute, type OutboxFeed } from '@medpay/runtime';

export function paymentsInternalRoutes(outbox: OutboxFeed): InternalRoute[] {
  return [
    // Analytics reads what was published here (its feed on the embedded default, and backfills).
    internalRoute(contracts.outboxFeed, (request) => outbox.published(request)),
  ];
}
