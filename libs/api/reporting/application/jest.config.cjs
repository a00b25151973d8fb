module.exports = {
  displayName: 'api-reporting-application',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/reporting/application',
};
