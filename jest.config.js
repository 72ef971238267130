// Projects: `unit` (pure logic, no engines, runs in parallel); `workflows` (Temporal on the
// time-skipping server and the CLI end to end) and `engines` (the real engines: services, Kafka,
// PostgreSQL, the thin path), run in band: they share servers and two cores.
// Transpile only (isolatedModules): type checking is the build's job (tsc -b), which npm test runs first.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
// Libraries are tested from source; workflow bundles and the CLI use the built packages.
const moduleNameMapper = { '^@wc/(rules|contracts|claim-lifecycle|payment-files|messaging|service-kit)$': '<rootDir>/libs/$1/src' };
const transform = { '^.+\\.ts$': tsJest };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/libs', '<rootDir>/tools', '<rootDir>/services', '<rootDir>/deploy', '<rootDir>/apps'],
      testMatch: ['**/src/**/*.test.ts', '<rootDir>/deploy/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '\\.e2e\\.test\\.ts$', '\\.engines\\.test\\.ts$'],
      transform,
      moduleNameMapper,
    },
    {
      // Temporal workflows on the time-skipping server, replay of recorded histories, the CLI end to end.
      displayName: 'workflows',
      testEnvironment: 'node',
      roots: ['<rootDir>/workflows', '<rootDir>/tools'],
      testMatch: ['<rootDir>/workflows/src/**/*.test.ts', '**/*.e2e.test.ts'],
      transform,
      moduleNameMapper,
    },
    {
      // The real engines (Temporal dev server, Kafka, PostgreSQL, test server, mailbox), started once by
      // deploy/local for this run; the workflows project reuses the test server they start.
      displayName: 'engines',
      testEnvironment: 'node',
      roots: ['<rootDir>/deploy/local', '<rootDir>/libs', '<rootDir>/services', '<rootDir>/tests'],
      // .js only under deploy: plain CommonJS beside the harness, never a compiled copy in some dist.
      testMatch: ['**/*.smoke.test.js', '**/*.engines.test.ts', '<rootDir>/deploy/**/*.engines.test.js'],
      transform,
      moduleNameMapper,
      globalSetup: '<rootDir>/deploy/local/jest-global-setup.js',
      globalTeardown: '<rootDir>/deploy/local/jest-global-teardown.js',
    },
  ],
};
