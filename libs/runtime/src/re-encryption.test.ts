import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes, randomUUID } from 'node:crypto';
import { FieldEncryption } from './field-encryption.js';
import { createLogger } from './logger.js';
import { Metrics } from './metrics.js';
import { ReEncryption, type RawSql } from './re-encryption.js';

const key = () => randomBytes(32).toString('base64url');
const [one, two, indexKey] = [key(), key(), key()];
const before = new FieldEncryption(one, indexKey);
const after = new FieldEncryption({ current: 2, keys: { 1: one, 2: two } }, indexKey);

/** PGlite spoken to the way the services' Prisma clients are (the two raw methods the job uses). */
const rawSql = (db: PGlite): RawSql => ({
  $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => (await db.query(query, values)).rows as T,
  $executeRawUnsafe: async (query: string, ...values: unknown[]) => (await db.query(query, values)).affectedRows ?? 0,
});

describe('re-encryption after a data key rotation', () => {
  let db: PGlite;
  let metrics: Metrics;
  const job = (batchSize = 7, sql?: RawSql) =>
    new ReEncryption({
      service: 'test', sql: sql ?? rawSql(db), encryption: after, batchSize, pauseMs: 0, logger: createLogger('test', 'silent'), metrics,
      tables: [{ table: 'people', id: 'id', columns: ['cpf_encrypted', 'note_encrypted'] }],
    });
  const rows = async () => (await db.query<{ id: string; cpf_encrypted: string; note_encrypted: string | null }>('SELECT id::text, cpf_encrypted, note_encrypted FROM people ORDER BY id')).rows;

  beforeAll(() => {
    db = new PGlite();
  });
  afterAll(async () => db.close());
  beforeEach(async () => {
    metrics = new Metrics();
    await db.exec('DROP TABLE IF EXISTS people; CREATE TABLE people (id uuid PRIMARY KEY, cpf_encrypted text NOT NULL, note_encrypted text)');
    for (let i = 0; i < 40; i++) {
      await db.query('INSERT INTO people VALUES ($1, $2, $3)', [randomUUID(), before.encrypt(`cpf ${i}`), i % 3 === 0 ? null : before.encrypt(`note ${i}`)]);
    }
  });

  it('rewrites every value under the current key in batches, values unchanged, and reports progress', async () => {
    const reEncryption = job();
    expect(await reEncryption.pending()).toEqual({ 'people.cpf_encrypted': 40, 'people.note_encrypted': 26 });
    const pass = await reEncryption.runOnce();
    expect(pass).toEqual({ rewritten: 66, unreadable: 0, remaining: 0 });
    expect(metrics.get('reencryption_rewritten_values')).toBe(66);
    expect(metrics.get('reencryption_pending_values')).toBe(0);
    const now = await rows();
    expect(now.every((row) => row.cpf_encrypted.startsWith('k2:') && (row.note_encrypted === null || row.note_encrypted.startsWith('k2:')))).toBe(true);
    expect(now.map((row) => after.decrypt(row.cpf_encrypted)).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `cpf ${i}`).sort());
    // Done: a second pass finds nothing, and the old key can go.
    expect(await reEncryption.runOnce()).toEqual({ rewritten: 0, unreadable: 0, remaining: 0 });
    const withoutOne = new FieldEncryption({ current: 2, keys: { 2: two } }, indexKey);
    expect(now.every((row) => withoutOne.decrypt(row.cpf_encrypted).startsWith('cpf '))).toBe(true);
  });

  it('never overwrites a value written meanwhile (compare-and-set), and two replicas at once agree', async () => {
    const [first] = await rows();
    let raced = false;
    const sql = rawSql(db);
    // A request writes a new CPF to the first row just after the job read it.
    const racing: RawSql = {
      ...sql,
      $queryRawUnsafe: async <T>(query: string, ...values: unknown[]) => {
        const result = await sql.$queryRawUnsafe<T>(query, ...values);
        if (!raced && query.startsWith('SELECT') && !query.includes('count')) {
          raced = true;
          await db.query('UPDATE people SET cpf_encrypted = $1 WHERE id = $2', [after.encrypt('written by a request'), first!.id]);
        }
        return result;
      },
    };
    const [a, b] = await Promise.all([job(5, racing).runOnce(), job(3).runOnce()]);
    expect(a.unreadable + b.unreadable).toBe(0);
    // Each value was rewritten exactly once between the two, except the one the request wrote.
    expect(a.rewritten + b.rewritten).toBe(65);
    const now = await rows();
    expect(after.decrypt(now.find((row) => row.id === first!.id)!.cpf_encrypted)).toBe('written by a request');
    expect(await job().pending()).toEqual({ 'people.cpf_encrypted': 0, 'people.note_encrypted': 0 });
  });

  it('skips and counts a value it cannot read instead of stopping', async () => {
    const lost = new FieldEncryption({ current: 9, keys: { 9: key() } }, indexKey).encrypt('under a key nobody has');
    await db.query('UPDATE people SET note_encrypted = $1 WHERE id = (SELECT id FROM people ORDER BY id LIMIT 1)', [lost]);
    const pass = await job().runOnce();
    expect(pass.unreadable).toBe(1);
    expect(pass.remaining).toBe(1);
    expect(metrics.get('reencryption_unreadable_values')).toBe(1);
  });

  it('takes only plain SQL identifiers', () => {
    expect(() => new ReEncryption({ service: 'test', sql: rawSql(db), encryption: after, batchSize: 1, pauseMs: 0, logger: createLogger('test', 'silent'), metrics, tables: [{ table: 'people; DROP TABLE people', id: 'id', columns: ['x'] }] })).toThrow(/identifier/);
  });
});
