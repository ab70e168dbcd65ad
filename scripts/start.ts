// `npm start`: every subgraph, the router and the built web apps as separate supervised processes on
// the embedded defaults (or on the servers the environment names). The graph comes first (its URLs and
// the demo logins printed as soon as the router is healthy), then each app, (re)built when its build is
// missing or older than its sources. A process that exits is restarted; Ctrl-C stops them all.
import { loadAiConfig } from '@medpay/ai';
import { loadAnalyticsConfig } from '@medpay/analytics';
import { loadNotificationsConfig } from '@medpay/notifications';
import { DEMO_PASSWORD } from '@medpay/demo-data';
import { loadPaymentsConfig } from '@medpay/payments';
import { loadProvidersConfig } from '@medpay/providers';
import { loadRouterConfig } from '@medpay/router';
import { loadUsersConfig } from '@medpay/users';
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supervisor } from './supervisor.js';

const root = fileURLToPath(new URL('..', import.meta.url));

// MEDPAY_PORT_OFFSET moves every default port by that much, so that a second stack (the browser
// suites') can run beside a developer's own `npm start`.
const offset = Number(process.env.MEDPAY_PORT_OFFSET ?? 0);
const port = (base: number) => String(base + offset);
const appPort = (variable: string, base: number) => Number(process.env[variable] ?? port(base));
if (offset) {
  const local = (base: number) => `http://127.0.0.1:${port(base)}`;
  process.env.USERS_URL ??= local(4001);
  process.env.PROVIDERS_URL ??= local(4002);
  process.env.PAYMENTS_URL ??= local(4003);
  process.env.ANALYTICS_URL ??= local(4004);
  process.env.NOTIFICATIONS_URL ??= local(4005);
  process.env.AI_URL ??= local(4006);
  process.env.SMTP_URL ??= `smtp://127.0.0.1:${port(2525)}`;
  process.env.ZENVIA_URL ??= local(4011);
  process.env.WHATSAPP_URL ??= local(4011);
  process.env.PATIENT_APP_URL ??= local(3000);
  process.env.PROVIDER_APP_URL ??= local(3001);
  process.env.ADMIN_APP_URL ??= local(3002);
  process.env.CELCOIN_BASE_URL ??= local(4010);
  process.env.RECEITA_BASE_URL ??= local(4030);
  process.env.CLICKSIGN_BASE_URL ??= local(4021);
  process.env.NINSAUDE_BASE_URL ??= local(4016);
  process.env.HELENA_BASE_URL ??= local(4017);
  process.env.ROUTER_PORT ??= port(4000);
  // users assembles data exports through the router and points their download links at it
  process.env.ROUTER_URL ??= local(4000);
  process.env.ROUTER_PUBLIC_URL ??= local(4000);
  process.env.CORS_ORIGINS ??= [3000, 3001, 3002].map(local).join(',');
}

// Loading each configuration once here creates any missing development secret before the
// processes start, so that they cannot race to create different ones.
const users = loadUsersConfig({ ...process.env, PORT: port(4001) });
const providers = loadProvidersConfig({ ...process.env, PORT: port(4002) });
const payments = loadPaymentsConfig({ ...process.env, PORT: port(4003) });
const analytics = loadAnalyticsConfig({ ...process.env, PORT: port(4004) });
const notifications = loadNotificationsConfig({ ...process.env, PORT: port(4005) });
// ai loads its committed models (subgraphs/ai/models/); nothing is trained at start.
const ai = loadAiConfig({ ...process.env, PORT: port(4006) });
const notificationsUrl = `http://${notifications.HOST}:${notifications.PORT}`;
// The messaging simulator stands in for SMTP, Zenvia and WhatsApp unless notifications is pointed elsewhere.
const messagingUrl = new URL(notifications.ZENVIA_URL);
const messagingSimulated = ['127.0.0.1', 'localhost'].includes(messagingUrl.hostname);
const messagingEnv = {
  MESSAGING_SIM_HTTP_PORT: messagingUrl.port || '4011',
  MESSAGING_SIM_SMTP_PORT: new URL(notifications.SMTP_URL).port || '2525',
  MESSAGING_SIM_ZENVIA_WEBHOOK_URL: `${notificationsUrl}/webhooks/zenvia`,
  MESSAGING_SIM_WHATSAPP_WEBHOOK_URL: `${notificationsUrl}/webhooks/whatsapp`,
};
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

const routerPublicUrl = process.env.ROUTER_PUBLIC_URL ?? `http://${router.HOST}:${router.ROUTER_PORT}`;
/**
 * The other providers' simulators, each started unless its service is pointed at the real provider:
 * the Receita Federal (users, providers), ClickSign (payments, providers; its webhooks through the
 * router, which hands each to both), NinSaúde and Helena (providers; Helena's webhooks through the router).
 */
const providerSimulators = [
  { name: 'receita-simulator', url: new URL(providers.RECEITA_BASE_URL), port: 'RECEITA_SIM_PORT', env: {} },
  { name: 'clicksign-simulator', url: new URL(providers.CLICKSIGN_BASE_URL), port: 'CLICKSIGN_SIM_PORT', env: { CLICKSIGN_WEBHOOK_URL: `${routerPublicUrl}/webhooks/clicksign` } },
  { name: 'ninsaude-simulator', url: new URL(providers.NINSAUDE_BASE_URL), port: 'NINSAUDE_SIM_PORT', env: {} },
  { name: 'helena-simulator', url: new URL(providers.HELENA_BASE_URL), port: 'HELENA_SIM_PORT', env: { HELENA_WEBHOOK_URL: `${routerPublicUrl}/webhooks/helena` } },
].filter((simulator) => ['127.0.0.1', 'localhost'].includes(simulator.url.hostname));

const SIMULATOR_TITLES: Record<string, string> = {
  'receita-simulator': 'Receita Federal simulator (test CPFs and CNPJs for every status: simulators/receita/README.md)',
  'clicksign-simulator': 'ClickSign simulator (signing pages; the token is hinted on the page)',
  'ninsaude-simulator': "NinSaúde simulator (Sorriso Paulista's ERP, connected in the demo)",
  'helena-simulator': 'Helena CRM simulator (Olhos Carioca, token in simulators/helena/README.md)',
};

const services = [
  ...(simulated ? [{ name: 'celcoin-simulator', entry: 'simulators/celcoin/src/main.ts', health: `${simulatorUrl.origin}/_sim/health`, env: simulatorEnv }] : []),
  ...providerSimulators.map((simulator) => ({
    name: simulator.name,
    entry: `simulators/${simulator.name.replace('-simulator', '')}/src/main.ts`,
    health: `${simulator.url.origin}/_sim/health`,
    env: { [simulator.port]: simulator.url.port, ...simulator.env } as Record<string, string>,
  })),
  { name: 'users', entry: 'subgraphs/users/src/main.ts', health: `http://${users.HOST}:${users.PORT}/health`, env: { PORT: String(users.PORT) } },
  { name: 'providers', entry: 'subgraphs/providers/src/main.ts', health: `http://${providers.HOST}:${providers.PORT}/health`, env: { PORT: String(providers.PORT) } },
  { name: 'payments', entry: 'subgraphs/payments/src/main.ts', health: `${paymentsUrl}/health`, env: { PORT: String(payments.PORT) } },
  { name: 'analytics', entry: 'subgraphs/analytics/src/main.ts', health: `http://${analytics.HOST}:${analytics.PORT}/health`, env: { PORT: String(analytics.PORT) } },
  ...(messagingSimulated ? [{ name: 'messaging-simulator', entry: 'simulators/messaging/src/main.ts', health: `${messagingUrl.origin}/_sim/health`, env: messagingEnv }] : []),
  { name: 'notifications', entry: 'subgraphs/notifications/src/main.ts', health: `${notificationsUrl}/health`, env: { PORT: String(notifications.PORT) } },
  { name: 'ai', entry: 'subgraphs/ai/src/main.ts', health: `http://${ai.HOST}:${ai.PORT}/health`, env: { PORT: String(ai.PORT) } },
];
/** The web apps under clients/ (all, or those MEDPAY_APPS lists), each on its port (PATIENT_APP_PORT, …). */
const apps = [
  { name: 'patient', title: 'App do paciente', port: appPort('PATIENT_APP_PORT', 3000) },
  { name: 'provider', title: 'Painel da clínica', port: appPort('PROVIDER_APP_PORT', 3001) },
  { name: 'admin', title: 'Painel administrativo', port: appPort('ADMIN_APP_PORT', 3002) },
].filter((app) => existsSync(join(root, 'clients', app.name, 'package.json')) && (!process.env.MEDPAY_APPS || process.env.MEDPAY_APPS.split(',').includes(app.name)));

function newestChange(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...readdirSync(path).filter((entry) => entry !== 'node_modules' && entry !== '.next').map((entry) => newestChange(join(path, entry))));
}

// Next.js reports usage to Vercel unless told not to; our builds and servers keep to themselves.
const nextEnv = { NEXT_TELEMETRY_DISABLED: '1' };

/** Builds an app when its build is missing or older than its sources; resolves false when the build failed. */
function buildIfStale(app: string): Promise<boolean> {
  const dir = join(root, 'clients', app);
  const built = newestChange(join(dir, '.next', 'BUILD_ID'));
  const sources = Math.max(...[dir, join(root, 'clients/shared/src'), join(root, 'libs')].map(newestChange));
  if (built > sources) return Promise.resolve(true);
  console.log(`Building clients/${app} (first start or changed sources)…`);
  const build = spawn('npm', ['run', 'build', '--workspace', `clients/${app}`], { cwd: root, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...nextEnv } });
  return new Promise((resolve) => build.on('exit', (code) => resolve(code === 0)));
}

/** Resolves once the URL answers 2xx; says every minute what it is still waiting for. */
async function waitHealthy(url: string) {
  for (let since = Date.now(); ; ) {
    if (await fetch(url, { signal: AbortSignal.timeout(2_000) }).then((r) => r.ok, () => false)) return;
    // The first start seeds four months of demo payments before payments answers (a minute on a slow machine).
    if (Date.now() - since > 60_000) {
      console.log(`Still waiting for ${url}…`);
      since = Date.now();
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}

const supervisor = new Supervisor();
let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await supervisor.stop();
  process.exit(0);
}
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

const tsx = (entry: string) => ['--import', 'tsx', entry];
for (const service of services) supervisor.start({ name: service.name, args: tsx(service.entry), env: service.env, cwd: root });
await Promise.all(services.map((service) => waitHealthy(service.health)));
supervisor.start({ name: 'router', args: tsx('router/src/main.ts'), cwd: root });
const routerUrl = `http://${router.HOST}:${router.ROUTER_PORT}`;
await waitHealthy(`${routerUrl}/health`);

console.log(`
MedPay Saúde's graph is up (cold start to a healthy router: ${process.uptime().toFixed(1)} s).
  GraphQL (and the GraphiQL sandbox in a browser): ${routerUrl}/graphql
  Health: ${routerUrl}/health${simulated ? `
  Celcoin simulator: ${simulatorUrl.origin} (pay a PIX: POST /_sim/pix/pay {"payload": "<copia-e-cola>"})` : ''}${messagingSimulated ? `
  E-mails, SMS and WhatsApp sent (the messaging simulator's inbox): ${messagingUrl.origin} (SMTP on port ${messagingEnv.MESSAGING_SIM_SMTP_PORT})` : ''}${providerSimulators.map((simulator) => `
  ${SIMULATOR_TITLES[simulator.name]}: ${simulator.url.origin} (controls under /_sim)`).join('')}
Demo logins (password ${DEMO_PASSWORD}):
  admin@demo.medpay.com.br     platform admin
  clinica@demo.medpay.com.br   admin of the clinic Sorriso Paulista
  paciente@demo.medpay.com.br  patient
A service that stops is started again; press Ctrl-C to stop everything.${apps.length ? `
The apps follow as they are built and started (${apps.map((app) => app.name).join(', ')}).` : ''}
`);

const nextBin = join(root, 'node_modules/next/dist/bin/next');
const appEnv = {
  ROUTER_URL: routerUrl,
  ROUTER_PUBLIC_URL: process.env.ROUTER_PUBLIC_URL ?? routerUrl,
  CARD_TOKENIZE_URL: process.env.CARD_TOKENIZE_URL ?? `${simulatorUrl.origin}/_sim/card/tokenize`,
  NODE_ENV: 'production',
  ...nextEnv,
};
// One build at a time (each takes about a GiB and both cores); each app is served as soon as it is built.
for (const app of apps) {
  if (!(await buildIfStale(app.name))) {
    console.error(`clients/${app.name} failed to build; the graph and the other apps keep running.`);
    continue;
  }
  const origins = [`http://127.0.0.1:${app.port}`, `http://localhost:${app.port}`, `http://${router.HOST}:${app.port}`];
  supervisor.start({ name: app.name, args: [nextBin, 'start', join(root, 'clients', app.name), '--port', String(app.port), '--hostname', router.HOST], env: { ...appEnv, APP_ORIGINS: [...new Set(origins)].join(',') }, cwd: root });
  void waitHealthy(`http://${router.HOST}:${app.port}/health`).then(() => console.log(`${app.title} is ready: http://${router.HOST}:${app.port}`));
}
