// A remote exposes routes from a feature library, not its whole app. app.routes.ts imports them too, so
// the usage scan (which starts at main.ts) sees the workspace libraries they need and shares them.
module.exports = require('../../tools/federation/federation-config')({
  name: 'mfe-directory',
  exposes: { './routes': './apps/mfe-directory/src/exposed/routes.ts' },
});
