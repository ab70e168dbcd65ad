// Browser suites of the three apps, in Debian's Chromium (never a downloaded browser), against the
// whole product as `npm start` runs it, on a fresh embedded data directory.
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
// The suites' stack runs on the default ports moved by MEDPAY_PORT_OFFSET (see scripts/start.ts).
const offset = Number(process.env.MEDPAY_PORT_OFFSET ?? 0);
const app = (port: number) => `http://127.0.0.1:${port + offset}`;
/** the port of the last app `npm start` starts (patient, provider, admin; or those MEDPAY_APPS lists) */
const lastAppPort = [['patient', 3000], ['provider', 3001], ['admin', 3002]].filter(([name]) => !process.env.MEDPAY_APPS || process.env.MEDPAY_APPS.split(',').includes(name as string)).map(([, port]) => port as number).at(-1) ?? 3000;
const chromium = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  // Without the networking switches Chromium keeps calling Google's hosts, which this network refuses.
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

export default defineConfig({
  testDir: '.',
  testMatch: '*/e2e/**/*.spec.ts',
  outputDir: join(root, 'test-results/playwright'),
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { launchOptions: chromium, locale: 'pt-BR', timezoneId: 'America/Sao_Paulo', trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    { name: 'patient', testMatch: 'patient/e2e/**/*.spec.ts', use: { baseURL: app(3000), viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
    { name: 'provider', testMatch: 'provider/e2e/**/*.spec.ts', use: { baseURL: app(3001), viewport: { width: 1440, height: 900 } } },
    { name: 'admin', testMatch: 'admin/e2e/**/*.spec.ts', use: { baseURL: app(3002), viewport: { width: 1440, height: 900 } } },
  ],
  webServer: {
    command: 'node --import tsx scripts/start.ts',
    cwd: root,
    // `npm start` builds and starts the apps one after another: the suites begin once the last is up.
    url: `${app(lastAppPort)}/health`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      MEDPAY_DATA_DIR: mkdtempSync(join(tmpdir(), 'medpay-browser-')),
      MEDPAY_PORT_OFFSET: String(offset),
      // MEDPAY_APPS=patient serves only that app (running one project while iterating)
      MEDPAY_APPS: process.env.MEDPAY_APPS ?? '',
      LOG_LEVEL: 'warn',
      // The suites' many checkouts per demo patient would read as velocity; the screens of held payments
      // use the demo's seeded one (anti-fraud itself: e2e/anti-fraud.test.ts)
      FRAUD_SCREEN: 'off',
    },
  },
});
