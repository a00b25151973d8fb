module.exports = {
  displayName: 'shared-util-seed-directory',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/util-seed-directory',
};
