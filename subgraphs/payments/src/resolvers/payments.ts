// Payments as the patient, the clinic and the platform read them: one payment, pages of payments,
// installments, and the Payment and Installment fields built from their rows.
import { Caller, forbidden, isUuid, notFound } from '@medpay/runtime';
import type {
  ClinicResolvers,
  FraudDecision,
  FraudReviewDecision,
  MutationResolvers,
  InstallmentResolvers,
  PaymentResolvers,
  PaymentStatusChangeResolvers,
  PersonalDataResolvers,
  ProcedureResolvers,
  QueryResolvers,
  UserResolvers,
} from '../__generated__/resolvers-types.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import { installmentDue } from '../crediario/late-charges.js';
import { awaitingReview, FRAUD_REVIEW_HOLD } from '../payments/fraud-review.js';
import { boletoOf, currentCharge, iso, paymentsWhere, pixOf, referencedPayment, visiblePayment } from './shared.js';

export const paymentsQuery: QueryResolvers = {
  payment: async (_, { id }, context) => (await visiblePayment(id, context)) ?? Promise.reject(notFound('Pagamento')),
  myPayments: (_, args, context) => paymentsWhere({ payerId: context.access.requireUser() }, args, context),
  myInstallments: (_, __, { access, store }) => store.installmentsOfPayer(access.requireUser()),
  payments: (_, args, context) => {
    if (!context.access.isAdmin) throw forbidden();
    return paymentsWhere(context.search.forPlatform(args.filter ?? {}), args, context);
  },
  fraudReviewQueue: (_, args, context) => {
    if (!context.access.isAdmin) throw forbidden();
    return paymentsWhere(awaitingReview, args, context);
  },
};

export const paymentsMutation: MutationResolvers = {
  decideFraudReview: (_, { paymentId, decision, note }, { access, fraudReview }) => {
    if (!access.isAdmin) throw forbidden();
    if (!isUuid(paymentId)) throw notFound('Pagamento');
    return fraudReview.decide(paymentId, decision, note, access.requireUser());
  },
};

export const payment: PaymentResolvers = {
  __resolveReference: ({ id }, context) => visiblePayment(id, context),
  amounts: (payment) => ({
    grossCentavos: payment.grossCentavos,
    platformFeeCentavos: payment.platformFeeCentavos,
    processingCostCentavos: payment.processingCostCentavos,
    clinicNetCentavos: payment.clinicNetCentavos,
    patientTotalCentavos: payment.patientTotalCentavos,
    refundedCentavos: payment.refundedCentavos,
  }),
  monthlyInterestRate: (payment) => Number(payment.monthlyInterestRate),
  cetAnnualRate: (payment) => Number(payment.cetAnnualRate),
  pix: async (payment, _, context) => pixOf(await currentCharge(payment, context)),
  boleto: async (payment, _, context) => boletoOf(await currentCharge(payment, context)),
  card: async (payment, _, context) => {
    const charge = (await context.loaders.charges.load(payment.id)).find((c) => c.method === 'CARD' && c.cardLast4);
    return charge ? { brand: charge.cardBrand, last4: charge.cardLast4, approved: charge.status === 'PAID', declineReason: charge.declineReason } : null;
  },
  installments: (payment, _, { loaders }) => loaders.installments.load(payment.id),
  history: (payment, _, { loaders }) => loaders.history.load(payment.id),
  escrowReleaseDueAt: (payment) => iso(payment.escrowReleaseDueAt),
  createdAt: (payment) => iso(payment.createdAt),
  payer: (payment) => ({ __typename: 'User', id: payment.payerId }),
  clinic: (payment) => ({ __typename: 'Clinic', id: payment.clinicId }),
  // Which procedure a person paid for is health data: a read by anyone but the payer is logged.
  procedure: (payment, _, { accesses }, info) => {
    accesses.read(info, payment.payerId, 'Payment.procedure', payment.clinicId);
    return { __typename: 'Procedure', id: payment.procedureId };
  },
  hold: (payment) => (payment.holdReason === FRAUD_REVIEW_HOLD ? 'FRAUD_REVIEW' : null),
  fraudAssessment: async (payment, _, { access, loaders }) => {
    if (!access.isAdmin) throw forbidden();
    const assessment = await loaders.fraudAssessment.load(payment.id);
    if (!assessment) return null;
    return {
      score: assessment.score,
      decision: assessment.decision as FraudDecision,
      reasons: assessment.reasons as { code: string; text: string }[],
      modelVersion: assessment.modelVersion,
      source: assessment.source,
      features: Object.entries(assessment.features as Record<string, number>).map(([name, value]) => ({ name, value })),
      assessedAt: iso(assessment.assessedAt)!,
      review: assessment.reviewDecision ? { decision: assessment.reviewDecision as FraudReviewDecision, note: assessment.reviewNote, decidedAt: iso(assessment.reviewedAt)! } : null,
    };
  },
  ledgerEntries: async (payment, _, { loaders }) =>
    (await loaders.ledger.load(payment.id)).flatMap((transaction) =>
      transaction.entries.map((entry) => ({
        transactionId: transaction.id,
        description: transaction.description,
        account: entry.accountId,
        direction: entry.direction,
        amountCentavos: Number(entry.amountCentavos),
        at: iso(transaction.createdAt),
      })),
    ),
};

export const paymentStatusChange: PaymentStatusChangeResolvers = {
  at: (change) => iso(change.at),
};

export const installment: InstallmentResolvers = {
  payment: (installment, _, { loaders }) => referencedPayment(loaders.payment.load(installment.paymentId)),
  lateChargesCentavos: (installment) => installmentDue(installment, todayInSaoPaulo()).lateChargesCentavos,
  pix: async (installment, _, { loaders }) => pixOf((await loaders.charges.load(installment.paymentId)).filter((c) => c.installmentNumber === installment.number).at(-1)),
  boleto: async (installment, _, { loaders }) => boletoOf((await loaders.charges.load(installment.paymentId)).filter((c) => c.installmentNumber === installment.number).at(-1)),
};

export const user: UserResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  payments: ({ id }, args, context) => {
    if (id !== context.access.userId && !context.access.isAdmin) throw forbidden();
    return paymentsWhere({ payerId: id }, args, context);
  },
};

/** The person's own data export: theirs alone, not even a platform admin's to read this way. */
export const personalData: PersonalDataResolvers = {
  __resolveReference: ({ userId }) => ({ userId }),
  payments: ({ userId }, _, { claims, personalData }) => {
    new Caller(claims).assertSelf(userId);
    return personalData.paymentsOf(userId);
  },
  moneyInFlight: ({ userId }, _, { claims, personalData }) => {
    new Caller(claims).assertSelf(userId);
    return personalData.moneyInFlightOf(userId);
  },
};

export const clinicPayments: ClinicResolvers = {
  __resolveReference: ({ id }) => ({ id }),
  payments: async ({ id }, args, context) => {
    await context.access.assertCanSeeClinic(id);
    return paymentsWhere(await context.search.forClinic(id, args.filter ?? {}, args.status), args, context);
  },
};

export const procedure: ProcedureResolvers = {
  __resolveReference: ({ id }) => ({ id }),
};
