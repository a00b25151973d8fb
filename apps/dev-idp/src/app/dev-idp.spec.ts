import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { ROOT, startBuiltServer, stopServer } from '../test/start-built-server';

/** The built dev login server, over HTTP, as keycloak-js, scripts and the API see it. */
const URL_ = () => process.env['DEV_IDP_URL'] as string;
const ACCOUNTS: {
  realm: string;
  username: string;
  password: string;
  unit: string;
  tier: number;
  roles: string[];
  email: string;
}[] = JSON.parse(readFileSync(resolve(ROOT, 'seeds/identity/demo-accounts.json'), 'utf8')).accounts;
const SEED = JSON.parse(readFileSync(resolve(ROOT, 'seeds/identity/realms.json'), 'utf8'));
const SECRET: string = SEED.clients.find((c: { clientId: string }) => c.clientId === 'cli').secret;
const REALMS: string[] = SEED.realms.map((r: { realm: string }) => r.realm);
const KC = '/protocol/openid-connect';
const iss = (realm: string) => `${URL_()}/realms/${realm}`;
const jwks = (realm: string) => createRemoteJWKSet(new URL(`${iss(realm)}${KC}/certs`));

const form = (o: Record<string, string>, headers: Record<string, string> = {}) => ({
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
  body: new URLSearchParams(o).toString(),
});
const token = (realm: string, o: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${iss(realm)}${KC}/token`, form(o, headers));
const passwordGrant = (
  realm: string,
  username: string,
  password: string,
  extra: Record<string, string> = {},
) =>
  token(realm, {
    grant_type: 'password',
    client_id: 'cli',
    client_secret: SECRET,
    username,
    password,
    ...extra,
  });
const account = (realm: string, username: string) => {
  const a = ACCOUNTS.find((x) => x.realm === realm && x.username === username);
  if (!a) throw new Error(`no account ${realm}/${username}`);
  return a;
};

/** A cookie-keeping client that does not follow redirects: a browser, step by step. */
function browser() {
  const jar = new Map<string, string>();
  return async (url: string, init: RequestInit = {}) => {
    const res = await fetch(url, {
      ...init,
      redirect: 'manual',
      headers: { ...(init.headers as object), cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') },
    });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const [k, ...v] = pair.split('=');
      jar.set(k, v.join('='));
    }
    return res;
  };
}

describe('dev login server (Keycloak layout)', () => {
  it('GET /health lists the realms', async () => {
    expect(await (await fetch(`${URL_()}/health`)).json()).toEqual({
      status: 'ok',
      realms: [...REALMS].sort(),
    });
  });

  it.each(REALMS)('realm %s: discovery has Keycloak’s issuer and endpoints', async (realm) => {
    const d = await (await fetch(`${iss(realm)}/.well-known/openid-configuration`)).json();
    expect(d).toMatchObject({
      issuer: iss(realm),
      authorization_endpoint: `${iss(realm)}${KC}/auth`,
      token_endpoint: `${iss(realm)}${KC}/token`,
      userinfo_endpoint: `${iss(realm)}${KC}/userinfo`,
      jwks_uri: `${iss(realm)}${KC}/certs`,
      end_session_endpoint: `${iss(realm)}${KC}/logout`,
      revocation_endpoint: `${iss(realm)}${KC}/revoke`,
      introspection_endpoint: `${iss(realm)}${KC}/token/introspect`,
    });
    expect(d.code_challenge_methods_supported).toContain('S256');
    const keys = (await (await fetch(d.jwks_uri)).json()).keys;
    expect(keys).toEqual([expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig' })]);
    expect(keys[0].d).toBeUndefined();
  });

  it.each(ACCOUNTS.map((a) => [a.realm, a.username] as const))(
    '%s/%s: password grant gives Keycloak-shaped RS256 JWTs',
    async (realm, username) => {
      const a = account(realm, username);
      const res = await passwordGrant(realm, a.username, a.password, { scope: 'openid' });
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({
        token_type: 'Bearer',
        expires_in: 300,
        refresh_expires_in: 1800,
        scope: 'openid email',
      });
      const { payload, protectedHeader } = await jwtVerify(body.access_token, jwks(realm), {
        issuer: iss(realm),
        audience: 'dieu-hanh-api',
        typ: 'JWT',
      });
      expect(protectedHeader.alg).toBe('RS256');
      expect(payload).toMatchObject({
        typ: 'Bearer',
        azp: 'cli',
        scope: 'openid email',
        preferred_username: a.username,
        email: a.email,
        unit: a.unit,
        tier: a.tier,
        groups: [`/${a.unit}`],
        realm_access: { roles: [...a.roles].sort() },
      });
      expect(payload.sub).toMatch(/^[0-9a-f-]{36}$/);
      for (const claim of ['name', 'given_name', 'family_name']) expect(typeof payload[claim]).toBe('string');
      const id = await jwtVerify(body.id_token, jwks(realm), { issuer: iss(realm), audience: 'cli' });
      expect(id.payload).toMatchObject({
        typ: 'ID',
        sub: payload.sub,
        preferred_username: a.username,
        unit: a.unit,
        tier: a.tier,
        name: payload['name'],
      });
      const refresh = decodeJwt(body.refresh_token);
      expect(refresh).toMatchObject({ typ: 'Refresh', sub: payload.sub, aud: iss(realm) });
    },
  );

  it('the subject is stable: two sign-ins of one account name the same sub', async () => {
    const a = account('ha-noi', 'lanhdao');
    const one = decodeJwt(
      (await (await passwordGrant('ha-noi', a.username, a.password)).json()).access_token,
    );
    const two = decodeJwt(
      (await (await passwordGrant('ha-noi', a.username, a.password)).json()).access_token,
    );
    expect(one.sub).toBe(two.sub);
    expect(one['scope']).toBe('email'); // no `openid` asked for, as Keycloak
  });

  it('wrong password → 401 invalid_grant, like Keycloak; unknown user too', async () => {
    for (const [u, p] of [
      ['lanhdao', 'wrong'],
      ['nobody', 'Demo@2025'],
    ]) {
      const res = await passwordGrant('ha-noi', u, p);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: 'invalid_grant',
        error_description: 'Invalid user credentials',
      });
    }
  });

  it('wrong client secret → 401 (in the form or HTTP Basic); a shell client may not use the password grant', async () => {
    const a = account('ha-noi', 'lanhdao');
    const bad = await passwordGrant('ha-noi', a.username, a.password, { client_secret: 'nope' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({
      error: 'unauthorized_client',
      error_description: 'Invalid client or Invalid client credentials',
    });
    const basic = (secret: string) => ({
      authorization: `Basic ${Buffer.from(`cli:${secret}`).toString('base64')}`,
    });
    expect(
      (
        await token(
          'ha-noi',
          { grant_type: 'password', username: a.username, password: a.password },
          basic('nope'),
        )
      ).status,
    ).toBe(401);
    expect(
      (
        await token(
          'ha-noi',
          { grant_type: 'password', username: a.username, password: a.password },
          basic(SECRET),
        )
      ).status,
    ).toBe(200);
    const shell = await token('ha-noi', {
      grant_type: 'password',
      client_id: 'city-shell',
      username: a.username,
      password: a.password,
    });
    expect(shell.status).toBe(400);
    expect((await shell.json()).error).toBe('unauthorized_client');
    const scope = await passwordGrant('ha-noi', a.username, a.password, { scope: 'openid admin' });
    expect(scope.status).toBe(400);
    expect((await scope.json()).error).toBe('invalid_scope');
  });

  it('an account of one realm cannot sign in to another', async () => {
    expect((await passwordGrant('hai-phong', 'lanhdao', 'Demo@2025')).status).toBe(401);
  });

  it('a ha-noi token does not verify with hai-phong’s keys or issuer', async () => {
    const access = (await (await passwordGrant('ha-noi', 'lanhdao', 'Demo@2025')).json()).access_token;
    await expect(jwtVerify(access, jwks('hai-phong'))).rejects.toThrow();
    await expect(jwtVerify(access, jwks('ha-noi'), { issuer: iss('hai-phong') })).rejects.toThrow();
    await expect(
      jwtVerify(access, jwks('ha-noi'), { issuer: iss('ha-noi'), audience: 'dieu-hanh-api' }),
    ).resolves.toBeTruthy();
  });

  it('refresh (direct grant) issues new tokens; the refresh token is a JWT; userinfo answers like Keycloak', async () => {
    const first = await (await passwordGrant('ha-noi', 'skhcn.daumoi', 'Demo@2025')).json();
    expect(decodeProtectedHeader(first.refresh_token).alg).toBe('RS256');
    const refreshed = await token('ha-noi', {
      grant_type: 'refresh_token',
      client_id: 'cli',
      client_secret: SECRET,
      refresh_token: first.refresh_token,
    });
    expect(refreshed.status).toBe(200);
    const second = await refreshed.json();
    expect(decodeJwt(second.access_token)).toMatchObject({
      preferred_username: 'skhcn.daumoi',
      sid: decodeJwt(first.access_token)['sid'],
    });
    const info = await fetch(`${iss('ha-noi')}${KC}/userinfo`, {
      headers: { authorization: `Bearer ${second.access_token}` },
    });
    const claims = await info.json();
    expect(claims).toMatchObject({
      sub: decodeJwt(second.access_token).sub,
      preferred_username: 'skhcn.daumoi',
      name: 'Nguyễn Thị Hạnh',
      given_name: 'Hạnh',
      family_name: 'Nguyễn Thị',
      email: 'skhcn.daumoi@hanoi.demo',
      email_verified: true,
      unit: '01-SKHCN',
      tier: 1,
      groups: ['/01-SKHCN'],
    });
    expect(
      (await fetch(`${iss('ha-noi')}${KC}/userinfo`, { headers: { authorization: 'Bearer nope' } })).status,
    ).toBe(401);
    // A forged or foreign refresh token is refused.
    const foreign = (await (await passwordGrant('hai-phong', 'haian.canbo', 'Demo@2025')).json())
      .refresh_token;
    const bad = await token('ha-noi', {
      grant_type: 'refresh_token',
      client_id: 'cli',
      client_secret: SECRET,
      refresh_token: foreign,
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toBe('invalid_grant');
  });

  it('authorization code + PKCE (keycloak-js), refresh with the JWT-wrapped refresh token, then logout', async () => {
    const realm = 'ha-noi';
    const go = browser();
    const verifier = randomBytes(32).toString('base64url');
    const challenge = createHash('sha256').update(verifier).digest('base64url');
    const redirectUri = 'http://localhost:4201/';
    const auth = new URL(`${iss(realm)}${KC}/auth`);
    for (const [k, v] of Object.entries({
      client_id: 'city-shell',
      redirect_uri: redirectUri,
      response_type: 'code',
      response_mode: 'fragment',
      scope: 'openid',
      state: 's1',
      nonce: 'n1',
      code_challenge: challenge,
      code_challenge_method: 'S256',
    })) {
      auth.searchParams.set(k, v);
    }
    let res = await go(auth.toString());
    expect(res.status).toBe(303);
    const loginUrl = new URL(res.headers.get('location') as string, iss(realm)).toString();
    const page = await (await go(loginUrl)).text();
    for (const marker of [
      'id="username"',
      'id="password"',
      'id="kc-login"',
      'Đăng nhập / Sign in',
      'Thành phố Hà Nội',
    ])
      expect(page).toContain(marker);

    // Wrong password: the page says so, in Vietnamese and English, and keeps the username.
    const bad = await go(loginUrl, form({ username: 'lanhdao', password: 'x' }));
    expect(bad.status).toBe(200);
    const badPage = await bad.text();
    expect(badPage).toContain('Invalid username or password');
    expect(badPage).toContain('value="lanhdao"');

    res = await go(loginUrl, form({ username: 'lanhdao', password: 'Demo@2025' }));
    let location = res.headers.get('location') as string;
    for (let i = 0; i < 5 && !location.startsWith(redirectUri); i++) {
      res = await go(new URL(location, iss(realm)).toString());
      location = res.headers.get('location') as string;
    }
    const answer = new URLSearchParams(new URL(location).hash.slice(1));
    expect(answer.get('state')).toBe('s1');
    const code = answer.get('code') as string;
    expect(code).toBeTruthy();

    // keycloak-js posts from the shell's origin, with credentials.
    const origin = { origin: 'http://localhost:4201' };
    const exchange = await token(
      realm,
      {
        grant_type: 'authorization_code',
        client_id: 'city-shell',
        code,
        redirect_uri: redirectUri,
        code_verifier: verifier,
      },
      origin,
    );
    expect(exchange.status).toBe(200);
    expect(exchange.headers.get('access-control-allow-origin')).toBe('http://localhost:4201');
    expect(exchange.headers.get('access-control-allow-credentials')).toBe('true');
    const tokens = await exchange.json();
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 300, scope: 'openid email' });
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks(realm), {
      issuer: iss(realm),
      audience: 'dieu-hanh-api',
    });
    expect(protectedHeader.typ).toBe('JWT');
    expect(payload).toMatchObject({
      typ: 'Bearer',
      azp: 'city-shell',
      scope: 'openid email',
      preferred_username: 'lanhdao',
      name: 'Trần Minh Quang',
      unit: '01-UBND',
      tier: 1,
      groups: ['/01-UBND'],
      realm_access: { roles: ['leader'] },
      'allowed-origins': expect.arrayContaining(['http://localhost:4201']),
    });
    expect(payload['client_id']).toBeUndefined();
    const id = await jwtVerify(tokens.id_token, jwks(realm), { issuer: iss(realm), audience: 'city-shell' });
    expect(id.payload).toMatchObject({
      nonce: 'n1',
      preferred_username: 'lanhdao',
      unit: '01-UBND',
      tier: 1,
      name: 'Trần Minh Quang',
    });
    const refreshJwt = await jwtVerify(tokens.refresh_token, jwks(realm), {
      issuer: iss(realm),
      audience: iss(realm),
    });
    expect(refreshJwt.payload).toMatchObject({ typ: 'Refresh', sub: payload.sub, azp: 'city-shell' });

    const refreshed = await token(
      realm,
      { grant_type: 'refresh_token', client_id: 'city-shell', refresh_token: tokens.refresh_token },
      origin,
    );
    expect(refreshed.status).toBe(200);
    const again = await refreshed.json();
    expect(decodeJwt(again.access_token)['preferred_username']).toBe('lanhdao');
    expect(decodeJwt(again.refresh_token)['typ']).toBe('Refresh');

    // Without the verifier, or with a redirect URI outside the registered patterns: refused.
    const noPkce = new URL(auth);
    noPkce.searchParams.delete('code_challenge');
    expect((await go(noPkce.toString())).headers.get('location') ?? '').toContain('error=invalid_request');
    const evil = new URL(auth);
    evil.searchParams.set('redirect_uri', 'http://evil.test/');
    expect((await go(evil.toString())).status).toBe(400);

    // Logout (RP-initiated): the confirmation is submitted automatically and we land on the app.
    const logout = new URL(`${iss(realm)}${KC}/logout`);
    logout.searchParams.set('client_id', 'city-shell');
    logout.searchParams.set('post_logout_redirect_uri', redirectUri);
    logout.searchParams.set('id_token_hint', tokens.id_token);
    const confirm = await (await go(logout.toString())).text();
    expect(confirm).toContain('name="logout" value="yes"');
    const action = (/action="([^"]+)"/.exec(confirm) as RegExpExecArray)[1];
    const fields = Object.fromEntries(
      [...confirm.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m) => [m[1], m[2]]),
    );
    const done = await go(new URL(action, iss(realm)).toString(), form(fields));
    expect(done.status).toBe(303);
    expect(done.headers.get('location')).toBe(redirectUri);
    // The session is gone: a new authorization asks for credentials again, and the refresh token is dead.
    const after = await go(auth.toString());
    expect(new URL(after.headers.get('location') as string, iss(realm)).pathname).toMatch(/\/login\//);
    const dead = await token(realm, {
      grant_type: 'refresh_token',
      client_id: 'city-shell',
      refresh_token: again.refresh_token,
    });
    expect(dead.status).toBe(400);
  });

  it('an expired or unknown login page says so instead of failing', async () => {
    const res = await fetch(`${iss('ha-noi')}/login/unknown-interaction`);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('Login timed out');
  });

  it('signing keys persist in DEV_IDP_DATA_DIR: a token survives a restart', async () => {
    const dataDir = process.env['DEV_IDP_TEST_DATA_DIR'] as string;
    const access = (await (await passwordGrant('ha-noi', 'lanhdao', 'Demo@2025')).json()).access_token;
    // A second server on another port with the same public URL and key folder: the same issuer and keys.
    const second = await startBuiltServer({
      DEV_IDP_DATA_DIR: dataDir,
      DEV_IDP_PUBLIC_URL: URL_(),
      PORT: '',
    });
    try {
      const certs = createRemoteJWKSet(new URL(`${second.url}/realms/ha-noi${KC}/certs`));
      await expect(
        jwtVerify(access, certs, { issuer: iss('ha-noi'), audience: 'dieu-hanh-api' }),
      ).resolves.toBeTruthy();
    } finally {
      expect(await stopServer(second.child)).toBe(0);
    }
  });
});
