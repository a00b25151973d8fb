module.exports = {
  displayName: 'city-shell',
  preset: '../../jest.preset.angular.cjs',
  passWithNoTests: true,
  coverageDirectory: '../../coverage/apps/city-shell',
};
