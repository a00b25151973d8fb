import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRealmModels, serializeRealmExport } from '@dieu-hanh/identity/realm-model';
import { decodeJwt } from 'jose';

/**
 * The dev login server and the Keycloak realm exports in docker/keycloak/realms declare the same realms,
 * clients, roles, groups and users: both come from seeds/ through libs/identity/realm-model, the running
 * server answers for every exported user and client, and a stale export fails here.
 */
const ROOT = resolve(__dirname, '../../../..');
const EXPORTS = resolve(ROOT, 'docker/keycloak/realms');
const URL_ = () => process.env['DEV_IDP_URL'] as string;
const KC = '/protocol/openid-connect';

interface ExportedUser {
  id: string;
  username: string;
  email: string;
  realmRoles: string[];
  groups: string[];
  attributes: Record<string, string[]>;
  credentials: { type: string; value: string }[];
}
interface ExportedClient {
  clientId: string;
  bearerOnly: boolean;
  publicClient: boolean;
  secret?: string;
  directAccessGrantsEnabled: boolean;
  redirectUris: string[];
  webOrigins: string[];
}
interface RealmExport {
  realm: string;
  displayName: string;
  roles: { realm: { name: string }[] };
  groups: { name: string; path: string; attributes: Record<string, string[]> }[];
  users: ExportedUser[];
  clients: ExportedClient[];
}

const sorted = (xs: string[]) => [...xs].sort();
const exportsOnDisk: RealmExport[] = readdirSync(EXPORTS)
  .filter((f) => f.endsWith('-realm.json'))
  .map((f) => JSON.parse(readFileSync(resolve(EXPORTS, f), 'utf8')));
const models = buildRealmModels(resolve(ROOT, 'seeds'));
const exportOf = (realm: string) => {
  const e = exportsOnDisk.find((x) => x.realm === realm);
  if (!e) throw new Error(`no export for realm ${realm}`);
  return e;
};

describe('dev server ↔ Keycloak exports', () => {
  it('the committed exports are exactly what `npm run realm:export` generates now', () => {
    expect(sorted(readdirSync(EXPORTS).filter((f) => f.endsWith('-realm.json')))).toEqual(
      sorted(models.map((m) => `${m.realm}-realm.json`)),
    );
    for (const model of models) {
      expect(readFileSync(resolve(EXPORTS, `${model.realm}-realm.json`), 'utf8')).toBe(
        serializeRealmExport(model),
      );
    }
  });

  it('the server serves exactly the exported realms', async () => {
    const health = await (await fetch(`${URL_()}/health`)).json();
    expect(sorted(health.realms)).toEqual(sorted(exportsOnDisk.map((e) => e.realm)));
    expect(sorted(models.map((m) => m.realm))).toEqual(sorted(health.realms));
  });

  it.each(models.map((m) => [m.realm, m] as const))(
    '%s: the same clients, roles, groups and users as the model',
    (realm, model) => {
      const exp = exportOf(realm);
      expect(exp.displayName).toBe(model.displayName);
      expect(sorted(exp.clients.map((c) => c.clientId))).toEqual(
        sorted(model.clients.map((c) => c.clientId)),
      );
      expect(sorted(exp.roles.realm.map((r) => r.name))).toEqual(sorted(model.roles.map((r) => r.name)));
      expect(
        sorted(exp.groups.map((g) => `${g.path} ${g.attributes['tier']} ${g.attributes['name']}`)),
      ).toEqual(sorted(model.groups.map((g) => `${g.path} ${g.attributes.tier} ${g.attributes.name}`)));
      expect(
        sorted(
          exp.users.map((u) =>
            [
              u.id,
              u.username,
              u.realmRoles.join(','),
              u.groups.join(','),
              u.attributes['unit'][0],
              u.attributes['tier'][0],
            ].join(' '),
          ),
        ),
      ).toEqual(
        sorted(
          model.users.map((u) =>
            [u.id, u.username, u.roles.join(','), u.groups.join(','), u.unit, String(u.tier)].join(' '),
          ),
        ),
      );
      const groups = new Set(exp.groups.map((g) => g.path));
      for (const u of exp.users) for (const g of u.groups) expect(groups.has(g)).toBe(true);
    },
  );

  it.each(exportsOnDisk.flatMap((e) => e.users.map((u) => [e.realm, u.username, u] as const)))(
    '%s/%s: the server signs the exported user in with the exported password and gives the exported claims',
    async (realm, _username, u) => {
      const cli = exportOf(realm).clients.find(
        (c) => c.directAccessGrantsEnabled && c.secret,
      ) as ExportedClient;
      const res = await fetch(`${URL_()}/realms/${realm}${KC}/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({
          grant_type: 'password',
          client_id: cli.clientId,
          client_secret: cli.secret as string,
          username: u.username,
          password: u.credentials[0].value,
        }),
      });
      expect(res.status).toBe(200);
      const claims = decodeJwt((await res.json()).access_token);
      expect(claims).toMatchObject({
        sub: u.id,
        preferred_username: u.username,
        email: u.email,
        name: u.attributes['fullName'][0],
        unit: u.attributes['unit'][0],
        tier: Number(u.attributes['tier'][0]),
        groups: u.groups,
        realm_access: { roles: sorted(u.realmRoles) },
      });
    },
  );

  it.each(
    exportsOnDisk.flatMap((e) =>
      e.clients.filter((c) => c.publicClient).map((c) => [e.realm, c.clientId, c] as const),
    ),
  )(
    '%s/%s: the server accepts the exported redirect URIs and answers CORS for the exported web origins',
    async (realm, clientId, c) => {
      for (const pattern of c.redirectUris) {
        const auth = new URL(`${URL_()}/realms/${realm}${KC}/auth`);
        const params = {
          client_id: clientId,
          redirect_uri: pattern.replace(/\*$/, 'x'),
          response_type: 'code',
          scope: 'openid',
          code_challenge: 'a'.repeat(43),
          code_challenge_method: 'S256',
        };
        for (const [k, v] of Object.entries(params)) auth.searchParams.set(k, v);
        const res = await fetch(auth, { redirect: 'manual' });
        expect([res.status, new URL(res.headers.get('location') ?? '/', auth).pathname]).toEqual([
          303,
          expect.stringMatching(/\/login\//),
        ]);
      }
      for (const origin of c.webOrigins) {
        const res = await fetch(`${URL_()}/realms/${realm}${KC}/token`, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        });
        expect(res.headers.get('access-control-allow-origin')).toBe(origin);
      }
    },
  );
});
