module.exports = {
  displayName: 'testing-e2e-support',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/testing/e2e-support',
};
