import { describe, expect, it } from '@jest/globals';
import { operationUsage, type OperationUsage } from '@medpay/contracts';
import type { Claims } from '@medpay/runtime';
import { buildSchema, getOperationAST, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import {
  clientIdentityOf,
  clientIdentityOfConnection,
  documentHashOf,
  errorCodesOf,
  selectedFields,
  UNKNOWN_CLIENT,
  UsageLog,
  type OperationSeen,
} from './usage-log.js';

const schema = buildSchema(`
  interface Node { id: ID! }
  type Query { clinic(id: ID!): Clinic  node(id: ID!): Node  search(text: String!): [SearchResult!]! }
  type Mutation { logout: Boolean! }
  type Clinic implements Node { id: ID! tradeName: String! procedures: [Procedure!]! }
  type Procedure implements Node { id: ID! name: String! priceCentavos: Int! clinic: Clinic! }
  union SearchResult = Clinic | Procedure
`);

const operationOf = (document: DocumentNode, name?: string) => getOperationAST(document, name)!;
const fieldsOf = (query: string, name?: string) => {
  const document = parse(query);
  return selectedFields(schema, document, operationOf(document, name));
};

describe('documentHashOf', () => {
  it('is the sha256 of the text as received, in hex', () => {
    expect(documentHashOf('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    // The text, not the operation: a space more is another document.
    expect(documentHashOf('{ clinic(id: "1") { id } }')).not.toBe(documentHashOf('{ clinic(id: "1") { id }  }'));
    expect(documentHashOf('{ __typename }')).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('selectedFields', () => {
  it('names each field by the type it is selected on, once, sorted, aliases and arguments aside', () => {
    expect(fieldsOf('{ a: clinic(id: "1") { tradeName procedures { name clinic { tradeName } } } b: clinic(id: "2") { id } }')).toEqual([
      'Clinic.id',
      'Clinic.procedures',
      'Clinic.tradeName',
      'Procedure.clinic',
      'Procedure.name',
      'Query.clinic',
    ]);
  });

  it('follows fragments and inline fragments, on interfaces and unions too', () => {
    const query = `
      query Find($text: String!) {
        node(id: "1") { id ... on Procedure { priceCentavos } ...ClinicParts }
        search(text: $text) { ... on Clinic { tradeName } ... on Procedure { name } }
      }
      fragment ClinicParts on Clinic { tradeName }`;
    expect(fieldsOf(query)).toEqual(['Clinic.tradeName', 'Node.id', 'Procedure.name', 'Procedure.priceCentavos', 'Query.node', 'Query.search']);
  });

  it('counts only the operation run and the fragments it uses', () => {
    const query = `
      query A { clinic(id: "1") { ...P } }
      query B { node(id: "1") { ...Q } }
      mutation C { logout }
      fragment P on Clinic { tradeName }
      fragment Q on Node { id }`;
    expect(fieldsOf(query, 'A')).toEqual(['Clinic.tradeName', 'Query.clinic']);
    expect(fieldsOf(query, 'B')).toEqual(['Node.id', 'Query.node']);
    expect(fieldsOf(query, 'C')).toEqual(['Mutation.logout']);
  });

  it('leaves introspection out', () => {
    expect(fieldsOf('{ __typename clinic(id: "1") { __typename id } }')).toEqual(['Clinic.id', 'Query.clinic']);
    expect(fieldsOf('{ __schema { queryType { name fields { name } } } __type(name: "Clinic") { name } }')).toEqual([]);
  });
});

describe('the client of a request', () => {
  it('comes from the apollographql-client-* headers, trimmed and capped; unknown without them', () => {
    expect(clientIdentityOf({ 'apollographql-client-name': '  patient-app ', 'apollographql-client-version': '1.4.2\n' })).toEqual({ name: 'patient-app', version: '1.4.2' });
    expect(clientIdentityOf({})).toEqual(UNKNOWN_CLIENT);
    expect(clientIdentityOf({ 'apollographql-client-name': '   ', 'apollographql-client-version': '' })).toEqual({ name: 'unknown', version: 'unknown' });
    const long = clientIdentityOf({ 'apollographql-client-name': 'x'.repeat(500), 'apollographql-client-version': `${'v'.repeat(99)}😀` });
    expect(long.name).toBe('x'.repeat(100));
    // The cut does not leave half a surrogate pair behind.
    expect(long.version).toBe('v'.repeat(99));
    expect(clientIdentityOf({ 'apollographql-client-name': 'a\u0000b\u001bc' }).name).toBe('abc');
  });

  it('over WebSocket comes from connectionParams (any case, or under headers), else from the upgrade request', () => {
    expect(clientIdentityOfConnection({ 'ApolloGraphQL-Client-Name': 'provider-app', headers: { 'apollographql-client-version': '2.0' } }, {})).toEqual({ name: 'provider-app', version: '2.0' });
    expect(clientIdentityOfConnection(undefined, { 'apollographql-client-name': 'partner-erp' })).toEqual({ name: 'partner-erp', version: 'unknown' });
    expect(clientIdentityOfConnection({ 'apollographql-client-name': 42 }, {})).toEqual(UNKNOWN_CLIENT);
  });
});

describe('errorCodesOf', () => {
  it('keeps each string code once, in order, and nothing else of the errors', () => {
    const errors = [
      { message: 'Entre para continuar.', extensions: { code: 'UNAUTHENTICATED' } },
      { message: 'de novo', extensions: { code: 'UNAUTHENTICATED' } },
      { message: 'sem código' },
      { message: 'x', extensions: { code: 42 } },
      { message: 'y', extensions: { code: 'FORBIDDEN' } },
    ];
    expect(errorCodesOf(errors)).toEqual(['UNAUTHENTICATED', 'FORBIDDEN']);
    expect(errorCodesOf(undefined)).toEqual([]);
    expect(errorCodesOf(Array.from({ length: 80 }, (_, i) => ({ message: '', extensions: { code: `CODE_${i}` } })))).toHaveLength(50);
  });
});

describe('UsageLog', () => {
  const admin: Claims = { sub: 'u-1', kind: 'user', roles: ['PLATFORM_ADMIN'], scopes: ['admin'], exp: 2e9 };
  const partner: Claims = { sub: 'key-1', kind: 'partner', roles: [], scopes: ['clinic'], clinicId: 'c-1', exp: 2e9 };
  const query = 'query Clinic($id: ID!) { clinic(id: $id) { tradeName } }';

  function setUp() {
    const records: OperationUsage[] = [];
    const failures: unknown[] = [];
    const usage = new UsageLog(schema, { add: (record) => records.push(record) }, { error: (details: unknown) => failures.push(details) });
    const document = parse(query);
    const seen = (more: Partial<OperationSeen> = {}): OperationSeen => ({
      startedAt: Date.parse('2026-12-04T12:00:00.000Z'),
      durationMs: 12.3456,
      source: query,
      operationName: 'Clinic',
      validated: { document, operation: operationOf(document) },
      client: { name: 'admin-app', version: '3.1.0' },
      claims: admin,
      errors: undefined,
      ...more,
    });
    return { usage, records, failures, seen };
  }

  it('builds a record the analytics contract accepts, with the caller kind from the claims', () => {
    const { usage, records, seen } = setUp();
    usage.record(seen());
    usage.record(seen({ claims: partner, errors: [{ message: 'Proibido.', extensions: { code: 'FORBIDDEN' } }] }));
    usage.record(seen({ claims: null }));
    expect(records.map((record) => operationUsage.parse(record))).toEqual(records);
    expect(records[0]).toEqual({
      at: '2026-12-04T12:00:00.000Z',
      operationName: 'Clinic',
      documentHash: documentHashOf(query),
      clientName: 'admin-app',
      clientVersion: '3.1.0',
      callerKind: 'admin',
      fields: ['Clinic.tradeName', 'Query.clinic'],
      durationMs: 12.35,
      errorCodes: [],
    });
    expect(records.map((record) => [record.callerKind, record.errorCodes])).toEqual([['admin', []], ['partner', ['FORBIDDEN']], ['anonymous', []]]);
  });

  it('works out a document\'s fields once, and none for a document that never validated', () => {
    const { usage, records, seen } = setUp();
    usage.record(seen());
    // Another parse of the same text: the fields come from the first.
    const again = parse(query);
    usage.record(seen({ validated: { document: again, operation: again.definitions[0] as OperationDefinitionNode } }));
    expect(records[1]!.fields).toBe(records[0]!.fields);
    usage.record(seen({ source: '{ clinic(', validated: undefined, operationName: undefined, errors: [{ message: 'Erro de sintaxe.', extensions: { code: 'GRAPHQL_PARSE_FAILED' } }] }));
    expect(records[2]).toMatchObject({ operationName: '', fields: [], errorCodes: ['GRAPHQL_PARSE_FAILED'], documentHash: documentHashOf('{ clinic(') });
  });

  it('keeps a requested operation name only when it is a GraphQL name', () => {
    const { usage, records, seen } = setUp();
    usage.record(seen({ validated: undefined, operationName: 'Maria da Silva 123.456.789-00' }));
    usage.record(seen({ validated: undefined, operationName: 'NoSuchOperation' }));
    expect(records.map((record) => record.operationName)).toEqual(['', 'NoSuchOperation']);
  });

  it('never throws: a failing record is logged and the operation goes on', () => {
    const failures: unknown[] = [];
    const usage = new UsageLog(schema, { add: () => { throw new Error('full'); } }, { error: (details: unknown) => failures.push(details) });
    expect(() => usage.record({ startedAt: Date.now(), durationMs: 1, source: '{ __typename }', operationName: null, client: UNKNOWN_CLIENT, claims: null, errors: undefined })).not.toThrow();
    expect(failures).toHaveLength(1);
  });
});
