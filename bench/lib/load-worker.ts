// The load generator, in a process of its own so it never shares an event loop with what it
// measures: `tsx bench/lib/load-worker.ts < spec.json` (a LoadSpec) runs autocannon and prints one JSON line.
// A response counts as an error unless it is 2xx with data and without GraphQL errors.
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load.js';

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const spec = JSON.parse(Buffer.concat(chunks).toString('utf8')) as LoadSpec;
let firstError: string | undefined;
let next = 0;
console.log('started');
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...spec.headers },
  body: spec.bodies[0],
  // One list for all connections, taken in turn: requests in flight at the same moment are other
  // callers' and pages (all connections walking the list from its start would send the same ones).
  requests: [
    {
      setupRequest: (request: Record<string, unknown>) => {
        const index = next++ % spec.bodies.length;
        return { ...request, body: spec.bodies[index], headers: { 'content-type': 'application/json', ...spec.headers, ...spec.headersPerBody?.[index] } };
      },
    },
  ],
  idReplacement: spec.bodies.some((body) => body.includes('[<id>]')),
  verifyBody: (body: string) => {
    const ok = body.startsWith('{"data"') && !body.includes('"errors"');
    if (!ok) firstError ??= body.slice(0, 300);
    return ok;
  },
  timeout: 20,
});
const output: LoadResult = {
  requests: result.requests.total,
  seconds: result.duration,
  rps: result.requests.total / result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
  ...(result.timeouts ? { timeouts: result.timeouts } : {}),
  ...(firstError ? { firstError } : {}),
};
console.log(JSON.stringify(output));
