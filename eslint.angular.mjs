// ESLint for Angular projects (apps and libs): the workspace rules plus Angular's, with our "dh" prefix.
import nx from '@nx/eslint-plugin';
import baseConfig from './eslint.config.mjs';

export default [
  ...nx.configs['flat/angular'],
  ...nx.configs['flat/angular-template'],
  ...baseConfig,
  {
    files: ['**/*.ts'],
    rules: {
      '@angular-eslint/directive-selector': ['error', { type: 'attribute', prefix: 'dh', style: 'camelCase' }],
      '@angular-eslint/component-selector': ['error', { type: 'element', prefix: 'dh', style: 'kebab-case' }],
    },
  },
];
