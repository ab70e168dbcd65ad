import { PGlite } from '@electric-sql/pglite';
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { applyMigrations, type SqlSession } from './migrations.js';

const session = (db: PGlite): SqlSession => ({
  exec: async (sql) => void (await db.exec(sql)),
  query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
  lock: async () => {},
  unlock: async () => {},
});

const migrationsDir = (files: Record<string, string>) => {
  const dir = mkdtempSync(join(tmpdir(), 'migrations-'));
  for (const [name, sql] of Object.entries(files)) {
    mkdirSync(join(dir, name));
    writeFileSync(join(dir, name, 'migration.sql'), sql);
  }
  return dir;
};

describe('applyMigrations', () => {
  let db: PGlite;
  afterEach(() => db?.close());

  it('applies pending migrations in order once, and records them as Prisma does', async () => {
    db = new PGlite();
    const dir = migrationsDir({ '2_add': 'ALTER TABLE t ADD COLUMN b int;', '1_init': 'CREATE TABLE t (a int);' });
    expect(await applyMigrations(session(db), dir)).toEqual(['1_init', '2_add']);
    expect(await applyMigrations(session(db), dir)).toEqual([]);
    const rows = await db.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations ORDER BY migration_name');
    expect(rows.rows.map((r) => r.migration_name)).toEqual(['1_init', '2_add']);
  });

  it('refuses a migration edited after it was applied', async () => {
    db = new PGlite();
    const dir = migrationsDir({ '1_init': 'CREATE TABLE t (a int);' });
    await applyMigrations(session(db), dir);
    writeFileSync(join(dir, '1_init', 'migration.sql'), 'CREATE TABLE t (a bigint);');
    await expect(applyMigrations(session(db), dir)).rejects.toThrow(/edited/);
  });

  it('rolls back a failing migration whole and records nothing for it', async () => {
    db = new PGlite();
    const dir = migrationsDir({ '1_init': 'CREATE TABLE t (a int);', '2_broken': 'CREATE TABLE u (a int); SELECT * FROM missing;' });
    await expect(applyMigrations(session(db), dir)).rejects.toThrow();
    const tables = await db.query<{ n: number }>("SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'u'");
    expect(tables.rows[0]!.n).toBe(0);
    const names = await db.query<{ migration_name: string }>('SELECT migration_name FROM _prisma_migrations');
    expect(names.rows.map((r) => r.migration_name)).toEqual(['1_init']);
  });
});
