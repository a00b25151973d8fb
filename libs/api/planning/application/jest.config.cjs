module.exports = {
  displayName: 'api-planning-application',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/planning/application',
};
