module.exports = {
  displayName: 'web-reporting-feature-reports',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/reporting/feature-reports',
};
