// One shared preset for every workspace: TypeScript through SWC, kept as ESM, workspace packages
// resolved to their sources through the `@lexforge/source` export condition.

/** @type {import('jest').Config} */
const config = {
  rootDir: import.meta.dirname,
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  testEnvironment: 'node',
  testEnvironmentOptions: {
    customExportConditions: ['@lexforge/source', 'node', 'node-addons'],
  },
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'es6' },
      },
    ],
  },
  globalSetup: '<rootDir>/test/_util/global-setup.ts',
  globalTeardown: '<rootDir>/test/_util/global-teardown.ts',
  testTimeout: 30_000,
  maxWorkers: 2,
};

export default config;
