const config = require('../../tools/federation/federation-config')({
  name: 'mfe-plans',
  exposes: {
    './routes': './apps/mfe-plans/src/exposed/routes.ts',
    './work-routes': './apps/mfe-plans/src/exposed/work-routes.ts',
    './report-routes': './apps/mfe-plans/src/exposed/report-routes.ts',
  },
});

// ECharts (and ngx-echarts) are used by this remote's dashboards only: bundled here, tree-shaken to the
// charts they use and loaded with the first chart, rather than shared as ~100 separate entry points.
for (const key of Object.keys(config.shared)) {
  if (/^(echarts|zrender|ngx-echarts)(\/|$)/.test(key)) delete config.shared[key];
}

module.exports = config;
