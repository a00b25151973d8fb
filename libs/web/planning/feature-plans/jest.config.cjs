module.exports = {
  displayName: 'web-planning-feature-plans',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/planning/feature-plans',
};
