module.exports = {
  displayName: 'api-reporting-domain',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/reporting/domain',
};
