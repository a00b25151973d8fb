import { createHash } from 'node:crypto';
import { vietnamDate } from '@dieu-hanh/shared/util-timeframe';
import {
  type DemoAccount,
  type RealmsSeed,
  type SeedProvince,
  type SeedUnit,
  loadDemoAccounts,
  loadDirectorySeed,
  loadRealmsSeed,
} from '@dieu-hanh/shared/util-seed-directory';

/** Public base URL of the production proxy (docker/): shells are served under it at /city, /department, /ward. */
export const DEFAULT_PUBLIC_URL = 'http://dieuhanh.localhost:8000';
/** Keycloak's default access-token lifespan (seconds). */
export const DEFAULT_ACCESS_TOKEN_LIFESPAN = 300;
const SHELL_PATHS: Record<string, string> = {
  'city-shell': 'city',
  'department-shell': 'department',
  'ward-portal': 'ward',
};

export interface RealmClient {
  clientId: string;
  name: string;
  kind: 'bearer-only' | 'confidential' | 'public';
  secret?: string;
  directAccessGrants: boolean;
  standardFlow: boolean;
  /** Public clients use authorization code + PKCE (S256). */
  pkce: boolean;
  /** Keycloak-style patterns; a trailing `*` matches any rest of the URL. */
  redirectUris: string[];
  webOrigins: string[];
  postLogoutRedirectUris: string[];
}

export interface RealmGroup {
  /** The unit code. */
  name: string;
  /** Keycloak group path: `/<unit code>`. */
  path: string;
  attributes: { unit: string[]; tier: string[]; name: string[] };
}

export interface RealmUser {
  /** Stable UUID-shaped subject (see {@link stableUserId}); the same in the dev server and in Keycloak. */
  id: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  /** Vietnamese order: family name first (Keycloak's full-name mapper would say "first last"). */
  name: string;
  email: string;
  unit: string;
  tier: 1 | 2;
  /** Realm roles, sorted. */
  roles: string[];
  /** Group paths: the user's unit. */
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

export interface RealmModelOptions {
  /** Base URL of the production proxy serving the shells (adds its redirect URIs). */
  publicUrl?: string;
  accessTokenLifespan?: number;
  /** yyyy-MM-dd: units valid on this day become groups. Default: today in Vietnam. */
  asOf?: string;
}

/** The seed data a realm model is made of: `seeds/identity/*.json` and the unit directory. */
export interface RealmSeeds {
  realmsSeed: RealmsSeed;
  accounts: DemoAccount[];
  directory: { provinces: SeedProvince[]; units: SeedUnit[] };
}

/** A stable user id (UUID-shaped) from realm and username, so tokens name the same subject across restarts. */
export function stableUserId(realm: string, username: string): string {
  const h = createHash('sha1').update(`${realm}:${username}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Today (yyyy-MM-dd) in Vietnam: the same rule as the API's Clock.today(). */
export function todayInVietnam(now: Date = new Date()): string {
  return vietnamDate(now);
}

/** True when the unit exists on `day` (validFrom ≤ day ≤ validTo, an open validTo meaning "still exists"). */
export function unitValidOn(unit: Pick<SeedUnit, 'validFrom' | 'validTo'>, day: string): boolean {
  return unit.validFrom <= day && (unit.validTo === null || unit.validTo >= day);
}

/** Reads seeds/ and builds one model per realm of `seeds/identity/realms.json`. */
export function buildRealmModels(seedsDir: string, options: RealmModelOptions = {}): RealmModel[] {
  return realmModelsFromSeeds(
    {
      realmsSeed: loadRealmsSeed(seedsDir),
      accounts: loadDemoAccounts(seedsDir),
      directory: loadDirectorySeed({ seedsDir, scope: 'demo' }),
    },
    options,
  );
}

/**
 * The pure part of {@link buildRealmModels}: realms with their roles and clients, a group per unit of the
 * realm's province valid on `asOf`, and the demo users. Throws when the seeds contradict each other (an
 * account in an unknown realm, of a unit that is not a current unit of its province, with another tier,
 * or with an undeclared role), listing every problem.
 */
export function realmModelsFromSeeds(seeds: RealmSeeds, options: RealmModelOptions = {}): RealmModel[] {
  const { realmsSeed, accounts, directory } = seeds;
  const publicUrl = (options.publicUrl ?? DEFAULT_PUBLIC_URL).replace(/\/+$/, '');
  const asOf = options.asOf ?? todayInVietnam();
  const problems: string[] = [];

  const clients: RealmClient[] = realmsSeed.clients
    .map((c): RealmClient => {
      const isPublic = c.kind === 'public';
      const local = c.port ? `http://localhost:${c.port}` : null;
      const proxied = SHELL_PATHS[c.clientId] ? `${publicUrl}/${SHELL_PATHS[c.clientId]}` : null;
      const bases = isPublic ? [local, proxied].filter((x): x is string => !!x) : [];
      if (c.kind === 'confidential' && !c.secret)
        problems.push(`realms.json: confidential client ${c.clientId} has no secret`);
      return {
        clientId: c.clientId,
        name: c.name,
        kind: c.kind,
        ...(c.kind === 'confidential' ? { secret: c.secret } : {}),
        directAccessGrants: c.kind === 'confidential' && !!c.directAccessGrants,
        standardFlow: isPublic,
        pkce: isPublic,
        redirectUris: bases.map((b) => `${b}/*`),
        webOrigins: [...new Set(bases.map((b) => new URL(b).origin))],
        postLogoutRedirectUris: bases.map((b) => `${b}/*`),
      };
    })
    .sort((a, b) => cmp(a.clientId, b.clientId));
  const roles = [...realmsSeed.roles].sort((a, b) => cmp(a.name, b.name));
  const roleNames = new Set(roles.map((r) => r.name));
  const realmNames = new Set(realmsSeed.realms.map((r) => r.realm));

  for (const a of accounts) {
    if (!realmNames.has(a.realm))
      problems.push(
        `demo-accounts.json: ${a.username} is in realm ${a.realm}, which realms.json does not declare`,
      );
  }

  const models = realmsSeed.realms.map((r): RealmModel => {
    const province = directory.provinces.find((p) => p.code === r.provinceCode);
    if (!province)
      problems.push(`realms.json: realm ${r.realm}: province ${r.provinceCode} is not in the unit directory`);
    else if (province.realm !== r.realm)
      problems.push(
        `realms.json: realm ${r.realm}: the unit directory names province ${r.provinceCode}'s realm ${province.realm}`,
      );

    const units = directory.units.filter((u) => u.provinceCode === r.provinceCode && unitValidOn(u, asOf));
    const unitByCode = new Map(units.map((u) => [u.code, u]));
    const users = accounts
      .filter((a) => a.realm === r.realm)
      .map((a): RealmUser => {
        const unit = unitByCode.get(a.unit);
        if (!unit)
          problems.push(
            `demo-accounts.json: ${r.realm}/${a.username}: unit ${a.unit} is not a unit of province ${r.provinceCode} valid on ${asOf}`,
          );
        else if (unit.tier !== a.tier)
          problems.push(
            `demo-accounts.json: ${r.realm}/${a.username}: tier ${a.tier}, but unit ${a.unit} is tier ${unit.tier}`,
          );
        for (const role of a.roles)
          if (!roleNames.has(role))
            problems.push(
              `demo-accounts.json: ${r.realm}/${a.username}: role ${role} is not declared in realms.json`,
            );
        return {
          id: stableUserId(r.realm, a.username),
          username: a.username,
          password: a.password,
          firstName: a.firstName,
          lastName: a.lastName,
          name: `${a.lastName} ${a.firstName}`,
          email: a.email,
          unit: a.unit,
          tier: a.tier,
          roles: [...new Set(a.roles)].sort(cmp),
          groups: [`/${a.unit}`],
        };
      })
      .sort((x, y) => cmp(x.username, y.username));

    return {
      realm: r.realm,
      displayName: r.displayName,
      provinceCode: r.provinceCode,
      audience: realmsSeed.audience,
      accessTokenLifespan: options.accessTokenLifespan ?? DEFAULT_ACCESS_TOKEN_LIFESPAN,
      roles,
      clients,
      groups: units
        .map((u) => ({
          name: u.code,
          path: `/${u.code}`,
          attributes: { unit: [u.code], tier: [String(u.tier)], name: [u.shortName] },
        }))
        .sort((a, b) => cmp(a.name, b.name)),
      users,
    };
  });

  if (problems.length)
    throw new Error(`The identity seeds contradict each other:\n- ${problems.join('\n- ')}`);
  return models.sort((a, b) => cmp(a.realm, b.realm));
}

/** True when `uri` matches one of Keycloak's redirect patterns (exact, or prefix before a trailing `*`). */
export function matchesRedirectPattern(patterns: string[], uri: string): boolean {
  return patterns.some((p) => (p.endsWith('*') ? uri.startsWith(p.slice(0, -1)) : uri === p));
}

/** Code-point order: stable across machines and locales (localeCompare is not). */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
