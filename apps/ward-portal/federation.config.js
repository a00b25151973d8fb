const { withNativeFederation, shareAll } = require('@angular-architects/native-federation/config');

module.exports = withNativeFederation({
  name: 'ward-portal',


  // Workspace libraries shared once, so the sign-in state (web/shared/auth) and the runtime config are
  // the same objects in the shell and in every remote.
  sharedMappings: [
    '@dieu-hanh/shared/contracts',
    '@dieu-hanh/web/shared/auth',
    '@dieu-hanh/web/shared/data-access-api',
    '@dieu-hanh/web/shared/i18n',
    '@dieu-hanh/web/shared/ui',
  ],

  shared: {
    ...shareAll({ singleton: true, strictVersion: true, requiredVersion: 'auto' }),
  },

  skip: [
    'rxjs/ajax',
    'rxjs/fetch',
    'rxjs/testing',
    'rxjs/webSocket',
    // Add further packages you don't need at runtime
  ],

  // Please read our FAQ about sharing libs:
  // https://shorturl.at/jmzH0

  features: {
    // New feature for more performance and avoiding
    // issues with node libs. Comment this out to
    // get the traditional behavior:
    ignoreUnusedDeps: true
  }
});
