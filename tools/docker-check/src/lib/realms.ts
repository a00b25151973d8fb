import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isRecord } from './compose';
import { error, type Problem, warning } from './problem';

/** Keycloak's realm name is the last path segment of an issuer `<base>/realms/<realm>`. */
export function realmOfIssuer(issuer: string): string | undefined {
  const m = /\/realms\/([^/]+)\/?$/.exec(issuer.trim());
  return m ? decodeURIComponent(m[1]) : undefined;
}

export const issuersOf = (value: string | undefined): string[] =>
  (value ?? '')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);

/** The fields the import needs and the platform relies on. */
export function validateRealmExport(value: unknown, file: string): Problem[] {
  if (!isRecord(value)) return [error(file, 'not a JSON object')];
  const problems: Problem[] = [];
  if (typeof value['realm'] !== 'string' || !value['realm'])
    problems.push(error(file, '`realm` must be a non-empty string'));
  if (typeof value['enabled'] !== 'boolean') problems.push(error(file, '`enabled` must be a boolean'));
  else if (!value['enabled']) problems.push(warning(file, 'the realm is disabled (`enabled: false`)'));
  for (const key of ['clients', 'users', 'groups'] as const) {
    if (!Array.isArray(value[key])) problems.push(error(file, `\`${key}\` must be an array`));
  }
  const roles = value['roles'];
  if (!isRecord(roles) || !Array.isArray(roles['realm']))
    problems.push(error(file, '`roles.realm` must be an array'));
  if (Array.isArray(value['clients'])) {
    value['clients'].forEach((c, i) => {
      if (!isRecord(c) || typeof c['clientId'] !== 'string')
        problems.push(error(file, `clients[${i}] has no clientId`));
    });
  }
  return problems;
}

export interface RealmsCheckOptions {
  /** How problems name the folder, e.g. `keycloak/realms`. */
  label: string;
  /** AUTH_ISSUERS as the API gets it. */
  issuers: readonly string[];
  /** AUTH_AUDIENCE: each realm should have that client. */
  audience?: string;
  /** PUBLIC_URL: browser clients should allow redirects to it (warning only). */
  publicUrl?: string;
}

/**
 * Every file in the realm-import folder is a valid realm export (named `<realm>-realm.json` when
 * it follows that convention), and every realm named by an issuer has an export. A missing folder
 * is reported by the caller (it is allowed while the exports are still being generated).
 */
export function checkRealmsFolder(dir: string, options: RealmsCheckOptions): Problem[] {
  const { label } = options;
  const problems: Problem[] = [];
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [error(label, 'is not a folder')];
  const realms = new Map<string, Record<string, unknown>>();
  for (const name of readdirSync(dir).sort()) {
    const file = `${label}/${name}`;
    if (statSync(join(dir, name)).isDirectory()) continue;
    if (!name.endsWith('.json')) {
      problems.push(error(file, 'only .json realm exports belong here (Keycloak imports every file)'));
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(join(dir, name), 'utf8'));
    } catch (e) {
      problems.push(error(file, `invalid JSON: ${(e as Error).message}`));
      continue;
    }
    const own = validateRealmExport(parsed, file);
    problems.push(...own);
    if (!isRecord(parsed) || typeof parsed['realm'] !== 'string') continue;
    const realm = parsed['realm'];
    const named = /^(.+)-realm\.json$/.exec(name);
    if (named && named[1] !== realm)
      problems.push(error(file, `file name says realm ${named[1]} but it contains realm ${realm}`));
    if (realms.has(realm)) problems.push(error(file, `realm ${realm} is exported twice`));
    realms.set(realm, parsed);
  }
  for (const issuer of options.issuers) {
    const realm = realmOfIssuer(issuer);
    if (!realm) {
      problems.push(error(label, `issuer ${issuer} does not end in /realms/<realm>`));
      continue;
    }
    const exported = realms.get(realm);
    if (!exported) {
      problems.push(
        error(
          label,
          `issuer ${issuer} names realm ${realm}, but no export in ${label} has "realm": "${realm}"`,
        ),
      );
      continue;
    }
    const clients = Array.isArray(exported['clients']) ? exported['clients'].filter(isRecord) : [];
    if (options.audience && !clients.some((c) => c['clientId'] === options.audience)) {
      problems.push(error(label, `realm ${realm} has no client ${options.audience} (AUTH_AUDIENCE)`));
    }
    if (options.publicUrl) {
      const base = options.publicUrl.replace(/\/+$/, '');
      const browserClients = clients.filter(
        (c) => c['publicClient'] === true && c['standardFlowEnabled'] !== false,
      );
      for (const c of browserClients) {
        const uris = Array.isArray(c['redirectUris']) ? c['redirectUris'].map(String) : [];
        const ok = uris.some(
          (u) => u === '*' || u.startsWith(`${base}/`) || u.startsWith('${') || u.startsWith('/'),
        );
        if (!ok) {
          problems.push(
            warning(
              label,
              `realm ${realm}: browser client ${String(c['clientId'])} has no redirect URI under ${base}/ (login through the proxy would be refused)`,
            ),
          );
        }
      }
    }
  }
  return problems;
}
