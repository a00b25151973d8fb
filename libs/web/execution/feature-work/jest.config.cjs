module.exports = {
  displayName: 'web-execution-feature-work',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/execution/feature-work',
};
