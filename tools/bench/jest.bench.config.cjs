// Benchmarks that drive the API's commands in-process on a fresh PostgreSQL (not part of `npm test`:
// figures go to docs/benchmarks.md). Run: `npm run bench:national`.
module.exports = {
  displayName: 'bench',
  preset: '../../jest.preset.cjs',
  rootDir: __dirname,
  testMatch: ['<rootDir>/**/*.bench.ts'],
  globalSetup: '../../libs/api/shared/testing/src/global-setup.ts',
  globalTeardown: '../../libs/api/shared/testing/src/global-teardown.ts',
  testTimeout: 600000,
};
