// `npm test`: type-checks, runs every Jest suite, and ends with one line totalled over all of them.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const run = (command, args, env = {}) => spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

let failed = 0;
let passed = 0;
let skipped = 0;

const typecheck = run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']);
console.log(typecheck === 0 ? 'typecheck: ok' : 'typecheck: FAILED');
if (typecheck === 0) passed += 1;
else failed += 1;

const report = join(mkdtempSync(join(tmpdir(), 'medpay-jest-')), 'report.json');
const jestStatus = run('npx', ['jest', '--json', `--outputFile=${report}`, ...process.argv.slice(2)], { NODE_OPTIONS: '--experimental-vm-modules --no-warnings' });
try {
  const results = JSON.parse(readFileSync(report, 'utf8'));
  passed += results.numPassedTests;
  failed += results.numFailedTests + results.numRuntimeErrorTestSuites;
  skipped += results.numPendingTests + results.numTodoTests;
} catch {
  failed += 1;
  console.error('jest produced no report');
}
if (jestStatus !== 0 && failed === 0) failed += 1;

console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 ? 0 : 1);
