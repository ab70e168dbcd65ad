// `npm run bench:analytics`: the analytics subgraph on the benchmark dataset (bench/domain.ts's
// DATASET, as domain events from a seeded PRNG: bench/lib/analytics-events.ts), in three measures:
//   1. consumption: events applied one at a time with applyEvent to a fresh embedded store on disk
//      (a temporary directory), events/s as the median of per-chunk rates; the part of the dataset
//      not applied event by event (BENCH_ANALYTICS_SAMPLE) is written as its fact documents with
//      insertOnce, computed by the same applyEvent into memory;
//   2. query latency on the full dataset: the busiest clinic's 90 days (interval DAY) and the
//      platform's 365 days (interval MONTH) through Figures, against the same clinic's figures by a
//      plain loop over the same facts in this thread;
//   3. lag under a checkout burst, end to end: a real stack (e2e/stack.ts), PIX checkouts paid through
//      the Celcoin simulator while a platform admin samples `analyticsLag` through the router.
// MongoDB side by side in 1 and 2 when MONGODB_URL is set (a database of its own, dropped after).
// Knobs: BENCH_ANALYTICS_SAMPLE (0.05: the share of payments, registrations and counters applied
// event by event; 1 applies all), BENCH_ANALYTICS_ROUNDS (15 per query, after 2 warm-ups; the
// platform query only while BENCH_ANALYTICS_PLATFORM_SECONDS, 150, last, 3 rounds at least),
// BENCH_ANALYTICS_BURST (60 checkouts, 10 at a time), BENCH_ANALYTICS_PARTS (consumption,queries,burst).
// Writes bench/results/analytics-<date>.md (and .json: headline rows and targets for bench/run.ts).
// Run with a larger heap and --expose-gc (npm run bench:analytics and bench/run.ts do): the events
// and the store's documents are held in memory, and are collected before the queries.
import { todayInSaoPaulo, addDays, type DomainEvent } from '@medpay/runtime';
import mongoose from 'mongoose';
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bearer, demoCast, startStack } from '../e2e/stack.js';
import { Figures } from '../subgraphs/analytics/src/figures.js';
import { applyEvent, type InstallmentFact, type PaymentFact } from '../subgraphs/analytics/src/projection.js';
import { openEmbeddedStore, openMongoStore, type Doc } from '@medpay/documents';
import { analyticsCollections, type AnalyticsStore, type CollectionName } from '../subgraphs/analytics/src/store/models.js';
import { DATASET } from './domain.js';
import { clinicFiguresByHand, memoryDocumentStore, type SimulationFact } from './lib/analytics-by-hand.js';
import { generateEventDataset, inTimeOrder, type EventGroup } from './lib/analytics-events.js';
import { benchRoot } from './lib/processes.js';
import { fixed, median, percentile, ratio, table } from './lib/stats.js';

const env = process.env;
const SAMPLE = Math.min(1, Math.max(0, Number(env.BENCH_ANALYTICS_SAMPLE ?? 0.05)));
const ROUNDS = Number(env.BENCH_ANALYTICS_ROUNDS ?? 15);
const WARMUPS = 2;
const PLATFORM_SECONDS = Number(env.BENCH_ANALYTICS_PLATFORM_SECONDS ?? 150);
const MIN_PLATFORM_ROUNDS = 3;
const BURST = Number(env.BENCH_ANALYTICS_BURST ?? 60);
const BURST_CONCURRENCY = 10;
const PARTS = new Set((env.BENCH_ANALYTICS_PARTS ?? 'consumption,queries,burst').split(','));
const MONGODB_URL = env.MONGODB_URL;
const CHUNK = 1_000;
const FILL_CONCURRENCY = 32;
const SIMULATION_WINDOWS = DATASET.payments / 2;
const CLINIC_TARGET_MS = 250;
const FRESHNESS_TARGET_S = 5;
const FACT_COLLECTIONS: CollectionName[] = ['payments', 'installments', 'simulations', 'patients'];

const startedAt = new Date();
const progress = (line: string) => console.log(`${line}…`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${fixed(value, value < 10 ? 1 : 0)} ms`;
const seconds = (value: number) => `${fixed(value, value < 10 ? 1 : 0)} s`;

// ---- 1. consumption ----

interface Consumption {
  store: string;
  applied: number;
  applySeconds: number;
  chunkRates: number[];
  filled: number;
  fillSeconds: number;
}

/** Applies the events one at a time, as the intake does, then writes the filled facts. */
async function consume(name: string, store: AnalyticsStore, events: DomainEvent[], fill: Doc[][]): Promise<Consumption> {
  const chunkRates: number[] = [];
  const started = performance.now();
  let chunkStarted = started;
  for (let index = 0; index < events.length; index += 1) {
    await applyEvent(store, events[index]!);
    if ((index + 1) % CHUNK !== 0) continue;
    const now = performance.now();
    chunkRates.push(CHUNK / ((now - chunkStarted) / 1000));
    chunkStarted = now;
    if ((index + 1) % (CHUNK * 10) === 0) progress(`  ${name}: ${fixed(index + 1)} of ${fixed(events.length)} events applied, ${fixed(chunkRates.at(-1)!)} events/s`);
  }
  const applySeconds = (performance.now() - started) / 1000;
  const fillStarted = performance.now();
  let filled = 0;
  for (const [collection, docs] of FACT_COLLECTIONS.map((collection, index) => [collection, fill[index]!] as const)) {
    let next = 0;
    await Promise.all(
      Array.from({ length: FILL_CONCURRENCY }, async () => {
        while (next < docs.length) {
          const doc = docs[next++]!;
          if (!(await store.insertOnce(collection, doc))) throw new Error(`${collection}/${doc._id} was already there: the applied and filled parts overlap`);
          filled += 1;
        }
      }),
    );
  }
  return { store: name, applied: events.length, applySeconds, chunkRates, filled, fillSeconds: (performance.now() - fillStarted) / 1000 };
}

// ---- 2. queries ----

interface Latencies {
  clinic: number[];
  platform: number[];
}

const timed = async (run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  return performance.now() - started;
};

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: median(sorted), p95: percentile(sorted, 95) };
};

// ---- 3. burst ----

interface Burst {
  checkouts: number;
  failed: number;
  firstError?: string;
  samples: { at: number; seconds: number; pending: number }[];
  startedAt: number;
  burstSeconds: number;
  lastEscrowAt: number;
  freshAt: number | null;
  events: number;
}

async function measureBurst(): Promise<Burst> {
  const stack = await startStack('embedded', { LOG_LEVEL: 'silent' });
  try {
    const { patient, admin, procedureId } = await demoCast(stack);
    const lag = async () => {
      const { body } = await stack.graphql<{ analyticsLag: { seconds: number; pending: number } }>('{ analyticsLag { seconds pending } }', {}, bearer(admin.accessToken));
      if (!body.data) throw new Error(`analyticsLag: ${JSON.stringify(body.errors)}`);
      return body.data.analyticsLag;
    };
    // Start from rest: the demo data's events consumed, the path warm.
    for (let settled = await lag(); settled.pending > 0; settled = await lag()) await sleep(100);

    const burstIds = new Set<string>();
    const escrowAt = new Map<string, number>();
    const unlisten = stack.payments.bus.subscribe((event) => {
      const payload = event.payload as { paymentId?: string; status?: string };
      if (event.type === 'payment.status_changed' && payload.status === 'IN_ESCROW' && payload.paymentId) escrowAt.set(payload.paymentId, Date.parse(event.createdAt));
    });
    const samples: Burst['samples'] = [];
    let launching = true;
    let sampling = true;
    let freshAt: number | null = null;
    let failed = 0;
    let firstError: string | undefined;
    const allEscrowed = () => !launching && [...burstIds].every((id) => escrowAt.has(id));
    // pending = 0 is only trusted with every burst payment's fact in escrow in the analytics store
    const factsCaughtUp = async () => {
      for (const id of burstIds) {
        const rank = (await stack.analytics.store.findById('payments', id))?.statusRank;
        if (typeof rank !== 'number' || rank < 2) return false;
      }
      return true;
    };
    const startedAt = Date.now();
    const sampler = (async () => {
      while (sampling) {
        const tick = Date.now();
        const { seconds, pending } = await lag();
        const at = Date.now();
        samples.push({ at, seconds, pending });
        if (freshAt === null && pending === 0 && allEscrowed() && (await factsCaughtUp())) freshAt = at;
        await sleep(Math.max(0, 100 - (Date.now() - tick)));
      }
    })();
    let launched = 0;
    await Promise.all(
      Array.from({ length: BURST_CONCURRENCY }, async () => {
        while (launched < BURST) {
          launched += 1;
          try {
            const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
              'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
              { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
              bearer(patient.accessToken),
            );
            if (!body.data?.checkout) throw new Error(JSON.stringify(body.errors));
            burstIds.add(body.data.checkout.id);
            const paid = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: body.data.checkout.pix.copiaECola }) });
            if (!paid.ok) throw new Error(`Celcoin simulator: ${paid.status} ${await paid.text()}`);
          } catch (error) {
            failed += 1;
            firstError ??= error instanceof Error ? error.message : String(error);
          }
        }
      }),
    );
    launching = false;
    const burstSeconds = (Date.now() - startedAt) / 1000;
    const deadline = Date.now() + 120_000;
    while (freshAt === null && Date.now() < deadline) await sleep(100);
    await sleep(2_000); // a little of the calm after it
    sampling = false;
    await sampler;
    unlisten();
    const [counted] = await stack.analytics.store.aggregate<{ n: number }>('events', [{ $match: { receivedAt: { $gte: new Date(startedAt) } } }, { $group: { _id: null, n: { $sum: 1 } } }]);
    return {
      checkouts: burstIds.size,
      failed,
      firstError,
      samples,
      startedAt,
      burstSeconds,
      lastEscrowAt: Math.max(...[...burstIds].map((id) => escrowAt.get(id) ?? NaN)),
      freshAt,
      events: counted?.n ?? 0,
    };
  } finally {
    await stack.close();
  }
}

// ---- the run ----

/** MONGODB_URL with a database of this run's own. */
const mongoDatabaseUrl = (url: string, name: string) => url.replace(/^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?(\?.*)?$/, `$1/${name}$3`);

const now = new Date();
const today = todayInSaoPaulo(now);
const clinicPeriod = { from: addDays(today, -89), to: today, interval: 'DAY' as const, today };
const platformPeriod = { from: addDays(today, -364), to: today, interval: 'MONTH' as const, today };

interface StoreUnderTest {
  name: string;
  store: AnalyticsStore;
  figures: Figures;
  consumption?: Consumption;
  latencies: Latencies;
  drop(): Promise<void>;
}

const summaries: string[] = [];
const sections: string[] = [];
const headline: string[][] = [];
const targets: string[] = [];
const notes: string[] = [];

async function openStores(): Promise<StoreUnderTest[]> {
  const dir = mkdtempSync(join(tmpdir(), 'medpay-analytics-bench-'));
  const embedded = await openEmbeddedStore(analyticsCollections, dir);
  const stores: StoreUnderTest[] = [
    { name: 'embedded (nedb + mingo, on disk)', store: embedded, figures: new Figures(embedded), latencies: { clinic: [], platform: [] }, drop: async () => rmSync(dir, { recursive: true, force: true }) },
  ];
  if (!MONGODB_URL) {
    notes.push('MongoDB not measured: MONGODB_URL is not set.');
    return stores;
  }
  const url = mongoDatabaseUrl(MONGODB_URL, `analytics_bench_${randomBytes(4).toString('hex')}`);
  const mongo = await openMongoStore(analyticsCollections, url);
  stores.push({
    name: 'MongoDB',
    store: mongo,
    figures: new Figures(mongo),
    latencies: { clinic: [], platform: [] },
    drop: async () => {
      const connection = await mongoose.createConnection(url).asPromise();
      await connection.dropDatabase();
      await connection.close();
    },
  });
  return stores;
}

/**
 * Part 1: the events generated, a sample applied event by event to each store, the rest filled.
 * Returns the busiest clinic; the events and the projection stay in here, garbage once it returns.
 */
async function runConsumption(stores: StoreUnderTest[]) {
  progress(`generating the events of ${fixed(DATASET.payments)} payments, ${fixed(DATASET.patients)} patients and ${fixed(SIMULATION_WINDOWS)} simulation counters`);
  let started = performance.now();
  const dataset = generateEventDataset({ ...DATASET, simulationWindows: SIMULATION_WINDOWS }, now);
  const generateSeconds = (performance.now() - started) / 1000;
  // Every k-th group (a payment with all its events, a registration, a counter) is applied event by
  // event, the others are filled: the two parts share no fact document.
  const every = SAMPLE > 0 ? Math.max(1, Math.round(1 / SAMPLE)) : Infinity;
  const appliedGroups: EventGroup[] = [];
  const filledGroups: EventGroup[] = [];
  const seen: Record<string, number> = {};
  for (const group of dataset.groups) {
    const index = (seen[group.kind] = (seen[group.kind] ?? -1) + 1);
    (index % every === 0 ? appliedGroups : filledGroups).push(group);
  }
  const applied = inTimeOrder(appliedGroups);
  const total = dataset.counts.events!;
  progress(`projecting the other ${fixed(total - applied.length)} events into memory (the facts to fill)`);
  started = performance.now();
  const projection = memoryDocumentStore();
  for (const event of inTimeOrder(filledGroups)) await applyEvent(projection, event);
  const fill = FACT_COLLECTIONS.map((collection) => projection.documents(collection));
  const projectSeconds = (performance.now() - started) / 1000;

  for (const each of stores) {
    progress(`1. ${each.name}: applying ${fixed(applied.length)} events one at a time, then filling ${fixed(fill.reduce((n, docs) => n + docs.length, 0))} fact documents`);
    each.consumption = await consume(each.name, each.store, applied, fill);
  }
  const rows = stores.map(({ consumption: c }) => {
    const rate = median(c!.chunkRates);
    return [c!.store, fixed(c!.applied), seconds(c!.applySeconds), `**${fixed(rate)}**`, `${fixed(Math.min(...c!.chunkRates))}–${fixed(Math.max(...c!.chunkRates))}`, `${fixed(total / rate / 60, 1)} min`, `${fixed(c!.filled)} in ${seconds(c!.fillSeconds)}`];
  });
  const [first, second] = stores.map((each) => median(each.consumption!.chunkRates));
  const sampleNote =
    every === 1
      ? 'Every event was applied with applyEvent.'
      : `Applying all ${fixed(total)} events one at a time would take about ${fixed(total / first! / 60, 0)} minutes on this machine, so ${every === Infinity ? 'none is' : `every ${ordinal(every)} payment (with all its events), registration and counter is`} applied with applyEvent (${fixed(applied.length)} events, in time order, on the empty store), and the rest is filled: the same applyEvent projects those events into an in-memory store in this thread (${seconds(projectSeconds)}), and their fact documents (payments, installments, simulations, patients) are written with the store's insertOnce, ${FILL_CONCURRENCY} at a time — validated by the same models, but without the filled events' entries in the event log (no figure reads it).`;
  sections.push(`### 1. Event consumption

${fixed(total)} events from a seeded PRNG (generated in ${seconds(generateSeconds)}): ${Object.entries(dataset.counts).filter(([type]) => type !== 'events').map(([type, n]) => `${fixed(n)} ${type}`).join(', ')}, over the 365 days to ${today} (90 % of payments paid, most then released and paid out; refunds, partial refunds, disputes, expiries, declines, cancellations; 10 % crediário with its installments; clinic k's share of payments in proportion to 1/√k). Each event applied with applyEvent, one at a time as the intake does (event log lookup, fact merge, event log entry); the rate per chunk of ${fixed(CHUNK)} events, median. The embedded store is a fresh directory under ${tmpdir()}, on disk as production's default.

${sampleNote}

${table(['store', 'events applied', 'time', 'events/s (median)', 'chunk range', 'all events at that rate', 'facts filled'], rows)}
${second ? `\nembedded / MongoDB, events/s: ${ratio(first!, second)}\n` : ''}`);
  headline.push(['analytics: events applied per second (embedded store, median of chunks)', `${fixed(first!)} events/s${second ? ` (MongoDB ${fixed(second)}, embedded / MongoDB ${ratio(first!, second)})` : ''}`]);
  summaries.push(`Consumption: ${fixed(first!)} events/s on the embedded store (${fixed(applied.length)} events in ${seconds(stores[0]!.consumption!.applySeconds)}; all ${fixed(total)} would take ~${fixed(total / first! / 60, 1)} min at that rate)${second ? `, ${fixed(second)} events/s on MongoDB (embedded / MongoDB ${ratio(first!, second)})` : ''}.`);
  return dataset.busiestClinic;
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

/** Part 2: the clinic and platform queries on each store, interleaved with the hand loops. */
async function runQueries(stores: StoreUnderTest[], busiest: { id: string; payments: number }) {
  const clinicId = busiest.id;
  const embedded = stores[0]!.store;
  const facts = {
    payments: await embedded.aggregate<PaymentFact>('payments', [{ $match: {} }]),
    installments: await embedded.aggregate<InstallmentFact>('installments', [{ $match: {} }]),
    simulations: await embedded.aggregate<SimulationFact>('simulations', [{ $match: {} }]),
  };
  // The clinic's own facts, as the store's clinicId index hands them to mingo.
  const clinicFacts = {
    payments: facts.payments.filter((fact) => fact.clinicId === clinicId),
    installments: facts.installments.filter((fact) => fact.clinicId === clinicId),
    simulations: facts.simulations.filter((fact) => fact.clinicId === clinicId),
  };
  // The generator's garbage collected now rather than in the middle of a round.
  (globalThis as { gc?: () => void }).gc?.();
  progress(`2. ${WARMUPS} warm-ups and ${ROUNDS} rounds of the clinic query; the platform query too, while its ${PLATFORM_SECONDS} s last (${MIN_PLATFORM_ROUNDS} rounds at least)`);
  const byHand = { clinic: [] as number[], all: [] as number[] };
  let platformStarted = performance.now();
  let platformRounds = 0;
  for (let round = -WARMUPS; round < ROUNDS; round += 1) {
    // one warm-up is plenty for a query of seconds
    const withPlatform = round < 0 ? round === -WARMUPS : platformRounds < MIN_PLATFORM_ROUNDS || (performance.now() - platformStarted) / 1000 < PLATFORM_SECONDS;
    for (const each of stores) {
      const clinic = await timed(() => each.figures.clinic(clinicId, clinicPeriod));
      const platform = withPlatform ? await timed(() => each.figures.platform(platformPeriod)) : NaN;
      if (round < 0) continue;
      each.latencies.clinic.push(clinic);
      if (withPlatform) each.latencies.platform.push(platform);
    }
    const clinicLoop = await timed(async () => clinicFiguresByHand(clinicFacts, clinicId, clinicPeriod));
    const allLoop = await timed(async () => clinicFiguresByHand(facts, clinicId, clinicPeriod));
    if (round < 0) {
      platformStarted = performance.now();
      continue;
    }
    if (withPlatform) platformRounds += 1;
    byHand.clinic.push(clinicLoop);
    byHand.all.push(allLoop);
    if ((round + 1) % 5 === 0) progress(`  round ${round + 1} of ${ROUNDS}`);
  }
  // The hand loop counts what the pipelines count.
  const ours = await stores[0]!.figures.clinic(clinicId, clinicPeriod);
  const hand = clinicFiguresByHand(facts, clinicId, clinicPeriod);
  const agrees =
    ours.totals.grossCentavos === hand.grossCentavos &&
    ours.totals.paymentsCount === hand.paymentsCount &&
    ours.afterSale.refundedCentavos === hand.refundedCentavos &&
    ours.afterSale.disputedCount === hand.disputedCount &&
    ours.funnel.checkouts === hand.checkouts &&
    ours.funnel.paid === hand.paid &&
    ours.funnel.released === hand.released &&
    ours.funnel.plansSimulated === hand.plansSimulated &&
    ours.crediario.installmentsDue === hand.installmentsDue &&
    ours.crediario.overdue30 === hand.overdue30 &&
    ours.crediario.overdue90 === hand.overdue90 &&
    JSON.stringify(ours.topProcedures.map((row) => row.procedure.id)) === JSON.stringify(hand.topProcedures) &&
    ours.byStatus.every((row) => hand.statuses[row.status] === row.count);

  const handClinic = summary(byHand.clinic);
  const handAll = summary(byHand.all);
  const rows = stores.flatMap((each) => {
    const clinic = summary(each.latencies.clinic);
    const platform = summary(each.latencies.platform);
    return [
      [`${each.name}: clinic, 90 days by DAY`, ROUNDS, ms(clinic.p50), ms(clinic.p95), ratio(clinic.p50, handClinic.p50)],
      [`${each.name}: platform, 365 days by MONTH`, each.latencies.platform.length, ms(platform.p50), ms(platform.p95), ''],
    ];
  });
  rows.push(
    ["hand loop over the clinic's facts (this thread): clinic, 90 days", ROUNDS, ms(handClinic.p50), ms(handClinic.p95), '1.00×'],
    ['hand loop over every fact, no index (this thread): clinic, 90 days', ROUNDS, ms(handAll.p50), ms(handAll.p95), ratio(handAll.p50, handClinic.p50)],
  );
  const embeddedClinic = summary(stores[0]!.latencies.clinic);
  const embeddedPlatform = summary(stores[0]!.latencies.platform);
  const mongo = stores[1] ? { clinic: summary(stores[1].latencies.clinic), platform: summary(stores[1].latencies.platform) } : undefined;
  const cut = platformRounds < ROUNDS ? ` The platform query ran in the first ${platformRounds} rounds only (its ${PLATFORM_SECONDS} s budget, to keep the run short).` : '';
  sections.push(`### 2. Query latency on the full dataset

Through \`Figures\` (what the resolvers call) on the stores of part 1: the busiest clinic (${fixed(busiest.payments)} of the ${fixed(DATASET.payments)} payments) from ${clinicPeriod.from} to ${clinicPeriod.to} by DAY, and the platform from ${platformPeriod.from} to ${platformPeriod.to} by MONTH. ${WARMUPS} warm-ups (1 for the platform query), then the rounds, interleaved: clinic and platform on each store, then the hand loops.${cut} The hand loops compute the same clinic figures (revenue, days, methods, top procedures, statuses, funnel, simulations, installments due and late) with plain \`for\` loops in this thread, over facts read from the store once beforehand: the clinic's own (${fixed(clinicFacts.payments.length)} payments, ${fixed(clinicFacts.installments.length)} installments, ${fixed(clinicFacts.simulations.length)} simulations, what the store's clinicId index gives mingo), and every fact (${fixed(facts.payments.length)}, ${fixed(facts.installments.length)}, ${fixed(facts.simulations.length)}); their counts ${agrees ? 'agree with' : '**disagree with**'} the store's.

${table(['query', 'rounds', 'p50', 'p95', "vs the hand loop over the clinic's facts (p50)"], rows)}
`);
  targets.push(`${embeddedClinic.p50 < CLINIC_TARGET_MS ? '✅' : '❌'} one clinic's 90-day analytics p50 under ${CLINIC_TARGET_MS} ms on the embedded store, full dataset: ${ms(embeddedClinic.p50)}`);
  headline.push(
    ["analytics: a clinic's 90 days, embedded store", `p50 ${ms(embeddedClinic.p50)}, p95 ${ms(embeddedClinic.p95)}; ${ratio(embeddedClinic.p50, handClinic.p50)} a hand loop over its facts (${ms(handClinic.p50)})${mongo ? `; MongoDB p50 ${ms(mongo.clinic.p50)}` : ''}`],
    ["analytics: the platform's 365 days, embedded store", `p50 ${ms(embeddedPlatform.p50)}, p95 ${ms(embeddedPlatform.p95)}${mongo ? `; MongoDB p50 ${ms(mongo.platform.p50)}` : ''}`],
  );
  summaries.push(
    `Clinic query: p50 ${ms(embeddedClinic.p50)} (p95 ${ms(embeddedClinic.p95)}) on the embedded store, ${embeddedClinic.p50 < CLINIC_TARGET_MS ? 'under' : 'over'} the ${CLINIC_TARGET_MS} ms target; ${ratio(embeddedClinic.p50, handClinic.p50)} a plain loop over the clinic's facts in this thread (${ms(handClinic.p50)}; over every fact ${ms(handAll.p50)})${mongo ? `; MongoDB p50 ${ms(mongo.clinic.p50)}` : ''}.`,
    `Platform query: p50 ${ms(embeddedPlatform.p50)} (p95 ${ms(embeddedPlatform.p95)}, ${stores[0]!.latencies.platform.length} rounds) on the embedded store${mongo ? `; MongoDB p50 ${ms(mongo.platform.p50)}` : ''}.`,
  );
}

if (PARTS.has('consumption') || PARTS.has('queries')) {
  const stores = await openStores();
  try {
    const busiest = await runConsumption(stores);
    if (PARTS.has('queries')) await runQueries(stores, busiest);
  } finally {
    for (const each of stores) {
      await each.store.close();
      await each.drop();
    }
  }
}

if (PARTS.has('burst')) {
  progress(`3. a real stack, ${BURST} PIX checkouts (${BURST_CONCURRENCY} at a time) paid through the Celcoin simulator, analyticsLag sampled every 100 ms`);
  const burst = await measureBurst();
  const freshness = burst.freshAt === null ? NaN : (burst.freshAt - burst.lastEscrowAt) / 1000;
  const windowEnd = burst.freshAt ?? Infinity;
  const during = burst.samples.filter((sample) => sample.at <= windowEnd);
  const maxLag = Math.max(0, ...during.map((sample) => sample.seconds));
  const medianLag = median(during.map((sample) => sample.seconds));
  const maxPending = Math.max(0, ...during.map((sample) => sample.pending));
  const windowSeconds = ((burst.freshAt ?? NaN) - burst.startedAt) / 1000;
  const rate = burst.events / windowSeconds;
  const sampleEvery = (burst.samples.at(-1)!.at - burst.samples[0]!.at) / 1000 / Math.max(1, burst.samples.length - 1);
  sections.push(`### 3. Lag under a checkout burst, end to end

A real stack (\`startStack('embedded')\` from e2e/stack.ts: every subgraph, the router and the Celcoin simulator in this process; analytics reads the services' outboxes every 100 ms into its embedded store, in memory). The demo patient checks out "Clareamento dental" ${BURST} times by PIX, ${BURST_CONCURRENCY} at a time through the router, each paid at once through the simulator (AWAITING_PAYMENT → PAID → IN_ESCROW); the demo platform admin asks \`analyticsLag { seconds pending }\` through the router every 100 ms from the first checkout until 2 s after analytics caught up. Caught up: \`pending = 0\` with every burst payment's fact at IN_ESCROW in the analytics store. Freshness: from the last payment's IN_ESCROW (its event's time) to that sample.

${table(['checkouts (failed)', 'burst', 'lag samples', 'max lag', 'median lag', 'max pending', 'freshness', 'events applied', 'events/s'], [[
    `${burst.checkouts}${burst.failed ? ` (${burst.failed} failed: \`${(burst.firstError ?? '').slice(0, 120).replace(/`/g, "'")}\`)` : ' (0)'}`,
    seconds(burst.burstSeconds),
    `${burst.samples.length} (one per ${seconds(sampleEvery)})`,
    seconds(maxLag),
    seconds(medianLag),
    maxPending,
    burst.freshAt === null ? 'not caught up in 120 s' : `**${seconds(freshness)}**`,
    burst.events,
    fixed(rate, 1),
  ]])}

Lag figures are over the samples from the first checkout to catching up (${seconds(windowSeconds)}); a sample is taken 100 ms after the one before began, or as soon as it returns when it took longer (each is a query through the router, answered by reading the three outboxes' feeds). Events/s is the events analytics applied in that window over its length: the rate the burst offered, not the most analytics can take (part 1 measures that).
`);
  targets.push(`${freshness <= FRESHNESS_TARGET_S ? '✅' : '❌'} analytics fresh within ${FRESHNESS_TARGET_S} s of the last payment in escrow after a burst of ${BURST} checkouts: ${Number.isFinite(freshness) ? seconds(freshness) : 'not caught up'}`);
  headline.push(['analytics: lag under a burst of checkouts (embedded stack)', `max ${seconds(maxLag)}, median ${seconds(medianLag)}, fresh ${Number.isFinite(freshness) ? seconds(freshness) : '–'} after the last payment in escrow, ${fixed(rate, 1)} events/s`]);
  summaries.push(`Burst: ${burst.checkouts} checkouts in ${seconds(burst.burstSeconds)}; lag max ${seconds(maxLag)}, median ${seconds(medianLag)}; analytics fresh ${Number.isFinite(freshness) ? `${seconds(freshness)} after the last payment reached IN_ESCROW (${freshness <= FRESHNESS_TARGET_S ? 'within' : 'over'} the ${FRESHNESS_TARGET_S} s requirement)` : 'not caught up within 120 s'}; ${fixed(rate, 1)} events/s.`);
}

const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;
const report = `# Analytics

${startedAt.toISOString()} · Node ${process.version} · ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'} · ${seconds(wallSeconds)} in all · heap limit ${fixed(((await import('node:v8')).getHeapStatistics().heap_size_limit) / 2 ** 20)} MiB (\`--max-old-space-size\`)

${summaries.map((line) => `- ${line}`).join('\n')}
${notes.map((line) => `\n${line}`).join('')}

${sections.join('\n')}`;
const file = join(benchRoot, 'results', `analytics-${startedAt.toISOString().replace(/[:.]/g, '-')}.md`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, report);
writeFileSync(file.replace(/\.md$/, '.json'), JSON.stringify({ headline, targets }, null, 2));
console.log(`\n${report}\n${summaries.join('\n')}\nwritten to ${file}`);
process.exit(0);
