// The payments resolver map: one file per area, merged here type by type and checked against the
// resolver types generated from schema.graphql (npm run codegen).
import type { Resolvers } from '../__generated__/resolvers-types.js';
import { checkoutMutation, checkoutQuery } from './checkout.js';
import { clinicDocuments, crediarioContract, paymentDocuments } from './documents.js';
import { clinicLinks, linksMutation, linksQuery, paymentLink, paymentLinkView } from './links.js';
import { paymentEvent, subscription } from './events.js';
import { ledgerQuery } from './ledger.js';
import { crediarioPayoff, crediarioPayoffQuote, moneyMovementMutation, moneyMovementQuery } from './money-movement.js';
import { clinicPayments, installment, payment, paymentStatusChange, paymentsMutation, paymentsQuery, personalData, procedure, user } from './payments.js';
import { clinicReports, reportingQuery, statementEntry } from './reporting.js';

export type { PaymentsContext } from './context.js';

export const resolvers: Resolvers = {
  Query: { ...checkoutQuery, ...paymentsQuery, ...reportingQuery, ...ledgerQuery, ...moneyMovementQuery, ...linksQuery },
  Mutation: { ...checkoutMutation, ...moneyMovementMutation, ...paymentsMutation, ...linksMutation },
  PaymentLink: paymentLink,
  PaymentLinkView: paymentLinkView,
  Subscription: subscription,
  PaymentEvent: paymentEvent,
  Payment: { ...payment, ...paymentDocuments },
  CrediarioContract: crediarioContract,
  PaymentStatusChange: paymentStatusChange,
  Installment: installment,
  StatementEntry: statementEntry,
  CrediarioPayoff: crediarioPayoff,
  CrediarioPayoffQuote: crediarioPayoffQuote,
  User: user,
  PersonalData: personalData,
  Clinic: { ...clinicPayments, ...clinicReports, ...clinicDocuments, ...clinicLinks },
  Procedure: procedure,
};
