// Writes docker/keycloak/realms/<realm>-realm.json (Keycloak 26 realm exports) from seeds/, through
// libs/identity/realm-model: the same model the dev login server (apps/dev-idp) serves.
//
//   node tools/realm-export/realm-export.mjs           write the files (only those that changed)
//   node tools/realm-export/realm-export.mjs --check   exit 1 when a committed export is stale
//
// The TypeScript library is loaded in place with ts-node (transpile only, no build); workspace aliases
// (`@dieu-hanh/...`) are resolved from tsconfig.base.json.
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const outDir = join(root, 'docker/keycloak/realms');
const check = process.argv.includes('--check');
const require = createRequire(import.meta.url);

// Workspace aliases: exact entries of tsconfig.base.json's `paths` (the libraries' index files).
const { paths } = JSON.parse(readFileSync(join(root, 'tsconfig.base.json'), 'utf8')).compilerOptions;
const aliases = new Map(Object.entries(paths).map(([alias, [target]]) => [alias, resolve(root, target)]));
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(this, aliases.get(request) ?? request, ...rest);
};
require('ts-node').register({
  transpileOnly: true,
  skipProject: true,
  compilerOptions: {
    module: 'commonjs',
    moduleResolution: 'node10',
    target: 'es2022',
    esModuleInterop: true,
    resolveJsonModule: true,
  },
});

const { buildRealmModels, serializeRealmExport } = require(aliases.get('@dieu-hanh/identity/realm-model'));
const { findSeedsDir } = require(aliases.get('@dieu-hanh/shared/util-seed-directory'));

const seedsDir = process.env.SEEDS_DIR ? resolve(process.env.SEEDS_DIR) : findSeedsDir(root);
const wanted = new Map(
  buildRealmModels(seedsDir).map((m) => [`${m.realm}-realm.json`, serializeRealmExport(m)]),
);
const existing = existsSync(outDir) ? readdirSync(outDir).filter((f) => f.endsWith('-realm.json')) : [];
const stale = [
  ...[...wanted]
    .filter(
      ([file, text]) => !existsSync(join(outDir, file)) || readFileSync(join(outDir, file), 'utf8') !== text,
    )
    .map(([file]) => file),
  ...existing.filter((file) => !wanted.has(file)),
];
const show = (file) => relative(root, join(outDir, file));

if (check) {
  if (stale.length) {
    console.error(
      `Stale Keycloak realm exports (run \`npm run realm:export\`): ${stale.map(show).join(', ')}`,
    );
    process.exit(1);
  }
  console.log(`Keycloak realm exports are up to date (${[...wanted.keys()].map(show).join(', ')}).`);
  process.exit(0);
}

mkdirSync(outDir, { recursive: true });
for (const [file, text] of wanted) {
  if (!stale.includes(file)) {
    console.log(`unchanged ${show(file)}`);
    continue;
  }
  writeFileSync(join(outDir, file), text);
  console.log(`wrote     ${show(file)}`);
}
for (const file of existing.filter((f) => !wanted.has(f))) {
  unlinkSync(join(outDir, file));
  console.log(`removed   ${show(file)} (no such realm in seeds/identity/realms.json)`);
}
