// Writes docker/keycloak/realms/<realm>-realm.json from seeds/ (the same model the dev login server
// serves). Builds the dev server bundle if needed, then runs its `export-realms` command.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, nx, root } from '../scripts/lib.mjs';

ensureInstalled();
if (!existsSync(join(root, 'dist/apps/dev-idp/main.js'))) nx(['build', 'dev-idp', '--output-style=static']);
const r = spawnSync(process.execPath, [join(root, 'dist/apps/dev-idp/main.js'), 'export-realms', join(root, 'docker/keycloak/realms')], { stdio: 'inherit' });
process.exit(r.status ?? 1);
