module.exports = {
  displayName: 'api-shared-testing',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/shared/testing',
};
