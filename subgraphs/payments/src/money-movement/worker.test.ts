// The payment worker on a real (embedded) PostgreSQL, run twice in a row: what it carries out at the
// gateway (escrow block, refund) happens once. The gateway is a small in-test implementation of the
// PaymentGateway port that records its calls; checkout uses an in-test charge issuer.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger, FieldEncryption, type Claims, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { Checkout } from '../checkout/checkout.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import type { EscrowRequest, PaymentGateway, RefundRequest, Transfer } from '../gateway/payment-gateway.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Directory } from '../internal/directory.js';
import { PaymentAccess } from '../payments/access.js';
import { ChargeIssuer } from './charges.js';
import { PaymentActions } from './payment-actions.js';
import { Settlement } from './settlement.js';
import { PaymentWorker } from './worker.js';
import { noLinks, openTestDatabase, signsAtOnce, testDirectory, testProcedure, withoutAi } from '../testing.js';

const procedure = testProcedure();
const secret = () => randomBytes(32).toString('base64url');
const logger = createLogger('payments-test', 'silent');
const unused = 'http://127.0.0.1:9';
const notInThisTest = () => Promise.reject(new Error('not used by this test'));

/** Records the money movements asked of it; everything else is outside this test. */
class RecordingGateway implements PaymentGateway {
  readonly blocks: EscrowRequest[] = [];
  readonly unblocks: EscrowRequest[] = [];
  readonly refunds: RefundRequest[] = [];
  createPixCharge = notInThisTest;
  createBoleto = notInThisTest;
  chargeCard = notInThisTest;
  getCharge = notInThisTest;
  findChargeByClientRequestId = notInThisTest;
  cancelCharge = notInThisTest;
  payout = notInThisTest;
  tedTransfer = notInThisTest;
  parseWebhook(): never {
    throw new Error('not used by this test');
  }
  async blockBalance(request: EscrowRequest) {
    this.blocks.push(request);
  }
  async unblockBalance(request: EscrowRequest) {
    this.unblocks.push(request);
  }
  async refund(request: RefundRequest): Promise<Transfer> {
    this.refunds.push(request);
    return { transactionId: `refund-${request.clientRequestId}`, status: 'PENDING' };
  }
}

let database: Database<PrismaClient>;
let checkout: Checkout;
let settlement: Settlement;
let actions: PaymentActions;
let worker: PaymentWorker;
const gateway = new RecordingGateway();
beforeAll(async () => {
  database = await openTestDatabase();
  const prisma = database.prisma;
  const directory = new Directory(unused, unused, secret());
  settlement = new Settlement(prisma, logger, 7, () => {});
  const charges = new ChargeIssuer(prisma, gateway, directory, settlement, 3600, logger);
  actions = new PaymentActions(prisma, settlement, charges, gateway, () => {});
  worker = new PaymentWorker(prisma, gateway, directory, charges, settlement, logger);
  checkout = new Checkout(new CheckoutStore(prisma, new FieldEncryption(secret(), secret())), testDirectory(procedure), { issue: async () => {} }, signsAtOnce(prisma, { issue: async () => {} }), noLinks, withoutAi, 400, () => {});
}, 60_000);
afterAll(() => database?.close());

const clinicKey: Claims = { sub: randomUUID(), kind: 'partner', roles: [], scopes: [], clinicId: procedure.clinic.id, exp: Math.floor(Date.now() / 1000) + 3600 };

describe('payment worker', () => {
  it('blocks a paid payment in escrow once and sends a refund once, however often it runs', async () => {
    const payment = await checkout.checkout(
      { procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey: `key-${randomUUID()}` },
      { access: { requireUser: () => randomUUID() }, clientIp: '10.0.0.1' },
    );
    const charge = await database.prisma.charge.findFirstOrThrow({ where: { paymentId: payment.id } });
    await settlement.chargePaid({ eventId: randomUUID(), transactionId: `tx-${charge.id}`, clientRequestId: charge.id, amountCentavos: payment.patientTotalCentavos, occurredAt: new Date() });

    await worker.runOnce();
    await worker.runOnce();
    expect(gateway.blocks.filter((block) => block.correlationId === payment.id)).toHaveLength(1);
    expect(await database.prisma.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { status: true } })).toEqual({ status: 'IN_ESCROW' });

    const amountCentavos = Math.floor(payment.grossCentavos / 4);
    await actions.refund({ paymentId: payment.id, amountCentavos, reason: 'Procedimento reduzido', idempotencyKey: `refund-${randomUUID()}` }, new PaymentAccess(clinicKey, new Directory(unused, unused, secret())));
    await worker.runOnce();
    await worker.runOnce();
    expect(gateway.refunds.map((refund) => [refund.transactionId, refund.amountCentavos])).toEqual([[`tx-${charge.id}`, amountCentavos]]);
    expect(gateway.unblocks).toHaveLength(1);
    const transfers = await database.prisma.transfer.findMany({ where: { paymentId: payment.id }, select: { kind: true, status: true } });
    expect(transfers).toEqual([{ kind: 'REFUND', status: 'PENDING' }]);
  });
});
