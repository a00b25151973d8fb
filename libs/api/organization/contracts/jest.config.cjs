module.exports = {
  displayName: 'api-organization-contracts',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/organization/contracts',
};
