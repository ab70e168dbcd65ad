// `npm run backup [-- --to <dir>]`: see backups.ts; by default into .data/backups/<time>.
import { dataDir } from '@medpay/runtime';
import { join } from 'node:path';
import { backup } from './backups.js';

const at = process.argv.indexOf('--to');
const to = at >= 0 ? process.argv[at + 1]! : join(dataDir(), 'backups', new Date().toISOString().replace(/[:.]/g, '-'));
try {
  const manifest = await backup(to);
  console.log(`Backup written to ${to}: ${[...new Set(manifest.files.map((file) => `${file.service} (${file.kind})`))].join(', ')}`);
} catch (error) {
  console.error(`Backup failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
