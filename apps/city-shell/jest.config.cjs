module.exports = {
  displayName: 'city-shell',
  preset: '../../jest.preset.angular.cjs',
  coverageDirectory: '../../coverage/apps/city-shell',
};
