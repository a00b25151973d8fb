module.exports = {
  displayName: 'ward-portal',
  preset: '../../jest.preset.angular.cjs',
  passWithNoTests: true,
  coverageDirectory: '../../coverage/apps/ward-portal',
};
