// The crediário contract's envelope on a real (embedded) PostgreSQL, with a ClickSign stand-in that
// records what it is asked: a contract that ends while its envelope is being made gets the envelope
// withdrawn (it must not stay signable), and two senders that meet the same envelope keep it.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { RequestedSignature } from '@medpay/clicksign';
import { createLogger, FieldEncryption, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { RULES_ONLY } from '../checkout/fraud-screen.js';
import { checkoutPlan, newPayment } from '../checkout/checkout-decision.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { openTestDatabase, testProcedure } from '../testing.js';
import { ContractSigning } from './contract-signing.js';

const procedure = testProcedure();
const key = () => randomBytes(32).toString('base64url');
const encryption = new FieldEncryption(key(), key());
let database: Database<PrismaClient>;

beforeAll(async () => {
  database = await openTestDatabase();
}, 60_000);
afterAll(() => database?.close());

/** A crediário checkout: AWAITING_SIGNATURE, its contract PENDING. */
async function crediario(): Promise<string> {
  const input = { procedureId: procedure.id, planId: 'CREDIARIO:3', method: 'BOLETO' as const, firstDueDay: 10, idempotencyKey: 'unused' };
  const { plan } = checkoutPlan(input, { procedure, platformFeeBasisPoints: 400, today: '2026-11-29' });
  const record = newPayment({ payerId: randomUUID(), procedure, plan, method: 'BOLETO', now: new Date(), clientIp: '10.0.0.1', newId: randomUUID });
  await new CheckoutStore(database.prisma, encryption).create(record, { scope: `checkout:${record.payment.payerId}`, key: randomUUID(), hash: 'h' }, RULES_ONLY);
  return record.payment.id;
}

/** ClickSign as the adapter answers: one envelope per reference; `during` runs while it is being made. */
function clickSign(during: () => Promise<void> = async () => {}) {
  const envelopes = new Map<string, RequestedSignature>();
  const withdrawn: string[] = [];
  return {
    withdrawn,
    async requestSignature(request: { externalReference: string }): Promise<RequestedSignature> {
      await during();
      const envelope = envelopes.get(request.externalReference) ?? ({ envelopeId: randomUUID(), documentId: randomUUID(), status: 'running', signers: [{ signerId: randomUUID(), name: 'Paciente', email: 'p@example.com', signingUrl: 'https://clicksign.test/sign/1' }] } as unknown as RequestedSignature);
      envelopes.set(request.externalReference, envelope);
      return envelope;
    },
    withdraw: async (envelopeId: string) => void withdrawn.push(envelopeId),
    signedDocument: async () => Promise.reject(new Error('not in this test')),
  };
}

const signing = (clicksign: ReturnType<typeof clickSign>) =>
  new ContractSigning(
    database.prisma,
    clicksign,
    async () => ({ signer: { name: 'Paciente', email: 'p@example.com', phone: null, cpf: '52998224725' }, pdf: async () => ({ filename: 'contrato.pdf', pdf: new Uint8Array([37, 80, 68, 70]) }) }),
    { issue: async () => ({}) as never },
    { issue: async () => {} },
    encryption,
    createLogger('contract-signing-test', 'silent'),
    () => {},
  );

describe('contract envelopes', () => {
  it('withdraws an envelope made while the contract ended, so it cannot be signed', async () => {
    const paymentId = await crediario();
    // The 48-hour sweep expires the contract while ClickSign is still answering.
    const clicksign = clickSign(async () => void (await database.prisma.contractSignature.update({ where: { paymentId }, data: { status: 'EXPIRED' } })));
    await signing(clicksign).send(paymentId);
    const signature = await database.prisma.contractSignature.findUniqueOrThrow({ where: { paymentId } });
    expect(signature).toMatchObject({ status: 'EXPIRED', envelopeId: null });
    expect(clicksign.withdrawn).toHaveLength(1);
  });

  it('keeps the envelope another sender recorded first (both found it by its reference)', async () => {
    const paymentId = await crediario();
    let second: Promise<void> | undefined;
    const clicksign: ReturnType<typeof clickSign> = clickSign(async () => {
      if (second) return;
      // ClickSign is slow: the first sender's claim runs out, and a second sender makes and records the envelope.
      await database.prisma.contractSignature.update({ where: { paymentId }, data: { claimedUntil: new Date(0) } });
      second = signing(clicksign).send(paymentId);
      await second;
    });
    await signing(clicksign).send(paymentId);
    const signature = await database.prisma.contractSignature.findUniqueOrThrow({ where: { paymentId } });
    expect(signature.status).toBe('SENT');
    expect(signature.envelopeId).not.toBeNull();
    expect(clicksign.withdrawn).toEqual([]);
  });
});
