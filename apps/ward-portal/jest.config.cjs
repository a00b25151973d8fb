module.exports = {
  displayName: 'ward-portal',
  preset: '../../jest.preset.angular.cjs',
  coverageDirectory: '../../coverage/apps/ward-portal',
};
