module.exports = {
  displayName: 'api-reporting-contracts',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/reporting/contracts',
};
