// Every field whose reads go to the sensitive-data access log is marked @personalData in the
// supergraph, so the router never resolves it once for several callers (a broadcast subscription):
// each reader must be logged. The coordinates are read from the resolvers that log them.
import { describe, expect, it } from '@jest/globals';
import { buildASTSchema, isObjectType, parse } from 'graphql';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { root, supergraphPath } from './compose.js';

/** `Type.field` of each read a subgraph's resolvers log: `accesses.read(info, …, 'Type.field')` and users' `personal('field', …)`. */
function loggedFieldsOf(source: string): string[] {
  const explicit = [...source.matchAll(/accesses\.read\(info, [^,]+, '(\w+\.\w+)'/g)].map(([, coordinate]) => coordinate!);
  const personal = [...source.matchAll(/\bpersonal\('(\w+)'/g)].map(([, field]) => `User.${field}`);
  return [...explicit, ...personal];
}

function sourcesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') && !entry.parentPath.includes('__generated__'))
    .map((entry) => readFileSync(resolve(entry.parentPath, entry.name), 'utf8'));
}

describe('personal data in the supergraph', () => {
  const schema = buildASTSchema(parse(readFileSync(supergraphPath, 'utf8')), { assumeValidSDL: true });
  const marked = Object.values(schema.getTypeMap())
    .filter(isObjectType)
    .flatMap((type) => Object.values(type.getFields()).flatMap((field) => (field.astNode?.directives?.some((d) => d.name.value === 'personalData') ? [`${type.name}.${field.name}`] : [])));
  const logged = [...new Set(readdirSync(resolve(root, 'subgraphs')).flatMap((name) => sourcesUnder(resolve(root, 'subgraphs', name, 'src')).flatMap(loggedFieldsOf)))];

  it('marks every field whose reads are logged, and only those', () => {
    expect(logged).toEqual(expect.arrayContaining(['Payment.procedure', 'User.name', 'User.cpf']));
    expect(marked.sort()).toEqual(logged.sort());
  });
});
