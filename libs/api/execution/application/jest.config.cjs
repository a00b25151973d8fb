module.exports = {
  displayName: 'api-execution-application',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/execution/application',
};
