// Benchmarks 1 and 2: the gateway workload (The Guild's nested query over four subgraphs) and the
// router's overhead on a query one subgraph answers. Every gateway runs in its own process, pinned
// to the same core, against the same subgraph process; the load comes from another process.
// Rounds are interleaved (A B C, A B C, …) so that the machine's noise falls on all alike.
//
// Each is measured as one caller sends it (every request with the same token) and as real traffic
// looks (CALLERS distinct tokens, requests spread over them): what a gateway shares between identical
// requests of one caller, it cannot share between callers.
import { isDeepStrictEqual } from 'node:util';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { measure, runLoad, type Measured } from '../lib/load.js';
import { benchRoot, pin, repoRoot, startNode, stop, type Started } from '../lib/processes.js';
import { createTokenIssuer } from '../lib/token.js';
import { NESTED_QUERY, SINGLE_SUBGRAPH_QUERY } from './query.js';
import { composeBenchSupergraph } from './subgraphs.js';

export interface GatewayOptions {
  rounds: number;
  /** measured seconds per round and target */
  seconds: number;
  warmupSeconds: number;
  connections: number;
  /** a commit whose router/src runs as "ours (before)", for before/after in the same run */
  beforeCommit?: string;
}

export interface Target {
  name: string;
  started: Started;
  url: string;
  headers: Record<string, string>;
}

/** Rounds per target, for the nested query and the one-subgraph query. */
export interface Workloads {
  nested: Record<string, Measured[]>;
  single: Record<string, Measured[]>;
}

export interface GatewayResults {
  oneCaller: Workloads;
  manyCallers: Workloads;
  /** the gateways, in the order they were started */
  targets: string[];
}

/** Distinct callers in the many-callers runs, each with its own token. */
export const CALLERS = 500;

const results = join(benchRoot, 'results');
export const OURS_UNMERGED = 'ours, merging and batching off';
export const STOCK = '@apollo/gateway (stock)';
export const HIVE = 'Hive Gateway';
export const HIVE_JIT = 'Hive Gateway --jit';
export const HIVE_RUST = 'Hive Gateway, Rust planner';

/**
 * The router/src of another commit, extracted under node_modules/.cache: outside what tsc and Jest
 * look at. Its kit (libs/runtime) of the same commit is placed in its own node_modules, so it runs
 * against the kit it was written for; everything else resolves the repo's packages. Tests left out.
 */
function extractRouterAt(commit: string): string | null {
  const dir = join(repoRoot, 'node_modules/.cache/medpay-bench', `router-${commit}`);
  const main = join(dir, 'router/src/main.ts');
  try {
    if (!existsSync(main)) {
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      const archive = execFileSync('git', ['archive', commit, 'router/src', 'libs/runtime'], { cwd: repoRoot, maxBuffer: 64 << 20 });
      execFileSync('tar', ['-x', '-C', dir, '--exclude=*.test.ts'], { input: archive });
      mkdirSync(join(dir, 'node_modules/@medpay'), { recursive: true });
      renameSync(join(dir, 'libs/runtime'), join(dir, 'node_modules/@medpay/runtime'));
      // Its own package scope: ESM, as the repo's (Node does not look past node_modules for it).
      writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n');
    }
    return main;
  } catch (error) {
    console.warn(`before/after skipped: router at ${commit} unavailable (${(error as Error).message.split('\n')[0]})`);
    return null;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function post(url: string, body: string, headers: Record<string, string>) {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  return (await response.json()) as unknown;
}

export async function runGatewayWorkload(options: GatewayOptions, log: (line: string) => void): Promise<GatewayResults> {
  const started: Started[] = [];
  try {
    const subgraphs = await startNode(['--import', 'tsx', join(benchRoot, 'gateway/subgraphs.ts')], {}, /subgraphs (\{.*\})/);
    started.push(subgraphs);
    pin(subgraphs.pid, 'rest');
    const urls = JSON.parse(subgraphs.found) as Record<string, string>;
    mkdirSync(results, { recursive: true });
    const securedPath = join(results, 'gateway-supergraph-secured.graphql');
    const plainPath = join(results, 'gateway-supergraph.graphql');
    writeFileSync(securedPath, composeBenchSupergraph(urls, true));
    writeFileSync(plainPath, composeBenchSupergraph(urls, false));

    // Our router in production mode: ES256 tokens verified against a JWKS given as JSON, the
    // directives enforced (and self-tested at start-up), the operation policy's limits at their defaults
    // but the cost budget: the benchmark's subgraphs carry no @listSize, so each of the query's seven
    // nested lists counts the model's default of 10 (an estimate of 24,420), and the budget is raised to let it run.
    const tokens = await createTokenIssuer();
    const token = await tokens.issue('1', ['PATIENT']);
    const callers = await Promise.all(Array.from({ length: CALLERS }, (_, i) => tokens.issue(String(i + 1), ['PATIENT'])));
    const routerEnv = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ROUTER_PORT: '0',
      SUPERGRAPH_PATH: securedPath,
      JWT_JWKS: tokens.jwks,
      MAX_COST_USER: '50000',
      // The benchmark's query is none of the apps' operations, which production takes only by id
      // (trusted-documents.ts): free text is let through, a map lookup less than the apps' path.
      TRUSTED_DOCUMENTS: 'allow',
      INTERNAL_CLAIMS_SECRET: (await import('node:crypto')).randomBytes(32).toString('base64url'),
    };
    const listening = /listening on (http:\/\/[^\s]+)/;
    const targets: Target[] = [];
    const add = async (name: string, args: string[], env: Record<string, string>, headers: Record<string, string>, pattern = listening) => {
      const process = await startNode(args, env, pattern);
      started.push(process);
      pin(process.pid, 'target');
      targets.push({ name, started: process, url: `${process.found.replace(/\/graphql$/, '')}/graphql`, headers });
    };
    const auth = { authorization: `Bearer ${token}` };
    // BENCH_PROFILE=<dir>: our router writes a CPU profile there when it stops (node --cpu-prof).
    const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
    await add('ours', [...profile, '--import', 'tsx', join(repoRoot, 'router/src/main.ts')], routerEnv, auth);
    // How much of the lead is merging identical in-flight subgraph requests (this workload sends one
    // query over and over, which favours it; varied traffic merges less) and batching one query's
    // fetches to a subgraph.
    await add(OURS_UNMERGED, ['--import', 'tsx', join(repoRoot, 'router/src/main.ts')], { ...routerEnv, MERGE_SUBGRAPH_REQUESTS: 'false', BATCH_SUBGRAPH_REQUESTS: 'false' }, auth);
    const before = options.beforeCommit ? extractRouterAt(options.beforeCommit) : null;
    if (before) await add(`ours before (${options.beforeCommit})`, ['--import', 'tsx', before], routerEnv, auth);
    await add(STOCK, ['--import', 'tsx', join(benchRoot, 'gateway/apollo-stock.ts'), plainPath], {}, {});
    // Hive Gateway prints the port it was given, so it gets a free one; one process, as the others:
    // at its defaults, with graphql-jit, and with Hive Router's Rust query planner and executor
    // (@graphql-hive/router-runtime, whose planner binary ships in its npm package).
    const hive = async (name: string, flags: string[], env: Record<string, string> = {}) =>
      add(
        name,
        [join(repoRoot, 'node_modules/@graphql-hive/gateway/dist/bin.js'), 'supergraph', plainPath, '--host', '127.0.0.1', '--port', String(await freePort()), '--fork', '1', ...flags],
        { NODE_ENV: 'production', NO_COLOR: '1', ...env },
        {},
        /Listening on (http:\/\/[\d.:]+)/,
      );
    await hive(HIVE, []);
    await hive(HIVE_JIT, ['--jit']);
    await hive(HIVE_RUST, [], { HIVE_ROUTER_RUNTIME: 'true' });

    // Same answers everywhere before anything is timed (extensions, such as our cost estimate, aside).
    const nestedBody = JSON.stringify({ query: NESTED_QUERY });
    const singleBody = JSON.stringify({ query: SINGLE_SUBGRAPH_QUERY });
    const withoutExtensions = (answer: unknown) => ({ ...(answer as Record<string, unknown>), extensions: undefined });
    const reference = withoutExtensions(await post(targets.find((target) => target.name === STOCK)!.url, nestedBody, {}));
    for (const target of targets) {
      const answer = withoutExtensions(await post(target.url, nestedBody, target.headers));
      if (!isDeepStrictEqual(answer, reference)) throw new Error(`${target.name} answers the benchmark query differently: ${JSON.stringify(answer).slice(0, 300)}`);
    }
    const anonymous = (await post(targets[0]!.url, JSON.stringify({ query: '{ me { id } }' }), {})) as { errors?: { extensions?: { code?: string } }[] };
    if (anonymous.errors?.[0]?.extensions?.code !== 'UNAUTHENTICATED') throw new Error('our router did not refuse an anonymous `me`: enforcement is off');

    const oneCaller: Workloads = { nested: {}, single: {} };
    const manyCallers: Workloads = { nested: {}, single: {} };
    const direct: Target = { name: 'products subgraph (direct)', started: subgraphs, url: urls.products!, headers: {} };
    // Many callers: the same body, each request with the next caller's token (every target gets them;
    // the peers, which check none, pass them on).
    const perCaller = callers.map((each) => ({ authorization: `Bearer ${each}` }));
    const load = (target: Target, body: string, seconds: number, many = false) =>
      many
        ? { url: target.url, connections: options.connections, seconds, bodies: perCaller.map(() => body), headersPerBody: target === direct ? undefined : perCaller }
        : { url: target.url, connections: options.connections, seconds, bodies: [body], headers: target.headers };
    // The nested workload measures the gateways, so the subgraphs answer from memory; the
    // single-subgraph query measures a gateway against a subgraph doing its work, so they execute.
    const memo = (on: boolean) =>
      Promise.all(Object.values(urls).map((url) => fetch(new URL('/memo', url), { method: 'POST', body: on ? 'on' : 'off' })));
    for (const target of targets) {
      log(`  warm-up ${target.name}`);
      await memo(true);
      await runLoad(load(target, nestedBody, options.warmupSeconds));
      await memo(false);
      await runLoad(load(target, singleBody, Math.max(2, options.warmupSeconds / 2)));
    }
    for (let round = 0; round < options.rounds; round++) {
      // Each round starts with another target, so no one always runs first or last.
      const order = targets.map((_, i) => targets[(i + round) % targets.length]!);
      for (const [label, many, into] of [['one caller', false, oneCaller], [`${CALLERS} callers`, true, manyCallers]] as const) {
        await memo(true);
        for (const target of order) {
          const result = await measure(load(target, nestedBody, options.seconds, many), target.started.pid);
          (into.nested[target.name] ??= []).push(result);
          log(`  round ${round + 1} nested, ${label}  ${target.name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.errors} errors`);
        }
        await memo(false);
        // The subgraph keeps its place (beside the load generator) direct or not: the one difference
        // between the two measurements is a gateway in the path, on a core of its own.
        for (const target of [direct, ...order]) {
          const result = await measure(load(target, singleBody, Math.max(5, options.seconds / 2), many), target.started.pid);
          (into.single[target.name] ??= []).push(result);
          log(`  round ${round + 1} single, ${label}  ${target.name}: ${result.rps.toFixed(0)} req/s, p99 ${result.p99} ms, ${result.errors} errors`);
        }
      }
    }
    return { oneCaller, manyCallers, targets: targets.map((t) => t.name) };
  } finally {
    for (const process of started.reverse()) await stop(process);
  }
}
