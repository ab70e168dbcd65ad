// Jest runs the TypeScript ESM sources directly through SWC (see docs: stack notes): the services'
// suites in Node, the apps' component suites in jsdom.
const swc = (tsx) => ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx }, target: 'es2023', transform: { react: { runtime: 'automatic' } } } }];
const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/.data/', '/.next/'],
};

export default {
  testTimeout: 60_000,
  projects: [
    {
      ...shared,
      displayName: 'services',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc(false) },
      testMatch: ['<rootDir>/{libs,subgraphs,simulators,router,e2e,scripts}/**/*.test.ts'],
    },
    {
      ...shared,
      displayName: 'apps',
      testEnvironment: 'jsdom',
      transform: { '^.+\\.tsx?$': swc(true) },
      testMatch: ['<rootDir>/clients/**/*.test.{ts,tsx}'],
    },
  ],
};
