import { initFederation } from '@angular-architects/native-federation';

// The service worker first: it fetches the rest of the app into its cache while this page starts and
// while the officer signs in, so the next start (and a start without network) needs nothing else.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  navigator.serviceWorker.register('sw.js').catch((err) => console.warn('service worker not registered', err));
}

// The manifest of remote URLs is read at start, so a remote can be redeployed without rebuilding the shell.
// Then the sign-in, before any Angular code loads: the province picker and the login page come at once,
// and the app starts once, on the session kept on the device.
initFederation('federation.manifest.json')
  .catch((err) => console.error(err))
  // (a dynamic import: shared packages resolve through the import map initFederation just set up)
  .then(() => import('@dieu-hanh/web/shared/auth/sign-in'))
  .then(({ signInBeforeAngular }) => signInBeforeAngular('ward-portal'))
  .then((signedIn) => (signedIn ? import('./bootstrap') : undefined))
  .catch((err) => console.error(err));
