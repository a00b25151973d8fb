module.exports = {
  displayName: 'api-notification-feature',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  // Also covered through the API's integration tests (apps/api/src/app/plan-amendments.int.spec.ts) on PostgreSQL.
  passWithNoTests: true,
  coverageDirectory: '../../../../coverage/libs/api/notification/feature',
  // Integration specs (*.int.spec.ts) run on the embedded PostgreSQL the testing library starts.
  globalSetup: '../../shared/testing/src/global-setup.ts',
  globalTeardown: '../../shared/testing/src/global-teardown.ts',
  testTimeout: 60000,
};
