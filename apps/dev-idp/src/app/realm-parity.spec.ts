import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildRealmModels, serializeRealmExport } from '@dieu-hanh/identity/realm-model';

/**
 * The dev login server and the Keycloak realm exports in docker/ declare the same realms, clients,
 * roles, groups and users — both are built from seeds/, and a stale export fails here.
 */
const ROOT = resolve(__dirname, '../../../..');
const EXPORTS = resolve(ROOT, 'docker/keycloak/realms');

describe('dev server ↔ Keycloak exports', () => {
  const models = buildRealmModels(resolve(ROOT, 'seeds'));
  const exports = readdirSync(EXPORTS)
    .filter((f) => f.endsWith('-realm.json'))
    .map((f) => JSON.parse(readFileSync(resolve(EXPORTS, f), 'utf8')));

  it('the same realms', () => {
    expect(exports.map((e) => e.realm).sort()).toEqual(models.map((m) => m.realm).sort());
  });

  it.each(models.map((m) => [m.realm, m] as const))('%s: same clients, roles, groups and users', (realm, model) => {
    const exp = exports.find((e) => e.realm === realm);
    expect(exp.clients.map((c: { clientId: string }) => c.clientId).sort()).toEqual(model.clients.map((c) => c.clientId).sort());
    expect(exp.roles.realm.map((r: { name: string }) => r.name).sort()).toEqual(model.roles.map((r) => r.name).sort());
    expect(exp.groups.map((g: { path: string }) => g.path).sort()).toEqual(model.groups.map((g) => g.path).sort());
    expect(
      exp.users.map((u: { username: string; realmRoles: string[]; attributes: { unit: string[]; tier: string[] } }) => [u.username, u.realmRoles.join(','), u.attributes.unit[0], u.attributes.tier[0]]).sort(),
    ).toEqual(model.users.map((u) => [u.username, u.roles.join(','), u.unit, String(u.tier)]).sort());
  });

  it('the committed exports are exactly what the tool generates now', () => {
    for (const model of models) {
      expect(readFileSync(resolve(EXPORTS, `${model.realm}-realm.json`), 'utf8')).toBe(serializeRealmExport(model));
    }
  });

  it('every user belongs to the group of their unit, and that group exists', () => {
    for (const e of exports) {
      const groups = new Set(e.groups.map((g: { path: string }) => g.path));
      for (const u of e.users) for (const g of u.groups) expect(groups.has(g)).toBe(true);
    }
  });
});
