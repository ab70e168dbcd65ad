// Payment links on a real (embedded) PostgreSQL, paid through checkout: single use even when two
// checkouts race for one link; a link for one CPF only that CPF pays; canceled, expired, another
// procedure's — refused and nothing written; a source (an appointment) gets one link however often asked.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { FieldEncryption, type Database } from '@medpay/runtime';
import { randomBytes, randomUUID } from 'node:crypto';
import { Checkout } from '../checkout/checkout.js';
import { CheckoutStore } from '../checkout/checkout-store.js';
import type { PrismaClient } from '../generated/prisma/client.js';
import { openTestDatabase, signsAtOnce, testDirectory, testProcedure, withoutAi } from '../testing.js';
import { PaymentLinks } from './payment-links.js';

const key = () => randomBytes(32).toString('base64url');
const procedure = testProcedure();
const other = { ...testProcedure(), clinic: procedure.clinic };
let database: Database<PrismaClient>;
let links: PaymentLinks;
let checkout: Checkout;
/** the payer's CPF, as users would answer it */
const cpfOf = new Map<string, string>();

beforeAll(async () => {
  database = await openTestDatabase();
  const encryption = new FieldEncryption(key(), key());
  const directory = { ...testDirectory(procedure, other), payerIdentity: async (userId: string) => (cpfOf.has(userId) ? { name: 'Paciente Teste', cpf: cpfOf.get(userId)! } : null) };
  links = new PaymentLinks(database.prisma, directory, encryption, 'https://app.medpay.com.br', () => {});
  checkout = new Checkout(new CheckoutStore(database.prisma, encryption), directory, { issue: async () => {} }, signsAtOnce(database.prisma, { issue: async () => {} }), links, withoutAi, 400, () => {});
}, 60_000);
afterAll(() => database?.close());

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const newLink = (overrides: Partial<Parameters<PaymentLinks['create']>[0]> = {}) =>
  links.create({ clinicId: procedure.clinic.id, procedureId: procedure.id, patient: { name: 'Rita Alves', email: 'rita@example.com', phone: '(11) 98765-4321' }, expiresAt: inDays(7), ...overrides }, 'staff-1');
const pay = (token: string, payerId: string, procedureId = procedure.id) =>
  checkout.checkout({ procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: `key-${randomUUID()}`, paymentLinkToken: token }, { access: { requireUser: () => payerId }, clientIp: '10.0.0.1' });
const code = (promise: Promise<unknown>) => promise.then(() => 'OK', (error: { extensions?: { code?: string } }) => error.extensions?.code ?? String(error));

describe('payment links', () => {
  it('makes a short unguessable token, keeps the patient encrypted, and says where the patient pays', async () => {
    const link = await newLink();
    expect(link.token).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(links.url(link)).toBe(`https://app.medpay.com.br/pagar/${link.token}`);
    expect(link.patientEncrypted).not.toContain('rita');
    expect(links.patientOf(link)).toEqual({ name: 'Rita Alves', email: 'rita@example.com', phone: '+5511987654321', cpf: null });
    expect(await database.prisma.outboxEvent.count({ where: { type: 'payment_link.created', aggregateId: link.id } })).toBe(1);
  });

  it('is paid once: of two checkouts at once through one link, one pays and the other is refused, writing nothing', async () => {
    const link = await newLink();
    const before = await database.prisma.payment.count();
    const outcomes = await Promise.all([code(pay(link.token, randomUUID())), code(pay(link.token, randomUUID()))]);
    expect(outcomes.sort()).toEqual(['OK', 'PAYMENT_LINK_INVALID']);
    expect(await database.prisma.payment.count()).toBe(before + 1);
    const used = (await links.byId(link.id))!;
    expect(links.statusOf(used)).toBe('USED');
    expect(used.paymentId).not.toBeNull();
    expect(await code(links.cancel(used))).toBe('PAYMENT_LINK_USED');
  });

  it('lets only the CPF it names pay, and refuses another procedure, a canceled and an expired link', async () => {
    const cpfLink = await newLink({ patient: { name: 'Rita Alves', email: 'rita@example.com', cpf: '529.982.247-25' } });
    const stranger = randomUUID();
    cpfOf.set(stranger, '11144477735');
    expect(await code(pay(cpfLink.token, stranger))).toBe('PAYMENT_LINK_INVALID');
    const rita = randomUUID();
    cpfOf.set(rita, '52998224725');
    expect(await code(pay(cpfLink.token, rita, other.id))).toBe('PAYMENT_LINK_INVALID');
    expect(await code(pay(cpfLink.token, rita))).toBe('OK');

    const canceled = await links.cancel(await newLink());
    expect(links.statusOf(canceled)).toBe('CANCELED');
    expect(await code(pay(canceled.token, randomUUID()))).toBe('PAYMENT_LINK_INVALID');
    const expiring = await newLink();
    await database.prisma.paymentLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(links.statusOf((await links.byId(expiring.id))!)).toBe('EXPIRED');
    expect(await code(pay(expiring.token, randomUUID()))).toBe('PAYMENT_LINK_INVALID');
    expect(await code(pay('naoexiste123', randomUUID()))).toBe('PAYMENT_LINK_INVALID');
  });

  it('refuses bad input with the field, and gives one link per source however often asked at once', async () => {
    expect(await code(newLink({ expiresAt: inDays(120) }))).toBe('BAD_USER_INPUT');
    expect(await code(newLink({ patient: { name: 'Rita', email: 'não-é-email' } }))).toBe('BAD_USER_INPUT');
    expect(await code(newLink({ patient: { name: 'Rita Alves', email: 'rita@example.com', cpf: '111.111.111-11' } }))).toBe('BAD_USER_INPUT');
    expect(await code(newLink({ procedureId: randomUUID() }))).toBe('PROCEDURE_NOT_AVAILABLE');
    const source = `NINSAUDE:${randomUUID()}:4711`;
    const made = await Promise.all([newLink({ source }), newLink({ source }), newLink({ source })]);
    expect(new Set(made.map((link) => link.id)).size).toBe(1);
  });
});
