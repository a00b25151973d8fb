// Jest settings for Angular projects (jsdom, jest-preset-angular), on top of the workspace preset.
const base = require('./jest.preset.cjs');

module.exports = {
  ...base,
  testEnvironment: 'jsdom',
  setupFilesAfterEnv: ['<rootDir>/src/test-setup.ts'],
  transform: {
    '^.+\\.(ts|mjs|js|html)$': ['jest-preset-angular', { tsconfig: '<rootDir>/tsconfig.spec.json', stringifyContentPathRegex: '\\.(html|svg)$' }],
  },
  // keycloak-js and the federation runtime are ESM-only: let them be transformed too.
  transformIgnorePatterns: ['node_modules/(?!(.*\\.mjs$|keycloak-js/|@angular-architects/native-federation/|@softarc/native-federation-runtime/))'],
  snapshotSerializers: [
    'jest-preset-angular/build/serializers/no-ng-attributes',
    'jest-preset-angular/build/serializers/ng-snapshot',
    'jest-preset-angular/build/serializers/html-comment',
  ],
};
