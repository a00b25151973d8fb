module.exports = {
  displayName: 'api-shared-kernel',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/shared/kernel',
};
