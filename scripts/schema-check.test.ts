// The API schema's breaking changes against the last release must be acknowledged (clients/SCHEMA-CHANGES.md).
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { apiSchemaPath } from './compose.js';
import { acknowledged, breakingChanges, changesPath, releasePath } from './schema-check.js';

describe('API schema against the last release', () => {
  it('has no breaking change that clients/SCHEMA-CHANGES.md does not acknowledge', async () => {
    const ack = acknowledged(readFileSync(changesPath, 'utf8'));
    const changes = await breakingChanges(readFileSync(releasePath, 'utf8'), readFileSync(apiSchemaPath, 'utf8'));
    expect(changes.filter((change) => !ack.has(change.path))).toEqual([]);
  });

  it('finds a removed field or a new required argument, and lets an added field through', async () => {
    const before = 'type Query { clinic(id: ID!): Clinic clinics: [Clinic!]! } type Clinic { id: ID! name: String }';
    expect(await breakingChanges(before, 'type Query { clinic(id: ID!): Clinic clinics: [Clinic!]! } type Clinic { id: ID! }')).toEqual([
      { path: 'Clinic.name', message: expect.stringContaining('removed') },
    ]);
    expect((await breakingChanges(before, 'type Query { clinic(id: ID!): Clinic clinics(city: String!): [Clinic!]! } type Clinic { id: ID! name: String }')).map((c) => c.path)).toEqual(['Query.clinics.city']);
    expect(await breakingChanges(before, 'type Query { clinic(id: ID!): Clinic clinics: [Clinic!]! } type Clinic { id: ID! name: String city: String }')).toEqual([]);
  });

  it('reads acknowledgements only under Unreleased', () => {
    const ack = acknowledged('# x\n\n## Unreleased\n\n- `Clinic.name` removed: use tradeName.\n\n## 2026-11-29\n\n- `Query.old` removed.\n');
    expect([...ack]).toEqual(['Clinic.name']);
  });
});
