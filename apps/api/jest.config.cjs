module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/api',
  globalSetup: '../../libs/api/shared/testing/src/global-setup.ts',
  globalTeardown: '../../libs/api/shared/testing/src/global-teardown.ts',
  testTimeout: 30000,
};
