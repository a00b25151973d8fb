module.exports = {
  displayName: 'api-organization-domain',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/organization/domain',
};
