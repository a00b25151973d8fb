module.exports = require('../../tools/federation/federation-config')({
  name: 'mfe-plans',
  exposes: { './routes': './apps/mfe-plans/src/exposed/routes.ts', './work-routes': './apps/mfe-plans/src/exposed/work-routes.ts' },
});
