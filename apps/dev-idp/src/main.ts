// First: oidc-provider prints its Node 20 warning while it loads (see the file).
import './oidc-provider-node20';
import { join, resolve } from 'node:path';
import { findSeedsDir } from '@dieu-hanh/shared/util-seed-directory';
import { startDevIdp } from './app/dev-idp';

/**
 * The dev login server. Environment:
 *   PORT                      listening port (8080)
 *   DEV_IDP_PUBLIC_URL        base URL of the issuers (http://localhost:$PORT)
 *   DEV_IDP_ACCESS_TOKEN_TTL  access-token lifetime in seconds (300, Keycloak's default)
 *   SEEDS_DIR                 seeds folder (found by walking up from the working directory)
 *   DEV_IDP_DATA_DIR          where signing keys are kept across restarts (<repo>/.data/dev-idp);
 *                             `memory` keeps them in memory only
 */
async function main(): Promise<void> {
  const env = process.env;
  const seedsDir = env['SEEDS_DIR'] ? resolve(env['SEEDS_DIR']) : findSeedsDir();
  const port = integer('PORT', 8080, 0);
  const dataDir = env['DEV_IDP_DATA_DIR'] ?? join(seedsDir, '..', '.data', 'dev-idp');
  const log = (line: object) => process.stdout.write(`${JSON.stringify(line)}\n`);
  const idp = await startDevIdp({
    port,
    publicUrl: env['DEV_IDP_PUBLIC_URL'] || undefined,
    seedsDir,
    accessTokenTtl: integer('DEV_IDP_ACCESS_TOKEN_TTL', 300),
    keysDir: dataDir === 'memory' || dataDir === '' ? null : resolve(dataDir),
    log,
  });
  log({
    msg: `dev login server on ${idp.url}`,
    port,
    realms: idp.realms.map((r) => `${idp.url}/realms/${r.realm}`),
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ msg: `${signal}: stopping` });
    void idp.close().then(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

function integer(name: string, fallback: number, min = 1): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min)
    throw new Error(`${name} must be an integer ≥ ${min}, got "${raw}"`);
  return value;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
