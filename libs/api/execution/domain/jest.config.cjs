module.exports = {
  displayName: 'api-execution-domain',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/execution/domain',
};
