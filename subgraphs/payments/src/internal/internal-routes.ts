// The payments subgraph's internal endpoints (contracts in @medpay/contracts): a payment's facts for
// notifications, its outbox for analytics, the fraud labels for ai's training.
import * as contracts from '@medpay/contracts';
import { internalRoute, type InternalRoute, type OutboxFeed } from '@medpay/runtime';
import { todayInSaoPaulo } from '../checkout/plans.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { paymentFactsOf } from '../payments/payment-facts.js';
import { paymentRows } from '../payments/payment-store.js';
import { fraudAssessments } from '../payments/fraud-review.js';
import { PaymentsError } from '../errors.js';

export function paymentsInternalRoutes(deps: { prisma: PrismaClient; outbox: OutboxFeed; now?: () => Date }): InternalRoute[] {
  const { prisma, outbox, now = () => new Date() } = deps;
  return [
    // Notifications renders a message about a payment from what it is now (404: unknown payment).
    internalRoute(contracts.paymentFacts, async ({ paymentId }) => {
      const payment = await paymentRows.withChargesAndInstallments(prisma, paymentId);
      return payment && paymentFactsOf(payment, todayInSaoPaulo(now()));
    }),
    // Analytics reads what was published here (its feed on the embedded default, and backfills).
    internalRoute(contracts.outboxFeed, (request) => outbox.published(request)),
    // The features and outcomes of reviewed or disputed checkouts: served to ai's training only.
    internalRoute(contracts.fraudLabels, async ({ afterPaymentId, limit }, claims) => {
      if (claims.sub !== 'ai') throw new PaymentsError('FORBIDDEN', 'Só o treinamento antifraude lê os rótulos.');
      return { labels: await fraudAssessments.labels(prisma, afterPaymentId, limit) };
    }),
  ];
}
