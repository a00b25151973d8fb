module.exports = {
  displayName: 'api-planning-domain',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/planning/domain',
};
