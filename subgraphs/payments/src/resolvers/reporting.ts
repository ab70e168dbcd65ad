// Figures for the platform and a clinic: balance, statement, receivables.
import { forbidden } from '@medpay/runtime';
import type { ClinicResolvers, QueryResolvers, StatementEntryResolvers } from '../__generated__/resolvers-types.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import { addDays, period } from '@medpay/runtime';
import { iso } from './shared.js';

export const reportingQuery: QueryResolvers = {
  platformFigures: async (_, args, { access, reports }) => {
    if (!access.isAdmin) throw forbidden();
    const to = args.to ?? todayInSaoPaulo();
    const range = period(args.from ?? addDays(to, -29), to);
    return { from: range.from, to: range.to, ...(await reports.platformFigures(range)) };
  },
};

export const clinicReports: ClinicResolvers = {
  balance: async ({ id }, _, { access, store }) => {
    await access.assertCanSeeClinic(id);
    return store.clinicBalance(id);
  },
  statement: async ({ id }, args, { access, reports }) => {
    await access.assertCanSeeClinic(id);
    const range = period(args.from, args.to);
    return { from: range.from, to: range.to, ...(await reports.statement(id, range)) };
  },
  receivables: async ({ id }, args, { access, reports }) => {
    await access.assertCanSeeClinic(id);
    return reports.receivables(id, period(args.from, args.to), args.interval, todayInSaoPaulo());
  },
};

export const statementEntry: StatementEntryResolvers = {
  at: (entry) => iso(entry.at),
  payment: (entry, _, { loaders }) => (entry.paymentId ? loaders.payment.load(entry.paymentId) : null),
};
