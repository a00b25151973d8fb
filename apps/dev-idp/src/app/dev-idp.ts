import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Server } from 'node:http';
import {
  type RealmClient,
  type RealmModel,
  type RealmUser,
  buildRealmModels,
  isKnownScope,
  matchesRedirectPattern,
  tokenScope,
} from '@dieu-hanh/identity/realm-model';
import express, { type NextFunction, type Request, type Response } from 'express';
import { SignJWT, jwtVerify } from 'jose';
import Provider from 'oidc-provider';
import { loginPage, messagePage } from './html';
import { accessTokenExtras, profileClaims, userClaims } from './keycloak-claims';
import { type SigningKey, realmSigningKey } from './signing-keys';

export interface DevIdpOptions {
  port: number;
  /** Base URL the browser and the API use; issuers are `<publicUrl>/realms/<realm>`. Default `http://localhost:<port>`. */
  publicUrl?: string;
  seedsDir: string;
  /** Access (and ID) token lifetime in seconds; Keycloak's default is 300. */
  accessTokenTtl?: number;
  /** Folder keeping each realm's signing key across restarts; null or absent: keys in memory. */
  keysDir?: string | null;
  /** Host to listen on (default: every interface, like Keycloak in a container). */
  host?: string;
  log?: (line: object) => void;
}

export interface DevIdp {
  url: string;
  realms: RealmModel[];
  close(): Promise<void>;
}

const RESOURCE = 'urn:dieu-hanh:api'; // resource indicator whose audience is the API's client id
const KC = '/protocol/openid-connect';
const REFRESH_TTL = 1800; // Keycloak's SSO session idle timeout

interface Realm {
  model: RealmModel;
  issuer: string;
  provider: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  key: SigningKey;
  users: Map<string, RealmUser>;
  byUsername: Map<string, RealmUser>;
  clients: Map<string, RealmClient>;
}

/**
 * A Keycloak-compatible OpenID Connect server for development and tests, on oidc-provider: one provider
 * per realm under Keycloak's URL layout, Keycloak-shaped RS256 JWTs, a plain login page, and Keycloak's
 * direct access grants (password grant) for the confidential `cli` client, for scripts and tests.
 */
export async function startDevIdp(options: DevIdpOptions): Promise<DevIdp> {
  const ttl = options.accessTokenTtl ?? 300;
  const log = options.log ?? (() => undefined);
  const models = buildRealmModels(options.seedsDir, { accessTokenLifespan: ttl });
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', false);

  // Listen first, so that port 0 works (the issuers need the port); answer 503 until the realms are up.
  let ready = false;
  app.use((_req, res, next) => (ready ? next() : void res.status(503).json({ error: 'starting' })));
  const server: Server = await new Promise((resolve, reject) => {
    const s = options.host
      ? app.listen(options.port, options.host, () => resolve(s))
      : app.listen(options.port, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  const publicUrl = (options.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, '');
  app.use((req, res, next) => {
    const started = Date.now();
    res.on('finish', () =>
      log({
        time: new Date().toISOString(),
        method: req.method,
        url: req.originalUrl.split('?')[0],
        status: res.statusCode,
        ms: Date.now() - started,
      }),
    );
    next();
  });

  const realms = new Map<string, Realm>();
  try {
    for (const model of models) {
      realms.set(model.realm, await createRealm(model, publicUrl, ttl, options.keysDir ?? null, log));
    }
  } catch (e) {
    server.close();
    throw e;
  }

  app.get('/health', (_req, res) => {
    res.json({ status: 'ok', realms: models.map((m) => m.realm) });
  });

  for (const realm of realms.values()) {
    const base = `/realms/${realm.model.realm}`;
    const form = express.urlencoded({ extended: false, limit: '16kb' });
    const page = (uid: string, extra: { username?: string; error?: string; client?: string } = {}) =>
      loginPage({ realmName: realm.model.displayName, action: `${base}/login/${uid}`, ...extra });

    // Login page of an interaction (authorization code flow).
    app.get(`${base}/login/:uid`, async (req, res, next) => {
      try {
        const details = await realm.provider.interactionDetails(req, res);
        res.type('html').send(page(details.uid, { client: String(details.params.client_id ?? '') }));
      } catch (e) {
        next(e);
      }
    });
    app.post(`${base}/login/:uid`, form, async (req, res, next) => {
      try {
        const details = await realm.provider.interactionDetails(req, res);
        const username = String(req.body.username ?? '').trim();
        const user = authenticate(realm, username, String(req.body.password ?? ''));
        if (!user) {
          res
            .status(200)
            .type('html')
            .send(
              page(details.uid, {
                username,
                client: String(details.params.client_id ?? ''),
                error: 'Tên đăng nhập hoặc mật khẩu không đúng. / Invalid username or password.',
              }),
            );
          return;
        }
        await realm.provider.interactionFinished(
          req,
          res,
          { login: { accountId: user.id } },
          { mergeWithLastSubmission: false },
        );
      } catch (e) {
        next(e);
      }
    });

    // Token endpoint: Keycloak's direct access grants (password) and their refresh are answered here;
    // everything else goes to oidc-provider, with refresh tokens wrapped in JWTs (keycloak-js decodes them).
    app.post(`${base}${KC}/token`, cors(realm), form, async (req, res, next) => {
      try {
        const grant = String(req.body.grant_type ?? '');
        const client = realm.clients.get(clientIdOf(req) ?? '');
        if (grant === 'password') return void (await passwordGrant(realm, req, res, ttl));
        if (grant === 'refresh_token' && client?.directAccessGrants)
          return void (await directRefresh(realm, req, res, ttl));
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
      const m = /^Bearer (.+)$/i.exec(req.headers.authorization ?? '');
      try {
        if (!m) throw new Error('missing token');
        const { payload } = await jwtVerify(m[1], realm.key.publicKey, {
          issuer: realm.issuer,
          audience: realm.model.audience,
        });
        const user = payload.sub ? realm.users.get(payload.sub) : undefined;
        if (!user) throw new Error('unknown subject');
        res.json({ sub: user.id, ...userClaims(user) });
      } catch {
        res
          .status(401)
          .setHeader('WWW-Authenticate', 'Bearer realm="' + realm.model.realm + '", error="invalid_token"')
          .json({ error: 'invalid_token', error_description: 'Token verification failed' });
      }
    });

    app.use(base, cors(realm), realm.provider.callback());
  }

  app.use((_req: Request, res: Response) => {
    res.status(404).json({ error: 'not_found' });
  });
  app.use((err: Error & { name?: string }, _req: Request, res: Response, _next: NextFunction) => {
    void _next;
    if (err.name === 'SessionNotFound') {
      // Keycloak: "Your login attempt timed out. Login will start from the beginning."
      res
        .status(400)
        .type('html')
        .send(
          messagePage(
            'Phiên đăng nhập đã hết hạn / Login timed out',
            'Hãy mở lại ứng dụng để đăng nhập lại. / Please go back to the application and sign in again.',
          ),
        );
      return;
    }
    log({ level: 'error', msg: err.message });
    res.status(500).type('html').send(messagePage('Lỗi máy chủ đăng nhập / Login server error', err.message));
  });

  ready = true;
  let closing: Promise<void> | undefined;
  return {
    url: publicUrl,
    realms: models,
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        const force = setTimeout(() => server.closeAllConnections(), 5000);
        force.unref();
        server.close(() => {
          clearTimeout(force);
          resolve();
        });
        server.closeIdleConnections();
      })),
  };
}

async function createRealm(
  model: RealmModel,
  publicUrl: string,
  ttl: number,
  keysDir: string | null,
  log: (line: object) => void,
): Promise<Realm> {
  const issuer = `${publicUrl}/realms/${model.realm}`;
  const key = await realmSigningKey(model.realm, keysDir, log);
  const users = new Map(model.users.map((u) => [u.id, u]));
  const byUsername = new Map(model.users.map((u) => [u.username, u]));
  const clients = new Map(model.clients.map((c) => [c.clientId, c]));

  const registered = model.clients
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
    clients: registered,
    jwks: { keys: [key.jwk] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: async (_ctx: unknown, sub: string) => {
      const user = users.get(sub);
      return user ? { accountId: sub, claims: async () => ({ sub, ...profileClaims(user) }) } : undefined;
    },
    // Keycloak's client mappers put the profile in every token, whatever scope was asked for.
    claims: {
      openid: [
        'sub',
        'name',
        'given_name',
        'family_name',
        'preferred_username',
        'email',
        'email_verified',
        'realm_access',
        'groups',
        'unit',
        'tier',
      ],
      email: ['email', 'email_verified'],
    },
    scopes: [
      'openid',
      'offline_access',
      'profile',
      'email',
      'roles',
      'web-origins',
      'acr',
      'basic',
      'address',
      'phone',
      'microprofile-jwt',
    ],
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      revocation: { enabled: true },
      introspection: { enabled: true },
      userinfo: { enabled: true },
      rpInitiatedLogout: {
        enabled: true,
        // Keycloak asks nothing on logout from a registered app: confirm automatically.
        logoutSource: async (ctx: { body: string }, form: string) => {
          ctx.body = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Đăng xuất / Sign out</title></head><body><p>Đang đăng xuất… / Signing out…</p>${form.replace('</form>', '<input type="hidden" name="logout" value="yes"><noscript><button type="submit">Đăng xuất / Sign out</button></noscript></form>')}<script>document.forms[0].submit()</script></body></html>`;
        },
        postLogoutSuccessSource: async (ctx: { body: string }) => {
          ctx.body = messagePage('Đã đăng xuất / Signed out', 'Bạn đã đăng xuất. / You are signed out.');
        },
      },
      resourceIndicators: {
        enabled: true,
        defaultResource: () => RESOURCE,
        useGrantedResource: () => true,
        getResourceServerInfo: () => ({
          audience: model.audience,
          scope: 'openid profile email offline_access',
          accessTokenTTL: ttl,
          accessTokenFormat: 'jwt',
          jwt: { sign: { alg: 'RS256' } },
        }),
      },
    },
    // Keycloak-shaped claims in JWT access tokens (also what introspection answers).
    extraTokenClaims: async (_ctx: unknown, token: { accountId?: string; clientId: string }) => {
      const user = token.accountId ? users.get(token.accountId) : undefined;
      return user
        ? { ...accessTokenExtras(clients.get(token.clientId), token.clientId), ...profileClaims(user) }
        : undefined;
    },
    formats: {
      customizers: {
        // Keycloak's header says `JWT` (oidc-provider: `at+jwt`); its scope claim lists what its client
        // scopes grant; it has `sid` but no `client_id` for user tokens.
        jwt: async (
          _ctx: unknown,
          token: { scope?: string; sid?: string },
          jwt: { header?: Record<string, unknown>; payload: Record<string, unknown> },
        ) => {
          jwt.header = { typ: 'JWT' };
          delete jwt.payload['client_id'];
          jwt.payload['scope'] = tokenScope(token.scope);
          if (token.sid) jwt.payload['sid'] = token.sid;
        },
      },
    },
    // Skip the consent screen: the realm's own apps are trusted, as in Keycloak without consent.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- oidc-provider ships no types
    loadExistingGrant: async (ctx: any) => {
      const clientId = ctx.oidc.client.clientId;
      const existing = ctx.oidc.result?.consent?.grantId ?? ctx.oidc.session.grantIdFor(clientId);
      if (existing) {
        const found = await ctx.oidc.provider.Grant.find(existing);
        if (found) return found;
      }
      const grant = new ctx.oidc.provider.Grant({ clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid profile email offline_access');
      grant.addResourceScope(RESOURCE, 'openid profile email offline_access');
      await grant.save();
      return grant;
    },
    // Keycloak issues a refresh token with every code exchange, offline_access asked for or not.
    issueRefreshToken: async (_ctx: unknown, client: { grantTypeAllowed(g: string): boolean }) =>
      client.grantTypeAllowed('refresh_token'),
    ttl: {
      AccessToken: ttl,
      IdToken: ttl,
      RefreshToken: REFRESH_TTL,
      AuthorizationCode: 60,
      Interaction: 1800,
      Session: 36000,
      Grant: 36000,
    },
    interactions: {
      url: (_ctx: unknown, interaction: { uid: string }) => `/realms/${model.realm}/login/${interaction.uid}`,
    },
    routes: {
      authorization: `${KC}/auth`,
      token: `${KC}/token`,
      userinfo: `${KC}/userinfo`,
      jwks: `${KC}/certs`,
      end_session: `${KC}/logout`,
      revocation: `${KC}/revoke`,
      introspection: `${KC}/token/introspect`,
    },
    clientBasedCORS: (_ctx: unknown, origin: string, client: { clientId: string }) =>
      clients.get(client.clientId)?.webOrigins.includes(origin) ?? false,
    renderError: async (ctx: { type: string; body: string }, out: Record<string, string>) => {
      ctx.type = 'html';
      ctx.body = messagePage(
        'Không đăng nhập được / Sign-in failed',
        `${out['error'] ?? ''}: ${out['error_description'] ?? ''}`,
      );
    },
  });

  // Keycloak accepts redirect URI patterns ending in `*`; oidc-provider wants exact URIs.
  const allowed = (kind: 'redirectUris' | 'postLogoutRedirectUris') =>
    function (this: { clientId: string }, uri: string) {
      return matchesRedirectPattern(clients.get(this.clientId)?.[kind] ?? [], uri);
    };
  provider.Client.prototype.redirectUriAllowed = allowed('redirectUris');
  provider.Client.prototype.postLogoutRedirectUriAllowed = allowed('postLogoutRedirectUris');

  const realm: Realm = { model, issuer, provider, key, users, byUsername, clients };

  // Token responses as Keycloak's: refresh tokens are JWTs, with refresh_expires_in and its scope.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- oidc-provider ships no types
  provider.use(async (ctx: any, next: () => Promise<void>) => {
    await next();
    if (ctx.path === `${KC}/token` && ctx.method === 'POST' && ctx.body && typeof ctx.body === 'object') {
      if (typeof ctx.body.scope === 'string') ctx.body.scope = tokenScope(ctx.body.scope);
      if (typeof ctx.body.refresh_token === 'string') {
        const wrapped = await wrapRefresh(realm, ctx.body.refresh_token);
        ctx.body.refresh_token = wrapped.token;
        ctx.body.refresh_expires_in = wrapped.expiresIn;
        ctx.body['not-before-policy'] = 0;
      }
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
        res.setHeader(
          'Access-Control-Allow-Headers',
          req.headers['access-control-request-headers'] ?? 'authorization, content-type',
        );
        res.setHeader('Access-Control-Max-Age', '3600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

function authenticate(realm: Realm, username: string, password: string): RealmUser | null {
  // Keycloak looks usernames up case-insensitively (it stores them lower-cased).
  const user = realm.byUsername.get(username.toLowerCase()) ?? realm.byUsername.get(username);
  if (!user) return null;
  const a = Buffer.from(user.password);
  const b = Buffer.from(password);
  return a.length === b.length && timingSafeEqual(a, b) ? user : null;
}

/** Client id and secret from HTTP Basic (client_secret_basic) or the form (client_secret_post). */
function clientCredentials(req: Request): { id: string | null; secret: string | null } {
  const auth = req.headers.authorization;
  if (auth?.startsWith('Basic ')) {
    const decoded = Buffer.from(auth.slice(6), 'base64').toString();
    const colon = decoded.indexOf(':');
    const part = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    return colon < 0
      ? { id: part(decoded), secret: null }
      : { id: part(decoded.slice(0, colon)), secret: part(decoded.slice(colon + 1)) };
  }
  return {
    id: typeof req.body?.client_id === 'string' ? req.body.client_id : null,
    secret: typeof req.body?.client_secret === 'string' ? req.body.client_secret : null,
  };
}

function clientIdOf(req: Request): string | null {
  return clientCredentials(req).id;
}

/** The confidential client of the request when its secret is right, else a Keycloak-shaped error is sent. */
function directGrantClient(realm: Realm, req: Request, res: Response): RealmClient | null {
  const { id, secret } = clientCredentials(req);
  const client = realm.clients.get(id ?? '');
  if (
    !client ||
    client.kind === 'bearer-only' ||
    (client.kind === 'confidential' && (!secret || !client.secret || !safeEqual(secret, client.secret)))
  ) {
    res.status(401).json({
      error: 'unauthorized_client',
      error_description: 'Invalid client or Invalid client credentials',
    });
    return null;
  }
  if (!client.directAccessGrants) {
    res.status(400).json({
      error: 'unauthorized_client',
      error_description: 'Client not allowed for direct access grants',
    });
    return null;
  }
  return client;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

async function sign(realm: Realm, claims: Record<string, unknown>, expiresIn: number, typ = 'JWT') {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT(claims)
    .setProtectedHeader({ alg: 'RS256', kid: realm.key.kid, typ })
    .setIssuer(realm.issuer)
    .setIssuedAt(now)
    .setExpirationTime(now + expiresIn)
    .setJti(randomUUID())
    .sign(realm.key.privateKey);
}

/** Keycloak's direct access grant, for clients that allow it (`cli`: scripts and automated tests). */
async function passwordGrant(realm: Realm, req: Request, res: Response, ttl: number) {
  const client = directGrantClient(realm, req, res);
  if (!client) return;
  const requested = typeof req.body.scope === 'string' ? req.body.scope : '';
  const unknown = requested.split(/\s+/).filter((s: string) => s && !isKnownScope(s));
  if (unknown.length) {
    res.status(400).json({ error: 'invalid_scope', error_description: `Invalid scopes: ${requested}` });
    return;
  }
  const user = authenticate(realm, String(req.body.username ?? '').trim(), String(req.body.password ?? ''));
  if (!user) {
    res.status(401).json({ error: 'invalid_grant', error_description: 'Invalid user credentials' });
    return;
  }
  res.json(await issueDirectTokens(realm, client, user, ttl, tokenScope(requested), randomUUID()));
}

async function issueDirectTokens(
  realm: Realm,
  client: RealmClient,
  user: RealmUser,
  ttl: number,
  scope: string,
  sid: string,
) {
  const authTime = Math.floor(Date.now() / 1000);
  const access_token = await sign(
    realm,
    {
      sub: user.id,
      aud: realm.model.audience,
      ...accessTokenExtras(client, client.clientId),
      sid,
      scope,
      ...profileClaims(user),
    },
    ttl,
  );
  const id_token = await sign(
    realm,
    {
      sub: user.id,
      aud: client.clientId,
      typ: 'ID',
      azp: client.clientId,
      sid,
      auth_time: authTime,
      acr: '1',
      ...profileClaims(user),
    },
    ttl,
  );
  const refresh_token = await sign(
    realm,
    { sub: user.id, aud: realm.issuer, typ: 'Refresh', azp: client.clientId, sid, scope },
    REFRESH_TTL,
  );
  return {
    access_token,
    expires_in: ttl,
    refresh_expires_in: REFRESH_TTL,
    refresh_token,
    token_type: 'Bearer',
    id_token,
    'not-before-policy': 0,
    session_state: sid,
    scope,
  };
}

/** Refresh of a direct grant: the refresh token is the dev server's own signed JWT. */
async function directRefresh(realm: Realm, req: Request, res: Response, ttl: number) {
  const client = directGrantClient(realm, req, res);
  if (!client) return;
  try {
    const { payload } = await jwtVerify(String(req.body.refresh_token ?? ''), realm.key.publicKey, {
      issuer: realm.issuer,
      audience: realm.issuer,
    });
    const user =
      payload['typ'] === 'Refresh' && payload['azp'] === client.clientId && payload.sub
        ? realm.users.get(payload.sub)
        : undefined;
    if (!user) throw new Error('not a refresh token of this client');
    res.json(
      await issueDirectTokens(
        realm,
        client,
        user,
        ttl,
        String(payload['scope'] ?? tokenScope('')),
        String(payload['sid'] ?? randomUUID()),
      ),
    );
  } catch {
    res.status(400).json({ error: 'invalid_grant', error_description: 'Invalid refresh token' });
  }
}

/** oidc-provider's opaque refresh token inside a signed JWT shaped like Keycloak's (keycloak-js reads exp). */
async function wrapRefresh(realm: Realm, opaque: string): Promise<{ token: string; expiresIn: number }> {
  const found = await realm.provider.RefreshToken.find(opaque, {
    ignoreExpiration: true,
    ignoreSessionBinding: true,
  });
  const now = Math.floor(Date.now() / 1000);
  const expiresIn = Math.max(1, (found?.exp ?? now + REFRESH_TTL) - now);
  const token = await sign(
    realm,
    {
      typ: 'Refresh',
      aud: realm.issuer,
      sub: found?.accountId,
      azp: found?.clientId,
      sid: found?.sid,
      scope: tokenScope(found?.scope),
      rt: opaque,
    },
    expiresIn,
  );
  return { token, expiresIn };
}

async function unwrapRefresh(realm: Realm, token: string): Promise<string> {
  if (token.split('.').length !== 3) return token;
  try {
    const { payload } = await jwtVerify(token, realm.key.publicKey, { issuer: realm.issuer });
    return typeof payload['rt'] === 'string' ? payload['rt'] : token;
  } catch {
    return token; // let oidc-provider answer invalid_grant
  }
}
