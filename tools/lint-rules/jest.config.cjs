module.exports = {
  displayName: 'tools-lint-rules',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  // One child process computes the project graph and lints every probe: allow for a cold graph in CI.
  testTimeout: 180000,
  coverageDirectory: '../../coverage/tools/lint-rules',
};
