module.exports = {
  displayName: 'mfe-directory',
  preset: '../../jest.preset.angular.cjs',
  passWithNoTests: true,
  coverageDirectory: '../../coverage/apps/mfe-directory',
};
