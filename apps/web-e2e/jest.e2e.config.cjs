// Browser end-to-end: Debian's Chromium driven by playwright-core against the whole running system
// (PostgreSQL, dev login server, API, the three shells and the remote, served as production builds).
// globalSetup/globalTeardown import @dieu-hanh/testing/e2e-support: let Node's require resolve workspace paths.
require('../../libs/testing/e2e-support/register-workspace-paths.cjs');

module.exports = {
  displayName: 'web-e2e',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/src/**/*.e2e.ts'],
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 90000,
};
