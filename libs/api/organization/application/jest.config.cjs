module.exports = {
  displayName: 'api-organization-application',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/organization/application',
};
