// `npm run bench`: every benchmark, one after another, and one markdown report of medians —
// bench/results/report-<date>.md, copied to bench/REPORT.md (the committed latest).
//   1. gateway workload: our router vs stock @apollo/gateway vs Hive Gateway (defaults, --jit, Rust
//      planner; and our router at an earlier commit, for before/after), on The Guild's four-subgraph
//      benchmark, with one caller and with 500;
//   2. router overhead: a query one subgraph answers, direct vs through each gateway, the same two ways;
//   3. domain workload: the real subgraphs on a seeded dataset, through the router;
//   4. subscriptions: bench/subscriptions.ts (100 and 1,000 subscribers), its table included;
//   5. analytics: bench/analytics.ts (event consumption, query latency, lag under a checkout burst),
//      its tables, headline figures and targets included.
// Knobs (environment): BENCH_ROUNDS (3), BENCH_SECONDS (10 per gateway round), BENCH_CONNECTIONS (50),
// BENCH_BEFORE_COMMIT (694d091, the router before its optimizations; empty to skip),
// BENCH_ONLY (e.g. "gateway,domain"), BENCH_PROFILE (a directory for our router's CPU profile),
// BENCH_SUBSCRIBERS and BENCH_ANALYTICS_* (passed on).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { availableParallelism, cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { CATALOG_DIRECT, CATALOG_THROUGH_ROUTER, DATASET, runDomainWorkload, type DomainResults } from './domain.js';
import type { LoadResult, Measured } from './lib/load.js';
import { CALLERS, HIVE, HIVE_JIT, HIVE_RUST, OURS_UNMERGED, runGatewayWorkload, STOCK, type GatewayResults } from './gateway/workload.js';
import { benchRoot, pin, repoRoot } from './lib/processes.js';
import { fixed, median, medianOf, percent, ratio, table } from './lib/stats.js';

const env = process.env;
const ROUNDS = Number(env.BENCH_ROUNDS ?? 3);
const SECONDS = Number(env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(env.BENCH_CONNECTIONS ?? 50);
const BEFORE_COMMIT = env.BENCH_BEFORE_COMMIT ?? '694d091';
const ONLY = new Set((env.BENCH_ONLY ?? 'gateway,domain,subscriptions,analytics').split(','));

const startedAt = new Date();
const log = (line: string) => console.log(`[${((Date.now() - startedAt.getTime()) / 1000).toFixed(0).padStart(4)} s] ${line}`);
// This process, the subgraphs and the load generator share the first core(s); each gateway gets the last.
pin(process.pid, 'rest');

/** The installed version of a package (all are hoisted to the root node_modules). */
function versionOf(name: string): string {
  try {
    return (JSON.parse(readFileSync(join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return '?';
  }
}

/** A benchmark script in its own process (it starts what it measures); the markdown report it wrote. */
function runScript(script: string, nodeFlags: string[] = []): Promise<{ markdown: string; file: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, '--import', 'tsx', join(benchRoot, script)], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      for (const line of chunk.toString().split('\n')) if (line.endsWith('…')) log(`  ${line}`);
    });
    child.once('exit', (code) => {
      const file = /written to (\S+)/.exec(output)?.[1];
      if (code !== 0 || !file) return reject(new Error(`bench/${script} exited ${code}`));
      resolve({ markdown: readFileSync(file, 'utf8'), file });
    });
  });
}

let gateway: GatewayResults | undefined;
let domain: DomainResults | undefined;
let subscriptions: string | undefined;
let analytics: { markdown: string; headline: string[][]; targets: string[] } | undefined;
if (ONLY.has('gateway')) {
  log('1–2. gateway workload and router overhead');
  gateway = await runGatewayWorkload({ rounds: ROUNDS, seconds: SECONDS, warmupSeconds: 5, connections: CONNECTIONS, beforeCommit: BEFORE_COMMIT || undefined }, log);
}
// The domain stack and the subscription benchmark are no gateway contest: they get every core.
if (ONLY.has('domain')) {
  pin(process.pid, 'all');
  log('3. domain workload');
  domain = await runDomainWorkload({ rounds: Math.max(2, ROUNDS - 1), seconds: Math.max(5, SECONDS - 2), warmupSeconds: 3, connections: CONNECTIONS }, log);
}
if (ONLY.has('subscriptions')) {
  pin(process.pid, 'all');
  log('4. subscriptions');
  subscriptions = (await runScript('subscriptions.ts')).markdown;
}
if (ONLY.has('analytics')) {
  pin(process.pid, 'all');
  log('5. analytics');
  // It holds a year of events and the store's documents in memory, and collects them before its queries.
  const { markdown, file } = await runScript('analytics.ts', ['--max-old-space-size=6144', '--max-semi-space-size=64', '--expose-gc']);
  analytics = { markdown, ...(JSON.parse(readFileSync(file.replace(/\.md$/, '.json'), 'utf8')) as { headline: string[][]; targets: string[] }) };
}
const wallSeconds = (Date.now() - startedAt.getTime()) / 1000;

// ---- the report ----
const OURS = 'ours';
const DIRECT = 'products subgraph (direct)';
const BEFORE = gateway?.targets.find((name) => name.startsWith('ours before'));
const ms = (value: number) => `${fixed(value)} ms`;

function gatewayTable(results: Record<string, ReturnType<typeof medianOf>>, reference: string, referenceLabel: string) {
  return table(
    ['target', 'req/s', 'p50', 'p99', 'errors', `vs ${referenceLabel}`, 'gateway CPU', 'peak RSS', 'measured'],
    Object.entries(results).map(([name, m]) => [
      name === OURS ? `**${name}**` : name,
      fixed(m.rps),
      ms(m.p50),
      ms(m.p99),
      m.errors,
      name === reference ? '1.00×' : ratio(m.rps, results[reference]!.rps),
      `${fixed(m.cpu * 100)} %`,
      `${fixed(m.peakRssMiB)} MiB`,
      `${m.rounds} × ${fixed(m.seconds / m.rounds)} s`,
    ]),
  );
}

/** What the errors were, when there were any: the first answer that counted as one, per target. */
function errorNotes(results: Record<string, LoadResult[]>): string {
  const notes = Object.entries(results).flatMap(([name, rounds]) => {
    const errors = rounds.reduce((sum, r) => sum + r.errors, 0);
    if (!errors) return [];
    const timeouts = rounds.reduce((sum, r) => sum + (r.timeouts ?? 0), 0);
    const sample = rounds.find((r) => r.firstError)?.firstError;
    return [`- ${name}: ${errors} errors${timeouts ? `, ${timeouts} of them timeouts (20 s)` : ''}${sample ? `; first: \`${sample.replace(/`/g, "'")}\`` : ''}`];
  });
  return notes.length ? `\nErrors:\n${notes.join('\n')}\n` : '';
}

const sections: string[] = [];
const headline: string[][] = [];
const targets: string[] = [];
if (gateway) {
  const medians = (rounds: Record<string, Measured[]>) => Object.fromEntries(Object.entries(rounds).map(([name, each]) => [name, medianOf(each)]));
  const one = { nested: medians(gateway.oneCaller.nested), single: medians(gateway.oneCaller.single) };
  const many = { nested: medians(gateway.manyCallers.nested), single: medians(gateway.manyCallers.single) };
  const line = (m: ReturnType<typeof medianOf>) => `${fixed(m.rps)} req/s, p50 ${ms(m.p50)}, p99 ${ms(m.p99)}`;
  const ours = many.nested[OURS]!;
  const rust = many.nested[HIVE_RUST]!;
  headline.push(
    [`gateway workload, ${CALLERS} callers: ours`, line(ours)],
    ...[STOCK, HIVE, HIVE_JIT, HIVE_RUST].map((name) => [`… ${name}`, `${line(many.nested[name]!)} (ours ${ratio(ours.rps, many.nested[name]!.rps)})`]),
    ['… ours with merging and batching off', `${line(many.nested[OURS_UNMERGED]!)}`],
    ...(BEFORE ? [[`… ours before (${BEFORE_COMMIT})`, `${line(many.nested[BEFORE]!)} (after / before ${ratio(ours.rps, many.nested[BEFORE]!.rps)})`]] : []),
    ['gateway workload, one caller: ours / Hive Rust planner / stock', `${fixed(one.nested[OURS]!.rps)} / ${fixed(one.nested[HIVE_RUST]!.rps)} / ${fixed(one.nested[STOCK]!.rps)} req/s`],
    [`single-subgraph query, ${CALLERS} callers: through ours / direct`, `${percent(many.single[OURS]!.rps, many.single[DIRECT]!.rps)} (${fixed(many.single[OURS]!.rps)} vs ${fixed(many.single[DIRECT]!.rps)} req/s)`],
    ['single-subgraph query, one caller: through ours / direct', `${percent(one.single[OURS]!.rps, one.single[DIRECT]!.rps)}`],
  );
  targets.push(
    `${ours.rps >= rust.rps ? '✅' : '❌'} gateway workload with ${CALLERS} callers: ours ≥ Hive Gateway on the Rust planner, auth and limits on: ${ratio(ours.rps, rust.rps)}`,
    `${many.single[OURS]!.rps >= 0.7 * many.single[DIRECT]!.rps ? '✅' : '❌'} single-subgraph query with ${CALLERS} callers through ours ≥ 70 % of direct: ${percent(many.single[OURS]!.rps, many.single[DIRECT]!.rps)}`,
  );
  sections.push(`## 1. Gateway workload

The Guild's federation gateway benchmark (graphql-hive/graphql-gateways-benchmark) rebuilt with Node
subgraphs (bench/gateway/subgraphs.ts: accounts, inventory, products, reviews; same static data and
keys) and its query (users → reviews → product → reviews → author → reviews → product, plus
topProducts; bench/gateway/query.ts). Each gateway is its own process pinned to the last core; the
subgraphs (one process), the load generator (autocannon, another process) and this script share the
other. ${CONNECTIONS} connections, ${ROUNDS} interleaved rounds of ${SECONDS} s after a warm-up; medians.
Every gateway's answer is checked equal to the others' before timing; a response counts as an error
unless it is 2xx with data and no errors. Each workload runs twice: as one caller sends it (one
token), and as real traffic looks: ${CALLERS} distinct callers, each request with the next one's token.

- **ours**: router/src as committed (\`router/src/main.ts\`, NODE_ENV=production): ES256 token verified
  on every request, @authenticated/@requiresScopes/@policy enforcement with its start-up self-test (an
  anonymous \`me\` is checked to be refused), the operation policy at its defaults (depth 12, aliases
  15, demand-control cost per caller kind, tokens 2000), signed claims to subgraphs; identical
  in-flight queries of one caller merged, and one query's fetches to a subgraph in the same turn sent
  as one batched request (never across callers).
- **${OURS_UNMERGED}**: the same with \`MERGE_SUBGRAPH_REQUESTS=false BATCH_SUBGRAPH_REQUESTS=false\`.${BEFORE ? `
- **${BEFORE}**: router/src at commit ${BEFORE_COMMIT}, before the optimizations, same settings.` : ''}
- **${STOCK}**: \`new ApolloGateway({ supergraphSdl })\` in @apollo/server's standalone server, defaults.
- **${HIVE}**: \`hive-gateway supergraph\` (one process, \`--fork 1\`, NODE_ENV=production), defaults;
  **${HIVE_JIT}** the same with graphql-jit; **${HIVE_RUST}** with \`HIVE_ROUTER_RUNTIME=true\`
  (@graphql-hive/router-runtime: Hive Router's Rust query planner and its executor).
  The peers get the same supergraph without \`@authenticated\` on \`me\` (stock @apollo/gateway refuses
  SECURITY features; the query never asks for \`me\`), and the same tokens, which they do not check.

### ${CALLERS} callers

${gatewayTable(many.nested, OURS, 'ours')}
${errorNotes(gateway.manyCallers.nested)}
### One caller

${gatewayTable(one.nested, OURS, 'ours')}
${errorNotes(gateway.oneCaller.nested)}
## 2. Router overhead

\`${'{ topProducts(first: 5) { upc name price weight } }'}\`, which the products subgraph answers alone:
direct to the subgraph vs through each gateway; same rounds, ${Math.max(5, SECONDS / 2)} s each. Here the subgraphs
execute every request (graphql-js, parsed documents cached), as a Node subgraph does. The subgraph
process stays where it is in both cases (sharing the first core with the load generator), so the one
difference is a gateway in the path, on a core of its own. "gateway CPU" is the subgraph's for the
direct row.

### ${CALLERS} callers

${gatewayTable(many.single, DIRECT, 'direct')}
${errorNotes(gateway.manyCallers.single)}
### One caller

${gatewayTable(one.single, DIRECT, 'direct')}
${errorNotes(gateway.oneCaller.single)}`);
}
if (domain) {
  const rows = domain.operations.map((op) => {
    const m = { rps: median(op.rounds.map((r) => r.rps)), p50: median(op.rounds.map((r) => r.p50)), p99: median(op.rounds.map((r) => r.p99)) };
    const sizes = Object.keys(op.statements);
    return [op.name, fixed(m.rps), ms(m.p50), ms(m.p99), op.rounds.reduce((s, r) => s + r.errors, 0), sizes.map((size) => `${op.statements[size]}${size === '–' ? '' : ` @${size}`}`).join(', ')];
  });
  const rpsOf = (name: string) => median(domain!.operations.find((op) => op.name === name)?.rounds.map((r) => r.rps) ?? []);
  const catalogRatio = percent(rpsOf(CATALOG_THROUGH_ROUTER), rpsOf(CATALOG_DIRECT));
  targets.push(`${rpsOf(CATALOG_THROUGH_ROUTER) >= 0.5 * rpsOf(CATALOG_DIRECT) ? '✅' : '❌'} the same over a real subgraph (providers on PGlite, the domain stack): ${catalogRatio} of direct`);
  headline.push(['single-subgraph query over a real subgraph (providers): through ours / direct', `${catalogRatio} (${fixed(rpsOf(CATALOG_THROUGH_ROUTER))} vs ${fixed(rpsOf(CATALOG_DIRECT))} req/s)`]);
  const paged = domain.operations.filter((op) => '10' in op.statements);
  const constant = paged.every((op) => op.statements['10'] === op.statements['100']);
  targets.push(`${constant ? '✅' : '❌'} SQL statements per domain operation constant in page size: ${paged.map((op) => `${op.statements['10']} @10 / ${op.statements['100']} @100`).join('; ')}`);
  headline.push(...domain.operations.map((op, i) => [`domain: ${op.name}`, `${rows[i]![1]} req/s, p50 ${rows[i]![2]}, p99 ${rows[i]![3]}, SQL ${rows[i]![5]}`]));
  sections.push(`## 3. Domain workload

${fixed(DATASET.patients)} patients, ${fixed(DATASET.clinics)} clinics (one staff member each), ${fixed(DATASET.clinics * DATASET.proceduresPerClinic)} procedures and
${fixed(DATASET.payments)} payments, bulk-inserted with SQL into the subgraphs' own databases (${domain.mode}; seeding
with migrations and two stack starts: ${fixed(domain.seedSeconds)} s). The whole stack (router, users, providers, payments,
Celcoin simulator) runs in the bench process, as e2e/stack.ts starts it; the load comes from another
process, ${CONNECTIONS} connections, ${domain.operations[0]!.rounds.length} rounds of ${Math.max(5, SECONDS - 2)} s, callers spread over 100 patients / 100 clinics.
SQL statements: Prisma query events summed over the three subgraphs for one request at a time, the
least of five (page sizes 10 and 100 where the operation has a page; checkout includes its writes).

${table(['operation', 'req/s', 'p50', 'p99', 'errors', 'SQL statements per operation'], rows)}
${errorNotes(Object.fromEntries(domain.operations.map((op) => [op.name, op.rounds])))}
The last two rows are the router's overhead over a real subgraph: the providers subgraph answers the
catalog alone, direct or through the router (all in one process here, so the router takes its CPU from the subgraph).
`);
}
if (subscriptions) {
  const body = subscriptions.split('\n').filter((line) => !line.startsWith('# ')).join('\n').trim();
  sections.push(`## 4. Subscriptions\n\nFrom bench/subscriptions.ts (\`npm run bench:subscriptions\`), run in its own process:\n\n${body}\n`);
}
if (analytics) {
  headline.push(...analytics.headline);
  targets.push(...analytics.targets);
  const body = analytics.markdown.split('\n').filter((line) => !line.startsWith('# ')).join('\n').trim();
  sections.push(`## 5. Analytics\n\nFrom bench/analytics.ts (\`npm run bench:analytics\`), run in its own process:\n\n${body}\n`);
}

const versions = ['graphql', '@apollo/gateway', '@apollo/server', '@apollo/query-planner', 'undici', 'jose', '@graphql-hive/gateway', '@graphql-hive/router-runtime', 'autocannon'].map(
  (name) => `${name} ${versionOf(name)}`,
);
const report = `# Benchmarks

${startedAt.toISOString()} · ${availableParallelism()} × ${cpus()[0]?.model ?? 'CPU'} · ${fixed(totalmem() / 2 ** 30)} GiB · Node ${process.version} · \`npm run bench\` took ${fixed(wallSeconds / 60, 1)} min
Versions: ${versions.join(', ')}.
The machine is shared (other builds may run): figures are medians, and what matters is the ratios within one run.

## Headline

${table(['figure', 'value'], headline)}

Targets:
${targets.map((line) => `- ${line}`).join('\n')}

${sections.join('\n')}`;

const file = join(benchRoot, 'results', `report-${startedAt.toISOString().replace(/[:.]/g, '-')}.md`);
mkdirSync(join(benchRoot, 'results'), { recursive: true });
writeFileSync(file, report);
// bench/REPORT.md is the latest complete run only.
const complete = !env.BENCH_ONLY && gateway && domain && subscriptions && analytics;
if (complete) copyFileSync(file, join(benchRoot, 'REPORT.md'));
console.log(`\n${report}\nwritten to ${file}${complete ? ' and bench/REPORT.md' : ''}`);
process.exit(0);
