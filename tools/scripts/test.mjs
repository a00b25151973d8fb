// `npm test`: every check the project has — lint (incl. module boundaries), unit and integration
// tests on a real PostgreSQL, and end-to-end suites against the running system.
import { ensureInstalled, nx } from './lib.mjs';

const t0 = Date.now();
ensureInstalled();
nx(['run-many', '-t', 'lint', 'test', 'budget', '--parallel=2', '--output-style=static', ...process.argv.slice(2)], { TZ: 'UTC' });
nx(['run-many', '-t', 'e2e', '--parallel=1', '--output-style=static'], { TZ: 'UTC' });
console.log(`\n✔ all checks passed in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
