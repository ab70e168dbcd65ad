import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse } from 'graphql';
import { OperationAuthorizer } from './authorization.js';
import type { Claims } from './claims.js';

const schema = buildSchema(`
  directive @authenticated on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @requiresScopes(scopes: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  directive @policy(policies: [[String!]!]!) on FIELD_DEFINITION | OBJECT | INTERFACE | SCALAR | ENUM
  type Query {
    open: String
    me: Account @authenticated
    report(id: ID!): String @requiresScopes(scopes: [["admin"], ["auditor", "finance"]])
    secret: Secret
    team: String @policy(policies: [["clinic_member"]])
    search: [Result]
  }
  type Account { id: ID! }
  type Secret @authenticated { value: String }
  union Result = Account | Public
  type Public { name: String }
`);

const claims = (overrides: Partial<Claims> = {}): Claims => ({ sub: 'u1', kind: 'user', roles: ['PATIENT'], scopes: ['patient'], exp: 2e9, ...overrides });
const authorizer = new OperationAuthorizer(schema);
const check = (query: string, who: Claims | null) => authorizer.authorize(parse(query), who)?.extensions.code ?? 'OK';

describe('OperationAuthorizer', () => {
  it('lets anyone run open fields', () => {
    expect(check('{ open }', null)).toBe('OK');
  });
  it('refuses @authenticated fields to anonymous callers with UNAUTHENTICATED', () => {
    expect(check('{ open me { id } }', null)).toBe('UNAUTHENTICATED');
    expect(check('{ me { id } }', claims())).toBe('OK');
  });
  it('applies type-level rules wherever the type is reached, even through fragments', () => {
    expect(check('{ secret { value } }', null)).toBe('UNAUTHENTICATED');
    expect(check('query { ...F } fragment F on Query { secret { value } }', null)).toBe('UNAUTHENTICATED');
  });
  it('treats scopes as OR of ANDs', () => {
    expect(check('{ report(id: 1) }', claims())).toBe('FORBIDDEN');
    expect(check('{ report(id: 1) }', claims({ scopes: ['auditor'] }))).toBe('FORBIDDEN');
    expect(check('{ report(id: 1) }', claims({ scopes: ['auditor', 'finance'] }))).toBe('OK');
    expect(check('{ report(id: 1) }', claims({ scopes: ['admin'] }))).toBe('OK');
    expect(check('{ report(id: 1) }', null)).toBe('UNAUTHENTICATED');
  });
  it('evaluates policies from the registry and fails closed on unknown names', () => {
    expect(check('{ team }', claims())).toBe('FORBIDDEN');
    expect(check('{ team }', claims({ roles: ['CLINIC_STAFF'] }))).toBe('OK');
    expect(check('{ team }', claims({ kind: 'partner', roles: [] }))).toBe('OK');
    const strict = new OperationAuthorizer(schema, {});
    expect(strict.authorize(parse('{ team }'), claims({ roles: ['CLINIC_STAFF'] }))?.extensions.code).toBe('FORBIDDEN');
    expect(strict.unknownPolicies()).toEqual(['clinic_member']);
  });
  it('checks the member types a fragment on a union names', () => {
    expect(check('{ search { ... on Public { name } } }', null)).toBe('OK');
    expect(check('{ search { ... on Account { id } } }', null)).toBe('OK');
  });
  it('finds a protected root field to probe for the self-test', () => {
    expect(authorizer.protectedRootQuery()).toBe('{ me { __typename } }');
  });
  it('compiles each parsed document once', () => {
    const document = parse('{ me { id } }');
    expect(authorizer.requirementsOf(document)).toBe(authorizer.requirementsOf(document));
  });
});
