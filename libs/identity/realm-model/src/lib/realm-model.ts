import { createHash } from 'node:crypto';
import { loadDemoAccounts, loadDirectorySeed, loadRealmsSeed } from '@dieu-hanh/shared/util-seed-directory';

/** Public base URL of the production proxy (docker/): shells are served under it at /city, /department, /ward. */
export const DEFAULT_PUBLIC_URL = 'http://dieuhanh.localhost:8000';
const SHELL_PATHS: Record<string, string> = { 'city-shell': 'city', 'department-shell': 'department', 'ward-portal': 'ward' };

export interface RealmClient {
  clientId: string;
  name: string;
  kind: 'bearer-only' | 'confidential' | 'public';
  secret?: string;
  directAccessGrants: boolean;
  standardFlow: boolean;
  /** Keycloak-style patterns; a trailing `*` matches any rest of the URL. */
  redirectUris: string[];
  webOrigins: string[];
  postLogoutRedirectUris: string[];
}

export interface RealmGroup {
  name: string;
  path: string;
  attributes: { unit: string[]; tier: string[]; name: string[] };
}

export interface RealmUser {
  id: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  name: string;
  email: string;
  unit: string;
  tier: 1 | 2;
  roles: string[];
  groups: string[];
}

/** Everything a realm declares, built once from seeds/ for both the dev server and the Keycloak export. */
export interface RealmModel {
  realm: string;
  displayName: string;
  provinceCode: string;
  audience: string;
  accessTokenLifespan: number;
  roles: { name: string; description: string }[];
  clients: RealmClient[];
  groups: RealmGroup[];
  users: RealmUser[];
}

/** A stable user id (UUID-shaped) from realm and username, so tokens name the same subject across restarts. */
export function stableUserId(realm: string, username: string): string {
  const h = createHash('sha1').update(`${realm}:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export function buildRealmModels(seedsDir: string, options: { publicUrl?: string; accessTokenLifespan?: number } = {}): RealmModel[] {
  const realmsSeed = loadRealmsSeed(seedsDir);
  const directory = loadDirectorySeed({ seedsDir, scope: 'demo' });
  const accounts = loadDemoAccounts(seedsDir);
  const publicUrl = (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');

  const clients: RealmClient[] = realmsSeed.clients.map((c) => {
    const local = c.port ? `http://localhost:${c.port}` : null;
    const proxied = SHELL_PATHS[c.clientId] ? `${publicUrl}/${SHELL_PATHS[c.clientId]}` : null;
    const bases = [local, proxied].filter((x): x is string => !!x);
    return {
      clientId: c.clientId,
      name: c.name,
      kind: c.kind,
      secret: c.secret,
      directAccessGrants: !!c.directAccessGrants,
      standardFlow: c.kind === 'public',
      redirectUris: c.kind === 'public' ? bases.map((b) => `${b}/*`) : [],
      webOrigins: c.kind === 'public' ? [...new Set(bases.map((b) => new URL(b).origin))] : [],
      postLogoutRedirectUris: c.kind === 'public' ? bases.map((b) => `${b}/*`) : [],
    };
  });

  return realmsSeed.realms.map((r) => {
    const units = directory.units.filter((u) => u.provinceCode === r.provinceCode && u.validTo === null);
    const users = accounts
      .filter((a) => a.realm === r.realm)
      .map((a) => ({
        id: stableUserId(r.realm, a.username),
        username: a.username,
        password: a.password,
        firstName: a.firstName,
        lastName: a.lastName,
        name: `${a.lastName} ${a.firstName}`,
        email: a.email,
        unit: a.unit,
        tier: a.tier,
        roles: [...a.roles].sort(),
        groups: [`/${a.unit}`],
      }))
      .sort((x, y) => x.username.localeCompare(y.username));
    return {
      realm: r.realm,
      displayName: r.displayName,
      provinceCode: r.provinceCode,
      audience: realmsSeed.audience,
      accessTokenLifespan: options.accessTokenLifespan ?? 300,
      roles: [...realmsSeed.roles].sort((a, b) => a.name.localeCompare(b.name)),
      clients: [...clients].sort((a, b) => a.clientId.localeCompare(b.clientId)),
      groups: units
        .map((u) => ({ name: u.code, path: `/${u.code}`, attributes: { unit: [u.code], tier: [String(u.tier)], name: [u.shortName] } }))
        .sort((a, b) => a.name.localeCompare(b.name)),
      users,
    };
  });
}

/** True when `uri` matches one of Keycloak's redirect patterns (exact, or prefix before a trailing `*`). */
export function matchesRedirectPattern(patterns: string[], uri: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? uri.startsWith(p.slice(0, -1)) : uri === p));
}
