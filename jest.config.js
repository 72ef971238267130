// Projects: `unit` (pure logic, no engines, runs in parallel); `workflows` (Temporal on the
// time-skipping server and the CLI end to end) and `engines` (the real engines), run in band:
// they share servers and two cores.
// Transpile only (isolatedModules): type checking is the build's job (tsc -b), which npm test runs first.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
// Libraries are tested from source; workflow bundles and the CLI use the built packages.
const moduleNameMapper = { '^@wc/(rules|contracts|claim-lifecycle|payment-files|messaging|service-kit)$': '<rootDir>/libs/$1/src' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/libs', '<rootDir>/tools'],
      testMatch: ['**/src/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
    },
    {
      // Temporal workflows on the time-skipping server, replay of recorded histories, the CLI end to end.
      displayName: 'workflows',
      testEnvironment: 'node',
      roots: ['<rootDir>/workflows', '<rootDir>/tools'],
      testMatch: ['<rootDir>/workflows/src/**/*.test.ts', '**/*.e2e.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
    },
    {
      // The real engines (Temporal dev server, Kafka, PostgreSQL, test server), started once by
      // deploy/local for this run; the workflows project reuses the test server they start.
      displayName: 'engines',
      testEnvironment: 'node',
      roots: ['<rootDir>/deploy/local'],
      testMatch: ['**/*.smoke.test.js'],
      transform: {},
      globalSetup: '<rootDir>/deploy/local/jest-global-setup.js',
      globalTeardown: '<rootDir>/deploy/local/jest-global-teardown.js',
    },
  ],
};
