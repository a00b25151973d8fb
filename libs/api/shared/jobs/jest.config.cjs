module.exports = {
  displayName: 'api-shared-jobs',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/shared/jobs',
  // Integration specs (*.int.spec.ts) run on the embedded PostgreSQL the testing library starts.
  globalSetup: '../testing/src/global-setup.ts',
  globalTeardown: '../testing/src/global-teardown.ts',
  testTimeout: 30000,
};
