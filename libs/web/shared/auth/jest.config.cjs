module.exports = {
  displayName: 'web-shared-auth',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/shared/auth',
};
