// The load generator, in a process of its own so it never shares an event loop with what it
// measures: `tsx bench/lib/load-worker.ts '<LoadSpec JSON>'` runs autocannon and prints one JSON line.
// A response counts as an error unless it is 2xx with data and without GraphQL errors.
import autocannon from 'autocannon';
import type { LoadResult, LoadSpec } from './load.js';

const spec = JSON.parse(process.argv[2]!) as LoadSpec;
console.log('started');
const result = await autocannon({
  url: spec.url,
  connections: spec.connections,
  duration: spec.seconds,
  method: 'POST',
  headers: { 'content-type': 'application/json', ...spec.headers },
  // Each connection walks the list from its own offset, so callers and pages are spread over connections.
  requests: spec.bodies.map((body, index) => ({ body, headers: { 'content-type': 'application/json', ...spec.headers, ...spec.headersPerBody?.[index] } })),
  idReplacement: spec.bodies.some((body) => body.includes('[<id>]')),
  verifyBody: (body: string) => body.startsWith('{"data"') && !body.includes('"errors"'),
  timeout: 20,
});
const output: LoadResult = {
  requests: result.requests.total,
  seconds: result.duration,
  rps: result.requests.total / result.duration,
  p50: result.latency.p50,
  p99: result.latency.p99,
  errors: result.errors + result.timeouts + result.non2xx + result.mismatches,
};
console.log(JSON.stringify(output));
