module.exports = {
  displayName: 'api-planning-feature',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  // Controllers are covered by the API's integration tests (apps/api); the DTOs are checked against real plans here.
  coverageDirectory: '../../../../coverage/libs/api/planning/feature',
};
