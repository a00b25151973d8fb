module.exports = {
  displayName: 'identity-realm-model',
  preset: '../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../coverage/libs/identity/realm-model',
};
