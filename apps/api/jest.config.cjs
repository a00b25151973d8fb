module.exports = {
  displayName: 'api',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/apps/api',
  globalSetup: '../../libs/api/shared/testing/src/global-setup.ts',
  globalTeardown: '../../libs/api/shared/testing/src/global-teardown.ts',
  testTimeout: 30000,
  // file-type (evidence uploads) and its dependencies are ESM-only, like jose: let ts-jest transform them.
  transformIgnorePatterns: ['/node_modules/(?!(jose|file-type|strtok3|token-types|uint8array-extras|@tokenizer|@borewit)/)'],
};
