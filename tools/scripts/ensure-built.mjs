// Builds a project if its output is missing (used by `npm run migrate` and `npm run seed`).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ensureInstalled, nx, root } from './lib.mjs';

const project = process.argv[2];
ensureInstalled();
if (!existsSync(join(root, 'dist/apps', project, 'main.js'))) nx(['build', project, '--output-style=static']);
