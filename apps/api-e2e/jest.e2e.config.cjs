// End-to-end: the built API and dev login server as real processes, on a fresh PostgreSQL.
// Run through the e2e target (it builds first); the file name keeps @nx/jest from inferring a unit test target.
// globalSetup/globalTeardown import @dieu-hanh/testing/e2e-support: let Node's require resolve workspace paths.
require('../../libs/testing/e2e-support/register-workspace-paths.cjs');

module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 60000,
};
