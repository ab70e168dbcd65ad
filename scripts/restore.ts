// `npm run restore -- --from <dir> [--replace]`: see backups.ts; into the databases and stores the
// environment names, which must be empty unless --replace.
import { restore } from './backups.js';

const at = process.argv.indexOf('--from');
if (at < 0 || !process.argv[at + 1]) {
  console.error('Usage: npm run restore -- --from <backup directory> [--replace]');
  process.exit(2);
}
try {
  const manifest = await restore(process.argv[at + 1]!, { replace: process.argv.includes('--replace') });
  console.log(`Restored the backup of ${manifest.createdAt}: ${[...new Set(manifest.files.map((file) => file.service))].join(', ')}`);
} catch (error) {
  console.error(`Restore failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
