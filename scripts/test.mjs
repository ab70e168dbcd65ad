// `npm test`: type-checks, runs every Jest suite, then the apps' browser suites in Debian's Chromium,
// and ends with one line totalled over all of them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
const reports = mkdtempSync(join(tmpdir(), 'medpay-test-'));
const jestArgs = process.argv.slice(2);

let failed = 0;
let passed = 0;
let skipped = 0;

for (const project of ['tsconfig.json', 'clients/tsconfig.json']) {
  const typecheck = run('npx', ['tsc', '--noEmit', '-p', project]);
  console.log(`typecheck ${project}: ${typecheck === 0 ? 'ok' : 'FAILED'}`);
  if (typecheck === 0) passed += 1;
  else failed += 1;
}

const jestReport = join(reports, 'jest.json');
const jestStatus = run('npx', ['jest', '--json', `--outputFile=${jestReport}`, ...jestArgs], { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' });
try {
  const results = JSON.parse(readFileSync(jestReport, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
  skipped += results.numPendingTests + results.numTodoTests;
} catch {
  failed += 1;
  console.error('jest produced no report');
}
if (jestStatus !== 0 && failed === 0) failed += 1;

// Browser suites (skipped when Jest was given a filter): the whole product started as `npm start` runs it.
const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const playwright = ['playwright', 'test', '-c', 'clients/playwright.config.ts'];
if (jestArgs.length === 0) {
  if (!existsSync(chromium)) {
    const listed = spawnSync('npx', [...playwright, '--list'], { encoding: 'utf8' }).stdout ?? '';
    const count = Number(/Total: (\d+) tests?/.exec(listed)?.[1] ?? 1);
    skipped += count;
    console.log(`browser suites: ${count} SKIPPED — no Chromium at ${chromium} (install it: apt-get install chromium)`);
  } else {
    const browserReport = join(reports, 'playwright.json');
    const status = run('npx', [...playwright, '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_NAME: browserReport, CHROMIUM_PATH: chromium });
    try {
      const { stats, errors } = JSON.parse(readFileSync(browserReport, 'utf8'));
      passed += stats.expected + stats.flaky;
      failed += stats.unexpected + (errors?.length ?? 0);
      skipped += stats.skipped;
    } catch {
      failed += 1;
      console.error('playwright produced no report');
    }
    if (status !== 0 && failed === 0) failed += 1;
  }
}

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
