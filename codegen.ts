// GraphQL Code Generator: typed documents for the clients, from the composed supergraph's API schema
// and the operations the apps write. The apps and the generator's packages arrive with the patient
// app; this file fixes where the shared output goes.
const config = {
  schema: 'supergraph.graphql',
  documents: ['clients/*/src/**/*.{ts,tsx}'],
  ignoreNoDocuments: true,
  generates: {
    'clients/graphql/': { preset: 'client', config: { enumsAsTypes: true, useTypeImports: true } },
  },
};

export default config;
