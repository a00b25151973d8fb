module.exports = {
  displayName: 'api-execution-infrastructure',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/execution/infrastructure',
  // Integration specs (*.int.spec.ts) run on the embedded PostgreSQL the testing library starts.
  globalSetup: '../../shared/testing/src/global-setup.ts',
  globalTeardown: '../../shared/testing/src/global-teardown.ts',
  testTimeout: 30000,
};
