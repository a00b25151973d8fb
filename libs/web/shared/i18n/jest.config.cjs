module.exports = {
  displayName: 'web-shared-i18n',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/shared/i18n',
};
