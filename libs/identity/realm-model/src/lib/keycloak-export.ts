import type { RealmModel } from './realm-model';

/**
 * A Keycloak 26 realm representation (for `kc.sh import` / `--import-realm`) of the same realm the dev
 * server serves: roles, groups per unit, users with unit and tier attributes, the API audience, and
 * mappers that put `unit`, `tier` and `groups` into tokens as the API expects.
 */
export function toKeycloakRealmExport(m: RealmModel): Record<string, unknown> {
  const mappers = [
    userAttributeMapper('unit', 'unit', 'String'),
    userAttributeMapper('tier', 'tier', 'int'),
    {
      name: 'groups',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-group-membership-mapper',
      config: { 'full.path': 'true', 'id.token.claim': 'true', 'access.token.claim': 'true', 'userinfo.token.claim': 'true', 'claim.name': 'groups' },
    },
    {
      name: 'audience dieu-hanh-api',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-audience-mapper',
      config: { 'included.client.audience': m.audience, 'id.token.claim': 'false', 'access.token.claim': 'true' },
    },
  ];
  return {
    realm: m.realm,
    displayName: m.displayName,
    enabled: true,
    sslRequired: 'external',
    accessTokenLifespan: m.accessTokenLifespan,
    internationalizationEnabled: true,
    supportedLocales: ['vi', 'en'],
    defaultLocale: 'vi',
    attributes: { provinceCode: m.provinceCode },
    roles: { realm: m.roles.map((r) => ({ name: r.name, description: r.description })) },
    groups: m.groups.map((g) => ({ name: g.name, path: g.path, attributes: g.attributes })),
    users: m.users.map((u) => ({
      id: u.id,
      username: u.username,
      enabled: true,
      emailVerified: true,
      firstName: u.firstName,
      lastName: u.lastName,
      email: u.email,
      attributes: { unit: [u.unit], tier: [String(u.tier)] },
      credentials: [{ type: 'password', value: u.password, temporary: false }],
      realmRoles: u.roles,
      groups: u.groups,
    })),
    clients: m.clients.map((c) => ({
      clientId: c.clientId,
      name: c.name,
      enabled: true,
      protocol: 'openid-connect',
      bearerOnly: c.kind === 'bearer-only',
      publicClient: c.kind === 'public',
      ...(c.kind === 'confidential' ? { clientAuthenticatorType: 'client-secret', secret: c.secret } : {}),
      standardFlowEnabled: c.standardFlow,
      directAccessGrantsEnabled: c.directAccessGrants,
      implicitFlowEnabled: false,
      serviceAccountsEnabled: false,
      redirectUris: c.redirectUris,
      webOrigins: c.webOrigins,
      attributes: {
        ...(c.kind === 'public' ? { 'pkce.code.challenge.method': 'S256' } : {}),
        'post.logout.redirect.uris': c.postLogoutRedirectUris.join('##'),
      },
      fullScopeAllowed: true,
      protocolMappers: c.kind === 'bearer-only' ? [] : mappers,
    })),
  };
}

function userAttributeMapper(name: string, attribute: string, jsonType: 'String' | 'int') {
  return {
    name,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-attribute-mapper',
    config: {
      'user.attribute': attribute,
      'claim.name': name,
      'jsonType.label': jsonType,
      'id.token.claim': 'true',
      'access.token.claim': 'true',
      'userinfo.token.claim': 'true',
    },
  };
}

/** The export as written to docker/keycloak/realms/<realm>-realm.json: stable, 2-space JSON. */
export function serializeRealmExport(m: RealmModel): string {
  return `${JSON.stringify(toKeycloakRealmExport(m), null, 2)}\n`;
}
