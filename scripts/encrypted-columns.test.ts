// Every column a subgraph encrypts at rest (named `*_encrypted` in its Prisma schema) is declared to
// the re-encryption job, so a data key rotation leaves no value behind under the old key.
import { describe, expect, it } from '@jest/globals';
import type { EncryptedColumns } from '@medpay/runtime';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root } from './compose.js';

/** `table.column` of every *_encrypted column in a Prisma schema. */
function encryptedColumnsIn(schema: string): string[] {
  return [...schema.matchAll(/^model \w+ \{([\s\S]*?)^\}/gm)].flatMap(([, body]) => {
    const table = /@@map\("(\w+)"\)/.exec(body!)?.[1];
    return [...body!.matchAll(/@map\("(\w+_encrypted)"\)/g)].map(([, column]) => `${table}.${column}`);
  });
}

describe('encrypted columns', () => {
  const subgraphs = readdirSync(resolve(root, 'subgraphs')).filter((name) => existsSync(resolve(root, 'subgraphs', name, 'prisma/schema.prisma')));

  it.each(subgraphs)('of %s are all declared to the re-encryption job', async (name) => {
    const inSchema = encryptedColumnsIn(readFileSync(resolve(root, 'subgraphs', name, 'prisma/schema.prisma'), 'utf8')).sort();
    const declarations = resolve(root, 'subgraphs', name, 'src/encrypted-columns.ts');
    const declared = existsSync(declarations)
      ? ((await import(declarations)) as { encryptedColumns: EncryptedColumns[] }).encryptedColumns.flatMap(({ table, columns }) => columns.map((column) => `${table}.${column}`)).sort()
      : [];
    expect(declared).toEqual(inSchema);
  });

  it('include those of users, payments and notifications', () => {
    const all = subgraphs.flatMap((name) => encryptedColumnsIn(readFileSync(resolve(root, 'subgraphs', name, 'prisma/schema.prisma'), 'utf8')));
    expect(all).toEqual(expect.arrayContaining(['users.cpf_encrypted', 'payments.procedure_name_encrypted', 'notifications.title_encrypted', 'webhook_endpoints.secret_encrypted']));
  });
});
