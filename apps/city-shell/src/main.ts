import { initFederation } from '@angular-architects/native-federation';

// The manifest of remote URLs is read at start, so a remote can be redeployed without rebuilding the shell.
// Then the sign-in, before any Angular code loads: the province picker and the login page come at once,
// and the app starts once, on the session kept on the device.
initFederation('federation.manifest.json')
  .catch((err) => console.error(err))
  // (a dynamic import: shared packages resolve through the import map initFederation just set up)
  .then(() => import('@dieu-hanh/web/shared/auth/sign-in'))
  .then(({ signInBeforeAngular }) => signInBeforeAngular('city-shell'))
  .then((signedIn) => (signedIn ? import('./bootstrap') : undefined))
  .catch((err) => console.error(err));
