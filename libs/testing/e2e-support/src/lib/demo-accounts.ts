import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ROOT } from './workspace-root';

/** A demo account of seeds/identity/demo-accounts.json (the dev login server knows them all). */
export interface DemoAccount {
  realm: string;
  username: string;
  password: string;
  firstName: string;
  lastName: string;
  unit: string;
  tier: 1 | 2;
  roles: string[];
}

export const DEMO_ACCOUNTS: DemoAccount[] = JSON.parse(readFileSync(resolve(ROOT, 'seeds/identity/demo-accounts.json'), 'utf8')).accounts;

/** The demo account with this user name (throws on a typo, so a test never runs as nobody). */
export function demoAccount(username: string): DemoAccount {
  const found = DEMO_ACCOUNTS.find((a) => a.username === username);
  if (!found) throw new Error(`no demo account "${username}" in seeds/identity/demo-accounts.json`);
  return found;
}

const CLI = JSON.parse(readFileSync(resolve(ROOT, 'seeds/identity/realms.json'), 'utf8')).clients.find(
  (c: { clientId: string }) => c.clientId === 'cli',
);

const cache = new Map<string, string>();

/** A real token from the dev login server, through the `cli` client's password grant (cached per account). */
export async function tokenFor(idpUrl: string, account: DemoAccount): Promise<string> {
  const key = `${account.realm}/${account.username}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const res = await fetch(`${idpUrl}/realms/${account.realm}/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'cli',
      client_secret: CLI.secret,
      username: account.username,
      password: account.password,
    }),
  });
  if (!res.ok) throw new Error(`token for ${key}: ${res.status} ${await res.text()}`);
  const token = ((await res.json()) as { access_token: string }).access_token;
  cache.set(key, token);
  return token;
}

/** One HTTP call to the API: JSON body in, parsed body out (text when not JSON). */
export async function api(baseUrl: string, path: string, init: RequestInit & { token?: string } = {}) {
  const headers: Record<string, string> = { ...(init.headers as Record<string, string>) };
  if (init.token) headers['authorization'] = `Bearer ${init.token}`;
  if (init.body) headers['content-type'] = 'application/json';
  const res = await fetch(`${baseUrl}${path}`, { ...init, headers });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* keep text */
  }
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: body as any };
}
