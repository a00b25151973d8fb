module.exports = {
  displayName: 'web-shared-ui',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/shared/ui',
};
