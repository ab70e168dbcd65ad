// What the payments subgraph's own tests share (never imported by the service): a migrated embedded
// database, a procedure as the catalog would hand it to checkout, and a patient who signs at once.
import { createLogger, Metrics, openDatabase, type Database } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { PrismaClient } from './generated/prisma/client.js';
import type { CatalogProcedure } from './internal/directory.js';
import { RULES_ONLY, type FraudScreen } from './checkout/fraud-screen.js';
import { CreditCheck } from './crediario/credit-check.js';
import { recordSignature } from './crediario/contract-signing.js';
import type { ChargeIssuer } from './money-movement/charges.js';

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

/**
 * The contract's signature where it is not what a test is about: the patient signs as soon as checkout
 * asks, and the first installment's charge is made and issued (as ContractSigning does when ClickSign
 * says the envelope closed).
 */
export const signsAtOnce = (prisma: PrismaClient, charges: Pick<ChargeIssuer, 'issue'>) => ({
  async send(paymentId: string) {
    const signed = await recordSignature(prisma, paymentId, new Date());
    if (signed?.charge) await charges.issue(signed.charge, { ...signed.payment, status: 'AWAITING_PAYMENT' });
  },
});

/** Payment links where a test pays through none. */
export const noLinks = { payable: async (): Promise<never> => Promise.reject(new Error('no payment links in this test')) };

/** What checkout asks of the other subgraphs, for these procedures: every payer's CPF regular at the Receita. */
export const testDirectory = (...catalog: CatalogProcedure[]) => ({
  procedures: async (ids: readonly string[]) => catalog.filter((procedure) => ids.includes(procedure.id)),
  cpfStanding: async () => ({ status: 'REGULAR', opensCredit: true }),
  payerIdentity: async () => null,
});
