// The payments subgraph over real HTTP, on an embedded database seeded with the demo history: its
// internal endpoints answer only calls signed as one of our services (the outbox feed, a payment's
// facts), and the history it seeds is a sound one (balanced books, settled balances, every step
// announced, backdated and published) that a second start does not write again. Nothing here
// reaches the gateway, users or providers.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import * as contracts from '@medpay/contracts';
import { demoClinics, demoPatients } from '@medpay/demo-data';
import { CLAIMS_HEADER, InternalClient, scopesForRoles, serviceClaims, signClaims, type Claims } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'zod';
import { todayInSaoPaulo } from './checkout/plans.js';
import { loadPaymentsConfig } from './config.js';
import { installmentDue } from './crediario/late-charges.js';
import { account, balances } from './ledger/ledger-store.js';
import { startPaymentsService, type PaymentsService } from './service.js';

// Development secrets (the gateway's credentials) and the database go to a throwaway directory.
const dataDir = mkdtempSync(join(tmpdir(), 'medpay-payments-test-'));
process.env.MEDPAY_DATA_DIR = dataDir;
const SECRET = 'payments-test-internal-claims-secret-0123456789';
const unused = 'http://127.0.0.1:9';
const config = loadPaymentsConfig({
  PORT: '0',
  PAYMENTS_DATABASE_URL: `pglite:${join(dataDir, 'payments')}`,
  INTERNAL_CLAIMS_SECRET: SECRET,
  USERS_URL: unused,
  PROVIDERS_URL: unused,
  CELCOIN_BASE_URL: unused,
  SEED_DEMO_DATA: 'true',
  // The worker stays out of the way: what is checked here is the history as seeded.
  WORKER_INTERVAL_MS: '3600000',
  LOG_LEVEL: 'silent',
});

let payments: PaymentsService;
let startedAt: number;
beforeAll(async () => {
  startedAt = Date.now();
  payments = await startPaymentsService(config);
}, 300_000);

afterAll(async () => {
  await payments?.close();
  rmSync(dataDir, { recursive: true, force: true });
});

type FeedEvent = z.infer<typeof contracts.outboxFeedResponse>['events'][number];

const feed = (claims: Claims | null, body: unknown = { after: null, limit: 10 }) =>
  fetch(`${payments.url}/internal/outbox`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(claims ? { [CLAIMS_HEADER]: signClaims(claims, SECRET) } : {}) },
    body: JSON.stringify(body),
  });

/** The whole feed, read as analytics reads it: pages from the last event's cursor. */
async function readFeed(): Promise<FeedEvent[]> {
  const client = new InternalClient(payments.url, 'analytics', SECRET);
  const events: FeedEvent[] = [];
  for (;;) {
    const last = events.at(-1);
    const page = (await client.call(contracts.outboxFeed, { after: last ? { publishedAt: last.publishedAt, id: last.id } : null, limit: 400 }))!;
    if (page.events.length === 0) return events;
    events.push(...page.events);
  }
}

describe('the outbox feed (/internal/outbox)', () => {
  it('answers only calls with signed service claims, and refuses a request off the contract', async () => {
    const admin: Claims = { sub: '00000000-0000-4000-8000-000000000001', kind: 'user', roles: ['PLATFORM_ADMIN'], scopes: scopesForRoles(['PLATFORM_ADMIN']), exp: Math.floor(Date.now() / 1000) + 300 };
    expect((await feed(null)).status).toBe(403);
    expect((await feed(admin)).status).toBe(403);
    const answer = await feed(serviceClaims('analytics'), { after: null, limit: 3 });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { events: unknown[] }).events).toHaveLength(3);
    expect((await feed(serviceClaims('analytics'), { after: null, limit: 1001 })).status).toBe(400);
    expect((await feed(serviceClaims('analytics'), { after: { publishedAt: '2026-12-01T00:00:00.000Z', id: 'not-a-uuid' }, limit: 1 })).status).toBe(400);
  });
});

describe('payment facts (/internal/payment-facts)', () => {
  it("answers a seeded crediário as it stands, an overdue installment with payments' late charges for today, and 404 for an unknown payment", async () => {
    const overdue = await payments.prisma.installment.findFirstOrThrow({ where: { status: 'OVERDUE' }, include: { payment: true } });
    const client = new InternalClient(payments.url, 'notifications', SECRET);
    const facts = (await client.call(contracts.paymentFacts, { paymentId: overdue.paymentId }))!;
    expect(facts).toMatchObject({ paymentId: overdue.paymentId, payerId: overdue.payment.payerId, clinicId: overdue.payment.clinicId, planKind: 'CREDIARIO', status: overdue.payment.status });
    expect(facts.installments).toHaveLength(overdue.payment.installmentCount);
    const installment = facts.installments.find((row) => row.number === overdue.number)!;
    expect(installment).toEqual({ number: overdue.number, dueDate: overdue.dueDate, amountCentavos: overdue.amountCentavos, status: 'OVERDUE', ...installmentDue(overdue, todayInSaoPaulo()) });
    expect(installment.lateChargesCentavos).toBeGreaterThan(0);
    expect(await client.call(contracts.paymentFacts, { paymentId: randomUUID() })).toBeNull();
  });
});

describe('the demo history', () => {
  const day = 86_400_000;

  it('is about 150 payments over four months, mostly settled, some refunded, declined, expired, and crediários paid and overdue', async () => {
    const { prisma } = payments;
    const history = { holdReason: null };
    const byStatus = Object.fromEntries((await prisma.payment.groupBy({ by: ['status'], where: history, _count: true })).map((row) => [row.status, row._count]));
    expect(Object.values(byStatus).reduce((sum, count) => sum + count, 0)).toBe(150);
    expect(byStatus.PAID_OUT).toBeGreaterThan(110);
    for (const status of ['REFUNDED', 'DECLINED', 'EXPIRED']) expect(byStatus[status]).toBeGreaterThan(2);
    expect(Object.keys(byStatus).sort()).toEqual(['DECLINED', 'EXPIRED', 'PAID_OUT', 'REFUNDED']);
    const installments = Object.fromEntries((await prisma.installment.groupBy({ by: ['status'], _count: true })).map((row) => [row.status, row._count]));
    expect(installments.PAID).toBeGreaterThan(4);
    expect(installments.OVERDUE).toBeGreaterThan(0);
    // Paula, the demo login, keeps a clean credit history; Mariana never paid at Sorriso Paulista.
    const [paula, , mariana] = demoPatients;
    expect(await prisma.payment.count({ where: { payerId: paula!.id, planKind: 'CREDIARIO' } })).toBe(0);
    expect(await prisma.payment.count({ where: { payerId: mariana!.id, clinicId: demoClinics[0]!.id } })).toBe(0);
    const { _min, _max } = await prisma.payment.aggregate({ where: history, _min: { createdAt: true }, _max: { createdAt: true } });
    expect(_min.createdAt!.getTime()).toBeGreaterThanOrEqual(startedAt - 121 * day);
    expect(_max.createdAt!.getTime()).toBeLessThan(startedAt - 12 * 3_600_000);
  });

  it("holds one recent checkout for the back office's anti-fraud review, with no charge issued", async () => {
    const held = await payments.prisma.payment.findMany({ where: { holdReason: 'FRAUD_REVIEW' }, include: { fraudAssessment: true, charges: true } });
    expect(held).toHaveLength(1);
    expect(held[0]).toMatchObject({ status: 'AWAITING_PAYMENT', payerId: demoPatients[2]!.id, charges: [], fraudAssessment: { decision: 'REVIEW', source: 'MODEL', reviewDecision: null } });
    expect(held[0]!.createdAt.getTime()).toBeGreaterThan(startedAt - 3 * 3_600_000);
  });

  it('keeps the books balanced and reconciled, and leaves no money held for any clinic', async () => {
    const report = await payments.reconciliation.run();
    expect(report).toMatchObject({ balanced: true, discrepancies: [], accountMismatches: [], unbalancedTransactions: [] });
    const clinicAccounts = demoClinics.flatMap((clinic) => [account.escrow(clinic.id), account.clinicPayable(clinic.id)]);
    expect([...(await balances(payments.prisma, clinicAccounts)).values()].every((balance) => balance === 0)).toBe(true);
  });

  it('announces every step in the feed, on the contract, backdated to when it happened and published then', async () => {
    const { prisma } = payments;
    const events = await readFeed();
    expect(events).toHaveLength(await prisma.outboxEvent.count());
    const order = events.map((event) => `${event.publishedAt} ${event.id}`);
    expect(order).toEqual([...order].sort());
    for (const event of events) {
      expect(contracts.domainEventPayloads[event.type as contracts.DomainEventType].parse(event.payload)).toEqual(event.payload);
      expect(event.publishedAt).toBe(event.createdAt);
      expect(Date.parse(event.createdAt)).toBeGreaterThan(startedAt - 122 * day);
      expect(Date.parse(event.createdAt)).toBeLessThan(startedAt);
    }
    const ofType = (type: string) => events.filter((event) => event.type === type);
    // one simulation batch before each checkout: the history's 150 and the held one
    expect(ofType('plans.simulated')).toHaveLength(151);
    expect(ofType('installment.paid')).toHaveLength(await prisma.installment.count({ where: { status: 'PAID' } }));
    expect(ofType('installment.overdue')).toHaveLength(await prisma.installment.count({ where: { status: 'OVERDUE' } }));

    // Each payment: created first, with its split; then its status changes in the order of its history.
    const rows = await prisma.payment.findMany({ include: { history: { orderBy: { at: 'asc' } } } });
    for (const payment of rows) {
      const own = events.filter((event) => event.aggregateId === payment.id);
      expect(own[0]!.type).toBe('payment.created');
      // Written in the checkout's transaction: a few milliseconds after the payment's row.
      expect(Math.abs(Date.parse(own[0]!.createdAt) - payment.createdAt.getTime())).toBeLessThan(1000);
      expect(own[0]!.payload).toMatchObject({ grossCentavos: payment.grossCentavos, clinicNetCentavos: payment.clinicNetCentavos, platformFeeCentavos: payment.platformFeeCentavos, planKind: payment.planKind });
      const moves = own.filter((event) => event.type === 'payment.status_changed').map((event) => event.payload as { status: string; refundedCentavos: number });
      const statuses = moves.map((move) => move.status).filter((status, index, all) => status !== all[index - 1]);
      expect(statuses).toEqual(payment.history.map((change) => change.to));
      expect(moves.at(-1)).toMatchObject({ status: payment.status, refundedCentavos: payment.refundedCentavos });
      expect(payment.history.every((change) => change.at.getTime() >= payment.createdAt.getTime() && change.at.getTime() < startedAt)).toBe(true);
    }
  });

  it('is written once: a second start on the same database writes nothing', async () => {
    const count = async () => {
      const { prisma } = payments;
      return [await prisma.payment.count(), await prisma.outboxEvent.count(), await prisma.ledgerTransaction.count(), await prisma.paymentStatusChange.count()];
    };
    const before = await count();
    await payments.close();
    payments = await startPaymentsService(config);
    expect(await count()).toEqual(before);
  }, 120_000);
});
