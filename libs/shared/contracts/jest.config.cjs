module.exports = {
  displayName: 'shared-contracts',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/contracts',
};
