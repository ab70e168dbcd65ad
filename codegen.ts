// GraphQL Code Generator: typed documents for the three apps, from the API schema that `npm run compose`
// derives from the supergraph and the operations the apps write with `graphql(...)`. One generated
// folder, shared by all apps (@medpay/web/graphql); `npm run codegen` regenerates it and a test fails
// when it is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'clients/schema.graphql',
  documents: ['clients/*/src/**/*.{ts,tsx}', '!clients/shared/src/graphql/**', '!clients/**/*.test.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'clients/shared/src/graphql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, strictScalars: true, scalars: { ID: 'string' } },
    },
  },
};

export default config;
