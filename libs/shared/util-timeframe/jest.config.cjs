module.exports = {
  displayName: 'shared-util-timeframe',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/shared/util-timeframe',
};
