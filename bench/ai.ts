// `npm run bench:ai`: the ai subgraph's two paths a person waits on, on the embedded stack (e2e/stack.ts
// with `{ notifications: true }`: PGlite, in-process bus and queues, the messaging simulator), in one run:
//   1. fraud assessment in process: FraudDesk.assess (the committed model, fresh RiskSignals) over N
//      varied synthetic checkouts (payers, devices, addresses, amounts, a history growing as it goes);
//      each call timed alone, after a warm-up on another desk.
//   2. fraud assessment over HTTP: ai's /internal/fraud-assessments called directly as payments calls it
//      (signed `payments` service claims), M requests one after another; how many passed payments' 150 ms deadline.
//   3. checkout through the router, FRAUD_SCREEN off vs on (payments restarted between rounds, alternating
//      off/on/off/on…): PIX checkouts of the demo procedure by freshly signed-up patients, each from its own
//      address and device and checking out at most twice. Only approved checkouts count (a REVIEW or
//      DECLINE skips the gateway and would look faster): APPROVE by the MODEL (on) or the RULES (off), as
//      `payment { fraudAssessment }` tells the platform admin; the others are counted apart.
//   4. the assistant's reply through the router: askAssistant as the demo patient, alternating an FAQ
//      question and a data question (ai asks the router for the patient's own installments).
// Knobs: BENCH_AI_ASSESSMENTS (5000), BENCH_AI_HTTP (300), BENCH_AI_PATIENTS (24), BENCH_AI_ROUNDS (3 per mode),
// BENCH_AI_ASSISTANT (100). Writes bench/results/ai-<date>.md and the "AI" section of bench/REPORT.md (replacing the last run's).
// No timed assertions: the figures are reported, never checked against a threshold.
import { cpfFromBase } from '@medpay/br-documents';
import { fraudAssessment } from '@medpay/contracts';
import { FRAUD_MODEL_URL, FraudDesk, FraudModel, MemoryCheckoutLog, mulberry32, RedisCheckoutLog, RiskSignals, type CheckoutLog } from '@medpay/ai';
import { Redis } from 'ioredis';
import { createLogger, serviceClaims, signClaims, type DomainEvent } from '@medpay/runtime';
import { randomInt, randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { bearer, demoCast, signUpPatient, startStack, type Session, type Stack } from '../e2e/stack.js';
import { benchRoot, repoRoot } from './lib/processes.js';
import { pool } from './lib/pool.js';
import { replaceReportSection } from './lib/report.js';
import { fixed, median, percentile, ratio, table } from './lib/stats.js';

const env = process.env;
const ASSESSMENTS = Number(env.BENCH_AI_ASSESSMENTS ?? 5000);
const HTTP = Number(env.BENCH_AI_HTTP ?? 300);
const PATIENTS = Number(env.BENCH_AI_PATIENTS ?? 24);
const ROUNDS = Number(env.BENCH_AI_ROUNDS ?? 3);
const ASSISTANT = Number(env.BENCH_AI_ASSISTANT ?? 100);
/** payments' deadline for ai's answer (FRAUD_DEADLINE_MS) */
const DEADLINE_MS = 150;
const FAQ_QUESTION = 'Como funciona a garantia?';
const DATA_QUESTION = 'quando vence minha próxima parcela?';

const startedAt = new Date();
const progress = (line: string) => console.log(`${line}…`);
const ms = (value: number) => `${fixed(value, value < 10 ? 2 : value < 100 ? 1 : 0)} ms`;
const us = (value: number) => `${fixed(value * 1000, value < 0.1 ? 1 : 0)} µs`;
const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const countBy = (values: string[]) => Object.entries(values.reduce<Record<string, number>>((counts, value) => ({ ...counts, [value]: (counts[value] ?? 0) + 1 }), {}));
const counts = (values: string[]) => countBy(values).sort(([a], [b]) => a.localeCompare(b)).map(([value, count]) => `${value} ${fixed(count)}`).join(', ') || '–';

type AssessmentRequest = Parameters<FraudDesk['assess']>[0];

/** Seeded draws (ai's mulberry32): the same synthetic checkouts every run. */
function seeded(seed: number) {
  const next = mulberry32(seed);
  return { next, int: (below: number) => Math.floor(next() * below), pick: <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]! };
}

// ---- 1. in process ----

const CATEGORIES = [
  { category: 'Odontologia', amounts: [35_000, 80_000, 150_000, 220_000] },
  { category: 'Estética', amounts: [45_000, 65_000, 120_000, 220_000] },
  { category: 'Oftalmologia', amounts: [60_000, 450_000, 900_000] },
] as const;

/**
 * `count` checkouts over a population of payers (each mostly on its own device, some devices and
 * addresses shared), ~45 s apart, so that the 1 h / 24 h / 7 d windows fill up as it goes.
 * The payers' registrations and the clinics' approvals are applied first, as ai reads them from the log.
 */
async function syntheticCheckouts(count: number, seed: number, signals: RiskSignals) {
  const random = seeded(seed);
  const payers = Array.from({ length: Math.max(20, Math.round(count / 8)) }, (_, index) => ({
    id: `bench-payer-${seed}-${index}`,
    device: `bench-device-${seed}-${index}`,
    ip: `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`,
  }));
  const sharedDevices = Array.from({ length: Math.max(3, Math.round(count / 200)) }, (_, index) => `bench-shared-device-${seed}-${index}`);
  // A carrier's NAT: many payers behind a few addresses.
  const sharedIps = Array.from({ length: Math.max(5, Math.round(count / 100)) }, (_, index) => `100.64.${(index >> 8) & 255}.${index & 255}`);
  const clinics = Array.from({ length: 12 }, (_, index) => `bench-clinic-${seed}-${index}`);
  const stepMs = 45_000;
  const start = Date.now() - count * stepMs;
  const event = (type: string, payload: Record<string, unknown>, at: number): DomainEvent => ({ id: randomUUID(), type, aggregateId: String(payload.userId ?? payload.clinicId), payload, createdAt: new Date(at).toISOString() });
  for (const payer of payers) {
    const registeredAt = new Date(start - random.int(400) * 86_400_000).toISOString();
    await signals.apply(event('patient.registered', { userId: payer.id, roles: ['PATIENT'], registeredAt }, start));
  }
  for (const clinicId of clinics) {
    await signals.apply(event('clinic.approved', { clinicId, from: 'PENDING', status: 'APPROVED', at: new Date(start - (30 + random.int(700)) * 86_400_000).toISOString() }, start));
  }
  return Array.from({ length: count }, (_, index): AssessmentRequest => {
    const payer = random.pick(payers);
    const { category, amounts } = random.pick(CATEGORIES);
    const method = random.next() < 0.25 ? 'CARD' : 'PIX';
    return {
      paymentId: `bench-payment-${seed}-${index}`,
      payerId: payer.id,
      clinicId: random.pick(clinics),
      procedureId: `bench-procedure-${category}`,
      category,
      method,
      planKind: method === 'CARD' ? (random.next() < 0.5 ? 'CARD_INSTALLMENTS' : 'A_VISTA') : random.next() < 0.15 ? 'CREDIARIO' : 'A_VISTA',
      amountCentavos: random.pick(amounts) + random.int(5_000),
      deviceId: random.next() < 0.05 ? random.pick(sharedDevices) : random.next() < 0.05 ? null : payer.device,
      clientIp: random.next() < 0.15 ? random.pick(sharedIps) : payer.ip,
      // Each payer's own card, now and then another's (a shared or stolen card).
      cardFingerprint: method === 'CARD' ? (random.next() < 0.03 ? random.int(payers.length) : payers.indexOf(payer)).toString(16).padStart(64, '0') : null,
      at: new Date(start + index * stepMs + random.int(stepMs)).toISOString(),
    };
  });
}

interface InProcessFigures {
  modelVersion: string;
  count: number;
  /** each call, in ms */
  latencies: number[];
  decisions: string[];
}

/** `log`: where the desk keeps its checkouts — this process's memory, or a Redis shared by replicas. */
async function inProcess(log: () => CheckoutLog): Promise<InProcessFigures> {
  const model = await FraudModel.load(FRAUD_MODEL_URL);
  const logger = createLogger('ai', 'silent');
  // Warm-up on a desk of its own (its history is thrown away).
  const warmSignals = new RiskSignals(log());
  const warmDesk = new FraudDesk(model, warmSignals, logger);
  for (const request of await syntheticCheckouts(Math.min(1000, ASSESSMENTS), 7, warmSignals)) await warmDesk.assess(request);
  await warmSignals.checkouts.close();

  const signals = new RiskSignals(log());
  const desk = new FraudDesk(model, signals, logger);
  const requests = await syntheticCheckouts(ASSESSMENTS, 42, signals);
  const latencies: number[] = [];
  const decisions: string[] = [];
  for (const request of requests) {
    const started = performance.now();
    const answer = await desk.assess(request);
    latencies.push(performance.now() - started);
    decisions.push(answer.decision);
  }
  await signals.checkouts.close();
  return { modelVersion: desk.modelVersion, count: requests.length, latencies, decisions };
}

// ---- 2. over HTTP ----

interface HttpFigures {
  count: number;
  latencies: number[];
  decisions: string[];
  failures: number;
  overDeadline: number;
}

async function overHttp(stack: Stack, clinicId: string, procedureId: string): Promise<HttpFigures> {
  const random = seeded(99);
  // Payers, devices and addresses of their own (TEST-NET-1), never the checkouts' of part 3.
  const payers = Array.from({ length: Math.max(10, Math.round(HTTP / 5)) }, () => randomUUID());
  const ask = (request: Record<string, unknown>) =>
    fetch(`${stack.ai.url}${fraudAssessment.path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-medpay-claims': signClaims(serviceClaims('payments'), stack.secret) },
      body: JSON.stringify(request),
    });
  const request = (index: number) => {
    const payer = random.int(payers.length);
    return {
      paymentId: randomUUID(),
      payerId: payers[payer]!,
      clinicId,
      procedureId,
      category: 'Odontologia',
      method: 'PIX',
      planKind: 'A_VISTA',
      amountCentavos: 30_000 + random.int(200_000),
      deviceId: `bench-http-device-${payer}`,
      clientIp: `192.0.2.${1 + (index % 250)}`,
      cardFingerprint: null,
      at: new Date().toISOString(),
    };
  };
  for (let index = 0; index < 20; index += 1) await (await ask(request(index))).arrayBuffer(); // warm-up
  const latencies: number[] = [];
  const decisions: string[] = [];
  let failures = 0;
  for (let index = 0; index < HTTP; index += 1) {
    const started = performance.now();
    const response = await ask(request(index));
    const body = (await response.json()) as { decision?: string };
    const elapsed = performance.now() - started;
    if (!response.ok || !body.decision) {
      failures += 1;
      continue;
    }
    latencies.push(elapsed);
    decisions.push(body.decision);
  }
  return { count: HTTP, latencies, decisions, failures, overDeadline: latencies.filter((latency) => latency > DEADLINE_MS).length };
}

// ---- 3. checkout, FRAUD_SCREEN off vs on ----

const CHECKOUT = 'mutation($input: CheckoutInput!) { checkout(input: $input) { id status hold } }';
const ASSESSMENT = 'query($id: ID!) { payment(id: $id) { id fraudAssessment { decision source reasons { code } } } }';
const NAMES = ['Ana', 'Bruno', 'Carla', 'Diego', 'Elisa', 'Fábio', 'Gabriela', 'Heitor', 'Isabela', 'João', 'Larissa', 'Marcelo', 'Natália', 'Otávio', 'Patrícia', 'Rafael'];
const SURNAMES = ['Almeida', 'Barbosa', 'Cardoso', 'Duarte', 'Esteves', 'Ferreira', 'Gomes', 'Lima', 'Moreira', 'Nunes', 'Oliveira', 'Ribeiro'];

interface Client {
  session: Session;
  address: string;
  device: string;
}

interface CheckoutSample {
  mode: 'off' | 'on';
  patient: number;
  /** the patient's 1st or 2nd checkout */
  nth: number;
  ms: number;
  decision: string;
  source: string;
  reasons: string[];
  counted: boolean;
}

interface CheckoutRound {
  mode: 'off' | 'on';
  samples: CheckoutSample[];
}

async function signUpClients(stack: Stack): Promise<Client[]> {
  const tag = randomUUID().slice(0, 8);
  return pool(PATIENTS, 3, async (index) => {
    const address = `203.0.113.${10 + index}`;
    const name = `${NAMES[index % NAMES.length]} ${SURNAMES[Math.floor(index / NAMES.length) % SURNAMES.length]} Bench`;
    const session = await signUpPatient(
      stack,
      { name, email: `bench-ai-${tag}-${index}@example.com`, password: 'Saude#2026forte', cpf: cpfFromBase(String(randomInt(100_000_000, 999_999_999))) },
      address,
    );
    return { session, address, device: `bench-ai-device-${tag}-${index}` };
  });
}

async function checkoutRounds(stack: Stack, clients: Client[], warmer: Client, admin: Session, procedureId: string): Promise<CheckoutRound[]> {
  const checkout = async (who: Client) => {
    const started = performance.now();
    const { body } = await stack.graphql<{ checkout: { id: string; status: string; hold: string | null } }>(
      CHECKOUT,
      { input: { procedureId, planId: 'PIX', method: 'PIX', idempotencyKey: randomUUID() } },
      { ...bearer(who.session.accessToken), 'x-forwarded-for': who.address, 'x-medpay-device': who.device },
    );
    const elapsed = performance.now() - started;
    if (!body.data?.checkout) throw new Error(`checkout: ${JSON.stringify(body.errors)}`);
    return { id: body.data.checkout.id, ms: elapsed };
  };
  const assessed = async (id: string) => {
    const { body } = await stack.graphql<{ payment: { fraudAssessment: { decision: string; source: string; reasons: { code: string }[] } | null } }>(ASSESSMENT, { id }, bearer(admin.accessToken));
    return body.data?.payment.fraudAssessment ?? null;
  };
  // Every patient twice; slot j goes to round j mod (2 × ROUNDS): each round has as many first
  // checkouts as second ones, the same for both modes, and no patient is in two rounds.
  const slots = [...clients.keys(), ...clients.keys()];
  const roundCount = 2 * ROUNDS;
  const seen = new Map<number, number>();
  const rounds: CheckoutRound[] = [];
  for (let round = 0; round < roundCount; round += 1) {
    const mode = round % 2 ? 'on' : 'off';
    progress(`  round ${round + 1} of ${roundCount}: FRAUD_SCREEN=${mode}`);
    await stack.restartPayments({ FRAUD_SCREEN: mode });
    // A warm-up checkout (the demo's other patient, from an address of its own), not counted.
    await checkout(warmer);
    const samples: CheckoutSample[] = [];
    for (const patient of slots.filter((_, slot) => slot % roundCount === round)) {
      const nth = (seen.get(patient) ?? 0) + 1;
      seen.set(patient, nth);
      const made = await checkout(clients[patient]!);
      const assessment = await assessed(made.id);
      const decision = assessment?.decision ?? 'none';
      const source = assessment?.source ?? 'none';
      const counted = decision === 'APPROVE' && source === (mode === 'on' ? 'MODEL' : 'RULES');
      samples.push({ mode, patient, nth, ms: made.ms, decision, source, reasons: assessment?.reasons.map((reason) => reason.code) ?? [], counted });
    }
    const kept = sorted(samples.filter((sample) => sample.counted).map((sample) => sample.ms));
    console.log(`    ${fixed(kept.length)} of ${fixed(samples.length)} counted, p50 ${ms(median(kept))}`);
    rounds.push({ mode, samples });
  }
  return rounds;
}

// ---- 4. assistant ----

interface AssistantFigures {
  faq: number[];
  data: number[];
  intents: { faq: string[]; data: string[] };
  /** the first answer of each kind, as the patient reads it */
  answers: { faq: string; data: string };
  errors: number;
}

async function assistant(stack: Stack, patient: Session): Promise<AssistantFigures> {
  const ASK = 'mutation($message: String!, $conversationId: ID) { askAssistant(message: $message, conversationId: $conversationId) { conversationId intent answer } }';
  const conversationId = randomUUID();
  const ask = async (message: string) => {
    const started = performance.now();
    const { body } = await stack.graphql<{ askAssistant: { intent: string; answer: string } }>(ASK, { message, conversationId }, bearer(patient.accessToken));
    return { ms: performance.now() - started, intent: body.data?.askAssistant?.intent ?? null, answer: body.data?.askAssistant?.answer ?? '' };
  };
  for (const message of [FAQ_QUESTION, DATA_QUESTION, FAQ_QUESTION, DATA_QUESTION]) await ask(message); // warm-up
  const figures: AssistantFigures = { faq: [], data: [], intents: { faq: [], data: [] }, answers: { faq: '', data: '' }, errors: 0 };
  for (let index = 0; index < ASSISTANT; index += 1) {
    const kind = index % 2 ? 'data' : 'faq';
    const answer = await ask(kind === 'faq' ? FAQ_QUESTION : DATA_QUESTION);
    if (!answer.intent) {
      figures.errors += 1;
      continue;
    }
    figures[kind].push(answer.ms);
    figures.intents[kind].push(answer.intent);
    figures.answers[kind] ||= answer.answer;
  }
  return figures;
}

// ---- main ----

const wallStarted = performance.now();
progress(`1. ${fixed(ASSESSMENTS)} fraud assessments in process`);
const local = await inProcess(() => new MemoryCheckoutLog());
console.log(`    p50 ${us(median(local.latencies))}, p99 ${us(percentile(sorted(local.latencies), 99))}`);
// With a Redis (BENCH_REDIS_URL), the same on the checkout log replicas share: one script call per checkout.
const redisUrl = process.env.BENCH_REDIS_URL;
let shared: InProcessFigures | null = null;
if (redisUrl) {
  progress(`1b. the same with the checkout log in Redis (${redisUrl})`);
  shared = await inProcess(() => new RedisCheckoutLog(new Redis(redisUrl), `bench-${randomUUID()}`));
  console.log(`    p50 ${us(median(shared.latencies))}, p99 ${us(percentile(sorted(shared.latencies), 99))}`);
}

progress('starting the embedded stack with notifications (FRAUD_SCREEN on)');
const stack = await startStack('embedded', { LOG_LEVEL: 'silent', FRAUD_SCREEN: 'on' }, { notifications: true, notificationsEnv: { LOG_LEVEL: 'silent' } });
let http: HttpFigures;
let rounds: CheckoutRound[];
let replies: AssistantFigures;
try {
  const cast = await demoCast(stack);

  progress(`2. ${fixed(HTTP)} fraud assessments over HTTP`);
  http = await overHttp(stack, cast.clinicId, cast.procedureId);
  console.log(`    p50 ${ms(median(http.latencies))}, p99 ${ms(percentile(sorted(http.latencies), 99))}`);

  progress(`3. signing up ${fixed(PATIENTS)} patients`);
  const clients = await signUpClients(stack);
  // ai has read their registrations (and everything before) before the first checkout.
  for (let waited = 0; (await stack.ai.intake.lag()).pending > 0 && waited < 30_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
  const warmer: Client = { session: cast.otherPatient, address: '198.51.100.200', device: 'bench-ai-warm-up-device' };
  rounds = await checkoutRounds(stack, clients, warmer, cast.admin, cast.procedureId);

  progress(`4. ${fixed(ASSISTANT)} assistant replies`);
  replies = await assistant(stack, cast.patient);
} finally {
  await stack.close();
}
const wallSeconds = (performance.now() - wallStarted) / 1000;

// ---- report ----

const localSorted = sorted(local.latencies);
const httpSorted = sorted(http!.latencies);
const assessmentTable = table(
  ['path', 'calls', 'p50', 'p99', 'max', 'decisions', 'over 150 ms'],
  [
    ['`FraudDesk.assess`, in process', fixed(local.count), `**${us(median(localSorted))}**`, `**${us(percentile(localSorted, 99))}**`, us(localSorted.at(-1) ?? NaN), counts(local.decisions), '–'],
    ...(shared
      ? [(() => {
          const sharedSorted = sorted(shared.latencies);
          return [`\`FraudDesk.assess\`, checkout log in Redis (×${ratio(median(sharedSorted), median(localSorted))} the memory one)`, fixed(shared.count), `**${us(median(sharedSorted))}**`, `**${us(percentile(sharedSorted, 99))}**`, us(sharedSorted.at(-1) ?? NaN), counts(shared.decisions), '–'];
        })()]
      : []),
    [
      '`/internal/fraud-assessments`, HTTP',
      `${fixed(http!.count)}${http!.failures ? ` (${fixed(http!.failures)} failed)` : ''}`,
      `**${ms(median(httpSorted))}**`,
      `**${ms(percentile(httpSorted, 99))}**`,
      ms(httpSorted.at(-1) ?? NaN),
      counts(http!.decisions),
      fixed(http!.overDeadline),
    ],
  ],
);

const p50Of = (round: CheckoutRound) => median(round.samples.filter((sample) => sample.counted).map((sample) => sample.ms));
const p99Of = (round: CheckoutRound) => percentile(sorted(round.samples.filter((sample) => sample.counted).map((sample) => sample.ms)), 99);
const modes = (['off', 'on'] as const).map((mode) => {
  const mine = rounds!.filter((round) => round.mode === mode);
  const samples = mine.flatMap((round) => round.samples);
  const kept = samples.filter((sample) => sample.counted);
  return { mode, rounds: mine, samples, kept, p50: median(mine.map(p50Of)), p99: median(mine.map(p99Of)), pooled: median(kept.map((sample) => sample.ms)) };
});
const [off, on] = modes as [(typeof modes)[0], (typeof modes)[0]];
const growth = (on.p50 / off.p50 - 1) * 100;
const excludedNotes = modes
  .flatMap((mode) => mode.samples.filter((sample) => !sample.counted).map((sample) => `${mode.mode}: ${sample.decision}/${sample.source}${sample.reasons.length ? ` (${sample.reasons.join(', ')})` : ''} on a ${sample.nth === 1 ? 'first' : 'second'} checkout`))
  .reduce<Record<string, number>>((seen, note) => ({ ...seen, [note]: (seen[note] ?? 0) + 1 }), {});
const excludedText = Object.entries(excludedNotes).map(([note, count]) => `${count} × ${note}`).join('; ') || 'none';
const checkoutTable = table(
  ['FRAUD_SCREEN', 'rounds', 'checkouts', 'counted (APPROVE)', 'excluded', 'p50 per round', 'p50 (median of rounds)', 'p99 (median of rounds)', 'p50 pooled'],
  modes.map((mode) => [
    `\`${mode.mode}\``,
    fixed(mode.rounds.length),
    fixed(mode.samples.length),
    fixed(mode.kept.length),
    fixed(mode.samples.length - mode.kept.length),
    mode.rounds.map((round) => ms(p50Of(round))).join(' · '),
    `**${ms(mode.p50)}**`,
    ms(mode.p99),
    ms(mode.pooled),
  ]),
);
const assistantSorted = { faq: sorted(replies!.faq), data: sorted(replies!.data) };
const assistantTable = table(
  ['question', 'replies', 'intent', 'p50', 'p99', 'max'],
  (['faq', 'data'] as const).map((kind) => [
    kind === 'faq' ? `FAQ: “${FAQ_QUESTION}”` : `data: “${DATA_QUESTION}”`,
    fixed(assistantSorted[kind].length),
    counts(replies!.intents[kind]),
    `**${ms(median(assistantSorted[kind]))}**`,
    `**${ms(percentile(assistantSorted[kind], 99))}**`,
    ms(assistantSorted[kind].at(-1) ?? NaN),
  ]),
);
const machine = `${startedAt.toISOString()} · ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'} · ${fixed(totalmem() / 2 ** 30)} GiB · Node ${process.version} · ${fixed(wallSeconds)} s in all`;
const knobs = `BENCH_AI_ASSESSMENTS=${ASSESSMENTS} BENCH_AI_HTTP=${HTTP} BENCH_AI_PATIENTS=${PATIENTS} BENCH_AI_ROUNDS=${ROUNDS} BENCH_AI_ASSISTANT=${ASSISTANT}`;
const checkoutHeadline = `checkout p50 with the screen on / off: **${ratio(on.p50, off.p50)}** (${Number.isFinite(growth) ? `${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %` : '–'}; the issue's target: less than +10 %)`;

const section = `## AI

From bench/ai.ts (\`npm run bench:ai\`), run in its own process (${knobs}):

${machine} ·
embedded stack (PGlite, in-process bus and job queues, the messaging simulator), all in this process. The machine is shared: read the figures as orders of magnitude.

**Fraud assessment.** In process: \`FraudDesk.assess\` (the committed model ${local.modelVersion}, fresh \`RiskSignals\`) over ${fixed(local.count)}
synthetic checkouts ~45 s apart (${fixed(Math.max(20, Math.round(ASSESSMENTS / 8)))} payers with registrations 0–400 days old, mostly one device, address and card each, some
shared, PIX, card and crediário, three categories' tickets), the history growing as it goes; each call timed
alone, after a warm-up on another desk${shared ? '; then the same on the checkout log ai replicas share in Redis (one Lua script per checkout, this machine\'s Redis), in the same run' : ''}. Over HTTP: ai's \`/internal/fraud-assessments\` called directly as payments calls it
(\`payments\` service claims signed per call), ${fixed(HTTP)} requests one after another (after 20 not counted), payers, devices and
addresses of their own; the last column counts answers slower than payments' ${DEADLINE_MS} ms deadline (past it, checkout goes on by the rules).

${assessmentTable}

**Checkout through the router, FRAUD_SCREEN off vs on.** ${fixed(PATIENTS)} patients signed up for the run (each its own
\`x-forwarded-for\` address and \`x-medpay-device\` id), each checking out twice (PIX, the demo procedure), split over
${fixed(2 * ROUNDS)} alternating rounds (off, on, off, on…; payments restarted with the mode before each round, then one checkout not
counted): each round has as many first checkouts as second ones and no patient twice. Only checkouts approved count (APPROVE by
the MODEL when on, by the RULES when off: a REVIEW or DECLINE issues no charge and would look faster), as
\`payment { fraudAssessment }\` tells the platform admin; excluded: ${excludedText}. Latency = the checkout mutation, client side.

${checkoutTable}

${checkoutHeadline}.

**Assistant reply through the router.** ${fixed(ASSISTANT)} \`askAssistant\` calls as the demo patient, one conversation, one after
another, alternating an FAQ question and a data question (ai asks the router for the patient's own installments with the patient's
token; the stack seeds no payment history)${replies!.errors ? `; ${fixed(replies!.errors)} calls answered no reply` : ''}. The answers: FAQ
“${replies!.answers.faq.length > 160 ? `${replies!.answers.faq.slice(0, 160)}…` : replies!.answers.faq}”; data “${replies!.answers.data}”.

${assistantTable}
`;

console.log(`\n${section}`);

mkdirSync(join(benchRoot, 'results'), { recursive: true });
const file = join(benchRoot, 'results', `ai-${startedAt.toISOString().replace(/[:.]/g, '-')}.md`);
writeFileSync(file, `# AI benchmark\n\n${section.replace(/^## AI\n\n/, '')}`);

replaceReportSection('AI', section.replace(/^## AI\n\n/, ''));
console.log(`written to ${relative(repoRoot, file)} and bench/REPORT.md`);
