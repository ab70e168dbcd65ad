// GraphQL Code Generator: typed documents for the three apps, from the API schema that `npm run compose`
// derives from the supergraph and the operations the apps write with `graphql(...)`; and typed resolver
// maps per subgraph, from its own SDL. `npm run codegen` regenerates everything and a test fails when
// any output is stale.
import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

type Output = Exclude<CodegenConfig['generates'][string], unknown[]>;

/**
 * Resolver types for one subgraph, read from its SDL (`federation: true` knows @key, @link and the
 * other federation directives, and declares _FieldSet, @key's argument type). `contextType` and the
 * `mappers` are relative to the generated file: each maps an object type to the row or domain object
 * its resolvers receive as parent, so each resolver's parent is what its parent resolver returns.
 */
export const subgraphResolvers = (name: string, contextType: string, mappers: Record<string, string>): Record<string, Output> => ({
  [`subgraphs/${name}/src/__generated__/resolvers-types.ts`]: {
    schema: `subgraphs/${name}/src/schema.graphql`,
    documents: [],
    plugins: ['typescript', 'typescript-resolvers'],
    config: {
      federation: true,
      useIndexSignature: true,
      enumsAsTypes: true,
      useTypeImports: true,
      strictScalars: true,
      scalars: { ID: 'string', _FieldSet: 'string', JSON: 'unknown' },
      contextType,
      mappers,
    },
  },
});

/** Mappers named `<Type>Mapper` in one module. */
const mappedIn = (module: string, types: string[]) => Object.fromEntries(types.map((type) => [type, `${module}#${type}Mapper`]));

const config: CodegenConfig = {
  generates: {
    'clients/shared/src/graphql/': {
      schema: 'clients/schema.graphql',
      documents: ['clients/*/src/**/*.{ts,tsx}', '!clients/shared/src/graphql/**', '!clients/**/*.test.{ts,tsx}'],
      preset: 'client',
      // Trusted documents: every operation's sha256 is embedded in its document (`__meta__.hash`, what the
      // apps send instead of the text) and listed with its text in persisted-documents.json, the manifest
      // the router accepts from first-party apps in production (router/src/trusted-documents.ts).
      // Apollo Client's cache adds __typename to every selection; the manifest's texts carry it too, so
      // the router runs exactly what the cache expects back.
      presetConfig: { fragmentMasking: false, persistedDocuments: { mode: 'embedHashInDocument', hashAlgorithm: 'sha256' } },
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: { enumsAsTypes: true, useTypeImports: true, strictScalars: true, scalars: { ID: 'string', JSON: 'unknown' }, skipTypeNameForRoot: true },
    },
    ...subgraphResolvers('users', '../resolvers.js#UsersContext', mappedIn('../mappers.js', ['User', 'Consent', 'ConsentRecord', 'DataExport', 'AccountDeletion', 'AccountDeletionStep'])),
    ...subgraphResolvers('providers', '../resolvers.js#ProvidersContext', mappedIn('../mappers.js', ['Clinic', 'ClinicMember', 'Procedure', 'ApiKey', 'User', 'PracticeConnection'])),
    ...subgraphResolvers('payments', '../resolvers/context.js#PaymentsContext', {
      ...mappedIn('../resolvers/mappers.js', ['Payment', 'Installment', 'PaymentStatusChange', 'PaymentEvent', 'StatementEntry', 'PixInstructions', 'BoletoInstructions', 'CardResult', 'PaymentConnection', 'CrediarioPayoff', 'CrediarioPayoffQuote', 'CrediarioContract', 'PaymentLink', 'PaymentLinkView']),
      // entities other subgraphs own: payments knows only their key
      User: '../resolvers/mappers.js#EntityReferenceMapper',
      Clinic: '../resolvers/mappers.js#EntityReferenceMapper',
      Procedure: '../resolvers/mappers.js#EntityReferenceMapper',
    }),
    ...subgraphResolvers('analytics', '../resolvers.js#AnalyticsContext', {
      // entities other subgraphs own (or own most of): analytics knows only their key
      Clinic: '../resolvers.js#EntityReference',
      Procedure: '../resolvers.js#EntityReference',
      User: '../resolvers.js#EntityReference',
      DataAccess: '../access-log.js#DataAccessView',
    }),
    ...subgraphResolvers('notifications', '../resolvers.js#NotificationsContext', {
      Notification: '../store.js#NotificationView',
      OutboundMessage: '../generated/prisma/client.js#Message',
    }),
    ...subgraphResolvers('ai', '../resolvers.js#AiContext', {
      Clinic: '../resolvers.js#EntityReference',
      Payment: '../resolvers.js#EntityReference',
      User: '../resolvers.js#EntityReference',
      SupportTicket: '../records/support-desk.js#TicketDoc',
      SupportMessage: '../records/conversations.js#Turn',
    }),
  },
  ignoreNoDocuments: true,
};

export default config;
