// What a clinic, a patient or the platform does to a payment after checkout: confirm, refund, dispute,
// pay an installment, settle a crediário early or cancel it.
import type { CrediarioPayoffQuoteResolvers, CrediarioPayoffResolvers, MutationResolvers, QueryResolvers } from '../__generated__/resolvers-types.js';
import type { PayoffPart } from '../money-movement/charge-store.js';
import { pixOf } from './shared.js';

export const moneyMovementQuery: QueryResolvers = {
  crediarioPayoffQuote: (_, args, { crediario, access }) => crediario.quote(args.paymentId, args.installments ?? null, args.date ?? null, access),
};

export const moneyMovementMutation: MutationResolvers = {
  confirmProcedurePerformed: (_, { paymentId }, { actions, access }) => actions.confirmProcedurePerformed(paymentId, access),
  refundPayment: (_, { input }, { actions, access }) => actions.refund(input, access),
  openDispute: (_, args, { actions, access }) => actions.openDispute(args.paymentId, args.reason, access),
  cancelCrediario: (_, { input }, { crediario, access }) => crediario.cancel(input, access),
  payOffCrediario: (_, { input }, { crediario, access }) => crediario.payOff(input, access),
  resolveDispute: (_, args, { actions, access }) => actions.resolveDispute(args.paymentId, args.inFavorOf, access),
  payInstallment: (_, { installmentId }, { actions, access }) => actions.payInstallment(installmentId, access),
};

export const crediarioPayoffQuote: CrediarioPayoffQuoteResolvers = {
  installments: (quote) => quote.lines,
};

export const crediarioPayoff: CrediarioPayoffResolvers = {
  installmentNumbers: (charge) => ((charge.payoff ?? []) as PayoffPart[]).map((part) => part.number),
  totalCentavos: (charge) => charge.amountCentavos,
  pix: (charge) => pixOf(charge),
};
