import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildRealmModels, serializeRealmExport } from '@dieu-hanh/identity/realm-model';
import { findSeedsDir } from '@dieu-hanh/shared/util-seed-directory';
import { startDevIdp } from './app/dev-idp';

/** `main.js` serves the dev login server; `main.js export-realms <dir>` writes the Keycloak realm exports. */
async function main(): Promise<void> {
  const seedsDir = process.env['SEEDS_DIR'] ?? findSeedsDir();
  if (process.argv[2] === 'export-realms') {
    const dir = resolve(process.argv[3] ?? 'docker/keycloak/realms');
    mkdirSync(dir, { recursive: true });
    for (const model of buildRealmModels(seedsDir)) {
      const file = join(dir, `${model.realm}-realm.json`);
      writeFileSync(file, serializeRealmExport(model));
      console.log(`wrote ${file}`);
    }
    return;
  }
  const port = Number(process.env['PORT'] ?? 8080);
  const idp = await startDevIdp({
    port,
    publicUrl: process.env['DEV_IDP_PUBLIC_URL'],
    seedsDir,
    accessTokenTtl: Number(process.env['DEV_IDP_ACCESS_TOKEN_TTL'] ?? 300),
    log: (line) => process.stdout.write(`${JSON.stringify(line)}\n`),
  });
  process.stdout.write(`${JSON.stringify({ msg: `dev login server on ${idp.url}`, realms: idp.realms.map((r) => `${idp.url}/realms/${r.realm}`) })}\n`);
  const stop = () => void idp.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
