module.exports = {
  displayName: 'api-organization-feature',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/organization/feature',
};
