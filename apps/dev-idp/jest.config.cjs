// The dev login server is tested as it runs: the built bundle in a child process (oidc-provider is
// ESM-only and is not loaded into Jest's module system).
module.exports = {
  displayName: 'dev-idp',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  globalSetup: '<rootDir>/src/test/global-setup.ts',
  globalTeardown: '<rootDir>/src/test/global-teardown.ts',
  testTimeout: 30000,
};
