module.exports = {
  displayName: 'api-execution-infrastructure',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/execution/infrastructure',
  // Integration specs (*.int.spec.ts) run on the embedded PostgreSQL the testing library starts.
  globalSetup: '../../shared/testing/src/global-setup.ts',
  globalTeardown: '../../shared/testing/src/global-teardown.ts',
  testTimeout: 30000,
  // file-type (evidence type detection) and its dependencies are ESM-only, like jose: let ts-jest transform them.
  transformIgnorePatterns: ['/node_modules/(?!(jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
};
