// `npm run bench:subscriptions`: N concurrent graphql-ws subscribers on the router (N = 100 and
// 1,000 by default), each on its own connection, subscribed to a clinic's payment events with fields
// from two subgraphs (payments, and the clinic's and procedure's names from providers). Status changes
// are real: PIX charges checked out and paid through the Celcoin simulator (AWAITING_PAYMENT, PAID,
// IN_ESCROW per payment). Reports delivery latency, from the event's publication on the payments bus
// to its arrival at a client, and the router's memory per live subscription; writes a markdown report
// under bench/results/ and prints it.
//
// Two cases per N: N distinct callers (nothing shared: N upstream subscriptions, every event resolved
// N times) and one caller on N connections (one shared upstream subscription). The subgraphs and the
// clients run in this process; the router runs in its own, so its memory is its own.
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
const PAYMENTS = Number(process.env.BENCH_PAYMENTS ?? 3);
const EVENT_TIMEOUT_MS = 120_000;

const SUBSCRIPTION = `subscription($clinicId: ID!) { clinicPaymentEvents(clinicId: $clinicId) {
  id status at payment { id status clinic { tradeName } procedure { name } } } }`;

interface Case {
  subscribers: number;
  shared: boolean;
}

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
  const child = spawn(process.execPath, ['--expose-gc', '--import', './bench/gc-on-signal.mjs', '--import', 'tsx', 'router/src/main.ts'], {
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
    heap = Math.min(heap, await routerMetric(router.url, 'process_heap_used_bytes'));
    rss = Math.min(rss, await routerMetric(router.url, 'process_resident_memory_bytes'));
  }
  return { heap, rss };
}

async function run(stack: Stack, clinicId: string, procedureId: string, patientToken: string, testCase: Case): Promise<Outcome> {
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
    const pay = async () => {
      const { checkout } = await gql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
        'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
        { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      );
      await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: checkout.pix.copiaECola }) });
      return checkout.id;
    };

    // Arrival times per event id, per subscriber; publication times per event id, from the bus.
    const published = new Map<string, number>();
    const unlisten = stack.payments.bus.subscribe((event) => published.set(event.id, performance.now()));
    const arrivals: Map<string, number>[] = [];
    const statusesSeen: Map<string, string[]>[] = [];
    const subscribe = (token: string, index: number) => {
      const client = createClient({ url: wsUrl, webSocketImpl: WebSocket, connectionParams: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
      clients.push(client);
      arrivals[index] = new Map();
      statusesSeen[index] = new Map();
      client.subscribe<{ clinicPaymentEvents: { id: string; status: string; payment: { id: string } } }>(
        { query: SUBSCRIPTION, variables: { clinicId } },
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
    subscribe(warmToken, 0);
    await until('the warm-up subscription', async () => (await routerMetric(router.url, 'subscriptions_active')) === 1);
    const warmPayment = await pay();
    await until('the warm-up events', () => statusesSeen[0]!.get(warmPayment)?.includes('IN_ESCROW') === true);
    await clients.pop()!.dispose();
    await until('the warm-up subscription to end', async () => (await routerMetric(router.url, 'subscriptions_active')) === 0);
    const before = await routerMemory(router);

    const sharedToken = await stack.issueAccessToken(randomUUID(), ['PLATFORM_ADMIN']);
    const upstreamBefore = stack.payments.metrics.get('subscriptions_active');
    const connectStarted = performance.now();
    for (let i = 0; i < testCase.subscribers; i++) {
      subscribe(testCase.shared ? sharedToken : await stack.issueAccessToken(randomUUID(), ['PLATFORM_ADMIN']), i);
      if (i % 100 === 99) await sleep(20); // let the handshakes through in waves
    }
    await until('every subscription', async () => (await routerMetric(router.url, 'subscriptions_active')) === testCase.subscribers, 120_000);
    const upstream = testCase.shared ? 1 : testCase.subscribers;
    await until('the upstream subscriptions', () => stack.payments.metrics.get('subscriptions_active') - upstreamBefore === upstream, 120_000);
    const connectSeconds = (performance.now() - connectStarted) / 1000;
    const after = await routerMemory(router);

    const paymentIds: string[] = [];
    for (let i = 0; i < PAYMENTS; i++) {
      const id = await pay();
      paymentIds.push(id);
      const received = () => statusesSeen.filter((seen) => seen.get(id)?.includes('IN_ESCROW')).length;
      await until(`every subscriber to see payment ${i + 1} in escrow`, () => received() === testCase.subscribers, EVENT_TIMEOUT_MS).catch((error: Error) =>
        console.error(`${error.message} (${received()} of ${testCase.subscribers})`),
      );
    }
    unlisten();

    const latenciesMs: number[] = [];
    let missing = 0;
    let events = 0;
    const eventIds = [...published.keys()].filter((id) => arrivals.some((seen) => seen.has(id)));
    for (const id of eventIds) {
      events += 1;
      for (const seen of arrivals.slice(0, testCase.subscribers)) {
        const arrival = seen.get(id);
        if (arrival === undefined) missing += 1;
        else latenciesMs.push(arrival - published.get(id)!);
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

function report(outcomes: Outcome[], startedAt: Date, seconds: number) {
  const rows = outcomes.map((o) =>
    [
      o.subscribers,
      o.shared ? 'one caller' : 'distinct callers',
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

Each subscriber: its own graphql-ws connection to the router, \`clinicPaymentEvents(clinicId)\` with
\`payment { status clinic { tradeName } procedure { name } }\` (the last two from the providers
subgraph). ${PAYMENTS} PIX payments per case, each AWAITING_PAYMENT → PAID → IN_ESCROW. Latency: from
the event's publication on the payments bus to its arrival at the client. Memory: the router
process's heap and RSS with the subscriptions open, minus before, per subscription, each read after
a full collection. Subgraphs and clients share this process; the router has its own.

| subscribers | callers | upstream subscriptions | events | deliveries | p50 | p99 | max | router heap / subscription | router RSS / subscription | connect all |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${rows.map((row) => `| ${row} |`).join('\n')}
`;
}

const startedAt = new Date();
// PostgreSQL + Redis when the test servers are named, as in CI; the embedded databases otherwise.
const mode = process.env.TEST_DATABASE_URL && process.env.TEST_REDIS_URL ? 'postgres' : 'embedded';
const stack = await startStack(mode, { LOG_LEVEL: 'silent' });
const outcomes: Outcome[] = [];
try {
  const { body } = await stack.graphql<{ procedures: { edges: { node: { id: string; clinic: { id: string } } }[] } }>(
    '{ procedures(filter: { search: "Clareamento" }) { edges { node { id clinic { id } } } } }',
  );
  const { id: procedureId, clinic } = body.data!.procedures.edges[0]!.node;
  for (const subscribers of SIZES) {
    for (const shared of [false, true]) {
      console.log(`${subscribers} subscribers, ${shared ? 'one caller' : 'distinct callers'}…`);
      // A patient token lives 15 minutes; a fresh one per case keeps long runs going.
      const token = (await stack.login('paciente@demo.medpay.com.br', DEMO_PASSWORD)).accessToken;
      outcomes.push(await run(stack, clinic.id, procedureId, token, { subscribers, shared }));
    }
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
