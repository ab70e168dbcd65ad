// The ledger's health for the back office: balanced transactions, accounts that match the gateway.
import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const ledgerQuery: QueryResolvers = {
  ledgerHealth: (_, __, { reconciliation }) => reconciliation.run(),
};
