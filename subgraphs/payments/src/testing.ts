// What the payments subgraph's own tests share (never imported by the service): a migrated embedded
// database, and a procedure as the catalog would hand it to checkout.
import { createLogger, Metrics, openDatabase, type Database } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PrismaClient } from './generated/prisma/client.js';
import type { CatalogProcedure } from './internal/directory.js';
import { RULES_ONLY, type FraudScreen } from './checkout/fraud-screen.js';
import { CreditCheck } from './crediario/credit-check.js';

/** A fresh in-memory PGlite with payments' migrations applied. */
export const openTestDatabase = (): Promise<Database<PrismaClient>> =>
  openDatabase({
    service: 'payments',
    url: 'pglite:memory',
    migrationsDir: fileURLToPath(new URL('../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });

/** A R$ 1.200,00 procedure, six times interest-free on card, at an active clinic. */
export const testProcedure = (): CatalogProcedure => ({
  id: randomUUID(),
  name: 'Clareamento',
  category: 'Odontologia',
  priceCentavos: 120_000,
  interestFreeInstallments: 6,
  active: true,
  clinic: { id: randomUUID(), status: 'ACTIVE', tradeName: 'Sorriso', legalName: 'Sorriso Ltda', cnpj: '11222333000181', payoutBankAccount: null },
});

/** What checkout asks ai where ai is not part of the test: what payments decides when ai does not answer. */
export const withoutAi = { fraud: { assess: async () => RULES_ONLY } satisfies Pick<FraudScreen, 'assess'>, credit: new CreditCheck(null, createLogger('payments-test', 'silent')) };
