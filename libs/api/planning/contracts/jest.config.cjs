module.exports = {
  displayName: 'api-planning-contracts',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  coverageDirectory: '../../../../coverage/libs/api/planning/contracts',
};
