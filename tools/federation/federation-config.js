// Native Federation settings shared by every shell and remote: one place decides what is shared.
const { withNativeFederation, shareAll } = require('@angular-architects/native-federation/config');
const { installDisposeComponentStylesheets } = require('./dispose-component-stylesheets');

// Builds of shells and remotes load this file first: close the esbuild contexts Angular's compiler plugin
// leaves open, which otherwise end a successful build with an esbuild "deadlock!" dump (see that file).
installDisposeComponentStylesheets();

/**
 * @param {{ name: string, exposes?: Record<string, string> }} options
 */
module.exports = function dieuHanhFederation({ name, exposes }) {
  return withNativeFederation({
    name,
    ...(exposes ? { exposes } : {}),
    // Workspace libraries shared once, so the sign-in state (web/shared/auth) and the runtime config are
    // the same objects in the shell and in every remote.
    sharedMappings: [
      '@dieu-hanh/shared/contracts',
      '@dieu-hanh/web/shared/auth',
      // The Angular-free sign-in a shell's main.ts runs before the app loads (its own small bundle).
      '@dieu-hanh/web/shared/auth/sign-in',
      '@dieu-hanh/web/shared/data-access-api',
      '@dieu-hanh/web/shared/i18n',
      '@dieu-hanh/web/shared/ui',
    ],
    // npm packages are singletons with strict versions: one Angular, one router, one rxjs.
    shared: { ...shareAll({ singleton: true, strictVersion: true, requiredVersion: 'auto' }) },
    skip: ['rxjs/ajax', 'rxjs/fetch', 'rxjs/testing', 'rxjs/webSocket'],
    features: {
      // Share only what the app uses, starting from its main.ts (remotes import what they expose there).
      ignoreUnusedDeps: true,
    },
  });
};
