// Backups (`npm run backup`, `npm run restore`): every subgraph's database and the embedded document
// stores into a new directory, with a manifest of what each file is and its SHA-256, checked before a
// restore writes anything.
//
// - PostgreSQL: one `pg_dump` per subgraph schema (custom format), consistent while the services run.
// - Embedded (PGlite, and the document stores): their directories under .data/, copied file by file;
//   stop `npm start` first, so that nothing writes to them meanwhile.
// - With MONGODB_URL, MongoDB's own backups
//   (Atlas' continuous backups) keep it: analytics and ai's stores are also rebuilt from the outboxes
//   (`npm run analytics:backfill`).
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { documentLocationOf, DOCUMENT_SUBGRAPHS, ensureDatabase, sqlLocationOf, SQL_SUBGRAPHS } from './databases.js';

export interface BackupFile {
  /** path inside the backup directory */
  path: string;
  service: string;
  /** a subgraph schema's pg_dump, or one file of an embedded database's or store's directory */
  kind: 'pg_dump' | 'directory';
  sha256: string;
  bytes: number;
}

export interface Manifest {
  createdAt: string;
  files: BackupFile[];
}

export const MANIFEST = 'manifest.json';
const run = promisify(execFile);

const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));

/**
 * Runs pg_dump or pg_restore on a database URL whose password goes by PGPASSWORD, never on the command
 * line (which the process list shows) nor into the error (which the CLI prints).
 */
async function pgTool(tool: 'pg_dump' | 'pg_restore', url: string, args: string[]) {
  const database = new URL(url);
  const password = decodeURIComponent(database.password);
  database.password = '';
  try {
    await run(tool, [...args, `--dbname=${database}`], { env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } });
  } catch (error) {
    throw new Error(`${tool} failed: ${String((error as { stderr?: unknown }).stderr ?? '').trim() || 'no message'}`);
  }
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** An embedded service's directory into `<to>/<service>/`, when it has one. */
function copyDirectory(service: string, dir: string, to: string) {
  if (!existsSync(dir)) return [];
  cpSync(dir, join(to, service), { recursive: true });
  return filesUnder(join(to, service)).map((file) => ({ path: relative(to, file), service, kind: 'directory' as const }));
}

/** Where an embedded service keeps its directory, as `env` says. */
function embeddedDirectoryOf(service: string, env: NodeJS.ProcessEnv): string | undefined {
  const location = (SQL_SUBGRAPHS as readonly string[]).includes(service) ? sqlLocationOf(service as (typeof SQL_SUBGRAPHS)[number], env) : documentLocationOf(service as (typeof DOCUMENT_SUBGRAPHS)[number], env);
  return 'dir' in location ? location.dir : undefined;
}

export async function backup(to: string, env: NodeJS.ProcessEnv = process.env): Promise<Manifest> {
  if (existsSync(to) && readdirSync(to).length > 0) throw new Error(`${to} is not empty: a backup goes into a new directory`);
  mkdirSync(to, { recursive: true });
  const written: { path: string; service: string; kind: BackupFile['kind'] }[] = [];

  for (const service of SQL_SUBGRAPHS) {
    const location = sqlLocationOf(service, env);
    if (location.kind === 'postgres') {
      // a subgraph never started on this database has nothing to keep
      if (!(await schemaExists(location.url, service))) continue;
      const path = `${service}.pgdump`;
      await pgTool('pg_dump', location.url, ['--format=custom', '--no-owner', `--schema=${service}`, `--file=${join(to, path)}`]);
      written.push({ path, service, kind: 'pg_dump' });
    } else {
      written.push(...copyDirectory(service, location.dir, to));
    }
  }
  for (const service of DOCUMENT_SUBGRAPHS) {
    const location = documentLocationOf(service, env);
    if (location.kind === 'embedded') written.push(...copyDirectory(service, location.dir, to));
  }

  const manifest: Manifest = {
    createdAt: new Date().toISOString(),
    files: written.map((file) => ({ ...file, sha256: sha256Of(join(to, file.path)), bytes: statSync(join(to, file.path)).size })),
  };
  writeFileSync(join(to, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`);
  return manifest;
}

/** Makes a directory ready to be written: absent or empty, or emptied when `replace`. */
function prepareDirectory(dir: string, replace: boolean) {
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    if (!replace) throw new Error(`${dir} is not empty (restore with --replace to overwrite it)`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
}

async function schemaExists(url: string, schema: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query('SELECT 1 FROM information_schema.schemata WHERE schema_name = $1', [schema])).rowCount === 1;
  } finally {
    await client.end();
  }
}

/** Makes a subgraph's schema ready for pg_restore (which creates it): absent, or dropped when empty or when `replace`. */
async function prepareSchema(url: string, schema: string, replace: boolean) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tables: string }>('SELECT count(*) AS tables FROM information_schema.tables WHERE table_schema = $1', [schema]);
    if (Number(rows[0]!.tables) > 0 && !replace) throw new Error(`the ${schema} schema holds tables (restore with --replace to overwrite it)`);
    await client.query(`DROP SCHEMA IF EXISTS ${client.escapeIdentifier(schema)} CASCADE`);
  } finally {
    await client.end();
  }
}

/**
 * Restores a backup into the databases and stores the environment names (the services stopped),
 * each empty unless `replace`. Every file is checked against the manifest before anything is written.
 */
export async function restore(from: string, options: { env?: NodeJS.ProcessEnv; replace?: boolean } = {}): Promise<Manifest> {
  const env = options.env ?? process.env;
  const replace = options.replace ?? false;
  const manifest = JSON.parse(readFileSync(join(from, MANIFEST), 'utf8')) as Manifest;
  for (const file of manifest.files) {
    if (!existsSync(join(from, file.path)) || sha256Of(join(from, file.path)) !== file.sha256) throw new Error(`${file.path} is missing or does not match its checksum: the backup is damaged`);
  }
  for (const service of new Set(manifest.files.map((file) => file.service))) {
    const kinds = new Set(manifest.files.filter((file) => file.service === service).map((file) => file.kind));
    if (kinds.has('directory')) {
      const dir = embeddedDirectoryOf(service, env);
      if (!dir) throw new Error(`${service}: an embedded backup restores into the embedded store (unset DATABASE_URL / MONGODB_URL)`);
      prepareDirectory(dir, replace);
      // the whole tree, the empty directories PostgreSQL needs included
      cpSync(join(from, service), dir, { recursive: true });
      continue;
    }
    const location = sqlLocationOf(service as (typeof SQL_SUBGRAPHS)[number], env);
    if (location.kind !== 'postgres') throw new Error(`${service}: a PostgreSQL dump restores into PostgreSQL (set DATABASE_URL)`);
    await ensureDatabase(location.url);
    await prepareSchema(location.url, service, replace);
    await pgTool('pg_restore', location.url, ['--no-owner', '--exit-on-error', join(from, `${service}.pgdump`)]);
  }
  return manifest;
}
