import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRemoteJWKSet, decodeJwt, jwtVerify } from 'jose';

/** The built dev login server, over HTTP, as keycloak-js and the API see it. */
const URL_ = () => process.env['DEV_IDP_URL']!;
const ROOT = resolve(__dirname, '../../../..');
const ACCOUNTS: { realm: string; username: string; password: string; unit: string; tier: number; roles: string[] }[] = JSON.parse(
  readFileSync(resolve(ROOT, 'seeds/identity/demo-accounts.json'), 'utf8'),
).accounts;
const SECRET = 'dieu-hanh-cli-secret';
const KC = '/protocol/openid-connect';

const form = (o: Record<string, string>) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: new URLSearchParams(o).toString(),
});
const passwordGrant = (realm: string, username: string, password: string, secret = SECRET) =>
  fetch(`${URL_()}/realms/${realm}${KC}/token`, form({ grant_type: 'password', client_id: 'cli', client_secret: secret, username, password }));

describe('dev login server (Keycloak layout)', () => {
  it.each(['ha-noi', 'hai-phong'])('realm %s: discovery has Keycloak’s endpoints', async (realm) => {
    const d = await (await fetch(`${URL_()}/realms/${realm}/.well-known/openid-configuration`)).json();
    const iss = `${URL_()}/realms/${realm}`;
    expect(d).toMatchObject({
      issuer: iss,
      authorization_endpoint: `${iss}${KC}/auth`,
      token_endpoint: `${iss}${KC}/token`,
      userinfo_endpoint: `${iss}${KC}/userinfo`,
      jwks_uri: `${iss}${KC}/certs`,
      end_session_endpoint: `${iss}${KC}/logout`,
    });
    expect(d.code_challenge_methods_supported).toContain('S256');
  });

  it.each(ACCOUNTS.map((a) => [a.realm, a.username, a] as const))('%s/%s: password grant gives a Keycloak-shaped RS256 JWT', async (realm, _u, a) => {
    const res = await passwordGrant(realm, a.username, a.password);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 300 });
    const iss = `${URL_()}/realms/${realm}`;
    const { payload, protectedHeader } = await jwtVerify(body.access_token, createRemoteJWKSet(new URL(`${iss}${KC}/certs`)), { issuer: iss, audience: 'dieu-hanh-api' });
    expect(protectedHeader.alg).toBe('RS256');
    expect(payload).toMatchObject({
      preferred_username: a.username,
      unit: a.unit,
      tier: a.tier,
      groups: [`/${a.unit}`],
      realm_access: { roles: [...a.roles].sort() },
      azp: 'cli',
    });
    expect(typeof payload['name']).toBe('string');
    expect(decodeJwt(body.refresh_token)['typ']).toBe('Refresh');
  });

  it('wrong password → 401 invalid_grant, like Keycloak', async () => {
    const res = await passwordGrant('ha-noi', 'lanhdao', 'wrong');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
  });

  it('wrong client secret → 401', async () => {
    expect((await passwordGrant('ha-noi', 'lanhdao', 'Demo@2025', 'nope')).status).toBe(401);
  });

  it('an account of one realm cannot sign in to another', async () => {
    expect((await passwordGrant('hai-phong', 'lanhdao', 'Demo@2025')).status).toBe(401);
  });

  it('a ha-noi token does not verify with hai-phong’s keys or issuer', async () => {
    const token = (await (await passwordGrant('ha-noi', 'lanhdao', 'Demo@2025')).json()).access_token;
    const hp = `${URL_()}/realms/hai-phong`;
    await expect(jwtVerify(token, createRemoteJWKSet(new URL(`${hp}${KC}/certs`)), { issuer: hp })).rejects.toThrow();
  });

  it('refresh (cli) issues new tokens; userinfo answers with Keycloak claims', async () => {
    const first = await (await passwordGrant('ha-noi', 'skhcn.daumoi', 'Demo@2025')).json();
    const refreshed = await fetch(`${URL_()}/realms/ha-noi${KC}/token`, form({ grant_type: 'refresh_token', client_id: 'cli', client_secret: SECRET, refresh_token: first.refresh_token }));
    expect(refreshed.status).toBe(200);
    const second = await refreshed.json();
    const info = await fetch(`${URL_()}/realms/ha-noi${KC}/userinfo`, { headers: { authorization: `Bearer ${second.access_token}` } });
    expect(await info.json()).toMatchObject({ preferred_username: 'skhcn.daumoi', unit: '01-SKHCN', tier: 1 });
    expect((await fetch(`${URL_()}/realms/ha-noi${KC}/userinfo`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
  });

  it('authorization code + PKCE, then refresh with the JWT-wrapped refresh token, then logout', async () => {
    const iss = `${URL_()}/realms/ha-noi`;
    const jar = new Map<string, string>();
    const go = async (url: string, init: RequestInit = {}) => {
      const res = await fetch(url, { ...init, redirect: 'manual', headers: { ...(init.headers as object), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') } });
      for (const c of res.headers.getSetCookie()) {
        const [pair] = c.split(';');
        const [k, ...v] = pair.split('=');
        jar.set(k, v.join('='));
      }
      return res;
    };
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://localhost:4201/';
    const auth = new URL(`${iss}${KC}/auth`);
    Object.entries({ client_id: 'city-shell', redirect_uri: redirectUri, response_type: 'code', scope: 'openid', state: 's1', nonce: 'n1', code_challenge: challenge, code_challenge_method: 'S256' }).forEach(([k, v]) =>
      auth.searchParams.set(k, v),
    );
    let res = await go(auth.toString());
    expect(res.status).toBe(303);
    const loginUrl = new URL(res.headers.get('location')!, iss).toString();
    const page = await (await go(loginUrl)).text();
    expect(page).toContain('id="kc-login"');
    expect(page).toContain('Đăng nhập');

    // Wrong password: the page says so, in Vietnamese and English.
    const bad = await (await go(loginUrl, form({ username: 'lanhdao', password: 'x' }))).text();
    expect(bad).toContain('Invalid username or password');

    res = await go(loginUrl, form({ username: 'lanhdao', password: 'Demo@2025' }));
    let location = res.headers.get('location')!;
    for (let i = 0; i < 5 && !location.startsWith(redirectUri); i++) {
      res = await go(new URL(location, iss).toString());
      location = res.headers.get('location')!;
    }
    const code = new URL(location).searchParams.get('code');
    expect(code).toBeTruthy();

    const tokens = await (
      await fetch(`${iss}${KC}/token`, form({ grant_type: 'authorization_code', client_id: 'city-shell', code: code!, redirect_uri: redirectUri, code_verifier: verifier }))
    ).json();
    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(`${iss}${KC}/certs`)), { issuer: iss, audience: 'dieu-hanh-api' });
    expect(payload).toMatchObject({ preferred_username: 'lanhdao', unit: '01-UBND', tier: 1, azp: 'city-shell', realm_access: { roles: ['leader'] } });
    expect(decodeJwt(tokens.id_token)).toMatchObject({ preferred_username: 'lanhdao', unit: '01-UBND' });
    expect(decodeJwt(tokens.refresh_token)['typ']).toBe('Refresh');

    const refreshed = await fetch(`${iss}${KC}/token`, form({ grant_type: 'refresh_token', client_id: 'city-shell', refresh_token: tokens.refresh_token }));
    expect(refreshed.status).toBe(200);
    expect(decodeJwt((await refreshed.json()).access_token)['preferred_username']).toBe('lanhdao');

    // A redirect URI outside the registered patterns is refused.
    const evil = new URL(auth);
    evil.searchParams.set('redirect_uri', 'http://evil.test/');
    expect((await go(evil.toString())).status).toBe(400);

    // Logout (RP-initiated): the confirmation is submitted automatically and we land on the app.
    const logout = new URL(`${iss}${KC}/logout`);
    logout.searchParams.set('client_id', 'city-shell');
    logout.searchParams.set('post_logout_redirect_uri', redirectUri);
    const confirm = await (await go(logout.toString())).text();
    expect(confirm).toContain('name="logout" value="yes"');
    const action = /action="([^"]+)"/.exec(confirm)![1];
    const fields = Object.fromEntries([...confirm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]));
    const done = await go(new URL(action, iss).toString(), form(fields));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(redirectUri);
    // The session is gone: a new authorization asks for credentials again.
    const again = await go(auth.toString());
    expect(new URL(again.headers.get('location')!, iss).pathname).toMatch(/\/login\//);
  });
});
