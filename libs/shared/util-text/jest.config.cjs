module.exports = {
  displayName: 'shared-util-text',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/util-text',
};
