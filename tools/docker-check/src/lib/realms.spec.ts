import { writeTree } from '../testing/write-tree';
import { checkRealmsFolder, issuersOf, realmOfIssuer, validateRealmExport } from './realms';

const messages = (p: { message: string }[]) => p.map((x) => x.message);

const realm = (name: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    realm: name,
    enabled: true,
    roles: { realm: [{ name: 'leader' }] },
    groups: [],
    users: [],
    clients: [
      { clientId: 'dieu-hanh-api', bearerOnly: true },
      { clientId: 'city-shell', publicClient: true, redirectUris: ['http://dieuhanh.localhost:8000/city/*'] },
    ],
    ...extra,
  });

const issuers = issuersOf(
  'http://dieuhanh.localhost:8000/realms/ha-noi, http://dieuhanh.localhost:8000/realms/hai-phong/',
);
const options = {
  label: 'keycloak/realms',
  issuers,
  audience: 'dieu-hanh-api',
  publicUrl: 'http://dieuhanh.localhost:8000',
};

describe('issuers', () => {
  it('splits AUTH_ISSUERS and reads the realm of each', () => {
    expect(issuers).toEqual([
      'http://dieuhanh.localhost:8000/realms/ha-noi',
      'http://dieuhanh.localhost:8000/realms/hai-phong',
    ]);
    expect(issuers.map(realmOfIssuer)).toEqual(['ha-noi', 'hai-phong']);
    expect(realmOfIssuer('http://x/auth')).toBeUndefined();
  });
});

describe('validateRealmExport', () => {
  it('accepts a complete export', () => {
    expect(validateRealmExport(JSON.parse(realm('ha-noi')), 'f')).toEqual([]);
  });

  it('lists every missing or mistyped field', () => {
    expect(
      messages(validateRealmExport({ realm: '', enabled: 'yes', clients: [{}], roles: {} }, 'f')),
    ).toEqual([
      '`realm` must be a non-empty string',
      '`enabled` must be a boolean',
      '`users` must be an array',
      '`groups` must be an array',
      '`roles.realm` must be an array',
      'clients[0] has no clientId',
    ]);
    expect(messages(validateRealmExport([], 'f'))).toEqual(['not a JSON object']);
  });
});

describe('checkRealmsFolder', () => {
  it('accepts one valid export per issuer realm', () => {
    const tree = writeTree({
      'r/ha-noi-realm.json': realm('ha-noi'),
      'r/hai-phong-realm.json': realm('hai-phong'),
    });
    try {
      expect(checkRealmsFolder(`${tree.root}/r`, options)).toEqual([]);
    } finally {
      tree.cleanup();
    }
  });

  it('reports bad JSON, stray files, misnamed files, duplicates and realms without an export', () => {
    const tree = writeTree({
      'r/ha-noi-realm.json': realm('ha-noi'),
      'r/copy.json': realm('ha-noi'),
      'r/broken-realm.json': '{ "realm": ',
      'r/hai-phong-realm.json': realm('haiphong'),
      'r/notes.txt': 'x',
    });
    try {
      const problems = checkRealmsFolder(`${tree.root}/r`, options);
      expect(
        problems.map((p) => `${p.file}: ${p.message.replace(/invalid JSON: .*/, 'invalid JSON')}`),
      ).toEqual([
        'keycloak/realms/broken-realm.json: invalid JSON',
        'keycloak/realms/ha-noi-realm.json: realm ha-noi is exported twice',
        'keycloak/realms/hai-phong-realm.json: file name says realm hai-phong but it contains realm haiphong',
        'keycloak/realms/notes.txt: only .json realm exports belong here (Keycloak imports every file)',
        'keycloak/realms: issuer http://dieuhanh.localhost:8000/realms/hai-phong names realm hai-phong, but no export in keycloak/realms has "realm": "hai-phong"',
      ]);
    } finally {
      tree.cleanup();
    }
  });

  it('reports a realm without the audience client, and warns about redirect URIs outside the public URL', () => {
    const clients = [
      { clientId: 'city-shell', publicClient: true, redirectUris: ['http://localhost:4201/*'] },
    ];
    const tree = writeTree({ 'r/ha-noi-realm.json': realm('ha-noi', { clients }) });
    try {
      const problems = checkRealmsFolder(`${tree.root}/r`, { ...options, issuers: [issuers[0]] });
      expect(problems.map((p) => [p.level, p.message])).toEqual([
        ['error', 'realm ha-noi has no client dieu-hanh-api (AUTH_AUDIENCE)'],
        [
          'warning',
          'realm ha-noi: browser client city-shell has no redirect URI under http://dieuhanh.localhost:8000/ (login through the proxy would be refused)',
        ],
      ]);
    } finally {
      tree.cleanup();
    }
  });
});
