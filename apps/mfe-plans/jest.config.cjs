module.exports = {
  displayName: 'mfe-plans',
  preset: '../../jest.preset.angular.cjs',
  passWithNoTests: true,
  coverageDirectory: '../../coverage/apps/mfe-plans',
};
