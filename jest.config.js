// Three kinds of tests, run separately by `npm test`: see README "Tests".
const swc = ['@swc/jest', { swcrc: false, ...require('./jest.swc.json') }];
const shared = {
  rootDir: __dirname,
  transform: { '^.+\\.ts$': swc },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: {
    '^#libs/(.*)$': '<rootDir>/libs/$1',
    // test/support/openapi-metadata.ts is generated with the `.js` specifiers nodenext wants; the sources are .ts.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testEnvironment: 'node',
  clearMocks: true,
  // The dashboard is its own npm project with its own tests (Vitest, Playwright); .data holds the
  // local PostgreSQL and Redis files.
  modulePathIgnorePatterns: ['<rootDir>/web/', '<rootDir>/dist/', '<rootDir>/.data/'],
};

module.exports = {
  projects: [
    { ...shared, displayName: 'unit', testMatch: ['<rootDir>/{src,libs,test/unit}/**/*.spec.ts'] },
    {
      ...shared,
      displayName: 'integration',
      testMatch: ['<rootDir>/test/integration/**/*.integration-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/test-timeout.ts'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/test/e2e/**/*.e2e-spec.ts'],
      globalSetup: '<rootDir>/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/test/support/global-teardown.ts',
      setupFiles: ['<rootDir>/test/support/test-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/support/test-timeout.ts'],
    },
  ],
};
