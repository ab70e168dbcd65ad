// `npm run bench:notifications`: the notifications subgraph on the embedded stack (e2e/stack.ts with
// `{ notifications: true }`: PGlite, in-process bus and queues, the messaging simulator), in one run:
//   1. throughput, events → messages: N synthetic `payment.status_changed` AWAITING_PAYMENT → PAID
//      events (fresh event ids) for real payments made by checkout, handed to Dispatcher.apply one at
//      a time as the intake does; timed from the first apply until every message they recorded has left
//      PENDING (SENT, or FAILED/CANCELED, counted apart). Messages SENT per second, median of the rounds.
//      The channel queues keep their providers' rate limits (service.ts: SMS 10/s, e-mail 20/s…),
//      so this is the pipeline as configured, not the raw speed of the code.
//   2. webhook delivery latency with many endpoints: E endpoints for the demo clinic (createWebhookEndpoint
//      through the router, as the clinic admin), each a distinct path on one local HTTP receiver; then K
//      PIX payments the real way (checkout + the Celcoin simulator's /_sim/pix/pay). Each payment's
//      status changes (AWAITING_PAYMENT, PAID, IN_ESCROW) reach every endpoint; latency of a delivery =
//      its arrival at the receiver − the event's createdAt (the body's `timestamp`).
// Knobs: BENCH_NOTIFICATIONS_EVENTS (200 per round), BENCH_NOTIFICATIONS_ROUNDS (3),
// BENCH_NOTIFICATIONS_PAYMENTS (20 real payments the events cycle over), BENCH_NOTIFICATIONS_ENDPOINTS (100),
// BENCH_NOTIFICATIONS_PIX (5). Prints a table and writes it to bench/REPORT.md ("Notifications", replacing the last run's).
// No timed assertions: the figures are reported, never checked against a threshold.
import type { DomainEvent } from '@medpay/runtime';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { performance } from 'node:perf_hooks';
import { bearer, demoCast, startStack, type Session, type Stack } from '../e2e/stack.js';
import { pool } from './lib/pool.js';
import { replaceReportSection } from './lib/report.js';
import { fixed, median, percentile, table } from './lib/stats.js';

const env = process.env;
const EVENTS = Number(env.BENCH_NOTIFICATIONS_EVENTS ?? 200);
const ROUNDS = Number(env.BENCH_NOTIFICATIONS_ROUNDS ?? 3);
const PAYMENTS = Number(env.BENCH_NOTIFICATIONS_PAYMENTS ?? 20);
const ENDPOINTS = Number(env.BENCH_NOTIFICATIONS_ENDPOINTS ?? 100);
const PIX = Number(env.BENCH_NOTIFICATIONS_PIX ?? 5);
const SETTLE_TIMEOUT_MS = 600_000;
const DELIVERY_TIMEOUT_MS = 300_000;

const startedAt = new Date();
const progress = (line: string) => console.log(`${line}…`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const ms = (value: number) => `${fixed(value, value < 10 ? 1 : 0)} ms`;

async function checkout(stack: Stack, who: Session, procedureId: string) {
  const { body } = await stack.graphql<{ checkout: { id: string; pix: { copiaECola: string } } }>(
    'mutation($input: CheckoutInput!) { checkout(input: $input) { id pix { copiaECola } } }',
    { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
    bearer(who.accessToken),
  );
  if (!body.data?.checkout) throw new Error(`checkout: ${JSON.stringify(body.errors)}`);
  return body.data.checkout;
}

// ---- 1. throughput ----

interface Round {
  events: number;
  applySeconds: number;
  seconds: number;
  recorded: number;
  sent: number;
  other: number;
  byChannel: Record<string, number>;
}

async function throughputRound(stack: Stack, paymentIds: string[], payerId: string, clinicId: string, events = EVENTS): Promise<Round> {
  const { prisma } = stack.notifications!.store;
  // Messages made by this round: payment.confirmed, created from the round's start (nothing else makes them meanwhile).
  const since = new Date(Date.now() - 1);
  const mine = { kind: 'payment.confirmed', createdAt: { gte: since } };
  const sentBefore = await prisma.message.count({ where: { status: 'SENT' } });
  const started = performance.now();
  for (let index = 0; index < events; index += 1) {
    const paymentId = paymentIds[index % paymentIds.length]!;
    const event: DomainEvent = {
      id: randomUUID(),
      type: 'payment.status_changed',
      aggregateId: paymentId,
      payload: { paymentId, payerId, clinicId, from: 'AWAITING_PAYMENT', status: 'PAID', escrowState: 'NONE', reason: 'bench', refundedCentavos: 0 },
      createdAt: new Date().toISOString(),
    };
    await stack.notifications!.dispatcher.apply(event);
  }
  const applySeconds = (performance.now() - started) / 1000;
  const recorded = await prisma.message.count({ where: mine });
  // Due now and still pending (an SMS in quiet hours is rescheduled to the morning: not waited for).
  const due = () => prisma.message.count({ where: { ...mine, status: 'PENDING', scheduledFor: { lte: new Date() } } });
  let finished = performance.now();
  for (let last = Date.now(); ; ) {
    if ((await due()) === 0) {
      finished = performance.now();
      break;
    }
    if (performance.now() - started > SETTLE_TIMEOUT_MS) throw new Error('the round did not settle in time');
    if (Date.now() - last > 5000) {
      last = Date.now();
      progress(`    ${fixed((await prisma.message.count({ where: { status: 'SENT' } })) - sentBefore)} of ${fixed(recorded)} sent`);
    }
    await sleep(20);
  }
  const rows = await prisma.message.groupBy({ by: ['channel', 'status'], where: mine, _count: { _all: true } });
  const byChannel: Record<string, number> = {};
  let sent = 0;
  let other = 0;
  for (const row of rows) {
    if (row.status === 'SENT') {
      sent += row._count._all;
      byChannel[row.channel] = (byChannel[row.channel] ?? 0) + row._count._all;
    } else other += row._count._all;
  }
  return { events, applySeconds, seconds: (finished - started) / 1000, recorded, sent, other, byChannel };
}

// ---- 2. webhook latency ----

interface Received {
  path: string;
  at: number;
  body: string;
}

async function startReceiver() {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', at: Date.now(), body: Buffer.concat(chunks).toString('utf8') });
      res.writeHead(204).end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

interface WebhookFigures {
  endpoints: number;
  payments: number;
  expected: number;
  received: number;
  latencies: number[];
  seconds: number;
}

async function webhookLatency(stack: Stack, patient: Session, clinicAdmin: Session, procedureId: string, clinicId: string): Promise<WebhookFigures> {
  const receiver = await startReceiver();
  try {
    progress(`  creating ${ENDPOINTS} webhook endpoints`);
    await pool(ENDPOINTS, 5, async (index) => {
      const { body } = await stack.graphql<{ createWebhookEndpoint: { endpoint: { id: string } } }>(
        'mutation($clinicId: ID!, $url: String!) { createWebhookEndpoint(clinicId: $clinicId, url: $url, events: ["payment.status_changed"]) { endpoint { id } } }',
        { clinicId, url: `${receiver.base}/hook/${index}` },
        bearer(clinicAdmin.accessToken),
      );
      if (!body.data?.createWebhookEndpoint) throw new Error(`createWebhookEndpoint: ${JSON.stringify(body.errors)}`);
    });
    progress(`  paying ${PIX} PIX payments`);
    const paymentIds = new Set<string>();
    const started = performance.now();
    for (let index = 0; index < PIX; index += 1) {
      const made = await checkout(stack, patient, procedureId);
      paymentIds.add(made.id);
      const paid = await fetch(`${stack.celcoin.url}/_sim/pix/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ payload: made.pix.copiaECola }) });
      if (!paid.ok) throw new Error(`Celcoin simulator: ${paid.status} ${await paid.text()}`);
    }
    // AWAITING_PAYMENT, PAID and IN_ESCROW per payment, to every endpoint.
    const expected = PIX * 3 * ENDPOINTS;
    const ours = () => receiver.received.filter((entry) => paymentIds.has((JSON.parse(entry.body) as { data: { paymentId: string } }).data.paymentId));
    for (let last = Date.now(); ours().length < expected; ) {
      if (performance.now() - started > DELIVERY_TIMEOUT_MS) {
        console.warn(`  only ${ours().length} of ${expected} deliveries arrived in time`);
        break;
      }
      if (Date.now() - last > 5000) {
        last = Date.now();
        progress(`    ${fixed(ours().length)} of ${fixed(expected)} deliveries received`);
      }
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    const deliveries = ours();
    const latencies = deliveries.map((entry) => entry.at - Date.parse((JSON.parse(entry.body) as { timestamp: string }).timestamp));
    return { endpoints: ENDPOINTS, payments: PIX, expected, received: deliveries.length, latencies, seconds };
  } finally {
    await receiver.close();
  }
}

// ---- main ----

const wallStarted = performance.now();
progress('starting the embedded stack with notifications');
const stack = await startStack('embedded', { LOG_LEVEL: 'silent' }, { notifications: true, notificationsEnv: { LOG_LEVEL: 'silent' } });
let rounds: Round[] = [];
let webhooks: WebhookFigures;
try {
  const { patient, clinicAdmin, procedureId, clinicId } = await demoCast(stack);
  const { prisma } = stack.notifications!.store;

  progress(`1. creating ${PAYMENTS} payments by checkout`);
  const payments = await pool(PAYMENTS, 4, () => checkout(stack, patient, procedureId));
  const paymentIds = payments.map((payment) => payment.id);
  // Start from rest: what the checkouts themselves made (due now) sent first.
  for (let waited = 0; (await prisma.message.count({ where: { status: 'PENDING', scheduledFor: { lte: new Date() } } })) > 0 && waited < 60_000; waited += 200) await sleep(200);

  // A warm-up round (20 events), not counted.
  progress('  warm-up');
  await throughputRound(stack, paymentIds, patient.userId, clinicId, 20).catch((error) => console.warn('warm-up:', error));
  for (let round = 1; round <= ROUNDS; round += 1) {
    progress(`  round ${round} of ${ROUNDS}: ${EVENTS} events`);
    const result = await throughputRound(stack, paymentIds, patient.userId, clinicId);
    console.log(`    ${fixed(result.sent)} sent in ${fixed(result.seconds, 1)} s: ${fixed(result.sent / result.seconds, 1)} messages/s (apply ${fixed(result.events / result.applySeconds)} events/s)`);
    rounds.push(result);
  }

  progress('2. webhook latency');
  webhooks = await webhookLatency(stack, patient, clinicAdmin, procedureId, clinicId);
} finally {
  await stack.close();
}
const wallSeconds = (performance.now() - wallStarted) / 1000;

// ---- report ----

const rate = median(rounds.map((round) => round.sent / round.seconds));
const applyRate = median(rounds.map((round) => round.events / round.applySeconds));
const perEvent = median(rounds.map((round) => round.recorded / round.events));
const channels = [...new Set(rounds.flatMap((round) => Object.keys(round.byChannel)))].sort();
const channelNote = channels.map((channel) => `${channel} ${fixed(median(rounds.map((round) => round.byChannel[channel] ?? 0)))}`).join(', ');
const sorted = [...webhooks!.latencies].sort((a, b) => a - b);

const throughputTable = table(
  ['round', 'events', 'messages recorded', 'SENT', 'not sent', 'seconds', 'messages/s', 'apply events/s'],
  [
    ...rounds.map((round, index) => [index + 1, fixed(round.events), fixed(round.recorded), fixed(round.sent), fixed(round.other), fixed(round.seconds, 1), fixed(round.sent / round.seconds, 1), fixed(round.events / round.applySeconds)]),
    ['**median**', fixed(EVENTS), fixed(median(rounds.map((round) => round.recorded))), fixed(median(rounds.map((round) => round.sent))), '', fixed(median(rounds.map((round) => round.seconds)), 1), `**${fixed(rate, 1)}**`, fixed(applyRate)],
  ],
);
const webhookTable = table(
  ['endpoints', 'PIX payments', 'deliveries expected', 'received', 'p50', 'p99', 'max', 'all received after'],
  [[fixed(webhooks!.endpoints), fixed(webhooks!.payments), fixed(webhooks!.expected), fixed(webhooks!.received), `**${ms(median(sorted))}**`, `**${ms(percentile(sorted, 99))}**`, ms(sorted.at(-1) ?? NaN), `${fixed(webhooks!.seconds, 1)} s`]],
);
const machine = `${startedAt.toISOString()} · ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'} · ${fixed(totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${fixed(wallSeconds)} s in all`;

console.log(`\n${machine}\n\nEvents → messages (${ROUNDS} rounds; SENT per channel, median: ${channelNote}; ${fixed(perEvent, 1)} messages per event)\n${throughputTable}\n\nWebhook latency, commit → receiver\n${webhookTable}\n`);

replaceReportSection('Notifications', `
From bench/notifications.ts (\`npm run bench:notifications\`), run in its own process:

${machine} ·
embedded stack (PGlite, in-process bus and job queues, the messaging simulator), all in this process. The machine is shared and was loaded: read the figures as orders of magnitude.

**Events → messages.** ${fixed(EVENTS)} synthetic \`payment.status_changed\` AWAITING_PAYMENT → PAID events per round (fresh
event ids) for ${fixed(PAYMENTS)} real payments made by checkout, handed to \`Dispatcher.apply\` one at a time; timed from the first
apply until every message they recorded had left PENDING. Each event makes \`payment.confirmed\` for the patient on
every channel open to her (${fixed(perEvent, 1)} messages per event; SENT per round: ${channelNote}). The channel queues keep
their providers' rate limits (subgraphs/notifications/src/service.ts: SMS 10/s, e-mail and WhatsApp 20/s, push 50/s),
so the slowest channel's limit is a ceiling on the rate (SMS: 10 messages of that channel a second). After one small warm-up round;
median of ${ROUNDS} rounds.

${throughputTable}

**Webhook latency with ${fixed(ENDPOINTS)} endpoints.** ${fixed(ENDPOINTS)} endpoints for the demo clinic (\`createWebhookEndpoint\` through the router
as the clinic admin, \`payment.status_changed\`), each a distinct path on one local HTTP receiver answering 204; then
${fixed(PIX)} PIX payments the real way (checkout, then the Celcoin simulator's \`/_sim/pix/pay\`), one after another. Each
payment's three status changes (AWAITING_PAYMENT, PAID, IN_ESCROW) reach every endpoint. Latency = arrival at the
receiver − the event's createdAt (the body's \`timestamp\`), over every delivery.

${webhookTable}
`);
console.log('written to bench/REPORT.md');
