import { describe, expect, it } from '@jest/globals';
import { buildASTSchema, Kind, parse, type DocumentNode, type OperationDefinitionNode } from 'graphql';
import { readFileSync } from 'node:fs';
import * as documents from '../../clients/shared/src/graphql/graphql.js';
import { supergraphPath } from '../../scripts/compose.js';
import { loadRouterConfig } from './config.js';
import { DEFAULT_LIST_SIZE, DemandControl } from './demand-control.js';

const schema = buildASTSchema(parse(`
  directive @cost(weight: Int!) on FIELD_DEFINITION | OBJECT
  directive @listSize(assumedSize: Int, slicingArguments: [String!], sizedFields: [String!], requireOneSlicingArgument: Boolean = true) on FIELD_DEFINITION
  type Query {
    clinics(first: Int = 20): ClinicConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false)
    report: Report @cost(weight: 50)
    tags: [String!]!
    plans: [Plan!]! @listSize(assumedSize: 4)
  }
  type ClinicConnection { edges: [ClinicEdge!]! total: Int! }
  type ClinicEdge { node: Clinic! }
  type Clinic { id: ID! name: String! procedures(first: Int = 5): ProcedureConnection! @listSize(slicingArguments: ["first"], sizedFields: ["edges"], requireOneSlicingArgument: false) }
  type ProcedureConnection { edges: [ProcedureEdge!]! }
  type ProcedureEdge { node: Procedure! }
  type Procedure { id: ID! }
  type Report { total: Int! }
  type Plan { id: ID! }
`));
const demand = new DemandControl(schema);
const operationOf = (document: DocumentNode) => document.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)!;
const cost = (query: string, variables?: Record<string, unknown>) => {
  const document = parse(query);
  return demand.estimate(document, operationOf(document), variables);
};

describe('DemandControl', () => {
  it('counts objects, not scalars, and multiplies a connection\'s edges by the page size asked for', () => {
    expect(cost('{ tags }')).toBe(0);
    // connection 1 + 3 × (edge 1 + node 1)
    expect(cost('{ clinics(first: 3) { total edges { node { id name } } } }')).toBe(7);
    expect(cost('query($n: Int) { clinics(first: $n) { edges { node { id } } } }', { n: 50 })).toBe(101);
  });

  it('uses the slicing argument\'s default, then assumedSize, then the default list size', () => {
    expect(cost('{ clinics { edges { node { id } } } }')).toBe(41);
    expect(cost('{ plans { id } }')).toBe(4);
    expect(cost('query($n: Int) { clinics(first: $n) { edges { node { id } } } }')).toBe(41);
    expect(DEFAULT_LIST_SIZE).toBeGreaterThan(1);
  });

  it('multiplies nested lists, weighs expensive fields, and counts fragments', () => {
    // 1 + 20 × (1 + 1 + (1 + 5 × 2))
    expect(cost('{ clinics(first: 20) { edges { node { procedures { edges { node { id } } } } } } }')).toBe(1 + 20 * (2 + 11));
    expect(cost('{ report { total } }')).toBe(50);
    expect(cost('{ ...F } fragment F on Query { report { total } plans { id } }')).toBe(54);
  });
});

describe('the budgets', () => {
  const supergraph = new DemandControl(buildASTSchema(parse(readFileSync(supergraphPath, 'utf8')), { assumeValidSDL: true }));
  const config = loadRouterConfig({ INTERNAL_CLAIMS_SECRET: 'x'.repeat(32) });
  const costs = Object.entries(documents)
    .filter(([name]) => name.endsWith('Document'))
    .map(([name, document]) => [name, supergraph.estimate(document as DocumentNode, operationOf(document as DocumentNode), undefined)] as const);

  it('let every operation of the three apps through for a signed-in user, and the public pages for visitors', () => {
    expect(costs.length).toBeGreaterThan(40);
    expect(costs.filter(([, estimated]) => estimated > config.MAX_COST_USER)).toEqual([]);
    const publicPages = costs.filter(([name]) => ['SearchProceduresDocument', 'ProcedurePageDocument', 'CheckoutPageDocument', 'ClinicPageDocument'].includes(name));
    expect(publicPages).toHaveLength(4);
    expect(publicPages.filter(([, estimated]) => estimated > config.MAX_COST_ANONYMOUS)).toEqual([]);
  });

  it('let a partner read 50 clinics with five procedures each (the query the old model refused)', () => {
    const document = parse('{ clinics(first: 50) { edges { node { id tradeName procedures(first: 5) { edges { node { id name priceCentavos } } } } } } }');
    expect(supergraph.estimate(document, operationOf(document), undefined)).toBeLessThanOrEqual(config.MAX_COST_PARTNER);
  });
});
