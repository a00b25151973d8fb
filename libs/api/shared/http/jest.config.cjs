module.exports = {
  displayName: 'api-shared-http',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/shared/http',
};
