module.exports = {
  displayName: 'web-shared-data-access-api',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/shared/data-access-api',
};
