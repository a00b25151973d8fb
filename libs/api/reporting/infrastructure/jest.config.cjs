module.exports = {
  displayName: 'api-reporting-infrastructure',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/reporting/infrastructure',
  // Integration specs (*.int.spec.ts) run on the embedded PostgreSQL the testing library starts.
  globalSetup: '../../shared/testing/src/global-setup.ts',
  globalTeardown: '../../shared/testing/src/global-teardown.ts',
  testTimeout: 60000,
  transformIgnorePatterns: ['/node_modules/(?!(jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
};
