// Thin resolvers: read arguments and claims, call checkout, the payment actions or the store, shape
// the answer. Every payment reached here was checked against the caller (payer, clinic, admin).
import { decodeCursor, forbidden, notFound, pageSize, toConnection, type RequestContext } from '@medpay/runtime';
import type { PaymentAccess } from './access.js';
import type { Checkout, CheckoutInput } from './checkout.js';
import type { Directory } from './directory.js';
import type { StatementEntry } from './clinic-statement.js';
import type { Charge, Installment, Payment, PaymentStatus, Prisma } from './generated/prisma/client.js';
import { lateChargesCentavos } from './late-charges.js';
import type { PaymentActions, RefundInput } from './payment-actions.js';
import type { PaymentChange, PaymentEventFeed } from './payment-events.js';
import type { ClinicPaymentFilter, PaymentSearch, PlatformPaymentFilter } from './payment-search.js';
import type { Page, PaymentLoaders, PaymentStore } from './payment-store.js';
import { addDays, period, type Interval } from './periods.js';
import { paymentPlans, planNets, todayInSaoPaulo } from './plans.js';
import type { Reconciliation } from './reconciliation.js';
import type { ReportStore } from './report-store.js';

export interface PaymentsContext extends RequestContext {
  access: PaymentAccess;
  checkout: Checkout;
  actions: PaymentActions;
  store: PaymentStore;
  search: PaymentSearch;
  reports: ReportStore;
  directory: Directory;
  reconciliation: Reconciliation;
  loaders: PaymentLoaders;
  events: PaymentEventFeed;
  platformFeeBasisPoints: number;
}

interface PageArgs {
  first?: number | null;
  after?: string | null;
}

const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;

/** A page of payments; totalCount is counted only when asked for. */
const connection = (page: Page<Payment>, count: () => Promise<number>) => ({ ...toConnection(page), totalCount: count });

async function paymentsWhere(where: Prisma.PaymentWhereInput, args: PageArgs, { store }: PaymentsContext) {
  return connection(await store.page(where, pageSize(args.first, 20), decodeCursor(args.after)), () => store.count(where));
}

const pixOf = (charge: Charge | undefined) =>
  charge?.pixCopiaECola && charge.status === 'ACTIVE' ? { copiaECola: charge.pixCopiaECola, qrCodePayload: charge.pixCopiaECola, expiresAt: iso(charge.expiresAt) } : null;
const boletoOf = (charge: Charge | undefined) =>
  charge?.boletoLine && charge.status === 'ACTIVE' ? { line: charge.boletoLine, barcode: charge.boletoBarcode, dueDate: charge.dueDate } : null;

/** The charge the patient should pay now: the latest open one. */
async function currentCharge(payment: Payment, { loaders }: PaymentsContext) {
  const charges = await loaders.charges.load(payment.id);
  return charges.filter((c) => c.status === 'ACTIVE').at(-1) ?? charges.at(-1);
}

async function visiblePayment(id: string, context: PaymentsContext): Promise<Payment | null> {
  const payment = await context.loaders.payment.load(id);
  return payment && (await context.access.canSee(payment)) ? payment : null;
}

export const resolvers = {
  Query: {
    paymentPlans: async (_: unknown, args: { procedureId: string; firstDueDay?: number | null }, { directory, platformFeeBasisPoints }: PaymentsContext) => {
      const [procedure] = await directory.procedures([args.procedureId]);
      if (!procedure || !procedure.active || procedure.clinic.status !== 'ACTIVE') throw notFound('Procedimento');
      return paymentPlans({
        priceCentavos: procedure.priceCentavos,
        interestFreeInstallments: procedure.interestFreeInstallments,
        procedureName: procedure.name,
        clinicName: procedure.clinic.tradeName,
        platformFeeBasisPoints,
        today: todayInSaoPaulo(),
        firstDueDay: args.firstDueDay,
      });
    },
    payment: async (_: unknown, { id }: { id: string }, context: PaymentsContext) => (await visiblePayment(id, context)) ?? Promise.reject(notFound('Pagamento')),
    myPayments: (_: unknown, args: PageArgs, context: PaymentsContext) => paymentsWhere({ payerId: context.access.requireUser() }, args, context),
    myInstallments: (_: unknown, __: unknown, { access, store }: PaymentsContext) => store.installmentsOfPayer(access.requireUser()),
    ledgerHealth: (_: unknown, __: unknown, { reconciliation }: PaymentsContext) => reconciliation.run(),
    payments: (_: unknown, args: PageArgs & { filter?: PlatformPaymentFilter | null }, context: PaymentsContext) => {
      if (!context.access.isAdmin) throw forbidden();
      return paymentsWhere(context.search.forPlatform(args.filter ?? {}), args, context);
    },
    platformFigures: async (_: unknown, args: { from?: string | null; to?: string | null }, { access, reports }: PaymentsContext) => {
      if (!access.isAdmin) throw forbidden();
      const to = args.to ?? todayInSaoPaulo();
      const range = period(args.from ?? addDays(to, -29), to);
      return { from: range.from, to: range.to, ...(await reports.platformFigures(range)) };
    },
    planNets: (_: unknown, args: { priceCentavos: number; interestFreeInstallments: number }, { platformFeeBasisPoints }: PaymentsContext) =>
      planNets(args.priceCentavos, args.interestFreeInstallments, platformFeeBasisPoints),
  },
  Mutation: {
    checkout: (_: unknown, { input }: { input: CheckoutInput }, { checkout, access, clientIp }: PaymentsContext) => checkout.checkout(input, { access, clientIp }),
    confirmProcedurePerformed: (_: unknown, { paymentId }: { paymentId: string }, { actions, access }: PaymentsContext) => actions.confirmProcedurePerformed(paymentId, access),
    refundPayment: (_: unknown, { input }: { input: RefundInput }, { actions, access }: PaymentsContext) => actions.refund(input, access),
    openDispute: (_: unknown, args: { paymentId: string; reason: string }, { actions, access }: PaymentsContext) => actions.openDispute(args.paymentId, args.reason, access),
    resolveDispute: (_: unknown, args: { paymentId: string; inFavorOf: 'CLINIC' | 'PATIENT' }, { actions, access }: PaymentsContext) =>
      actions.resolveDispute(args.paymentId, args.inFavorOf, access),
    payInstallment: (_: unknown, { installmentId }: { installmentId: string }, { actions, access }: PaymentsContext) => actions.payInstallment(installmentId, access),
  },
  // Who may watch is checked once, when subscribing; each event is then resolved with a fresh context.
  Subscription: {
    paymentStatusChanged: {
      subscribe: async (_: unknown, { paymentId }: { paymentId: string }, context: PaymentsContext) => {
        if (!(await visiblePayment(paymentId, context))) throw notFound('Pagamento');
        return context.events.watch((change) => change.paymentId === paymentId);
      },
      // The row as it is now, with the status this event announced: a later change read before this
      // event's delivery must not make two events show the same status.
      resolve: async (change: PaymentChange, _: unknown, { events }: PaymentsContext) => {
        const payment = await events.paymentOf(change);
        return payment && { ...payment, status: change.status, escrowState: change.escrowState };
      },
    },
    myPaymentEvents: {
      subscribe: (_: unknown, __: unknown, { access, events }: PaymentsContext) => {
        const payerId = access.requireUser();
        return events.watch((change) => change.payerId === payerId);
      },
      resolve: (change: PaymentChange) => change,
    },
    clinicPaymentEvents: {
      subscribe: async (_: unknown, { clinicId }: { clinicId: string }, { access, events }: PaymentsContext) => {
        await access.assertCanSeeClinic(clinicId);
        return events.watch((change) => change.clinicId === clinicId);
      },
      resolve: (change: PaymentChange) => change,
    },
  },
  PaymentEvent: {
    payment: (change: PaymentChange, _: unknown, { events }: PaymentsContext) => events.paymentOf(change),
  },
  Payment: {
    __resolveReference: ({ id }: { id: string }, context: PaymentsContext) => visiblePayment(id, context),
    amounts: (payment: Payment) => ({
      grossCentavos: payment.grossCentavos,
      platformFeeCentavos: payment.platformFeeCentavos,
      processingCostCentavos: payment.processingCostCentavos,
      clinicNetCentavos: payment.clinicNetCentavos,
      patientTotalCentavos: payment.patientTotalCentavos,
      refundedCentavos: payment.refundedCentavos,
    }),
    monthlyInterestRate: (payment: Payment) => Number(payment.monthlyInterestRate),
    cetAnnualRate: (payment: Payment) => Number(payment.cetAnnualRate),
    pix: async (payment: Payment, _: unknown, context: PaymentsContext) => pixOf(await currentCharge(payment, context)),
    boleto: async (payment: Payment, _: unknown, context: PaymentsContext) => boletoOf(await currentCharge(payment, context)),
    card: async (payment: Payment, _: unknown, context: PaymentsContext) => {
      const charge = (await context.loaders.charges.load(payment.id)).find((c) => c.method === 'CARD' && c.cardLast4);
      return charge ? { brand: charge.cardBrand, last4: charge.cardLast4, approved: charge.status === 'PAID', declineReason: charge.declineReason } : null;
    },
    installments: (payment: Payment, _: unknown, { loaders }: PaymentsContext) => loaders.installments.load(payment.id),
    history: async (payment: Payment, _: unknown, { loaders }: PaymentsContext) => (await loaders.history.load(payment.id)).map((change) => ({ ...change, at: iso(change.at) })),
    escrowReleaseDueAt: (payment: Payment) => iso(payment.escrowReleaseDueAt),
    createdAt: (payment: Payment) => iso(payment.createdAt),
    payer: (payment: Payment) => ({ __typename: 'User', id: payment.payerId }),
    clinic: (payment: Payment) => ({ __typename: 'Clinic', id: payment.clinicId }),
    procedure: (payment: Payment) => ({ __typename: 'Procedure', id: payment.procedureId }),
    ledgerEntries: async (payment: Payment, _: unknown, { loaders }: PaymentsContext) =>
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
  },
  StatementEntry: {
    at: (entry: StatementEntry) => iso(entry.at),
    payment: (entry: StatementEntry, _: unknown, { loaders }: PaymentsContext) => (entry.paymentId ? loaders.payment.load(entry.paymentId) : null),
  },
  Installment: {
    payment: (installment: Installment, _: unknown, { loaders }: PaymentsContext) => loaders.payment.load(installment.paymentId),
    lateChargesCentavos: (installment: Installment) =>
      installment.status === 'PAID' ? 0 : lateChargesCentavos(installment.amountCentavos, installment.dueDate, todayInSaoPaulo()),
    pix: async (installment: Installment, _: unknown, { loaders }: PaymentsContext) =>
      pixOf((await loaders.charges.load(installment.paymentId)).filter((c) => c.installmentNumber === installment.number).at(-1)),
    boleto: async (installment: Installment, _: unknown, { loaders }: PaymentsContext) =>
      boletoOf((await loaders.charges.load(installment.paymentId)).filter((c) => c.installmentNumber === installment.number).at(-1)),
  },
  User: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    payments: ({ id }: { id: string }, args: PageArgs, context: PaymentsContext) => {
      if (id !== context.access.userId && !context.access.isAdmin) throw forbidden();
      return paymentsWhere({ payerId: id }, args, context);
    },
  },
  Clinic: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
    payments: async ({ id }: { id: string }, args: PageArgs & { status?: PaymentStatus | null; filter?: ClinicPaymentFilter | null }, context: PaymentsContext) => {
      await context.access.assertCanSeeClinic(id);
      return paymentsWhere(await context.search.forClinic(id, args.filter ?? {}, args.status), args, context);
    },
    balance: async ({ id }: { id: string }, _: unknown, { access, store }: PaymentsContext) => {
      await access.assertCanSeeClinic(id);
      return store.clinicBalance(id);
    },
    statement: async ({ id }: { id: string }, args: { from: string; to: string }, { access, reports }: PaymentsContext) => {
      await access.assertCanSeeClinic(id);
      const range = period(args.from, args.to);
      return { from: range.from, to: range.to, ...(await reports.statement(id, range)) };
    },
    receivables: async ({ id }: { id: string }, args: { from: string; to: string; interval: Interval }, { access, reports }: PaymentsContext) => {
      await access.assertCanSeeClinic(id);
      return reports.receivables(id, period(args.from, args.to), args.interval, todayInSaoPaulo());
    },
  },
  Procedure: {
    __resolveReference: ({ id }: { id: string }) => ({ id }),
  },
};
