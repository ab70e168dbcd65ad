// The payments subgraph's internal endpoints (contracts in @medpay/contracts): a payment's facts and a
// payment link's message for notifications, payment links for providers (the clinics' systems), its
// outbox for analytics, the fraud labels for ai's training.
import * as contracts from '@medpay/contracts';
import { internalRoute, isUuid, type InternalRoute, type OutboxFeed } from '@medpay/runtime';
import { todayInSaoPaulo } from '../checkout/plans.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { paymentFactsOf } from '../payments/payment-facts.js';
import { paymentRows } from '../payments/payment-store.js';
import { fraudAssessments } from '../payments/fraud-review.js';
import type { PaymentLinks } from '../links/payment-links.js';

export function paymentsInternalRoutes(deps: { prisma: PrismaClient; outbox: OutboxFeed; links: PaymentLinks; now?: () => Date }): InternalRoute[] {
  const { prisma, outbox, links, now = () => new Date() } = deps;
  return [
    // Providers makes a link for each appointment of a clinic's system it imports (once per source).
    internalRoute(contracts.createPaymentLink, async (request) => {
      const link = await links.create(request, 'providers');
      return { linkId: link.id, token: link.token, url: links.url(link), status: links.statusOf(link) };
    }),
    // Providers writes payments back to the clinics' systems from where their links stand.
    internalRoute(contracts.paymentLinkStates, async ({ linkIds }) => {
      const found = await prisma.paymentLink.findMany({ where: { id: { in: linkIds.filter(isUuid) } } });
      const payments = await prisma.payment.findMany({ where: { id: { in: found.flatMap((link) => (link.paymentId ? [link.paymentId] : [])) } }, include: { charges: { where: { status: 'PAID' } } } });
      const byId = new Map(payments.map((payment) => [payment.id, payment]));
      return {
        links: found.map((link) => {
          const payment = link.paymentId ? byId.get(link.paymentId) : undefined;
          const paidAt = payment?.charges.reduce<Date | null>((last, charge) => (charge.paidAt && (!last || charge.paidAt > last) ? charge.paidAt : last), null) ?? null;
          return {
            linkId: link.id,
            status: links.statusOf(link),
            paymentId: payment?.id ?? null,
            paymentStatus: payment?.status ?? null,
            method: payment?.method ?? null,
            paidCentavos: payment?.charges.reduce((sum, charge) => sum + charge.paidCentavos, 0) ?? 0,
            paidAt: paidAt?.toISOString() ?? null,
            refundedCentavos: payment?.refundedCentavos ?? 0,
          };
        }),
      };
    }),
    // Notifications sends a new link to its patient (who may have no account yet).
    internalRoute(contracts.paymentLinkMessage, async ({ linkId }) => {
      const link = await links.byId(linkId);
      if (!link) return null;
      const patient = links.patientOf(link);
      return { name: patient.name, email: patient.email, phone: patient.phone, url: links.url(link), procedureId: link.procedureId, clinicId: link.clinicId, expiresAt: link.expiresAt.toISOString(), status: links.statusOf(link) };
    }),
    // Notifications renders a message about a payment from what it is now (404: unknown payment).
    internalRoute(contracts.paymentFacts, async ({ paymentId }) => {
      const payment = await paymentRows.withChargesAndInstallments(prisma, paymentId);
      return payment && paymentFactsOf(payment, todayInSaoPaulo(now()));
    }),
    // Analytics reads what was published here (its feed on the embedded default, and backfills).
    internalRoute(contracts.outboxFeed, (request) => outbox.published(request)),
    // The features and outcomes of reviewed or disputed checkouts: served to ai's training only.
    internalRoute(contracts.fraudLabels, async ({ afterPaymentId, limit }) => {
      return { labels: await fraudAssessments.labels(prisma, afterPaymentId, limit) };
    }),
  ];
}
