module.exports = {
  displayName: 'tools-docker-check',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../coverage/tools/docker-check',
};
