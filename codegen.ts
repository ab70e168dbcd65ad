// GraphQL Code Generator. Clients: typed documents for the three apps, from the API schema that
// `npm run compose` derives from the supergraph and the operations the apps write with `graphql(...)`
// (one generated folder, shared by all apps as @medpay/web/graphql). Subgraphs: resolver types from
// each subgraph's own SDL, so a renamed field breaks the type check of its resolvers. `npm run codegen`
// regenerates every entry and a test fails when one is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  ignoreNoDocuments: true,
  generates: {
    'clients/shared/src/graphql/': {
      schema: 'clients/schema.graphql',
      documents: ['clients/*/src/**/*.{ts,tsx}', '!clients/shared/src/graphql/**', '!clients/**/*.test.{ts,tsx}'],
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: { enumsAsTypes: true, useTypeImports: true, strictScalars: true, scalars: { ID: 'string' } },
    },
    'subgraphs/payments/src/__generated__/resolvers-types.ts': {
      // The federation directives the SDL imports with @link are declared beside it for the generator only.
      schema: 'subgraphs/payments/src/schema.graphql',
      plugins: ['typescript', 'typescript-resolvers'],
      config: {
        federation: true,
        useIndexSignature: true,
        useTypeImports: true,
        enumsAsTypes: true,
        strictScalars: true,
        // _FieldSet is federation's @key argument type, which `federation: true` declares.
        scalars: { ID: 'string', _FieldSet: 'string' },
        contextType: '../resolvers/context.js#PaymentsContext',
        mappers: {
          Payment: '../resolvers/mappers.js#PaymentMapper',
          Installment: '../resolvers/mappers.js#InstallmentMapper',
          PaymentStatusChange: '../resolvers/mappers.js#PaymentStatusChangeMapper',
          PaymentEvent: '../resolvers/mappers.js#PaymentEventMapper',
          StatementEntry: '../resolvers/mappers.js#StatementEntryMapper',
          PixInstructions: '../resolvers/mappers.js#PixInstructionsMapper',
          BoletoInstructions: '../resolvers/mappers.js#BoletoInstructionsMapper',
          CardResult: '../resolvers/mappers.js#CardResultMapper',
          PaymentConnection: '../resolvers/mappers.js#PaymentConnectionMapper',
          User: '../resolvers/mappers.js#EntityReferenceMapper',
          Clinic: '../resolvers/mappers.js#EntityReferenceMapper',
          Procedure: '../resolvers/mappers.js#EntityReferenceMapper',
        },
      },
    },
  },
};

export default config;
