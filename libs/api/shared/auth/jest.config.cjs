module.exports = {
  displayName: 'api-shared-auth',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/shared/auth',
};
