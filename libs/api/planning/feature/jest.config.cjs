module.exports = {
  displayName: 'api-planning-feature',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  // Covered through the API's integration tests (apps/api), which exercise this library against PostgreSQL.
  passWithNoTests: true,
  coverageDirectory: '../../../../coverage/libs/api/planning/feature',
};
