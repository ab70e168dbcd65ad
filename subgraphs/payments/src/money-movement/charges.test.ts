// charge.issued on a real (embedded) PostgreSQL: a PIX or boleto charge made payable at the gateway
// is announced once, in the transaction that activates it, at checkout and for each crediário
// installment; a card charge is not. The gateway is a small in-test implementation of the port and
// the directory answers the payer's identity without another service.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { domainEventPayloads } from '@medpay/contracts';
import { createLogger, FieldEncryption, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import type { CheckoutInput } from '../__generated__/resolvers-types.js';
import { Checkout } from '../checkout/checkout.js';
import { checkoutPlan } from '../checkout/checkout-decision.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import { todayInSaoPaulo } from '../checkout/plans.js';
import { issueInstallment } from '../crediario/collection.js';
import type { Boleto, BoletoRequest, CardCharge, CardChargeRequest, PaymentGateway, PixCharge, PixChargeRequest } from '../gateway/payment-gateway.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { Directory } from '../internal/directory.js';
import { noLinks, openTestDatabase, signsAtOnce, testDirectory, testProcedure, withoutAi } from '../testing.js';
import { ChargeIssuer } from './charges.js';
import { Settlement } from './settlement.js';

const procedure = testProcedure();
const secret = () => randomBytes(32).toString('base64url');
const logger = createLogger('payments-test', 'silent');
const unused = 'http://127.0.0.1:9';
const notInThisTest = () => Promise.reject(new Error('not used by this test'));

/** Makes charges as the gateway would answer them; `boletoDueDate` overrides the due date it answers. */
class ChargingGateway implements PaymentGateway {
  boletoDueDate: string | null = null;
  async createPixCharge(request: PixChargeRequest): Promise<PixCharge> {
    return { transactionId: `pix-${request.clientRequestId}`, copiaECola: '00020101021226', expiresAt: new Date(Date.now() + request.expiresInSeconds * 1000) };
  }
  async createBoleto(request: BoletoRequest): Promise<Boleto> {
    return { transactionId: `boleto-${request.clientRequestId}`, line: '1'.repeat(47), barcode: '1'.repeat(44), dueDate: this.boletoDueDate ?? request.dueDate };
  }
  async chargeCard(request: CardChargeRequest): Promise<CardCharge> {
    return { transactionId: `card-${request.clientRequestId}`, status: 'APPROVED', brand: 'VISA', last4: '4242' };
  }
  getCharge = notInThisTest;
  findChargeByClientRequestId = notInThisTest;
  cancelCharge = notInThisTest;
  blockBalance = notInThisTest;
  unblockBalance = notInThisTest;
  payout = notInThisTest;
  tedTransfer = notInThisTest;
  refund = notInThisTest;
  parseWebhook(): never {
    throw new Error('not used by this test');
  }
}

/** The payer's name and CPF, as the users subgraph would answer them. */
class KnownPayers extends Directory {
  constructor() {
    super(unused, unused, secret());
  }
  override async payerIdentity() {
    return { name: 'Paula Paciente', cpf: '52998224725' };
  }
}

let database: Database<PrismaClient>;
let charges: ChargeIssuer;
let checkout: Checkout;
const gateway = new ChargingGateway();
let kicks = 0;
beforeAll(async () => {
  database = await openTestDatabase();
  const prisma = database.prisma;
  const settlement = new Settlement(prisma, logger, 7, () => {});
  charges = new ChargeIssuer(prisma, gateway, new KnownPayers(), settlement, 3600, logger, () => void (kicks += 1));
  checkout = new Checkout(new CheckoutStore(prisma, new FieldEncryption(secret(), secret())), testDirectory(procedure), charges, signsAtOnce(prisma, charges), noLinks, withoutAi, 400, () => {});
}, 60_000);
afterAll(() => database?.close());

const as = { access: { requireUser: () => randomUUID() }, clientIp: '10.0.0.1' };
const issuedOf = (paymentId: string) => database.prisma.outboxEvent.findMany({ where: { aggregateId: paymentId, type: 'charge.issued' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
const chargesOf = (paymentId: string) => database.prisma.charge.findMany({ where: { paymentId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });

/** A crediário in three installments by `method`, contracted today. */
function crediario(method: 'PIX' | 'BOLETO'): CheckoutInput {
  const input = { procedureId: procedure.id, planId: 'CREDIARIO:3', method, firstDueDay: 10, idempotencyKey: `key-${randomUUID()}` };
  const { plan } = checkoutPlan(input, { procedure, platformFeeBasisPoints: 400, today: todayInSaoPaulo() });
  return { ...input, incomeBand: 'DE_2_A_4_SM', acceptedContractTermsHash: plan.contractTermsHash };
}

describe('charge.issued', () => {
  it("is written when checkout's PIX charge becomes payable, with its expiry and no installment, once however often it is issued", async () => {
    const kicksBefore = kicks;
    const input: CheckoutInput = { procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey: `key-${randomUUID()}` };
    const payment = await checkout.checkout(input, as);
    const [charge] = await chargesOf(payment.id);
    expect(charge).toMatchObject({ status: 'ACTIVE', method: 'PIX' });
    const events = await issuedOf(payment.id);
    expect(events.map((event) => event.payload)).toEqual([
      {
        paymentId: payment.id,
        payerId: payment.payerId,
        clinicId: procedure.clinic.id,
        method: 'PIX',
        installmentNumber: null,
        amountCentavos: payment.patientTotalCentavos,
        expiresAt: charge!.expiresAt!.toISOString(),
        dueDate: null,
      },
    ]);
    expect(domainEventPayloads['charge.issued'].parse(events[0]!.payload)).toEqual(events[0]!.payload);
    expect(kicks).toBe(kicksBefore + 1);

    // Issued again (a retried checkout, the worker holding the row as it was): the charge is active already.
    await checkout.checkout(input, as);
    await charges.issue({ ...charge!, status: 'CREATING' }, payment);
    expect(await issuedOf(payment.id)).toHaveLength(1);
  });

  it("is written for a boleto crediário's first installment at checkout and for a later one when it is issued, with due date and number", async () => {
    const payment = await checkout.checkout(crediario('BOLETO'), as);
    const installments = await database.prisma.installment.findMany({ where: { paymentId: payment.id }, orderBy: { number: 'asc' } });
    const second = installments[1]!;
    const charge = await issueInstallment(database.prisma, { ...second, payment });
    await charges.issue(charge!, payment);

    const payloads = (await issuedOf(payment.id)).map((event) => event.payload);
    expect(payloads).toEqual(
      installments.slice(0, 2).map((installment) => ({
        paymentId: payment.id,
        payerId: payment.payerId,
        clinicId: procedure.clinic.id,
        method: 'BOLETO',
        installmentNumber: installment.number,
        amountCentavos: installment.amountCentavos,
        expiresAt: null,
        dueDate: installment.dueDate,
      })),
    );
  });

  it('is not written for a card charge: its outcome is the payment status change', async () => {
    const payment = await checkout.checkout({ procedureId: procedure.id, planId: 'CARD:1', method: 'CARD', cardToken: 'tok', idempotencyKey: `key-${randomUUID()}` }, as);
    expect(payment.status).toBe('PAID');
    expect(await issuedOf(payment.id)).toHaveLength(0);
  });

  it('is not written when the activation rolls back, and the charge stays CREATING for a retry', async () => {
    // A due date off the contract: the event cannot be written, so the activation beside it is undone.
    gateway.boletoDueDate = '10/12/2026';
    try {
      const payerId = randomUUID();
      const input: CheckoutInput = { procedureId: procedure.id, planId: 'BOLETO', method: 'BOLETO', idempotencyKey: `key-${randomUUID()}` };
      await expect(checkout.checkout(input, { access: { requireUser: () => payerId }, clientIp: '10.0.0.1' })).rejects.toMatchObject({ name: 'ZodError' });
      const payment = await database.prisma.payment.findFirstOrThrow({ where: { payerId } });
      expect((await chargesOf(payment.id)).map((charge) => [charge.status, charge.boletoLine])).toEqual([['CREATING', null]]);
      expect(await issuedOf(payment.id)).toHaveLength(0);
    } finally {
      gateway.boletoDueDate = null;
    }
  });
});
