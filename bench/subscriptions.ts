// `npm run bench:subscriptions`: graphql-ws subscribers on the router, each on its own connection,
// subscribed to a clinic's payment events with fields from two subgraphs (payments, and the clinic's
// name from providers). Status changes are real: PIX charges checked out and paid through the
// Celcoin simulator (AWAITING_PAYMENT, PAID, IN_ESCROW per payment). Reports delivery latency, from
// the event's publication on the payments bus to its arrival at a client, and the router's memory
// per live subscription; writes a markdown report under bench/results/ and prints it.
//
// The cases, per N (BENCH_SUBSCRIBERS, 100 and 1,000 by default):
//   - N distinct callers on one clinic, the clinic dashboard's live feed: a broadcast subscription,
//     one upstream subscription for them all (router/src/shared-subscriptions.ts);
//   - the same with the procedure's name too: health data, resolved for each reader apart (N upstream);
//   - one caller on N connections (one upstream).
// And 10 × N distinct callers spread over N clinics (10 per clinic: BENCH_SPREAD=0 to skip), with
// the payments spread over the demo clinics. The subgraphs and the clients run in this process; the
// router runs in its own, so its memory is its own.
import { DEMO_PASSWORD } from '@medpay/demo-data';
import { parseMetric } from '@medpay/runtime';
import { createClient, type Client } from 'graphql-ws';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';
import { startStack, type Stack } from '../e2e/stack.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SUBSCRIBERS ?? '100,1000').split(',').map(Number);
const SPREAD = process.env.BENCH_SPREAD !== '0';
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 3);
const EVENT_TIMEOUT_MS = 120_000;

const DOCUMENTS = {
  feed: `subscription($clinicId: ID!) { clinicPaymentEvents(clinicId: $clinicId) {
  id status from at payment { id status escrowState clinic { tradeName } } } }`,
  'health data': `subscription($clinicId: ID!) { clinicPaymentEvents(clinicId: $clinicId) {
  id status from at payment { id status escrowState clinic { tradeName } procedure { name } } } }`,
};

interface Case {
  subscribers: number;
  /** over how many clinics the subscribers are spread, evenly */
  clinics: number;
  shared: boolean;
  document: keyof typeof DOCUMENTS;
}

/** Which case to run (BENCH_CASES, comma-separated labels: "feed", "health data", "one caller", "spread"). */
const CASES = process.env.BENCH_CASES ? new Set(process.env.BENCH_CASES.split(',')) : null;
const label = (testCase: Case) => (testCase.shared ? 'one caller' : testCase.clinics > 1 ? 'spread' : testCase.document);

interface Outcome extends Case {
  upstream: number;
  events: number;
  deliveries: number;
  missing: number;
  latenciesMs: number[];
  heapPerSubscription: number;
  rssPerSubscription: number;
  connectSeconds: number;
}

const percentile = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The router as its own process, on the stack's subgraphs; resolves once it listens. */
async function startRouterProcess(stack: Stack): Promise<{ url: string; child: ChildProcess }> {
  const profile = process.env.BENCH_ROUTER_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_ROUTER_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, '--expose-gc', '--import', './bench/gc-on-signal.mjs', '--import', 'tsx', 'router/src/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_LEVEL: 'warn',
      ROUTER_PORT: '0',
      INTERNAL_CLAIMS_SECRET: stack.secret,
      USERS_URL: stack.users.url,
      PROVIDERS_URL: stack.providers.url,
      PAYMENTS_URL: stack.payments.url,
      MAX_SUBSCRIPTIONS_PER_CONNECTION: '20',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const found = /router listening on (http:\/\/\S+)/.exec(output);
      if (found) resolve(found[1]!);
    });
    child.once('exit', (code) => reject(new Error(`router exited (${code}): ${output}`)));
  });
  return { url, child };
}

async function routerMetric(url: string, name: string) {
  return parseMetric(await (await fetch(`${url}/metrics`)).text(), name);
}

/** Heap and RSS at rest: after a full collection (bench/gc-on-signal.mjs), the lowest of a few reads. */
async function routerMemory(router: { url: string; child: ChildProcess }) {
  let heap = Infinity;
  let rss = Infinity;
  for (let i = 0; i < 3; i++) {
    router.child.kill('SIGUSR2');
    await sleep(300);
    heap = Math.min(heap, await routerMetric(router.url, 'nodejs_heap_size_used_bytes'));
    rss = Math.min(rss, await routerMetric(router.url, 'process_resident_memory_bytes'));
  }
  return { heap, rss };
}

/** A procedure at each demo clinic that has one: where the payments go, round robin. */
type Venue = { clinicId: string; procedureId: string };

async function run(stack: Stack, venues: Venue[], patientToken: string, testCase: Case): Promise<Outcome> {
  const router = await startRouterProcess(stack);
  const wsUrl = `${router.url.replace(/^http/, 'ws')}/graphql`;
  const clients: Client[] = [];
  try {
    const gql = async <T>(query: string, variables: Record<string, unknown>) => {
      const response = await fetch(`${router.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${patientToken}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown };
      if (!body.data) throw new Error(JSON.stringify(body.errors));
      return body.data;
    };
    const pay = async (procedureId: string) => {
      const { checkout } = await gql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
        'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
        { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      );
      await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: checkout.pix.copiaECola }) });
      return checkout.id;
    };

    // The clinic each subscriber watches: the venues' first (where the events are), then made-up ids
    // (a platform admin may watch any clinic id), `subscribers / clinics` subscribers on each.
    const clinicIds = [...venues.map((venue) => venue.clinicId), ...Array.from({ length: Math.max(0, testCase.clinics - venues.length) }, () => randomUUID())].slice(0, testCase.clinics);
    const clinicOf = (index: number) => clinicIds[index % testCase.clinics]!;
    const watched = new Set(clinicIds);
    const eventVenues = venues.filter((venue) => watched.has(venue.clinicId));
    // Arrival times per event id, per subscriber; publication times and clinics per event id, from the bus.
    const published = new Map<string, { at: number; clinicId: string }>();
    const unlisten = stack.payments.bus.subscribe((event) => published.set(event.id, { at: performance.now(), clinicId: String(event.payload.clinicId) }));
    const arrivals: Map<string, number>[] = [];
    const statusesSeen: Map<string, string[]>[] = [];
    const subscribe = (token: string, index: number, clinicId: string) => {
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      clients.push(client);
      arrivals[index] = new Map();
      statusesSeen[index] = new Map();
      client.subscribe<{ clinicPaymentEvents: { id: string; status: string; payment: { id: string } } }>(
        { query: DOCUMENTS[testCase.document], variables: { clinicId } },
        {
          next: ({ data, errors }) => {
            const event = data?.clinicPaymentEvents;
            if (errors || !event) return console.error('subscriber got errors:', JSON.stringify(errors));
            arrivals[index]!.set(event.id, performance.now());
            const seen = statusesSeen[index]!.get(event.payment.id) ?? [];
            seen.push(event.status);
            statusesSeen[index]!.set(event.payment.id, seen);
          },
          error: (error) => console.error('subscriber failed:', error),
          complete: () => {},
        },
      );
    };

    // Warm the path up (planning, JIT, connections to the subgraphs) before measuring anything.
    const warmToken = await stack.issueAccessToken(randomUUID(), ['PLATFORM_ADMIN']);
    subscribe(warmToken, 0, venues[0]!.clinicId);
    await until('the warm-up subscription', async () => (await routerMetric(router.url, 'subscriptions_active')) === 1);
    const warmPayment = await pay(venues[0]!.procedureId);
    await until('the warm-up events', () => statusesSeen[0]!.get(warmPayment)?.includes('IN_ESCROW') === true);
    await clients.pop()!.dispose();
    await until('the warm-up subscription to end', async () => (await routerMetric(router.url, 'subscriptions_active')) === 0);
    const before = await routerMemory(router);

    const sharedToken = await stack.issueAccessToken(randomUUID(), ['PLATFORM_ADMIN']);
    const upstreamBefore = stack.payments.metrics.get('subscriptions_active');
    const connectStarted = performance.now();
    for (let i = 0; i < testCase.subscribers; i++) {
      subscribe(testCase.shared ? sharedToken : await stack.issueAccessToken(randomUUID(), ['PLATFORM_ADMIN']), i, clinicOf(i));
      if (i % 100 === 99) await sleep(20); // let the handshakes through in waves
    }
    await until('every subscription', async () => (await routerMetric(router.url, 'subscriptions_active')) === testCase.subscribers, 120_000);
    const upstream = testCase.shared ? 1 : testCase.document === 'feed' ? testCase.clinics : testCase.subscribers;
    await until('the upstream subscriptions', () => stack.payments.metrics.get('subscriptions_active') - upstreamBefore === upstream, 120_000);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const after = await routerMemory(router);

    const watchersOf = (clinicId: string) => arrivals.slice(0, testCase.subscribers).flatMap((seen, index) => (clinicOf(index) === clinicId ? [index] : []));
    for (let i = 0; i < PAYMENTS; i++) {
      const venue = eventVenues[i % eventVenues.length]!;
      const id = await pay(venue.procedureId);
      const watchers = watchersOf(venue.clinicId);
      const received = () => watchers.filter((index) => statusesSeen[index]!.get(id)?.includes('IN_ESCROW')).length;
      await until(`every watcher to see payment ${i + 1} in escrow`, () => received() === watchers.length, EVENT_TIMEOUT_MS).catch((error: Error) =>
        console.error(`${error.message} (${received()} of ${watchers.length})`),
      );
    }
    unlisten();

    const latenciesMs: number[] = [];
    let missing = 0;
    let events = 0;
    const eventIds = [...published.keys()].filter((id) => arrivals.some((seen) => seen.has(id)));
    for (const id of eventIds) {
      events += 1;
      const { at, clinicId } = published.get(id)!;
      for (const index of watchersOf(clinicId)) {
        const arrival = arrivals[index]!.get(id);
        if (arrival === undefined) missing += 1;
        else latenciesMs.push(arrival - at);
      }
    }
    latenciesMs.sort((a, b) => a - b);
    return {
      ...testCase,
      upstream,
      events,
      deliveries: latenciesMs.length,
      missing,
      latenciesMs,
      heapPerSubscription: (after.heap - before.heap) / testCase.subscribers,
      rssPerSubscription: (after.rss - before.rss) / testCase.subscribers,
      connectSeconds,
    };
  } finally {
    await Promise.allSettled(clients.map((client) => client.dispose()));
    router.child.kill('SIGTERM');
    await new Promise((resolve) => (router.child.exitCode === null ? router.child.once('exit', resolve) : resolve(null)));
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value: number) => `${value.toFixed(1)} ms`;

/** The targets (issue 18), for the cases this run had. */
function targetsOf(outcomes: Outcome[]): string {
  const p99 = (o: Outcome) => percentile(o.latenciesMs, 99);
  const lines: string[] = [];
  const feed = outcomes.find((o) => o.subscribers === 1000 && o.clinics === 1 && !o.shared && o.document === 'feed');
  if (feed) lines.push(`${p99(feed) < 250 ? '✅' : '❌'} 1,000 distinct callers on one clinic (the dashboard's feed): p99 ${ms(p99(feed))} < 250 ms`);
  const spread = outcomes.find((o) => o.clinics > 1);
  if (spread) lines.push(`${p99(spread) < 500 ? '✅' : '❌'} ${spread.subscribers.toLocaleString('en')} subscribers over ${spread.clinics.toLocaleString('en')} clinics: p99 ${ms(p99(spread))} < 500 ms`);
  const heaviest = Math.max(...outcomes.filter((o) => o.subscribers >= 1000).map((o) => o.rssPerSubscription));
  if (Number.isFinite(heaviest)) lines.push(`${heaviest <= 48 * 1024 ? '✅' : '❌'} router memory per subscription (RSS, 1,000 or more) at most 48 KiB: ${kib(heaviest)} at most`);
  return lines.length ? `\nTargets:\n${lines.map((line) => `- ${line}`).join('\n')}\n` : '';
}

function report(outcomes: Outcome[], startedAt: Date, seconds: number) {
  const rows = outcomes.map((o) =>
    [
      o.subscribers,
      o.clinics,
      o.shared ? 'one' : 'distinct',
      o.document,
      o.upstream,
      o.events,
      `${o.deliveries}${o.missing ? ` (${o.missing} missing)` : ''}`,
      ms(percentile(o.latenciesMs, 50)),
      ms(percentile(o.latenciesMs, 99)),
      ms(o.latenciesMs.at(-1) ?? NaN),
      kib(o.heapPerSubscription),
      kib(o.rssPerSubscription),
      `${o.connectSeconds.toFixed(1)} s`,
    ].join(' | '),
  );
  return `# Subscriptions through the router

${startedAt.toISOString()} · Node ${process.version} · ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'} · ${seconds.toFixed(0)} s in all ·
${mode === 'postgres' ? 'PostgreSQL + Redis (TEST_DATABASE_URL, TEST_REDIS_URL)' : 'embedded databases (PGlite, in this process) and in-process bus; set TEST_DATABASE_URL and TEST_REDIS_URL for PostgreSQL + Redis'}

Each subscriber: its own graphql-ws connection to the router, \`clinicPaymentEvents(clinicId)\` as
the clinic dashboard's live feed reads it, \`payment { status escrowState clinic { tradeName } }\`
(the clinic's name from the providers subgraph): a broadcast subscription, shared by callers with the
same access once the payments subgraph has let each in. "health data" adds the procedure's name,
whose every read is logged reader by reader, so it is resolved for each caller apart. Distinct
callers are platform admins, one token each; "clinics" > 1 spreads them evenly over that many
clinic ids, and the payments over the demo clinics among them. ${PAYMENTS} PIX payments per case, each
AWAITING_PAYMENT → PAID → IN_ESCROW; latency from the event's publication on the payments bus to
its arrival at a client watching that clinic. Memory: the router process's heap and RSS with the
subscriptions open, minus before, per subscription, each read after a full collection. Subgraphs and
clients share this process; the router has its own.

| subscribers | clinics | callers | document | upstream subscriptions | events | deliveries | p50 | p99 | max | router heap / subscription | router RSS / subscription | connect all |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row} |`).join('\n')}
${targetsOf(outcomes)}`;
}

const startedAt = new Date();
// PostgreSQL + Redis when the test servers are named, as in CI; the embedded databases otherwise.
const mode = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL ? 'postgres' : 'embedded';
const stack = await startStack(mode, { LOG_LEVEL: 'silent' });
const outcomes: Outcome[] = [];
try {
  const { body } = await stack.graphql<{ procedures: { edges: { node: { id: string; clinic: { id: string } } }[] } }>('{ procedures(first: 100) { edges { node { id clinic { id } } } } }');
  const venues = [...new Map(body.data!.procedures.edges.map(({ node }) => [node.clinic.id, { clinicId: node.clinic.id, procedureId: node.id }])).values()];
  const cases: Case[] = SIZES.flatMap((subscribers) => [
    { subscribers, clinics: 1, shared: false, document: 'feed' as const },
    { subscribers, clinics: 1, shared: false, document: 'health data' as const },
    { subscribers, clinics: 1, shared: true, document: 'feed' as const },
  ]);
  if (SPREAD) cases.push({ subscribers: 10 * Math.max(...SIZES), clinics: Math.max(...SIZES), shared: false, document: 'feed' });
  for (const testCase of cases.filter((c) => !CASES || CASES.has(label(c)))) {
    console.log(`${testCase.subscribers} subscribers on ${testCase.clinics} clinic(s), ${label(testCase)}…`);
    // A patient token lives 15 minutes; a fresh one per case keeps long runs going.
    const token = (await stack.login('paciente@demo.medpay.com.br', DEMO_PASSWORD)).accessToken;
    outcomes.push(await run(stack, venues, token, testCase));
  }
} finally {
  await stack.close();
}
const text = report(outcomes, startedAt, (Date.now() - startedAt.getTime()) / 1000);
const file = join(root, 'bench', 'results', `subscriptions-${startedAt.toISOString().replace(/[:.]/g, '-')}.md`);
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, text);
console.log(`\n${text}\nwritten to ${file}`);
process.exit(0);
