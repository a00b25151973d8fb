module.exports = {
  displayName: 'tools-architecture',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/architecture',
};
