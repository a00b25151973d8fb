module.exports = {
  displayName: 'api-reporting-feature',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/reporting/feature',
};
