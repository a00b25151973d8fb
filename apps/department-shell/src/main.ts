import { initFederation } from '@angular-architects/native-federation';

// The manifest of remote URLs is read at start, so a remote can be redeployed without rebuilding the shell.
initFederation('federation.manifest.json')
  .catch((err) => console.error(err))
  .then(() => import('./bootstrap'))
  .catch((err) => console.error(err));
