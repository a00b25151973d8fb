import { resolve } from 'node:path';
import type { DemoAccount, SeedUnit } from '@dieu-hanh/shared/util-seed-directory';
import { isKnownScope, serializeRealmExport, toKeycloakRealmExport, tokenScope } from './keycloak-export';
import {
  type RealmSeeds,
  buildRealmModels,
  matchesRedirectPattern,
  realmModelsFromSeeds,
  stableUserId,
  todayInVietnam,
  unitValidOn,
} from './realm-model';

const SEEDS = resolve(__dirname, '../../../../../seeds');

function the<T>(items: T[], match: (item: T) => boolean): T {
  const found = items.find(match);
  if (found === undefined) throw new Error('not found');
  return found;
}

/** A small, hand-made seed: two provinces, units open, closed and not yet valid, three accounts. */
function fixture(): RealmSeeds {
  const unit = (
    code: string,
    provinceCode: string,
    tier: 1 | 2,
    validFrom = '2025-07-01',
    validTo: string | null = null,
  ): SeedUnit => ({
    code,
    officialName: `Official ${code}`,
    shortName: `Short ${code}`,
    kind: tier === 1 ? 'department' : 'commune',
    tier,
    parentCode: null,
    provinceCode,
    validFrom,
    validTo,
    aliases: [],
  });
  const account = (
    realm: string,
    username: string,
    unitCode: string,
    tier: 1 | 2,
    roles: string[],
  ): DemoAccount => ({
    realm,
    username,
    password: 'pw',
    firstName: 'An',
    lastName: 'Nguyễn Văn',
    email: `${username}@x.test`,
    unit: unitCode,
    tier,
    roles,
    title: '',
  });
  return {
    realmsSeed: {
      version: 1,
      roles: [
        { name: 'leader', description: 'L' },
        { name: 'commune-officer', description: 'C' },
      ],
      clients: [
        { clientId: 'dieu-hanh-api', kind: 'bearer-only', name: 'API' },
        { clientId: 'cli', kind: 'confidential', name: 'CLI', secret: 's', directAccessGrants: true },
        { clientId: 'city-shell', kind: 'public', name: 'City', port: 4201 },
      ],
      audience: 'dieu-hanh-api',
      realms: [
        { realm: 'p-two', provinceCode: '02', displayName: 'Two' },
        { realm: 'p-one', provinceCode: '01', displayName: 'One' },
      ],
    },
    accounts: [
      account('p-one', 'zed', 'X1', 2, ['commune-officer']),
      account('p-one', 'boss', 'D1', 1, ['leader', 'leader']),
      account('p-two', 'two', 'D2', 1, ['leader']),
    ],
    directory: {
      provinces: [
        { code: '01', name: 'One', realm: 'p-one' },
        { code: '02', name: 'Two', realm: 'p-two' },
      ],
      units: [
        unit('D1', '01', 1, '2008-08-01'),
        unit('X1', '01', 2),
        unit('OLD', '01', 1, '2008-08-01', '2025-02-28'),
        unit('NEXT', '01', 1, '2026-01-01'),
        unit('D2', '02', 1),
      ],
    },
  };
}

describe('realm model (fixture)', () => {
  const models = realmModelsFromSeeds(fixture(), { asOf: '2025-10-01', publicUrl: 'http://proxy.test/' });
  const one = the(models, (m) => m.realm === 'p-one');

  it('one model per realm, sorted, with the province and the audience', () => {
    expect(
      models.map((m) => [m.realm, m.provinceCode, m.displayName, m.audience, m.accessTokenLifespan]),
    ).toEqual([
      ['p-one', '01', 'One', 'dieu-hanh-api', 300],
      ['p-two', '02', 'Two', 'dieu-hanh-api', 300],
    ]);
  });

  it('a group per unit of the province valid on the day: not closed, not yet opened, not another province', () => {
    expect(one.groups).toEqual([
      { name: 'D1', path: '/D1', attributes: { unit: ['D1'], tier: ['1'], name: ['Short D1'] } },
      { name: 'X1', path: '/X1', attributes: { unit: ['X1'], tier: ['2'], name: ['Short X1'] } },
    ]);
    const later = the(realmModelsFromSeeds(fixture(), { asOf: '2026-01-01' }), (m) => m.realm === 'p-one');
    expect(later.groups.map((g) => g.name)).toEqual(['D1', 'NEXT', 'X1']);
  });

  it('users: stable id, Vietnamese full name, unit, tier, sorted unique roles, their unit’s group', () => {
    expect(one.users.map((u) => u.username)).toEqual(['boss', 'zed']);
    expect(one.users[0]).toEqual({
      id: stableUserId('p-one', 'boss'),
      username: 'boss',
      password: 'pw',
      firstName: 'An',
      lastName: 'Nguyễn Văn',
      name: 'Nguyễn Văn An',
      email: 'boss@x.test',
      unit: 'D1',
      tier: 1,
      roles: ['leader'],
      groups: ['/D1'],
    });
  });

  it('clients: bearer-only API, confidential cli with direct access grants, public PKCE shell on localhost and the proxy', () => {
    expect(one.clients.map((c) => c.clientId)).toEqual(['city-shell', 'cli', 'dieu-hanh-api']);
    expect(one.clients.find((c) => c.clientId === 'city-shell')).toEqual({
      clientId: 'city-shell',
      name: 'City',
      kind: 'public',
      directAccessGrants: false,
      standardFlow: true,
      pkce: true,
      redirectUris: ['http://localhost:4201/*', 'http://proxy.test/city/*'],
      webOrigins: ['http://localhost:4201', 'http://proxy.test'],
      postLogoutRedirectUris: ['http://localhost:4201/*', 'http://proxy.test/city/*'],
    });
    expect(one.clients.find((c) => c.clientId === 'cli')).toMatchObject({
      kind: 'confidential',
      secret: 's',
      directAccessGrants: true,
      standardFlow: false,
      pkce: false,
      redirectUris: [],
      webOrigins: [],
    });
    expect(one.clients.find((c) => c.clientId === 'dieu-hanh-api')).toMatchObject({
      kind: 'bearer-only',
      directAccessGrants: false,
      standardFlow: false,
    });
  });

  it('refuses seeds that contradict each other, naming every problem', () => {
    const bad = fixture();
    bad.accounts.push({ ...bad.accounts[0], username: 'gone', unit: 'OLD', tier: 1 });
    bad.accounts.push({ ...bad.accounts[0], username: 'wrongtier', tier: 1 });
    bad.accounts.push({ ...bad.accounts[0], username: 'norole', roles: ['king'] });
    bad.accounts.push({ ...bad.accounts[0], username: 'lost', realm: 'p-three' });
    bad.directory.provinces[1] = { ...bad.directory.provinces[1], realm: 'other' };
    let message = '';
    try {
      realmModelsFromSeeds(bad, { asOf: '2025-10-01' });
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toContain('p-one/gone: unit OLD is not a unit of province 01 valid on 2025-10-01');
    expect(message).toContain('p-one/wrongtier: tier 1, but unit X1 is tier 2');
    expect(message).toContain('p-one/norole: role king is not declared');
    expect(message).toContain('lost is in realm p-three, which realms.json does not declare');
    expect(message).toContain("realm p-two: the unit directory names province 02's realm other");
  });

  it('the Keycloak export is deterministic', () => {
    expect(serializeRealmExport(one)).toBe(
      serializeRealmExport(
        realmModelsFromSeeds(fixture(), { asOf: '2025-10-01', publicUrl: 'http://proxy.test' })[0],
      ),
    );
    expect(serializeRealmExport(one)).toMatch(/^\{\n {2}"realm": "p-one",\n/);
  });
});

describe('realm models from seeds/', () => {
  const models = buildRealmModels(SEEDS);
  const haNoi = the(models, (m) => m.realm === 'ha-noi');

  it('one realm per seeded province', () => {
    expect(models.map((m) => [m.realm, m.provinceCode])).toEqual([
      ['ha-noi', '01'],
      ['hai-phong', '31'],
    ]);
  });

  it('groups: Hà Nội’s current units (126 communes among them), none closed or from Hải Phòng', () => {
    const paths = haNoi.groups.map((g) => g.path);
    expect(paths).toContain('/00070');
    expect(paths).toContain('/01-SKHCN');
    expect(paths).not.toContain('/01-STTTT');
    expect(paths).not.toContain('/11413');
    expect(haNoi.groups.filter((g) => g.attributes.tier[0] === '2').length).toBeGreaterThanOrEqual(126);
    expect(haNoi.groups.find((g) => g.name === '00070')?.attributes).toEqual({
      unit: ['00070'],
      tier: ['2'],
      name: ['Phường Hoàn Kiếm'],
    });
  });

  it('every demo account is a user of its realm, in its unit’s group', () => {
    const u = the(haNoi.users, (x) => x.username === 'hoankiem.canbo');
    expect(u).toMatchObject({
      unit: '00070',
      tier: 2,
      roles: ['commune-officer'],
      groups: ['/00070'],
      name: 'Phạm Thu Mai',
    });
    expect(u.id).toBe(stableUserId('ha-noi', 'hoankiem.canbo'));
    for (const m of models) {
      const groups = new Set(m.groups.map((g) => g.path));
      for (const user of m.users) expect(user.groups.every((g) => groups.has(g))).toBe(true);
    }
  });
});

describe('Keycloak export', () => {
  const haNoi = the(buildRealmModels(SEEDS), (m) => m.realm === 'ha-noi');
  type Client = {
    clientId: string;
    protocolMappers: { protocolMapper: string; config: Record<string, string> }[];
    attributes: Record<string, string>;
    [k: string]: unknown;
  };
  const exp = toKeycloakRealmExport(haNoi) as {
    realm: string;
    sslRequired: string;
    accessTokenLifespan: number;
    clients: Client[];
    users: {
      username: string;
      attributes: Record<string, string[]>;
      credentials: unknown[];
      realmRoles: string[];
      groups: string[];
    }[];
    components: Record<string, { config: Record<string, string[]> }[]>;
  };
  const client = (id: string) => the(exp.clients, (c) => c.clientId === id);

  it('realm settings', () => {
    expect(exp).toMatchObject({
      realm: 'ha-noi',
      enabled: true,
      displayName: 'Thành phố Hà Nội',
      sslRequired: 'external',
      accessTokenLifespan: 300,
    });
  });

  it('clients: bearer-only API, confidential cli, public PKCE shells with their URIs', () => {
    expect(client('dieu-hanh-api')).toMatchObject({ bearerOnly: true, publicClient: false });
    expect(client('cli')).toMatchObject({
      publicClient: false,
      secret: 'dieu-hanh-cli-secret',
      directAccessGrantsEnabled: true,
      standardFlowEnabled: false,
    });
    for (const [id, port] of [
      ['city-shell', 4201],
      ['department-shell', 4202],
      ['ward-portal', 4203],
    ] as const) {
      const c = client(id);
      expect(c).toMatchObject({
        publicClient: true,
        standardFlowEnabled: true,
        directAccessGrantsEnabled: false,
        implicitFlowEnabled: false,
      });
      expect(c['redirectUris']).toContain(`http://localhost:${port}/*`);
      expect(c['webOrigins']).toContain(`http://localhost:${port}`);
      expect(c.attributes['pkce.code.challenge.method']).toBe('S256');
      expect(c.attributes['post.logout.redirect.uris'].split('##')).toContain(`http://localhost:${port}/*`);
    }
  });

  it('mappers put unit (String), tier (int), groups, preferred_username, name and the API audience into tokens', () => {
    for (const id of ['city-shell', 'cli']) {
      const kinds = client(id).protocolMappers.map(
        (m) =>
          `${m.protocolMapper}:${m.config['claim.name'] ?? m.config['included.client.audience']}:${m.config['jsonType.label'] ?? ''}`,
      );
      expect(kinds).toEqual(
        expect.arrayContaining([
          'oidc-usermodel-attribute-mapper:unit:String',
          'oidc-usermodel-attribute-mapper:tier:int',
          'oidc-group-membership-mapper:groups:',
          'oidc-usermodel-property-mapper:preferred_username:String',
          'oidc-usermodel-attribute-mapper:name:String',
          'oidc-audience-mapper:dieu-hanh-api:',
        ]),
      );
    }
    // Keycloak's `profile` scope would write `name` as "first last": the clients do not take it by default.
    expect(client('city-shell')['defaultClientScopes']).toEqual([
      'acr',
      'basic',
      'email',
      'roles',
      'web-origins',
    ]);
  });

  it('users: password credential (not temporary), realm roles, group, unit/tier/fullName attributes declared in the user profile', () => {
    const u = the(exp.users, (x) => x.username === 'lanhdao');
    expect(u).toMatchObject({
      credentials: [{ type: 'password', value: 'Demo@2025', temporary: false }],
      realmRoles: ['leader'],
      groups: ['/01-UBND'],
      attributes: { unit: ['01-UBND'], tier: ['1'], fullName: ['Trần Minh Quang'] },
    });
    const profile = JSON.parse(
      exp.components['org.keycloak.userprofile.UserProfileProvider'][0].config['kc.user.profile.config'][0],
    );
    expect(profile.attributes.map((a: { name: string }) => a.name)).toEqual([
      'username',
      'email',
      'firstName',
      'lastName',
      'fullName',
      'unit',
      'tier',
    ]);
  });
});

describe('token scope', () => {
  it('is what Keycloak writes for these clients', () => {
    expect(tokenScope('openid')).toBe('openid email');
    expect(tokenScope(undefined)).toBe('email');
    expect(tokenScope('openid profile offline_access roles')).toBe('openid email offline_access profile');
    expect(isKnownScope('profile')).toBe(true);
    expect(isKnownScope('admin')).toBe(false);
  });
});

describe('helpers', () => {
  it('stableUserId is stable, UUID-shaped and differs per realm', () => {
    expect(stableUserId('ha-noi', 'x')).toBe(stableUserId('ha-noi', 'x'));
    expect(stableUserId('ha-noi', 'x')).not.toBe(stableUserId('hai-phong', 'x'));
    expect(stableUserId('ha-noi', 'x')).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('unitValidOn and todayInVietnam', () => {
    expect(unitValidOn({ validFrom: '2025-07-01', validTo: null }, '2025-07-01')).toBe(true);
    expect(unitValidOn({ validFrom: '2025-07-01', validTo: null }, '2025-06-30')).toBe(false);
    expect(unitValidOn({ validFrom: '2008-08-01', validTo: '2025-02-28' }, '2025-02-28')).toBe(true);
    expect(unitValidOn({ validFrom: '2008-08-01', validTo: '2025-02-28' }, '2025-03-01')).toBe(false);
    expect(todayInVietnam(new Date('2025-06-30T17:00:00Z'))).toBe('2025-07-01');
    expect(todayInVietnam(new Date('2025-06-30T16:59:59Z'))).toBe('2025-06-30');
  });

  it.each([
    ['http://localhost:4201/', true],
    ['http://localhost:4201/danh-muc?x=1', true],
    ['http://localhost:42010/', false],
    ['http://evil.test/http://localhost:4201/', false],
  ])('matchesRedirectPattern %s → %s', (uri, ok) =>
    expect(matchesRedirectPattern(['http://localhost:4201/*'], uri)).toBe(ok),
  );
});
