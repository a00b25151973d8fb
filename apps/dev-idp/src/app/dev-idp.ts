import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import { type RealmModel, type RealmUser, buildRealmModels, matchesRedirectPattern } from '@dieu-hanh/identity/realm-model';
import express, { type NextFunction, type Request, type Response } from 'express';
import { type JWK, SignJWT, exportJWK, generateKeyPair, jwtVerify } from 'jose';
import Provider from 'oidc-provider';
import { esc, loginPage } from './html';
import { profileClaims } from './keycloak-claims';

export interface DevIdpOptions {
  port: number;
  publicUrl?: string;
  seedsDir: string;
  accessTokenTtl?: number;
  log?: (line: object) => void;
}

const RESOURCE = 'urn:dieu-hanh:api'; // resource indicator whose audience is the API's client id
const KC = '/protocol/openid-connect';

interface Realm {
  model: RealmModel;
  issuer: string;
  provider: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  kid: string;
  users: Map<string, RealmUser>;
  byUsername: Map<string, RealmUser>;
}

/**
 * A Keycloak-compatible OpenID Connect server for development and tests, on oidc-provider: one provider
 * per realm under Keycloak's URL layout, Keycloak-shaped RS256 JWTs, a plain login page, and the `cli`
 * client's password grant (Keycloak's direct access grants) for scripts and tests.
 */
export async function startDevIdp(options: DevIdpOptions): Promise<{ url: string; realms: RealmModel[]; close(): Promise<void> }> {
  const publicUrl = (options.publicUrl ?? `http://localhost:${options.port}`).replace(/\/+$/, '');
  const ttl = options.accessTokenTtl ?? 300;
  const log = options.log ?? (() => undefined);
  const models = buildRealmModels(options.seedsDir, { accessTokenLifespan: ttl });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);
  app.use((req, res, next) => {
    const started = Date.now();
    res.on('finish', () => log({ time: new Date().toISOString(), method: req.method, url: req.originalUrl.split('?')[0], status: res.statusCode, ms: Date.now() - started }));
    next();
  });

  const realms = new Map<string, Realm>();
  for (const model of models) realms.set(model.realm, await createRealm(model, publicUrl, ttl));

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', realms: models.map((m) => m.realm) });
  });

  for (const realm of realms.values()) {
    const base = `/realms/${realm.model.realm}`;
    const form = express.urlencoded({ extended: false, limit: '16kb' });

    // Login page of an interaction (authorization code flow).
    app.get(`${base}/login/:uid`, async (req, res, next) => {
      try {
        const details = await realm.provider.interactionDetails(req, res);
        res.type('html').send(loginPage({ realmName: realm.model.displayName, action: `${base}/login/${details.uid}`, client: String(details.params.client_id ?? '') }));
      } catch (e) {
        next(e);
      }
    });
    app.post(`${base}/login/:uid`, form, async (req, res, next) => {
      try {
        const details = await realm.provider.interactionDetails(req, res);
        const user = authenticate(realm, String(req.body.username ?? ''), String(req.body.password ?? ''));
        if (!user) {
          res
            .status(200)
            .type('html')
            .send(loginPage({ realmName: realm.model.displayName, action: `${base}/login/${details.uid}`, username: String(req.body.username ?? ''), error: 'Tên đăng nhập hoặc mật khẩu không đúng. / Invalid username or password.' }));
          return;
        }
        await realm.provider.interactionFinished(req, res, { login: { accountId: user.id } }, { mergeWithLastSubmission: false });
      } catch (e) {
        next(e);
      }
    });

    // Token endpoint: the cli client's password grant and refresh are answered here; everything else
    // goes to oidc-provider, with refresh tokens wrapped in JWTs (keycloak-js decodes them).
    app.post(`${base}${KC}/token`, form, async (req, res, next) => {
      try {
        const grant = String(req.body.grant_type ?? '');
        const isCli = clientIdOf(req) === 'cli';
        if (grant === 'password') return void (await passwordGrant(realm, req, res, ttl));
        if (grant === 'refresh_token' && isCli) return void (await cliRefresh(realm, req, res, ttl));
        if (grant === 'refresh_token' && typeof req.body.refresh_token === 'string') {
          req.body.refresh_token = await unwrapRefresh(realm, req.body.refresh_token);
        }
        next();
      } catch (e) {
        next(e);
      }
    });

    // Keycloak answers userinfo for the realm's access tokens (whose audience is the API); oidc-provider
    // would refuse tokens issued for a resource server, so userinfo is served from the verified token.
    app.all(`${base}${KC}/userinfo`, cors(realm), async (req, res) => {
      if (req.method === 'OPTIONS') return void res.status(204).end();
      const m = /^Bearer (.+)$/.exec(req.headers.authorization ?? '');
      try {
        if (!m) throw new Error('missing token');
        const { payload } = await jwtVerify(m[1], realm.publicKey, { issuer: realm.issuer, audience: realm.model.audience });
        const user = payload.sub ? realm.users.get(payload.sub) : undefined;
        if (!user) throw new Error('unknown subject');
        res.json({ sub: user.id, ...profileClaims(user) });
      } catch {
        res.status(401).setHeader('WWW-Authenticate', 'Bearer error="invalid_token"').json({ error: 'invalid_token', error_description: 'Token verification failed' });
      }
    });

    app.use(base, cors(realm), realm.provider.callback());
  }

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use((err: Error, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    log({ level: 'error', message: err.message });
    res.status(500).type('html').send(`<p>Lỗi máy chủ đăng nhập / Login server error: ${esc(err.message)}</p>`);
  });

  const server: Server = await new Promise((resolve) => {
    const s = app.listen(options.port, () => resolve(s));
  });
  return {
    url: publicUrl,
    realms: models,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function createRealm(model: RealmModel, publicUrl: string, ttl: number): Promise<Realm> {
  const issuer = `${publicUrl}/realms/${model.realm}`;
  const { privateKey, publicKey } = await generateKeyPair('RS256', { extractable: true });
  const kid = `${model.realm}-${randomBytes(6).toString('hex')}`;
  const jwk: JWK = { ...(await exportJWK(privateKey)), kid, alg: 'RS256', use: 'sig' };
  const users = new Map(model.users.map((u) => [u.id, u]));
  const byUsername = new Map(model.users.map((u) => [u.username, u]));
  const patterns = new Map(model.clients.map((c) => [c.clientId, c]));

  const clients = model.clients
    .filter((c) => c.kind !== 'bearer-only')
    .map((c) =>
      c.kind === 'public'
        ? {
            client_id: c.clientId,
            client_name: c.name,
            token_endpoint_auth_method: 'none',
            grant_types: ['authorization_code', 'refresh_token'],
            response_types: ['code'],
            // Concrete URIs for registration; the Keycloak-style patterns are checked below.
            redirect_uris: c.redirectUris.map((p) => p.replace(/\*$/, '')),
            post_logout_redirect_uris: c.postLogoutRedirectUris.map((p) => p.replace(/\*$/, '')),
          }
        : {
            client_id: c.clientId,
            client_secret: c.secret,
            client_name: c.name,
            grant_types: ['refresh_token'],
            response_types: [],
            redirect_uris: [],
          },
    );

  const provider = new Provider(issuer, {
    clients,
    jwks: { keys: [jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = users.get(sub);
      return user ? { accountId: sub, claims: async () => ({ sub, ...profileClaims(user) }) } : undefined;
    },
    // Keycloak's default client scopes put the profile in every token, whatever scope was asked for.
    claims: {
      openid: ['sub', 'name', 'given_name', 'family_name', 'preferred_username', 'email', 'email_verified', 'realm_access', 'groups', 'unit', 'tier'],
      profile: ['name', 'given_name', 'family_name', 'preferred_username', 'realm_access', 'groups', 'unit', 'tier'],
      email: ['email', 'email_verified'],
    },
    scopes: ['openid', 'profile', 'email', 'offline_access'],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devIntrospection: undefined,
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Keycloak asks nothing on logout from a registered app: confirm automatically.
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html><html lang="vi"><body><p>Đang đăng xuất… / Signing out…</p>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"></form>')}<script>document.forms[0].submit()</script></body></html>`;
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = '<!doctype html><html lang="vi"><body><p>Đã đăng xuất. / Signed out.</p></body></html>';
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          audience: model.audience,
          scope: 'openid profile email',
          accessTokenTTL: ttl,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // Keycloak-shaped claims in JWT access tokens.
    extraTokenClaims: async (_ctx: unknown, token: { accountId: string; clientId: string; kind: string }) => {
      const user = users.get(token.accountId);
      return user ? { typ: 'Bearer', azp: token.clientId, ...profileClaims(user) } : undefined;
    },
    // Skip the consent screen: the realm's own apps are trusted, as in Keycloak without consent.
    loadExistingGrant: async (ctx: any) => {
      const clientId = ctx.oidc.client.clientId;
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(clientId);
      if (existing) {
        const found = await ctx.oidc.provider.Grant.find(existing);
        if (found) return found;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      grant.addResourceScope(RESOURCE, 'openid profile email');
      await grant.save();
      return grant;
    },
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(g: string): boolean }) => client.grantTypeAllowed('refresh_token'),
    ttl: { AccessToken: ttl, IdToken: ttl, RefreshToken: 1800, AuthorizationCode: 60, Interaction: 600, Session: 36000, Grant: 36000 },
    interactions: { url: (_ctx: unknown, interaction: { uid: string }) => `/realms/${model.realm}/login/${interaction.uid}` },
    routes: {
      authorization: `${KC}/auth`,
      token: `${KC}/token`,
      userinfo: `${KC}/userinfo`,
      jwks: `${KC}/certs`,
      end_session: `${KC}/logout`,
      revocation: `${KC}/revoke`,
      introspection: `${KC}/token/introspect`,
    },
    clientBasedCORS: (_ctx: unknown, origin: string, client: { clientId: string }) => patterns.get(client.clientId)?.webOrigins.includes(origin) ?? false,
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = `<!doctype html><html lang="vi"><body><h1>Không đăng nhập được / Sign-in failed</h1><pre>${esc(JSON.stringify(out, null, 2))}</pre></body></html>`;
    },
  });

  // Keycloak accepts redirect URI patterns ending in `*`; oidc-provider wants exact URIs.
  const allowed = (kind: 'redirectUris' | 'postLogoutRedirectUris') =>
    function (this: { clientId: string }, uri: string) {
      return matchesRedirectPattern(patterns.get(this.clientId)?.[kind] ?? [], uri);
    };
  provider.Client.prototype.redirectUriAllowed = allowed('redirectUris');
  provider.Client.prototype.postLogoutRedirectUriAllowed = allowed('postLogoutRedirectUris');

  const realm: Realm = { model, issuer, provider, privateKey, publicKey, kid, users, byUsername };

  // Wrap refresh tokens on the way out.
  provider.use(async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.path === `${KC}/token` && ctx.body && typeof ctx.body.refresh_token === 'string') {
      ctx.body.refresh_token = await wrapRefresh(realm, ctx.body.refresh_token, ctx.oidc?.client?.clientId);
    }
  });
  return realm;
}

/** keycloak-js calls the token endpoint with credentials: answer CORS with credentials for the realm's apps. */
function cors(realm: Realm) {
  const origins = new Set(realm.model.clients.flatMap((c) => c.webOrigins));
  return (req: Request, res: Response, next: NextFunction) => {
    const origin = req.headers.origin;
    if (origin && origins.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
        res.setHeader('Access-Control-Allow-Headers', req.headers['access-control-request-headers'] ?? 'authorization, content-type');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

function authenticate(realm: Realm, username: string, password: string): RealmUser | null {
  const user = realm.byUsername.get(username);
  if (!user) return null;
  const a = Buffer.from(user.password);
  const b = Buffer.from(password);
  return a.length === b.length && timingSafeEqual(a, b) ? user : null;
}

function clientIdOf(req: Request): string | null {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) return decodeURIComponent(Buffer.from(auth.slice(6), 'base64').toString().split(':')[0]);
  return typeof req.body?.client_id === 'string' ? req.body.client_id : null;
}

function cliCredentialsValid(realm: Realm, req: Request): boolean {
  const cli = realm.model.clients.find((c) => c.clientId === 'cli');
  let id = req.body?.client_id;
  let secret = req.body?.client_secret;
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const [i, s] = Buffer.from(auth.slice(6), 'base64').toString().split(':');
    id = decodeURIComponent(i);
    secret = decodeURIComponent(s ?? '');
  }
  return !!cli && id === 'cli' && typeof secret === 'string' && secret === cli.secret;
}

async function sign(realm: Realm, claims: Record<string, unknown>, expiresIn: number, typ = 'JWT') {
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: realm.kid, typ })
    .setIssuer(realm.issuer)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + expiresIn)
    .setJti(randomBytes(12).toString('base64url'))
    .sign(realm.privateKey);
}

/** Keycloak's direct access grant, for the `cli` client only (scripts and automated tests). */
async function passwordGrant(realm: Realm, req: Request, res: Response, ttl: number) {
  if (!cliCredentialsValid(realm, req)) {
    res.status(401).json({ error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' });
    return;
  }
  const user = authenticate(realm, String(req.body.username ?? ''), String(req.body.password ?? ''));
  if (!user) {
    res.status(401).json({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    return;
  }
  res.json(await issueCliTokens(realm, user, ttl));
}

async function issueCliTokens(realm: Realm, user: RealmUser, ttl: number) {
  const scope = 'openid profile email';
  const base = { sub: user.id, azp: 'cli', scope, ...profileClaims(user) };
  const access_token = await sign(realm, { ...base, aud: realm.model.audience, typ: 'Bearer' }, ttl);
  const id_token = await sign(realm, { ...base, aud: 'cli', typ: 'ID' }, ttl);
  const refresh_token = await sign(realm, { sub: user.id, azp: 'cli', aud: realm.issuer, typ: 'Refresh', scope }, 1800);
  return { access_token, expires_in: ttl, refresh_expires_in: 1800, refresh_token, id_token, token_type: 'Bearer', 'not-before-policy': 0, scope };
}

async function cliRefresh(realm: Realm, req: Request, res: Response, ttl: number) {
  if (!cliCredentialsValid(realm, req)) {
    res.status(401).json({ error: 'unauthorized_client', error_description: 'Invalid client or Invalid client credentials' });
    return;
  }
  try {
    const { payload } = await jwtVerify(String(req.body.refresh_token ?? ''), realm.publicKey, { issuer: realm.issuer, audience: realm.issuer });
    const user = payload['typ'] === 'Refresh' && payload.sub ? realm.users.get(payload.sub) : undefined;
    if (!user) throw new Error('unknown subject');
    res.json(await issueCliTokens(realm, user, ttl));
  } catch {
    res.status(400).json({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
  }
}

async function wrapRefresh(realm: Realm, opaque: string, clientId: string | undefined): Promise<string> {
  return sign(realm, { typ: 'Refresh', azp: clientId, aud: realm.issuer, rt: opaque }, 1800);
}

async function unwrapRefresh(realm: Realm, token: string): Promise<string> {
  if (token.split('.').length !== 3) return token;
  try {
    const { payload } = await jwtVerify(token, realm.publicKey, { issuer: realm.issuer });
    return typeof payload['rt'] === 'string' ? payload['rt'] : token;
  } catch {
    return token; // let oidc-provider answer invalid_grant
  }
}
