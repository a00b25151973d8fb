module.exports = {
  displayName: 'api-planning-infrastructure',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/planning/infrastructure',
  // The integration specs (*.int.spec.ts) run the handlers and the SQL on a real PostgreSQL.
  globalSetup: '../../shared/testing/src/global-setup.ts',
  globalTeardown: '../../shared/testing/src/global-teardown.ts',
  testTimeout: 60000,
};
