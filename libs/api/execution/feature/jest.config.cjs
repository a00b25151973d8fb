module.exports = {
  displayName: 'api-execution-feature',
  preset: '../../../../jest.preset.cjs',
  rootDir: __dirname,
  // Covered through the API's integration tests (apps/api/src/app/plan-amendments.int.spec.ts) on PostgreSQL.
  passWithNoTests: true,
  coverageDirectory: '../../../../coverage/libs/api/execution/feature',
};
