import { readSeedText } from './read-seed-files';
import { SeedError } from './seed-error';
import { isObject, ShapeChecker, show } from './shape';
import type { DemoAccount, RealmClientKind, RealmsSeed } from './types';

export const DEMO_ACCOUNTS_JSON = 'identity/demo-accounts.json';
export const REALMS_JSON = 'identity/realms.json';

function readJson(seedsDir: string, rel: string): unknown {
  try {
    return JSON.parse(readSeedText(seedsDir, rel));
  } catch (e) {
    if (e instanceof SeedError) throw e;
    throw new SeedError(`${rel}: not valid JSON (${(e as Error).message})`);
  }
}

/** The demo accounts of `seeds/identity/demo-accounts.json`, shape-checked. */
export function loadDemoAccounts(seedsDir: string): DemoAccount[] {
  const raw = readJson(seedsDir, DEMO_ACCOUNTS_JSON);
  const problems: string[] = [];
  const check = new ShapeChecker(problems);
  if (!isObject(raw) || !Array.isArray(raw['accounts']))
    throw new SeedError(`${DEMO_ACCOUNTS_JSON}: must hold { "accounts": [...] }`);
  const seen = new Set<string>();
  const accounts = raw['accounts'].map((a, i): DemoAccount | null => {
    const at = `${DEMO_ACCOUNTS_JSON}: accounts[${i}]${isObject(a) && typeof a['username'] === 'string' ? ` ${a['username']}` : ''}`;
    if (!isObject(a)) {
      check.problem(at, 'must be an object');
      return null;
    }
    check.onlyKeys(
      a,
      ['realm', 'username', 'password', 'firstName', 'lastName', 'email', 'unit', 'tier', 'roles', 'title'],
      at,
    );
    const s = (k: string) => check.string(a, k, at);
    const account = {
      realm: s('realm'),
      username: s('username'),
      password: s('password'),
      firstName: s('firstName'),
      lastName: s('lastName'),
      email: s('email'),
      unit: s('unit'),
      tier: check.oneOf(a, 'tier', [1, 2] as const, at),
      roles: check.stringArray(a, 'roles', at),
      title: s('title'),
    };
    const key = `${account.realm}/${account.username}`;
    if (seen.has(key)) check.problem(at, `${key} is listed twice`);
    seen.add(key);
    return Object.values(account).every((v) => v !== undefined) ? (account as DemoAccount) : null;
  });
  if (problems.length) throw new SeedError(problems);
  return accounts.filter((a): a is DemoAccount => a !== null);
}

const CLIENT_KINDS: readonly RealmClientKind[] = ['bearer-only', 'confidential', 'public'];

/** The login realms, roles and clients of `seeds/identity/realms.json`, shape-checked. */
export function loadRealmsSeed(seedsDir: string): RealmsSeed {
  const raw = readJson(seedsDir, REALMS_JSON);
  const problems: string[] = [];
  const check = new ShapeChecker(problems);
  if (!isObject(raw)) throw new SeedError(`${REALMS_JSON}: must hold a JSON object`);
  check.onlyKeys(raw, ['version', 'description', 'roles', 'clients', 'audience', 'realms'], REALMS_JSON);
  if (typeof raw['version'] !== 'number')
    check.problem(REALMS_JSON, `version must be a number, got ${show(raw['version'])}`);
  check.string(raw, 'audience', REALMS_JSON);
  check.string(raw, 'description', REALMS_JSON, { optional: true });
  const each = (key: string, fn: (o: Record<string, unknown>, at: string) => void) =>
    (check.array(raw, key, REALMS_JSON) ?? []).forEach((o, i) => {
      const at = `${REALMS_JSON}: ${key}[${i}]`;
      if (isObject(o)) fn(o, at);
      else check.problem(at, 'must be an object');
    });
  each('roles', (o, at) => {
    check.onlyKeys(o, ['name', 'description'], at);
    check.string(o, 'name', at);
    check.string(o, 'description', at);
  });
  each('clients', (o, at) => {
    check.onlyKeys(o, ['clientId', 'kind', 'name', 'secret', 'directAccessGrants', 'port'], at);
    check.string(o, 'clientId', at);
    check.oneOf(o, 'kind', CLIENT_KINDS, at);
    check.string(o, 'name', at);
    check.string(o, 'secret', at, { optional: true });
    if (o['directAccessGrants'] !== undefined && typeof o['directAccessGrants'] !== 'boolean')
      check.problem(at, 'directAccessGrants must be true or false');
    if (o['port'] !== undefined && !(Number.isInteger(o['port']) && (o['port'] as number) > 0))
      check.problem(at, 'port must be a positive integer');
  });
  each('realms', (o, at) => {
    check.onlyKeys(o, ['realm', 'provinceCode', 'displayName'], at);
    const realm = check.string(o, 'realm', at);
    if (realm && !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(realm))
      check.problem(at, `realm must be a kebab-case slug, got ${show(realm)}`);
    const code = check.string(o, 'provinceCode', at);
    if (code && !/^\d{2}$/.test(code))
      check.problem(at, `provinceCode must be two digits, got ${show(code)}`);
    check.string(o, 'displayName', at);
  });
  if (problems.length) throw new SeedError(problems);
  return raw as unknown as RealmsSeed;
}
