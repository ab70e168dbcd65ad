// Receipts on a real (embedded) PostgreSQL: one per paid charge, issued once however many passes run,
// and charges whose receipt keeps failing do not fill the batch and starve the others.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLogger, DirectoryObjectStore, FieldEncryption, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Checkout } from '../checkout/checkout.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import type { Charge, PrismaClient } from '../generated/prisma/client.js';
import { noLinks, openTestDatabase, signsAtOnce, testDirectory, testProcedure, withoutAi } from '../testing.js';
import { Receipts } from './issuing.js';
import { PaymentDocuments } from './payment-documents.js';

const key = () => randomBytes(32).toString('base64url');
const procedure = testProcedure();
let database: Database<PrismaClient>;
let directory: string;
let documents: PaymentDocuments;
let paymentId: string;

beforeAll(async () => {
  database = await openTestDatabase();
  directory = await mkdtemp(join(tmpdir(), 'medpay-receipts-'));
  documents = new PaymentDocuments(database.prisma, new DirectoryObjectStore({ directory, secret: key(), publicBaseUrl: 'http://localhost:4000', downloadPath: '/documents/payments' }));
  const encryption = new FieldEncryption(key(), key());
  const checkout = new Checkout(new CheckoutStore(database.prisma, encryption), testDirectory(procedure), { issue: async () => {} }, signsAtOnce(database.prisma, { issue: async () => {} }), noLinks, withoutAi, 400, () => {});
  paymentId = (await checkout.checkout({ procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() }, { access: { requireUser: () => randomUUID() }, clientIp: '10.0.0.1' })).id;
}, 60_000);
afterAll(async () => {
  await database?.close();
  await rm(directory, { recursive: true, force: true });
});

/** Paid charges of the payment, a second apart from `hoursAgo`. */
async function paidCharges(count: number, hoursAgo: number): Promise<Charge[]> {
  const start = Date.now() - hoursAgo * 3_600_000;
  const made: Charge[] = [];
  for (let i = 0; i < count; i++) {
    made.push(await database.prisma.charge.create({ data: { id: randomUUID(), paymentId, method: 'PIX', status: 'PAID', amountCentavos: 1000, paidCentavos: 1000, paidAt: new Date(start + i * 1000) } }));
  }
  return made;
}

const receiptsOf = async (charges: Charge[]) => database.prisma.document.count({ where: { kind: 'RECEIPT', subject: { in: charges.map((charge) => charge.id) } } });

describe('receipts', () => {
  it('issues one receipt per paid charge, and a second pass issues nothing again', async () => {
    const charges = await paidCharges(3, 1);
    const receipts = new Receipts(database.prisma, { receipt: async () => new Uint8Array([1, 2, 3]) }, documents, createLogger('receipts-test', 'silent'));
    await receipts.pass();
    expect(await receiptsOf(charges)).toBe(3);
    expect(await receipts.pass()).toBe(0);
    expect(await receiptsOf(charges)).toBe(3);
  });

  it('backs off charges whose receipt keeps failing, so a full batch of them does not starve the next ones', async () => {
    const failing = await paidCharges(20, 3);
    const after = await paidCharges(2, 2);
    const poisoned = new Set(failing.map((charge) => charge.id));
    const facts = { receipt: async (_payment: unknown, charge: Charge) => (poisoned.has(charge.id) ? Promise.reject(new Error('dados do pagador indisponíveis')) : new Uint8Array([4, 5, 6])) };
    const receipts = new Receipts(database.prisma, facts, documents, createLogger('receipts-test', 'silent'));
    // The first pass meets the 20 failing ones (the oldest); the next reaches the two behind them.
    expect(await receipts.pass()).toBe(0);
    expect(await receipts.pass()).toBe(2);
    expect(await receiptsOf(after)).toBe(2);
    expect(await receiptsOf(failing)).toBe(0);
  });
});
