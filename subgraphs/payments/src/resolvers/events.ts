// Live payment changes. Who may watch is checked once, when subscribing; each event is then resolved
// with a fresh context.
import { notFound } from '@medpay/runtime';
import type { PaymentEventResolvers, SubscriptionResolvers } from '../__generated__/resolvers-types.js';
import type { PaymentChange } from '../events/payment-events.js';
import type { PaymentsContext } from './context.js';
import { referencedPayment, visiblePayment } from './shared.js';

export const subscription: SubscriptionResolvers = {
  paymentStatusChanged: {
    subscribe: async (_, { paymentId }, context) => {
      if (!(await visiblePayment(paymentId, context))) throw notFound('Pagamento');
      return context.events.watch((change) => change.paymentId === paymentId, context.resumeAfter);
    },
    // The row as it is now, with the status this event announced: a later change read before this
    // event's delivery must not make two events show the same status.
    resolve: async (change: PaymentChange, _: unknown, { events }: PaymentsContext) => {
      const payment = await referencedPayment(events.paymentOf(change));
      return { ...payment, status: change.status, escrowState: change.escrowState };
    },
  },
  myPaymentEvents: {
    subscribe: (_, __, { access, events, resumeAfter }) => {
      const payerId = access.requireUser();
      return events.watch((change) => change.payerId === payerId, resumeAfter);
    },
    resolve: (change: PaymentChange) => change,
  },
  clinicPaymentEvents: {
    subscribe: async (_, { clinicId }, { access, events, resumeAfter }) => {
      await access.assertCanSeeClinic(clinicId);
      return events.watch((change) => change.clinicId === clinicId, resumeAfter);
    },
    resolve: (change: PaymentChange) => change,
  },
};

export const paymentEvent: PaymentEventResolvers = {
  payment: (change, _, { events }) => referencedPayment(events.paymentOf(change)),
};
