// Generates each subgraph's Prisma client (run on install). Prisma's schema engine is a binary
// fetched from outside npm; generate does not use it, but the CLI insists that the path exists.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath, PRISMA_HIDE_UPDATE_MESSAGE: '1' };
for (const subgraph of readdirSync(`${root}/subgraphs`)) {
  const schema = `${root}/subgraphs/${subgraph}/prisma/schema.prisma`;
  if (!existsSync(schema)) continue;
  execFileSync(`${root}/node_modules/.bin/prisma`, ['generate', '--schema', schema], { cwd: `${root}/subgraphs/${subgraph}`, env, stdio: ['ignore', 'ignore', 'inherit'] });
  console.log(`prisma client generated for ${subgraph}`);
}
