// Four months of demo payments for the embedded start, so that statements, reports and the analytics
// charts have a history: ~150 payments at the active demo clinics by the demo patients, mostly settled
// (paid, released, paid out), some refunded from escrow, declined or expired, and crediários with their
// installments paid or overdue. Every step is the one a live payment takes (the checkout store,
// settlement, refunds, installment collection), so the ledger stays balanced and reconciles; then what
// the step wrote is moved back to when it happened, and its outbox events are marked published at that
// time, so a reader of the outbox feed meets the history in order. Deterministic (a seeded PRNG: the
// same payments, with the same ids, relative to the day it runs) and idempotent (a payment already
// there is skipped). Never seeded into a configured database unless asked (SEED_DEMO_DATA).
import { demoAdmin, demoClinics, demoPatients, demoProcedureId } from '@medpay/demo-data';
import { scopesForRoles, type Claims } from '@medpay/runtime';
import type { CheckoutInput } from './__generated__/resolvers-types.js';
import { checkoutPlan, financedOf, newPayment, type NewPayment } from './checkout/checkout-decision.js';
import { inTransaction } from './transaction.js';
import { markSigned } from './crediario/contract-signing.js';
import { ruleRefusals } from './crediario/credit-check.js';
import type { CheckoutStore } from './checkout/checkout-store.js';
import type { FraudVerdict } from './checkout/fraud-screen.js';
import { requestHash } from './checkout/idempotency-store.js';
import { todayInSaoPaulo } from './checkout/plans.js';
import { INSTALLMENT_ISSUE_DAYS_AHEAD } from './checkout/pricing.js';
import { issueInstallment, markOverdueInstallments } from './crediario/collection.js';
import { installmentStore } from './crediario/installment-store.js';
import { plansSimulated } from './events/domain-events.js';
import { outboxStore } from './events/outbox-store.js';
import { Prisma, type Charge, type PrismaClient } from './generated/prisma/client.js';
import { Directory, type CatalogProcedure } from './internal/directory.js';
import { chargeStore } from './money-movement/charge-store.js';
import type { PaymentActions } from './money-movement/payment-actions.js';
import type { Settlement } from './money-movement/settlement.js';
import { transferStore } from './money-movement/transfer-store.js';
import { PaymentAccess } from './payments/access.js';
import { paymentRows } from './payments/payment-store.js';

export interface HistoryDeps {
  prisma: PrismaClient;
  checkout: CheckoutStore;
  settlement: Settlement;
  actions: PaymentActions;
  platformFeeBasisPoints: number;
}

const PAYMENTS = 150;
const HISTORY_DAYS = 120;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

type Outcome = 'PAID_OUT' | 'REFUNDED' | 'DECLINED' | 'EXPIRED' | 'CREDIARIO' | 'HELD';

/** Mulberry32: a small seeded PRNG, so every embedded start writes the same history. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

type Random = ReturnType<typeof prng>;
const between = (random: Random, low: number, high: number) => low + random() * (high - low);
const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
/** A version-4 UUID from the PRNG. */
const uuidOf = (random: Random) => {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = '89ab'[Math.floor(random() * 4)]!;
  const text = hex.join('');
  return `${text.slice(0, 8)}-${text.slice(8, 12)}-${text.slice(12, 16)}-${text.slice(16, 20)}-${text.slice(20)}`;
};

/** The active demo catalog as the providers subgraph would hand it to checkout. */
const catalog: CatalogProcedure[] = demoClinics.flatMap((clinic, clinicIndex) =>
  clinic.status !== 'ACTIVE'
    ? []
    : clinic.procedures.map((procedure, procedureIndex) => ({
        id: demoProcedureId(clinicIndex, procedureIndex),
        name: procedure.name,
        category: procedure.category,
        priceCentavos: procedure.priceCentavos,
        interestFreeInstallments: procedure.interestFreeInstallments,
        active: true,
        clinic: { id: clinic.id, status: clinic.status, tradeName: clinic.tradeName, legalName: clinic.legalName, cnpj: clinic.cnpj, payoutBankAccount: null },
      })),
);
const [paula, joao, mariana] = demoPatients as [(typeof demoPatients)[number], (typeof demoPatients)[number], (typeof demoPatients)[number]];

interface Scenario {
  paymentId: string;
  payerId: string;
  procedure: CatalogProcedure;
  outcome: Outcome;
  input: CheckoutInput;
  createdAt: Date;
  /** how many plan simulations came before the checkout */
  simulations: number;
  /** crediário: the first installment left unpaid (and every one after it), or none */
  defaultsFrom: number | null;
  /** this payment's own PRNG: its ids and times do not depend on the payments before it */
  random: Random;
  /** the anti-fraud verdict it was decided by; null for the history, paid before anti-fraud existed */
  verdict: FraudVerdict | null;
}

/**
 * The back office's demo review: Mariana, on a device three other accounts paid from today, pays
 * far above the clinic's usual ticket an hour after two other checkouts. The verdict is written by
 * hand (payments has no model, and ai is not up while the history is written), with reasons from ai's
 * table and a score between the model's REVIEW and DECLINE thresholds; it waits in the admin queue.
 */
const HELD_VERDICT: FraudVerdict = {
  source: 'MODEL',
  decision: 'REVIEW',
  score: 286,
  modelVersion: '1.0.0',
  reasons: [
    { code: 'TICKET_FAR_ABOVE_CLINIC_NORM', text: 'Valor muito acima do ticket habitual da clínica para este tipo de procedimento.' },
    { code: 'DEVICE_MANY_ACCOUNTS', text: 'Várias contas diferentes pagaram pelo mesmo dispositivo.' },
    { code: 'VELOCITY_CPF_24H', text: 'Muitas tentativas de pagamento com o mesmo CPF nas últimas 24 horas.' },
  ],
  features: { accountAgeDays: 120, deviceAgeDays: 0, cpfPayments1h: 2, cpfPayments24h: 2, deviceAccounts24h: 4, amountToClinicNorm: 4.2, amountToCategoryNorm: 3.1, methodPix: 1 },
};

/**
 * Two crediários each for João and Mariana (the credit rules allow two active contracts), the second
 * of each falling behind; Paula, the demo login, keeps a clean credit history to contract one live.
 */
const CREDIARIOS: Record<number, { payer: (typeof demoPatients)[number]; planId: string; defaultsFrom: number | null }> = {
  8: { payer: joao, planId: 'CREDIARIO:12', defaultsFrom: null },
  15: { payer: mariana, planId: 'CREDIARIO:10', defaultsFrom: null },
  45: { payer: joao, planId: 'CREDIARIO:6', defaultsFrom: 2 },
  60: { payer: mariana, planId: 'CREDIARIO:12', defaultsFrom: 2 },
};

/** Who paid what, how, and how it ended; Mariana never pays at Sorriso Paulista (its dashboard's demo filters on her find nothing). */
function scenarios(now: Date): Scenario[] {
  const start = now.getTime() - HISTORY_DAYS * DAY;
  return Array.from({ length: PAYMENTS }, (_, index) => {
    const random = prng(20_261_204 + index);
    const crediario = CREDIARIOS[index];
    const roll = random();
    const outcome: Outcome = crediario ? 'CREDIARIO' : roll < 0.05 ? 'DECLINED' : roll < 0.1 ? 'EXPIRED' : roll < 0.18 ? 'REFUNDED' : 'PAID_OUT';
    const sorriso = demoClinics[0]!.id;
    const payer = crediario?.payer ?? pick(random, [paula, joao, mariana]);
    const procedure = pick(random, catalog.filter((p) => (crediario ? p.priceCentavos >= 100_000 : true) && !(payer === mariana && p.clinic.id === sorriso)));
    // Spread over the period in order, in business hours (São Paulo is UTC−3), the last a day ago.
    const day = start + Math.floor(((index + random()) / PAYMENTS) * (HISTORY_DAYS - 1)) * DAY;
    const createdAt = new Date(day - (day % DAY) + Math.floor(between(random, 11, 23) * HOUR));
    const method =
      outcome === 'DECLINED' ? 'CARD' : outcome === 'EXPIRED' || crediario ? pick(random, ['PIX', 'BOLETO'] as const) : pick(random, ['PIX', 'PIX', 'CARD', 'CARD', 'BOLETO'] as const);
    // Card installments up to two past the clinic's sem juros limit, at most 12 (always on offer in the demo catalog).
    const cardCount = Math.min(12, 1 + Math.floor(random() * (procedure.interestFreeInstallments + 2)));
    const planId = crediario?.planId ?? (method === 'CARD' ? `CARD:${cardCount}` : method);
    return {
      paymentId: uuidOf(random),
      payerId: payer.id,
      procedure,
      outcome,
      input: { procedureId: procedure.id, planId, method, idempotencyKey: `demo-${index}`, ...(method === 'CARD' ? { cardToken: 'demo' } : {}) },
      createdAt,
      simulations: 2 + Math.floor(random() * 6),
      defaultsFrom: crediario?.defaultsFrom ?? null,
      random,
      verdict: null,
    };
  });
}

/** The held checkout of the demo's review queue (HELD_VERDICT), two hours ago. */
function heldScenario(now: Date): Scenario {
  const random = prng(20_261_207);
  const procedure = [...catalog].filter((p) => p.clinic.id !== demoClinics[0]!.id).sort((a, b) => b.priceCentavos - a.priceCentavos)[0]!;
  return {
    paymentId: uuidOf(random),
    payerId: mariana.id,
    procedure,
    outcome: 'HELD',
    input: { procedureId: procedure.id, planId: 'PIX', method: 'PIX', idempotencyKey: 'demo-held' },
    createdAt: new Date(now.getTime() - 2 * HOUR),
    simulations: 1,
    defaultsFrom: null,
    random,
    verdict: HELD_VERDICT,
  };
}

/** Where each table of a payment keeps when its rows were written. */
const WRITTEN_AT = [
  { table: 'payments', owner: 'id', columns: ['created_at', 'updated_at'] },
  { table: 'charges', owner: 'payment_id', columns: ['created_at'] },
  { table: 'payment_status_changes', owner: 'payment_id', columns: ['at'] },
  { table: 'transfers', owner: 'payment_id', columns: ['created_at', 'updated_at'] },
  { table: 'ledger_transactions', owner: 'payment_id', columns: ['created_at'] },
  { table: 'fraud_assessments', owner: 'payment_id', columns: ['assessed_at'] },
];

/**
 * Runs one step, then moves what it wrote (the aggregate's rows written since the step began, and its
 * outbox events, still unpublished: the relay does not run while seeding) back by the distance to
 * `at`, keeping the step's own order, and marks the events published when they happened. The only
 * writes here outside the stores: history is the one place that needs to say when something happened.
 */
async function step<T>(prisma: PrismaClient, aggregateId: string, at: Date, run: () => Promise<T>): Promise<T> {
  const began = new Date();
  const result = await run();
  const by = Prisma.sql`${at.getTime() - began.getTime()}::float8 * interval '1 millisecond'`;
  const moved = WRITTEN_AT.map(({ table, owner, columns }, index) => {
    const [name, ownerColumn] = [Prisma.raw(`moved_${index}`), Prisma.raw(owner)];
    const set = columns.map((column) => Prisma.sql`${Prisma.raw(column)} = CASE WHEN ${Prisma.raw(column)} >= ${began} THEN ${Prisma.raw(column)} + ${by} ELSE ${Prisma.raw(column)} END`);
    const written = columns.map((column) => Prisma.sql`${Prisma.raw(column)} >= ${began}`);
    return Prisma.sql`${name} AS (UPDATE ${Prisma.raw(table)} SET ${Prisma.join(set)} WHERE ${ownerColumn} = ${aggregateId}::uuid AND (${Prisma.join(written, ' OR ')}) RETURNING 1)`;
  });
  await prisma.$executeRaw`
    WITH ${Prisma.join(moved)}
    UPDATE outbox SET created_at = created_at + ${by}, published_at = created_at + ${by}
    WHERE published_at IS NULL AND created_at >= ${began} AND aggregate_id = ${aggregateId}`;
  return result;
}

/** The times of a payment's steps after its checkout, squeezed to end an hour before now when they would not. */
function timeline(createdAt: Date, offsets: number[], limit: number): Date[] {
  const last = createdAt.getTime() + offsets.at(-1)!;
  const squeeze = last > limit ? (limit - createdAt.getTime()) / offsets.at(-1)! : 1;
  return offsets.map((offset) => new Date(createdAt.getTime() + offset * squeeze));
}

/** 10:00–20:00 in São Paulo on a YYYY-MM-DD day, minus `daysBefore`. */
const onDay = (date: string, daysBefore: number, random: Random) => new Date(Date.parse(`${date}T13:00:00Z`) - daysBefore * DAY + Math.floor(random() * 10 * HOUR));

class History {
  private readonly limit: number;
  /** a platform admin refunds; a clinic's partner key confirms its procedures (claims only: no other service is asked) */
  private readonly admin: PaymentAccess;
  private readonly offline = new Directory('http://127.0.0.1:9', 'http://127.0.0.1:9', 'unused-unused-unused-unused-unused-unused');

  constructor(
    private readonly deps: HistoryDeps,
    now: Date,
  ) {
    this.limit = now.getTime() - HOUR;
    const admin: Claims = { sub: demoAdmin.id, kind: 'user', roles: ['PLATFORM_ADMIN'], scopes: scopesForRoles(['PLATFORM_ADMIN']), exp: Number.MAX_SAFE_INTEGER };
    this.admin = new PaymentAccess(admin, this.offline);
  }

  private step<T>(id: string, at: Date, run: () => Promise<T>) {
    return step(this.deps.prisma, id, at, run);
  }

  /** Writes one payment's history; false when it is there already. */
  async write(planned: Scenario): Promise<boolean> {
    const { prisma, checkout, platformFeeBasisPoints } = this.deps;
    if (await paymentRows.find(prisma, planned.paymentId)) return false;
    const { procedure, createdAt, payerId } = planned;
    const facts = { procedure, platformFeeBasisPoints, today: todayInSaoPaulo(createdAt) };
    let scenario = planned;
    let { plan } = checkoutPlan(scenario.input, facts);
    // Through payments' own credit rules (ai is not up while the history is written): a refused crediário is paid by PIX instead.
    if (plan.kind === 'CREDIARIO' && ruleRefusals(await checkout.creditHistory(payerId, todayInSaoPaulo(createdAt)), financedOf(plan)).length > 0) {
      scenario = { ...scenario, outcome: 'PAID_OUT', input: { ...scenario.input, planId: 'PIX', method: 'PIX' } };
      ({ plan } = checkoutPlan(scenario.input, facts));
    }
    const ids = [scenario.paymentId];
    const record = newPayment({ payerId, procedure, plan, method: scenario.input.method, now: createdAt, clientIp: '127.0.0.1', newId: () => ids.pop() ?? uuidOf(scenario.random) });

    const simulatedAt = new Date(createdAt.getTime() - 10 * MINUTE);
    await this.step(procedure.id, new Date(simulatedAt.getTime() + 5 * MINUTE), () =>
      outboxStore.append(prisma, plansSimulated({ clinicId: procedure.clinic.id, procedureId: procedure.id, category: procedure.category, count: scenario.simulations, windowStart: simulatedAt.toISOString() })),
    );
    await this.step(record.payment.id, createdAt, () =>
      checkout.create(record, { scope: `checkout:${payerId}`, key: `seed-${record.payment.id}`, hash: requestHash({ ...scenario.input, payerId }) }, scenario.verdict),
    );
    if (scenario.outcome === 'CREDIARIO') await this.crediario(scenario, record);
    else if (scenario.outcome !== 'HELD') await this.aVista(scenario, record);
    return true;
  }

  private async aVista({ outcome, createdAt, random, input }: Scenario, record: NewPayment) {
    const { settlement } = this.deps;
    const { payment: { id: paymentId }, charge } = record;
    const card = input.method === 'CARD';
    if (card) await chargeStore.recordCard(this.deps.prisma, charge.id, { gatewayTransactionId: `demo-${charge.id}`, cardBrand: pick(random, ['VISA', 'MASTERCARD', 'ELO']), cardLast4: String(1000 + Math.floor(random() * 9000)) });
    if (outcome === 'DECLINED') {
      await this.step(paymentId, new Date(createdAt.getTime() + 5_000), () => settlement.chargeDeclined(charge, 'Saldo insuficiente'));
      return;
    }
    const paidAfter = card ? 5_000 : input.method === 'PIX' ? between(random, 2, 30) * MINUTE : between(random, 0.5, 2.5) * DAY;
    if (outcome === 'EXPIRED') {
      const expiredAfter = input.method === 'PIX' ? HOUR : 4 * DAY;
      await this.step(paymentId, timeline(createdAt, [expiredAfter], this.limit)[0]!, () =>
        settlement.chargeEnded({ eventId: `demo:${charge.id}:expired`, transactionId: `demo-${charge.id}`, clientRequestId: charge.id, type: 'CHARGE_EXPIRED' }),
      );
      return;
    }
    const decided = between(random, 1, 12) * DAY;
    const [paidAt, blockedAt, decidedAt, settledAt] = timeline(createdAt, [paidAfter, paidAfter + MINUTE, paidAfter + decided, paidAfter + decided + between(random, 2, 20) * HOUR], this.limit);
    await this.paid(paymentId, charge, charge.amountCentavos, paidAt!);
    await this.step(paymentId, blockedAt!, () => settlement.escrowBlocked(paymentId));
    if (outcome === 'REFUNDED') {
      await this.step(paymentId, decidedAt!, () =>
        this.deps.actions.refund({ paymentId, amountCentavos: record.payment.grossCentavos, reason: 'Procedimento não realizado', idempotencyKey: `demo-refund-${paymentId}` }, this.admin),
      );
      await this.transferConfirmed(paymentId, 'REFUND', settledAt!);
    } else {
      await this.releasedAndPaidOut(record, decidedAt!, settledAt!);
    }
  }

  private async crediario({ createdAt, random, defaultsFrom }: Scenario, record: NewPayment) {
    const { payment: { id: paymentId }, charge: firstCharge } = record;
    const first = record.installments[0]!;
    // The first installment is paid soon after contracting (it activates the contract), before it falls due.
    const dueLimit = Math.min(this.limit, Date.parse(`${first.dueDate}T12:00:00Z`));
    const decided = between(random, 1, 12) * DAY;
    const signedAfter = between(random, 2, 30) * MINUTE;
    const paidAfter = signedAfter + between(random, 5, 120) * MINUTE;
    const [signedAt, paidAt, blockedAt] = timeline(createdAt, [signedAfter, paidAfter, paidAfter + MINUTE], dueLimit);
    const [decidedAt, settledAt] = timeline(blockedAt!, [decided, decided + between(random, 2, 20) * HOUR], this.limit);
    // The patient signed the contract (ClickSign) minutes after contracting: its first charge follows.
    await this.step(paymentId, signedAt!, () =>
      inTransaction(this.deps.prisma, async (tx) => {
        await markSigned(tx, await paymentRows.get(tx, paymentId), signedAt!);
        await chargeStore.create(tx, firstCharge);
      }),
    );
    await this.paid(paymentId, firstCharge, first.amountCentavos, paidAt!);
    await this.step(paymentId, blockedAt!, () => this.deps.settlement.escrowBlocked(paymentId));
    await this.releasedAndPaidOut(record, decidedAt!, settledAt!);

    const today = todayInSaoPaulo(new Date(this.limit));
    for (const scheduled of record.installments.slice(1)) {
      // Installments not yet due are left to the worker, which issues them ahead of their due date.
      if (scheduled.dueDate >= today) break;
      const installment = await installmentStore.byNumber(this.deps.prisma, paymentId, scheduled.number);
      const charge = await this.step(paymentId, onDay(scheduled.dueDate, INSTALLMENT_ISSUE_DAYS_AHEAD, random), () => issueInstallment(this.deps.prisma, { ...installment, payment: { method: record.payment.method } }));
      if (defaultsFrom === null || scheduled.number < defaultsFrom) {
        await this.paid(paymentId, charge!, scheduled.amountCentavos, onDay(scheduled.dueDate, Math.floor(random() * 5), random));
        continue;
      }
      // Unpaid: its charge lapses after the due date, and the next morning the installment is overdue.
      const [lapsedAt, overdueAt] = timeline(new Date(Date.parse(`${scheduled.dueDate}T03:00:00Z`) + DAY), [1, 3 * HOUR], this.limit);
      await this.step(paymentId, lapsedAt!, () =>
        this.deps.settlement.chargeEnded({ eventId: `demo:${charge!.id}:expired`, transactionId: `demo-${charge!.id}`, clientRequestId: charge!.id, type: 'CHARGE_EXPIRED' }),
      );
      await this.step(paymentId, overdueAt!, () => markOverdueInstallments(this.deps.prisma, todayInSaoPaulo(overdueAt!)));
    }
  }

  private paid(paymentId: string, charge: Pick<Charge, 'id'>, amountCentavos: number, paidAt: Date) {
    const transactionId = `demo-${charge.id}`;
    return this.step(paymentId, paidAt, () => this.deps.settlement.chargePaid({ eventId: `demo:${charge.id}:paid`, transactionId, clientRequestId: charge.id, amountCentavos, occurredAt: paidAt }));
  }

  /** The clinic confirms the procedure (escrow released, payout requested), and the payout arrives. */
  private async releasedAndPaidOut(record: NewPayment, releasedAt: Date, paidOutAt: Date) {
    const paymentId = record.payment.id;
    const clinic: Claims = { sub: `demo-${record.payment.clinicId}`, kind: 'partner', roles: [], scopes: [], clinicId: record.payment.clinicId, exp: Number.MAX_SAFE_INTEGER };
    await this.step(paymentId, releasedAt, () => this.deps.actions.confirmProcedurePerformed(paymentId, new PaymentAccess(clinic, this.offline)));
    await this.transferConfirmed(paymentId, 'PAYOUT', paidOutAt);
  }

  private async transferConfirmed(paymentId: string, kind: 'PAYOUT' | 'REFUND', at: Date) {
    const transfer = await transferStore.requestedFor(this.deps.prisma, paymentId, kind);
    if (!transfer) return;
    await this.step(paymentId, at, () => this.deps.settlement.transferEnded({ eventId: `demo:${transfer.id}:confirmed`, transactionId: `demo-${transfer.id}`, clientRequestId: transfer.id, confirmed: true }));
  }
}

/** Seeds the demo payments' history; returns how many payments it wrote (0 when they are all there). */
export async function seedDemoPayments(deps: HistoryDeps, now = new Date()): Promise<number> {
  const history = new History(deps, now);
  let written = 0;
  for (const scenario of [...scenarios(now), heldScenario(now)]) if (await history.write(scenario)) written += 1;
  return written;
}
