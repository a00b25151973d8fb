module.exports = {
  displayName: 'api-organization-infrastructure',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/organization/infrastructure',
};
