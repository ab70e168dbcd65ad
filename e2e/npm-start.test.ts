// `npm start` as a user runs it (the graph only, on a fresh embedded data directory): killing one
// service leaves the others serving, the router's /health names the one that is down, and the
// service comes back by itself.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { eventually } from '@medpay/runtime/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
// Clear of the defaults (developers' own `npm start`) and of the browser suites' stack (offset 300).
const OFFSET = 700;
const routerUrl = `http://127.0.0.1:${4000 + OFFSET}`;

const health = () =>
  fetch(`${routerUrl}/health`)
    .then((response) => response.json() as Promise<{ status: string; subgraphs: Record<string, string> }>)
    .catch(() => null);

const graphql = (query: string, variables: Record<string, unknown> = {}) =>
  fetch(`${routerUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) }).then(
    (response) => response.json() as Promise<{ data?: Record<string, unknown> | null; errors?: { message: string }[] }>,
  );

const LOGIN = 'mutation($input: LoginInput!) { login(input: $input) { user { email } } }';
const CATALOG = '{ clinics(first: 1) { edges { node { tradeName } } } }';

describe('npm start', () => {
  let start: ChildProcess;
  let output = '';
  const dataDir = mkdtempSync(join(tmpdir(), 'medpay-start-'));
  const pidOf = (name: string) => Number([...output.matchAll(new RegExp(`^${name} started \\(pid (\\d+)\\)$`, 'gm'))].at(-1)?.[1]);

  beforeAll(async () => {
    start = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env: { ...process.env, MEDPAY_DATA_DIR: dataDir, MEDPAY_PORT_OFFSET: String(OFFSET), MEDPAY_APPS: 'none', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    start.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    start.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(() => output, (text) => text.includes("MedPay Saúde's graph is up"), 'the graph to be up', 240_000);
  }, 300_000);

  afterAll(async () => {
    if (start.exitCode === null) {
      start.kill('SIGINT');
      await new Promise((resolve) => start.once('exit', resolve));
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('prints the cold start to a healthy router, and the simulators of every provider', () => {
    expect(output).toMatch(/cold start to a healthy router: \d+\.\d s/);
    expect(output).toContain(`GraphQL (and the GraphiQL sandbox in a browser): ${routerUrl}/graphql`);
    for (const [title, port] of [['Receita Federal simulator', 4030], ['ClickSign simulator', 4021], ['NinSaúde simulator', 4016], ['Helena CRM simulator', 4017]] as const) {
      expect(output).toMatch(new RegExp(`${title}.*: http://127\\.0\\.0\\.1:${port + OFFSET} `));
    }
  });

  it("has the demo clinic's NinSaúde connected, its appointments turned into payment links", async () => {
    const login = await fetch(`${routerUrl}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'mutation($input: LoginInput!) { login(input: $input) { accessToken } }', variables: { input: { email: 'clinica@demo.medpay.com.br', password: 'MedPay@2026' } } }),
    }).then((response) => response.json() as Promise<{ data: { login: { accessToken: string } } }>);
    const read = () =>
      fetch(`${routerUrl}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${login.data.login.accessToken}` },
        body: JSON.stringify({ query: '{ clinics(filter: { search: "Sorriso" }, first: 1) { edges { node { practiceSystems { kind status appointments(first: 20) { paymentLinkToken } } } } } }' }),
      }).then((response) => response.json() as Promise<{ data?: { clinics: { edges: { node: { practiceSystems: { kind: string; status: string; appointments: { paymentLinkToken: string | null }[] }[] } }[] } } }>);
    const connected = await eventually(read, (answer) => (answer.data?.clinics.edges[0]?.node.practiceSystems[0]?.appointments ?? []).some((appointment) => appointment.paymentLinkToken), 'the demo appointments linked', 120_000);
    expect(connected.data!.clinics.edges[0]!.node.practiceSystems[0]).toMatchObject({ kind: 'NINSAUDE', status: 'ACTIVE' });
  }, 150_000);

  it('keeps serving when a service dies, names it on /health, and brings it back', async () => {
    expect((await graphql(CATALOG)).data).toEqual({ clinics: { edges: [expect.objectContaining({ node: { tradeName: expect.any(String) } })] } });
    const providers = pidOf('providers');
    process.kill(providers, 'SIGKILL');

    const degraded = await eventually(health, (body) => body?.subgraphs.providers === 'unavailable', 'providers to be reported down');
    expect(degraded).toMatchObject({ status: 'degraded', subgraphs: { users: 'ok', payments: 'ok', providers: 'unavailable' } });
    // users still answers through the router meanwhile
    expect((await graphql(LOGIN, { input: { email: 'paciente@demo.medpay.com.br', password: 'MedPay@2026' } })).data).toEqual({ login: { user: { email: 'paciente@demo.medpay.com.br' } } });

    await eventually(health, (body) => body?.status === 'ok', 'providers to come back', 60_000);
    expect(pidOf('providers')).not.toBe(providers);
    expect(output).toMatch(/providers exited \(SIGKILL\); restarting in 1\.0 s/);
    expect((await graphql(CATALOG)).data).toEqual({ clinics: { edges: [expect.objectContaining({ node: { tradeName: expect.any(String) } })] } });
    expect(start.exitCode).toBeNull();
  }, 120_000);
});
