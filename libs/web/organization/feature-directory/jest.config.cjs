module.exports = {
  displayName: 'web-organization-feature-directory',
  preset: '../../../../jest.preset.angular.cjs',
  coverageDirectory: '../../../../coverage/libs/web/organization/feature-directory',
};
