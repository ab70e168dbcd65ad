// Settlement and refunds on a real (embedded) PostgreSQL: a paid charge is settled once however often
// the gateway repeats its webhook, and a refund never returns more than is left. Payments are created
// through the real checkout with an in-test charge issuer (nothing reaches a gateway); the Celcoin
// adapter and the directory are constructed but never called by the steps tested here.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger, FieldEncryption, Metrics, openDatabase, type Claims, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Checkout } from '../checkout/checkout.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import { CelcoinGateway } from '../gateway/celcoin-client.js';
import { PrismaClient } from '../generated/prisma/client.js';
import { Directory } from '../internal/directory.js';
import type { CatalogProcedure } from '../internal/directory.js';
import { PaymentAccess } from '../payments/access.js';
import { ChargeIssuer } from './charges.js';
import { PaymentActions } from './payment-actions.js';
import { Settlement } from './settlement.js';

const procedure: CatalogProcedure = {
  id: randomUUID(),
  name: 'Clareamento',
  priceCentavos: 120_000,
  interestFreeInstallments: 6,
  active: true,
  clinic: { id: randomUUID(), status: 'ACTIVE', tradeName: 'Sorriso', legalName: 'Sorriso Ltda', cnpj: '11222333000181' },
};
const secret = () => randomBytes(32).toString('base64url');
const logger = createLogger('payments-test', 'silent');
const unused = 'http://127.0.0.1:9';

let database: Database<PrismaClient>;
let checkout: Checkout;
let settlement: Settlement;
let actions: PaymentActions;
beforeAll(async () => {
  database = await openDatabase({
    service: 'payments',
    url: 'pglite:memory',
    migrationsDir: fileURLToPath(new URL('../../prisma/migrations', import.meta.url)),
    metrics: new Metrics(),
    createClient: (adapter) => new PrismaClient({ adapter }),
  });
  const prisma = database.prisma;
  const directory = new Directory(unused, unused, secret());
  const gateway = new CelcoinGateway({ baseUrl: unused, clientId: 'x', clientSecret: 'x', pixKey: 'x', merchantName: 'MedPay', merchantCity: 'Sao Paulo', webhookUser: 'x', webhookPassword: 'x', logger });
  settlement = new Settlement(prisma, logger, 7, () => {});
  actions = new PaymentActions(prisma, settlement, new ChargeIssuer(prisma, gateway, directory, settlement, 3600, logger), gateway, () => {});
  checkout = new Checkout(new CheckoutStore(prisma, new FieldEncryption(secret(), secret())), { procedures: async () => [procedure] }, { issue: async () => {} }, 400, () => {});
}, 60_000);
afterAll(() => database?.close());

const clinicKey: Claims = { sub: randomUUID(), kind: 'partner', roles: [], scopes: [], clinicId: procedure.clinic.id, exp: Math.floor(Date.now() / 1000) + 3600 };
const asClinic = () => new PaymentAccess(clinicKey, new Directory(unused, unused, secret()));

/** A PIX payment with its charge, as checkout leaves it. */
async function newPixPayment() {
  const payment = await checkout.checkout(
    { procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey: `key-${randomUUID()}` },
    { access: { requireUser: () => randomUUID() }, clientIp: '10.0.0.1' },
  );
  const charge = await database.prisma.charge.findFirstOrThrow({ where: { paymentId: payment.id } });
  return { payment, charge };
}

const paid = (chargeId: string, eventId: string, amountCentavos: number) => ({ eventId, transactionId: `tx-${chargeId}`, clientRequestId: chargeId, amountCentavos, occurredAt: new Date() });

describe('settlement of a paid charge', () => {
  it('settles once under a repeated webhook, and once when the same payment arrives under another event id', async () => {
    const { payment, charge } = await newPixPayment();
    expect(await settlement.chargePaid(paid(charge.id, 'evt-1', payment.patientTotalCentavos))).toBe(true);
    expect(await settlement.chargePaid(paid(charge.id, 'evt-1', payment.patientTotalCentavos))).toBe(false);
    await settlement.chargePaid(paid(charge.id, 'evt-2', payment.patientTotalCentavos));

    const after = await database.prisma.payment.findUniqueOrThrow({ where: { id: payment.id } });
    expect(after).toMatchObject({ status: 'PAID', escrowState: 'HELD' });
    expect(await database.prisma.ledgerTransaction.count({ where: { paymentId: payment.id } })).toBe(1);
    expect(await database.prisma.paymentStatusChange.count({ where: { paymentId: payment.id, to: 'PAID' } })).toBe(1);
  });
});

describe('refunds', () => {
  it('never return more than is left, and a retried refund moves money once', async () => {
    const { payment, charge } = await newPixPayment();
    await settlement.chargePaid(paid(charge.id, `evt-${randomUUID()}`, payment.patientTotalCentavos));
    const part = Math.floor(payment.grossCentavos / 3);
    const refund = { paymentId: payment.id, amountCentavos: part, reason: 'Procedimento reduzido', idempotencyKey: `refund-${randomUUID()}` };

    expect((await actions.refund(refund, asClinic())).refundedCentavos).toBe(part);
    expect((await actions.refund(refund, asClinic())).refundedCentavos).toBe(part);
    await expect(actions.refund({ ...refund, amountCentavos: payment.grossCentavos - part + 1, idempotencyKey: `refund-${randomUUID()}` }, asClinic())).rejects.toMatchObject({
      extensions: { code: 'REFUND_EXCEEDS_BALANCE' },
    });
    const rest = await actions.refund({ ...refund, amountCentavos: payment.grossCentavos - part, idempotencyKey: `refund-${randomUUID()}` }, asClinic());
    expect(rest).toMatchObject({ status: 'REFUNDED', refundedCentavos: payment.grossCentavos });
    await expect(actions.refund({ ...refund, amountCentavos: 1, idempotencyKey: `refund-${randomUUID()}` }, asClinic())).rejects.toMatchObject({
      extensions: { code: expect.stringMatching(/^REFUND_(EXCEEDS_BALANCE|NOT_ALLOWED)$/) },
    });

    const transfers = await database.prisma.transfer.findMany({ where: { paymentId: payment.id, kind: 'REFUND' }, select: { amountCentavos: true } });
    expect(transfers.map((t) => t.amountCentavos).sort((a, b) => a - b)).toEqual([part, payment.grossCentavos - part].sort((a, b) => a - b));
  });
});
