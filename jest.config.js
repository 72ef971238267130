// Two projects: `unit` (pure logic, no engines, runs in parallel) and, later, `engines`
// (tests against real Temporal, Kafka and PostgreSQL started by deploy/local, run in band).
// Transpile only (isolatedModules): type checking is the build's job (tsc -b), which npm test runs first.
const tsJest = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.jest.json' }];
const moduleNameMapper = { '^@wc/([a-z-]+)$': '<rootDir>/libs/$1/src' };

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/libs', '<rootDir>/tools'],
      testMatch: ['**/src/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper,
    },
  ],
};
