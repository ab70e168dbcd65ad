// What a clinic, a patient or the platform does to a payment after checkout: confirm, refund, dispute,
// pay an installment.
import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const moneyMovementMutation: MutationResolvers = {
  confirmProcedurePerformed: (_, { paymentId }, { actions, access }) => actions.confirmProcedurePerformed(paymentId, access),
  refundPayment: (_, { input }, { actions, access }) => actions.refund(input, access),
  openDispute: (_, args, { actions, access }) => actions.openDispute(args.paymentId, args.reason, access),
  resolveDispute: (_, args, { actions, access }) => actions.resolveDispute(args.paymentId, args.inFavorOf, access),
  payInstallment: (_, { installmentId }, { actions, access }) => actions.payInstallment(installmentId, access),
};
