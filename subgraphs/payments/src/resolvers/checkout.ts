// Checkout: the plans a procedure can be paid with, what the clinic nets from each, and the checkout itself.
import { notFound } from '@medpay/runtime';
import type { MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import { paymentPlans, planNets, todayInSaoPaulo } from '../checkout/plans.js';

export const checkoutQuery: QueryResolvers = {
  paymentPlans: async (_, args, { directory, platformFeeBasisPoints, simulations }) => {
    const [procedure] = await directory.procedures([args.procedureId]);
    if (!procedure || !procedure.active || procedure.clinic.status !== 'ACTIVE') throw notFound('Procedimento');
    const plans = paymentPlans({
      priceCentavos: procedure.priceCentavos,
      interestFreeInstallments: procedure.interestFreeInstallments,
      procedureName: procedure.name,
      clinicName: procedure.clinic.tradeName,
      platformFeeBasisPoints,
      today: todayInSaoPaulo(),
      firstDueDay: args.firstDueDay,
    });
    // Counted in memory and written in batches (simulation-counter.ts): a query never writes a row.
    simulations.count(procedure);
    return plans;
  },
  creditOffer: async (_, { procedureId, incomeBand }, { access, directory, checkoutStore, credit }) => {
    const payerId = access.requireUser();
    const [procedure] = await directory.procedures([procedureId]);
    if (!procedure || !procedure.active || procedure.clinic.status !== 'ACTIVE') throw notFound('Procedimento');
    const history = await checkoutStore.creditHistory(payerId, todayInSaoPaulo());
    const offer = await credit.decide({ incomeBand, history, priceCentavos: procedure.priceCentavos, plan: null });
    return { approved: offer.approved, maxAmountCentavos: offer.maxAmountCentavos, maxInstallments: offer.maxInstallments, reasons: offer.reasons };
  },
  planNets: (_, args, { platformFeeBasisPoints }) => planNets(args.priceCentavos, args.interestFreeInstallments, platformFeeBasisPoints),
};

export const checkoutMutation: MutationResolvers = {
  checkout: (_, { input }, { checkout, access, clientIp, deviceId }) => checkout.checkout(input, { access, clientIp, deviceId }),
  payWithCard: (_, { paymentId, cardToken }, { checkout, access }) => checkout.payWithCard(paymentId, cardToken, { access }),
};
