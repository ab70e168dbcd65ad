// Jest runs the TypeScript ESM sources directly through SWC (see docs: stack notes): the services'
// suites in Node, the apps' component suites in jsdom.
const swc = (tsx) => ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx }, target: 'es2023', transform: { react: { runtime: 'automatic' } } } }];
const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testPathIgnorePatterns: ['/node_modules/', '/.data/', '/.next/'],
  // infra/cdk.out holds a copy of the repository (the image asset): neither its packages nor its tests are ours to load.
  modulePathIgnorePatterns: ['<rootDir>/infra/cdk.out/'],
};

export default {
  testTimeout: 60_000,
  // Suites run in a worker that is replaced once it holds more than this after a suite: run in band,
  // every suite's PGlite and servers stayed in one heap (5.6 GB by the middle of the run), and
  // garbage collection took a growing share of the run.
  workerIdleMemoryLimit: '1GB',
  projects: [
    {
      ...shared,
      displayName: 'services',
      testEnvironment: 'node',
      transform: { '^.+\\.ts$': swc(false) },
      testMatch: ['<rootDir>/{libs,subgraphs,simulators,router,e2e,scripts,infra}/**/*.test.ts'],
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
