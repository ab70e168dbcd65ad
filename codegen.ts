// GraphQL Code Generator: typed documents for the three apps, from the API schema that `npm run compose`
// derives from the supergraph and the operations the apps write with `graphql(...)`; and typed resolver
// maps per subgraph, from its own SDL. `npm run codegen` regenerates everything and a test fails when
// any output is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

type Output = Exclude<CodegenConfig['generates'][string], unknown[]>;

/**
 * Resolver types for one subgraph, read from its SDL (`federation: true` knows @key, @link and the
 * other federation directives). `contextType` is relative to the generated file; `mapped` lists the
 * object types built from a row or domain object exported as `<Type>Mapper` by the subgraph's
 * `src/mappers.ts`, so each resolver's parent is what its parent resolver returns.
 */
export const subgraphResolvers = (name: string, contextType: string, mapped: string[]): Record<string, Output> => ({
  [`subgraphs/${name}/src/__generated__/resolvers-types.ts`]: {
    schema: `subgraphs/${name}/src/schema.graphql`,
    documents: [],
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      enumsAsTypes: true,
      useTypeImports: true,
      scalars: { ID: 'string' },
      contextType,
      mappers: Object.fromEntries(mapped.map((type) => [type, `../mappers.js#${type}Mapper`])),
    },
  },
});

const config: CodegenConfig = {
  generates: {
    'clients/shared/src/graphql/': {
      schema: 'clients/schema.graphql',
      documents: ['clients/*/src/**/*.{ts,tsx}', '!clients/shared/src/graphql/**', '!clients/**/*.test.{ts,tsx}'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, strictScalars: true, scalars: { ID: 'string' } },
    },
    ...subgraphResolvers('users', '../resolvers.js#UsersContext', ['User']),
    ...subgraphResolvers('providers', '../resolvers.js#ProvidersContext', ['Clinic', 'ClinicMember', 'Procedure', 'ApiKey', 'User']),
  },
  ignoreNoDocuments: true,
};

export default config;
