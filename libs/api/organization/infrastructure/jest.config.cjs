module.exports = {
  displayName: 'api-organization-infrastructure',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/organization/infrastructure',
  // The integration specs (*.int.spec.ts) run this library's SQL on a real PostgreSQL.
  globalSetup: '../../shared/testing/src/global-setup.ts',
  globalTeardown: '../../shared/testing/src/global-teardown.ts',
  testTimeout: 60000,
};
