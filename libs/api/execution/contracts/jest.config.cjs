module.exports = {
  displayName: 'api-execution-contracts',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/execution/contracts',
};
