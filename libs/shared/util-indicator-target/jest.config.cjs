module.exports = {
  displayName: 'shared-util-indicator-target',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/util-indicator-target',
};
