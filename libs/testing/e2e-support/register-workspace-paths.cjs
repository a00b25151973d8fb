// Jest runs `globalSetup` and `globalTeardown` with Node's own `require`, not with its resolver, so the
// workspace's import paths (`@dieu-hanh/...` in tsconfig.base.json) do not resolve there by themselves.
// An e2e jest config requires this file first; Node then resolves them as the test files do.
// (tsconfig-paths comes with Nx.)
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { register } = require('tsconfig-paths');

const root = resolve(__dirname, '../../..');
const { compilerOptions } = JSON.parse(readFileSync(resolve(root, 'tsconfig.base.json'), 'utf8'));
register({ baseUrl: resolve(root, compilerOptions.baseUrl ?? '.'), paths: compilerOptions.paths, addMatchAll: false });
