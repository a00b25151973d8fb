import { resolve } from 'node:path';
import { toKeycloakRealmExport } from './keycloak-export';
import { buildRealmModels, matchesRedirectPattern, stableUserId } from './realm-model';

const models = buildRealmModels(resolve(__dirname, '../../../../../seeds'));
const haNoi = models.find((m) => m.realm === 'ha-noi')!;

describe('realm model from seeds', () => {
  it('one realm per seeded province', () => {
    expect(models.map((m) => [m.realm, m.provinceCode])).toEqual([
      ['ha-noi', '01'],
      ['hai-phong', '31'],
    ]);
  });

  it('a group per current unit of the province, none for closed units or other provinces', () => {
    const paths = haNoi.groups.map((g) => g.path);
    expect(paths).toContain('/00070');
    expect(paths).toContain('/01-SKHCN');
    expect(paths).not.toContain('/01-STTTT');
    expect(paths).not.toContain('/11413');
    expect(haNoi.groups.find((g) => g.name === '00070')?.attributes).toEqual({ unit: ['00070'], tier: ['2'], name: ['Phường Hoàn Kiếm'] });
  });

  it('users carry unit, tier and roles, and belong to their unit’s group', () => {
    const u = haNoi.users.find((x) => x.username === 'hoankiem.canbo')!;
    expect(u).toMatchObject({ unit: '00070', tier: 2, roles: ['commune-officer'], groups: ['/00070'], name: 'Phạm Thu Mai' });
    expect(u.id).toBe(stableUserId('ha-noi', 'hoankiem.canbo'));
  });

  it('shell clients are public with PKCE redirect patterns; cli is confidential with direct access grants', () => {
    const city = haNoi.clients.find((c) => c.clientId === 'city-shell')!;
    expect(city).toMatchObject({ kind: 'public', standardFlow: true, directAccessGrants: false });
    expect(city.redirectUris).toContain('http://localhost:4201/*');
    const cli = haNoi.clients.find((c) => c.clientId === 'cli')!;
    expect(cli).toMatchObject({ kind: 'confidential', directAccessGrants: true, standardFlow: false, redirectUris: [] });
  });

  it('the Keycloak export maps unit and tier into tokens and adds the API audience', () => {
    const exp = toKeycloakRealmExport(haNoi) as { clients: { clientId: string; protocolMappers: { protocolMapper: string; config: Record<string, string> }[]; attributes: Record<string, string> }[] };
    const city = exp.clients.find((c) => c.clientId === 'city-shell')!;
    const kinds = city.protocolMappers.map((m) => `${m.protocolMapper}:${m.config['claim.name'] ?? m.config['included.client.audience']}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'oidc-usermodel-attribute-mapper:unit',
        'oidc-usermodel-attribute-mapper:tier',
        'oidc-group-membership-mapper:groups',
        'oidc-audience-mapper:dieu-hanh-api',
      ]),
    );
    expect(city.attributes['pkce.code.challenge.method']).toBe('S256');
  });
});

describe('stableUserId', () => {
  it('is stable, UUID-shaped and differs per realm', () => {
    expect(stableUserId('ha-noi', 'x')).toBe(stableUserId('ha-noi', 'x'));
    expect(stableUserId('ha-noi', 'x')).not.toBe(stableUserId('hai-phong', 'x'));
    expect(stableUserId('ha-noi', 'x')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });
});

describe('matchesRedirectPattern', () => {
  it.each([
    ['http://localhost:4201/', true],
    ['http://localhost:4201/danh-muc?x=1', true],
    ['http://localhost:42010/', false],
    ['http://evil.test/http://localhost:4201/', false],
  ])('%s → %s', (uri, ok) => expect(matchesRedirectPattern(['http://localhost:4201/*'], uri)).toBe(ok));
});
