// Where each subgraph keeps its data, as the services read it from the environment: the one-off
// migrate task, `npm run backup` and `npm run restore` all go by this.
import { dataDir } from '@medpay/runtime';
import { join } from 'node:path';
import pg from 'pg';

/** the subgraphs with a SQL database (one schema each, named after the subgraph) */
export const SQL_SUBGRAPHS = ['users', 'providers', 'payments', 'notifications'] as const;
/** the subgraphs with a document store (MongoDB, or the embedded store under .data/) */
export const DOCUMENT_SUBGRAPHS = ['analytics', 'ai'] as const;

export type SqlLocation = { kind: 'postgres'; url: string } | { kind: 'pglite'; dir: string };

/** A subgraph's database: its own URL, DATABASE_URL serving every subgraph, or the embedded PGlite under .data/. */
export function sqlLocationOf(service: (typeof SQL_SUBGRAPHS)[number], env: NodeJS.ProcessEnv = process.env): SqlLocation {
  const url = env[`${service.toUpperCase()}_DATABASE_URL`] ?? env.DATABASE_URL;
  if (url && !url.startsWith('pglite:')) return { kind: 'postgres', url };
  const location = url?.slice('pglite:'.length);
  return { kind: 'pglite', dir: location || join(env.MEDPAY_DATA_DIR ?? dataDir(), service) };
}

/** A subgraph's document store: MongoDB when MONGODB_URL is set, else its embedded store's directory. */
export function documentLocationOf(service: (typeof DOCUMENT_SUBGRAPHS)[number], env: NodeJS.ProcessEnv = process.env): { kind: 'mongodb' } | { kind: 'embedded'; dir: string } {
  if (env.MONGODB_URL) return { kind: 'mongodb' };
  return { kind: 'embedded', dir: env[`${service.toUpperCase()}_DATA_DIR`] ?? join(env.MEDPAY_DATA_DIR ?? dataDir(), service) };
}

/** A new server has only its first database: the URL's database is created, by its owner, when missing. */
export async function ensureDatabase(url: string): Promise<boolean> {
  const name = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!name) return false;
  const maintenance = new URL(url);
  maintenance.pathname = '/postgres';
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount !== 0) return false;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    return true;
  } catch (error) {
    // 42P04: another run created it meanwhile
    if ((error as { code?: string }).code !== '42P04') throw error;
    return false;
  } finally {
    await client.end();
  }
}
