import { randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { type JWK, exportJWK, generateKeyPair, importJWK } from 'jose';

export interface SigningKey {
  kid: string;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** The private JWK (with kid, alg and use) for oidc-provider's keystore. */
  jwk: JWK;
}

/**
 * The realm's RS256 signing key. With `dir`, the key is kept in `<dir>/<realm>.jwk.json` so tokens stay
 * valid across restarts; without it (or when the folder cannot be written) it lives in memory only.
 * Two servers starting at once agree on one file: it is created with an exclusive hard link.
 */
export async function realmSigningKey(
  realm: string,
  dir: string | null,
  log: (line: object) => void,
): Promise<SigningKey> {
  if (dir) {
    const file = join(dir, `${realm}.jwk.json`);
    const stored = await readKey(file);
    if (stored) return stored;
    const fresh = await newKey(realm);
    try {
      // Only the key folder is private: `recursive` would give its mode to every folder it creates, and a
      // private `.data` would lock the embedded PostgreSQL's own user out of `.data/postgres`.
      mkdirSync(dirname(dir), { recursive: true });
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(tmp, `${JSON.stringify(fresh.jwk, null, 2)}\n`, { mode: 0o600 });
      try {
        linkSync(tmp, file);
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      } finally {
        unlinkSync(tmp);
      }
      const winner = await readKey(file);
      if (winner) return winner;
    } catch (e) {
      log({
        level: 'warn',
        msg: `signing key of realm ${realm} kept in memory only: ${(e as Error).message}`,
      });
    }
    return fresh;
  }
  return newKey(realm);
}

async function newKey(realm: string): Promise<SigningKey> {
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `${realm}-${randomBytes(6).toString('hex')}`;
  return {
    kid,
    privateKey,
    publicKey,
    jwk: { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' },
  };
}

async function readKey(file: string): Promise<SigningKey | null> {
  let jwk: JWK;
  try {
    jwk = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
  if (jwk.kty !== 'RSA' || !jwk.d || !jwk.kid) return null;
  const { d, p, q, dp, dq, qi, ...pub } = jwk;
  void [d, p, q, dp, dq, qi];
  return {
    kid: jwk.kid,
    privateKey: (await importJWK({ ...jwk, alg: 'RS256' }, 'RS256', { extractable: true })) as CryptoKey,
    publicKey: (await importJWK({ ...pub, alg: 'RS256' }, 'RS256')) as CryptoKey,
    jwk: { ...jwk, alg: 'RS256', use: 'sig' },
  };
}
