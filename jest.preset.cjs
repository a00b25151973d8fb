// Shared Jest settings. TZ is UTC so date arithmetic in tests never depends on the machine.
process.env.TZ = 'UTC';
const nxPreset = require('@nx/jest/preset').default;
module.exports = {
  ...nxPreset,
  testEnvironment: 'node',
  // jose is ESM-only: let ts-jest transform it.
  transformIgnorePatterns: ['/node_modules/(?!(jose)/)'],
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
};
