// Calls to a subgraph with several replicas, over real HTTP: in turn, a replica that refuses
// connections skipped (and any operation sent elsewhere, since it never left), a connection lost
// after sending retried elsewhere for a query only, and health checks bringing a replica back.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent } from 'undici';
import type { RouterContext } from './gateway.js';
import { Replicas, urlList } from './replicas.js';
import { createClaimsSigner, SubgraphSource } from './subgraph-source.js';

const secret = 'a-test-secret-of-at-least-32-characters';
const agent = new Agent();
const servers: Server[] = [];
/** what each replica received, by its name */
const received: Record<string, string[]> = {};

/** A replica that answers with its name; `drop` makes it close the connection instead of answering. */
async function replica(name: string, drop = false): Promise<string> {
  received[name] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      if (req.url === '/health') return void res.end('ok');
      received[name]!.push(body);
      if (drop) return void req.socket.destroy();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { replica: name } }));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** A port nothing listens on: connections to it are refused. */
async function deadUrl(): Promise<string> {
  const url = await replica('dead');
  const server = servers.pop()!;
  await new Promise((resolve) => server.close(resolve));
  return url;
}

function call(source: SubgraphSource, operation: 'query' | 'mutation') {
  const context: RouterContext = { claims: null, clientIp: '', subgraphCalls: 0 };
  const options = { request: { query: `${operation} { replica }`, variables: {} }, context, incomingRequestContext: { operation: { operation }, context } } as unknown as GraphQLDataSourceProcessOptions<RouterContext>;
  return source.process(options).then((answer) => (answer.data as { replica: string }).replica);
}

const sourceOver = (replicas: Replicas) => new SubgraphSource(replicas, agent, createClaimsSigner(secret), { merge: false, batch: false });

let a: string;
let b: string;
beforeAll(async () => {
  [a, b] = [await replica('a'), await replica('b')];
});
afterAll(async () => {
  await agent.close();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

describe('replicas of a subgraph', () => {
  it('takes a comma-separated list of URLs', () => {
    expect(urlList(' http://a:4003/, http://b:4003 ,')).toEqual(['http://a:4003', 'http://b:4003']);
  });

  it('calls the replicas in turn', async () => {
    const source = sourceOver(new Replicas('payments', [a, b]));
    const answers = [];
    for (let i = 0; i < 4; i += 1) answers.push(await call(source, 'query'));
    expect(answers).toEqual(['a', 'b', 'a', 'b']);
  });

  it('sends even a mutation to another replica when one refuses the connection, and skips that one afterwards', async () => {
    const dead = await deadUrl();
    const replicas = new Replicas('payments', [dead, a]);
    const source = sourceOver(replicas);
    received.a!.length = 0;
    expect(await call(source, 'mutation')).toBe('a');
    expect(replicas.status()).toEqual([{ url: dead, up: false }, { url: a, up: true }]);
    expect([await call(source, 'mutation'), await call(source, 'query')]).toEqual(['a', 'a']);
    expect(received.a).toHaveLength(3);
  });

  it('retries a query on another replica when the connection is lost after sending, never a mutation', async () => {
    const flaky = await replica('flaky', true);
    const query = sourceOver(new Replicas('payments', [flaky, b]));
    received.flaky!.length = 0;
    received.b!.length = 0;
    expect(await call(query, 'query')).toBe('b');
    expect([received.flaky, received.b].map((bodies) => bodies!.length)).toEqual([1, 1]);

    const mutation = sourceOver(new Replicas('payments', [flaky, b]));
    await expect(call(mutation, 'mutation')).rejects.toMatchObject({ code: expect.stringMatching(/UND_ERR_SOCKET|ECONNRESET/) });
    // the mutation reached the flaky replica, which may have applied it: nothing was sent to b
    expect([received.flaky, received.b].map((bodies) => bodies!.length)).toEqual([2, 1]);
  });

  it('marks replicas by their health checks: down while /health fails, back when it answers', async () => {
    const dead = await deadUrl();
    const replicas = new Replicas('payments', [a, dead]);
    await replicas.check();
    expect(replicas.status().map((status) => status.up)).toEqual([true, false]);
    expect([replicas.pick(), replicas.pick(), replicas.pick()]).toEqual([a, a, a]);
    // with none healthy, every replica is still tried in turn
    replicas.markDown(a);
    expect([replicas.pick(), replicas.pick()].sort()).toEqual([a, dead].sort());
    await replicas.check();
    expect(replicas.status().map((status) => status.up)).toEqual([true, false]);
  });
});
