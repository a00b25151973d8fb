module.exports = {
  displayName: 'shared-util-seed-plans',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/util-seed-plans',
};
