// `npm start`: every subgraph and the router as separate processes on the embedded defaults (or on
// the servers the environment names), the URLs and demo logins printed, all stopped on Ctrl-C.
import { DEMO_PASSWORD } from '@medpay/demo-data';
import { loadPaymentsConfig } from '@medpay/payments';
import { loadProvidersConfig } from '@medpay/providers';
import { loadRouterConfig } from '@medpay/router';
import { loadUsersConfig } from '@medpay/users';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

// Loading each configuration once here creates any missing development secret before the
// processes start, so that they cannot race to create different ones.
const users = loadUsersConfig();
const providers = loadProvidersConfig();
const payments = loadPaymentsConfig();
const router = loadRouterConfig();
const paymentsUrl = `http://${payments.HOST}:${payments.PORT}`;
const simulatorUrl = new URL(payments.CELCOIN_BASE_URL);

// The Celcoin simulator stands in for Celcoin unless payments is pointed at the real one.
const simulated = ['127.0.0.1', 'localhost'].includes(simulatorUrl.hostname);
const simulatorEnv = {
  CELCOIN_SIM_PORT: simulatorUrl.port || '4010',
  CELCOIN_CLIENT_ID: payments.CELCOIN_CLIENT_ID,
  CELCOIN_CLIENT_SECRET: payments.CELCOIN_CLIENT_SECRET,
  CELCOIN_PIX_KEY: payments.CELCOIN_PIX_KEY,
  CELCOIN_WEBHOOK_URL: `${paymentsUrl}/webhooks/celcoin`,
  CELCOIN_WEBHOOK_USER: payments.CELCOIN_WEBHOOK_USER,
  CELCOIN_WEBHOOK_PASSWORD: payments.CELCOIN_WEBHOOK_PASSWORD,
};

const services = [
  ...(simulated ? [{ name: 'celcoin-simulator', entry: 'simulators/celcoin/src/main.ts', health: `${simulatorUrl.origin}/_sim/health`, env: simulatorEnv }] : []),
  { name: 'users', entry: 'subgraphs/users/src/main.ts', health: `http://${users.HOST}:${users.PORT}/health` },
  { name: 'providers', entry: 'subgraphs/providers/src/main.ts', health: `http://${providers.HOST}:${providers.PORT}/health` },
  { name: 'payments', entry: 'subgraphs/payments/src/main.ts', health: `${paymentsUrl}/health` },
];
const children: ChildProcess[] = [];

function launch(name: string, entry: string, env: Record<string, string> = {}) {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = (line: string) => (line ? `[${name}] ${line}` : line);
  child.stdout!.on('data', (chunk: Buffer) => process.stdout.write(chunk.toString().split('\n').map(prefix).join('\n')));
  child.stderr!.on('data', (chunk: Buffer) => process.stderr.write(chunk.toString().split('\n').map(prefix).join('\n')));
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`${name} exited (${signal ?? code}); stopping everything`);
      void stop(1);
    }
  });
  children.push(child);
}

async function waitHealthy(url: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  throw new Error(`${url} did not become healthy`);
}

let stopping = false;
async function stop(code = 0) {
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  await Promise.all(children.map((child) => (child.exitCode === null ? new Promise((resolve) => child.once('exit', resolve)) : null)));
  process.exit(code);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

for (const service of services) launch(service.name, service.entry, 'env' in service ? service.env : {});
await Promise.all(services.map((service) => waitHealthy(service.health)));
launch('router', 'router/src/main.ts');
const routerUrl = `http://${router.HOST}:${router.ROUTER_PORT}`;
await waitHealthy(`${routerUrl}/health`);

console.log(`
MedPay Saúde is running.
  GraphQL (and the GraphiQL sandbox in a browser): ${routerUrl}/graphql
  Health: ${routerUrl}/health${simulated ? `
  Celcoin simulator: ${simulatorUrl.origin} (pay a PIX: POST /_sim/pix/pay {"payload": "<copia-e-cola>"})` : ''}
Demo logins (password ${DEMO_PASSWORD}):
  admin@demo.medpay.com.br     platform admin
  clinica@demo.medpay.com.br   admin of the clinic Sorriso Paulista
  paciente@demo.medpay.com.br  patient
Press Ctrl-C to stop.
`);
