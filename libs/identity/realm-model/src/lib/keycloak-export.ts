import type { RealmClient, RealmModel } from './realm-model';

type Json = Record<string, unknown>;

/**
 * A Keycloak 26 realm representation (for `kc.sh import` / `--import-realm`) of the same realm the dev
 * server serves: roles, a group per unit, users with unit and tier attributes, the API audience, and
 * mappers that put `unit`, `tier`, `groups`, `preferred_username` and `name` into tokens as the API expects.
 *
 * Keycloak creates its default client scopes on import (the representation declares none). The apps' clients
 * take `basic` (sub, auth_time), `roles` (realm_access.roles), `email`, `web-origins` and `acr` from them, but
 * not `profile`: its full-name mapper writes `name` as "first last" ("Quang Trần Minh"), while Vietnamese
 * names are written family name first ("Trần Minh Quang", as the dev server says). The clients map the
 * profile claims themselves instead, `name` from the user attribute `fullName`.
 */
export function toKeycloakRealmExport(m: RealmModel): Json {
  return {
    realm: m.realm,
    displayName: m.displayName,
    enabled: true,
    sslRequired: 'external',
    accessTokenLifespan: m.accessTokenLifespan,
    internationalizationEnabled: true,
    supportedLocales: ['en', 'vi'],
    defaultLocale: 'vi',
    attributes: { provinceCode: m.provinceCode },
    roles: { realm: m.roles.map((r) => ({ name: r.name, description: r.description })) },
    groups: m.groups.map((g) => ({ name: g.name, path: g.path, attributes: g.attributes, subGroups: [] })),
    users: m.users.map((u) => ({
      id: u.id,
      username: u.username,
      enabled: true,
      emailVerified: true,
      firstName: u.firstName,
      lastName: u.lastName,
      email: u.email,
      attributes: { fullName: [u.name], tier: [String(u.tier)], unit: [u.unit] },
      credentials: [{ type: 'password', value: u.password, temporary: false }],
      requiredActions: [],
      realmRoles: u.roles,
      groups: u.groups,
    })),
    clients: m.clients.map((c) => client(m, c)),
    components: {
      // Keycloak 24+ drops user attributes its user profile does not declare ("unmanaged attributes"
      // are disabled by default): declare fullName, unit and tier, editable by administrators only.
      'org.keycloak.userprofile.UserProfileProvider': [
        {
          providerId: 'declarative-user-profile',
          subComponents: {},
          config: { 'kc.user.profile.config': [JSON.stringify(userProfile())] },
        },
      ],
    },
  };
}

function client(m: RealmModel, c: RealmClient): Json {
  const common = {
    clientId: c.clientId,
    name: c.name,
    enabled: true,
    protocol: 'openid-connect',
    fullScopeAllowed: true,
  };
  if (c.kind === 'bearer-only') {
    // The API only receives tokens (as their audience); it never asks for one.
    return {
      ...common,
      bearerOnly: true,
      publicClient: false,
      standardFlowEnabled: false,
      directAccessGrantsEnabled: false,
      implicitFlowEnabled: false,
      serviceAccountsEnabled: false,
      redirectUris: [],
      webOrigins: [],
      attributes: {},
      protocolMappers: [],
    };
  }
  return {
    ...common,
    bearerOnly: false,
    publicClient: c.kind === 'public',
    ...(c.kind === 'confidential' ? { clientAuthenticatorType: 'client-secret', secret: c.secret } : {}),
    standardFlowEnabled: c.standardFlow,
    directAccessGrantsEnabled: c.directAccessGrants,
    implicitFlowEnabled: false,
    serviceAccountsEnabled: false,
    frontchannelLogout: true,
    redirectUris: c.redirectUris,
    webOrigins: c.webOrigins,
    defaultClientScopes: [...DEFAULT_CLIENT_SCOPES],
    optionalClientScopes: [...OPTIONAL_CLIENT_SCOPES],
    attributes: {
      ...(c.pkce ? { 'pkce.code.challenge.method': 'S256' } : {}),
      'post.logout.redirect.uris': c.postLogoutRedirectUris.length ? c.postLogoutRedirectUris.join('##') : '',
    },
    protocolMappers: mappers(m),
  };
}

/**
 * Keycloak's default client scopes without `profile` (see above); `profile` stays requestable as an optional
 * scope so generic OIDC clients asking for `openid profile` are not refused.
 */
export const DEFAULT_CLIENT_SCOPES = ['acr', 'basic', 'email', 'roles', 'web-origins'] as const;
export const OPTIONAL_CLIENT_SCOPES = [
  'address',
  'microprofile-jwt',
  'offline_access',
  'phone',
  'profile',
] as const;
/** Keycloak's built-in scopes whose names appear in the token's `scope` claim (include.in.token.scope). */
const SCOPES_IN_TOKEN = new Set([
  'address',
  'email',
  'microprofile-jwt',
  'offline_access',
  'phone',
  'profile',
]);

/** Scopes the apps' clients may request: `openid` and their default and optional client scopes. */
export function isKnownScope(scope: string): boolean {
  return (
    scope === 'openid' ||
    (DEFAULT_CLIENT_SCOPES as readonly string[]).includes(scope) ||
    (OPTIONAL_CLIENT_SCOPES as readonly string[]).includes(scope)
  );
}

/**
 * The `scope` claim Keycloak writes for a request: `openid` when asked for, then every default scope and
 * the requested optional ones that show in tokens (for these clients: `openid email` for keycloak-js).
 */
export function tokenScope(requested: string | undefined): string {
  const asked = new Set((requested ?? '').split(/\s+/).filter(Boolean));
  const granted = [...DEFAULT_CLIENT_SCOPES, ...OPTIONAL_CLIENT_SCOPES.filter((s) => asked.has(s))]
    .filter((s) => SCOPES_IN_TOKEN.has(s))
    .sort();
  return [...(asked.has('openid') ? ['openid'] : []), ...granted].join(' ');
}

function mappers(m: RealmModel): Json[] {
  const inTokens = {
    'id.token.claim': 'true',
    'access.token.claim': 'true',
    'userinfo.token.claim': 'true',
    'introspection.token.claim': 'true',
  };
  return [
    {
      name: 'unit',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-usermodel-attribute-mapper',
      config: {
        'user.attribute': 'unit',
        'claim.name': 'unit',
        'jsonType.label': 'String',
        multivalued: 'false',
        ...inTokens,
      },
    },
    {
      name: 'tier',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-usermodel-attribute-mapper',
      config: {
        'user.attribute': 'tier',
        'claim.name': 'tier',
        'jsonType.label': 'int',
        multivalued: 'false',
        ...inTokens,
      },
    },
    {
      name: 'groups',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-group-membership-mapper',
      config: { 'full.path': 'true', 'claim.name': 'groups', ...inTokens },
    },
    property('preferred_username', 'username'),
    property('given_name', 'firstName'),
    property('family_name', 'lastName'),
    {
      name: 'name',
      protocol: 'openid-connect',
      protocolMapper: 'oidc-usermodel-attribute-mapper',
      config: {
        'user.attribute': 'fullName',
        'claim.name': 'name',
        'jsonType.label': 'String',
        multivalued: 'false',
        ...inTokens,
      },
    },
    {
      name: `audience ${m.audience}`,
      protocol: 'openid-connect',
      protocolMapper: 'oidc-audience-mapper',
      config: {
        'included.client.audience': m.audience,
        'id.token.claim': 'false',
        'access.token.claim': 'true',
        'introspection.token.claim': 'true',
      },
    },
  ];
}

function property(claim: string, property: string): Json {
  return {
    name: claim,
    protocol: 'openid-connect',
    protocolMapper: 'oidc-usermodel-property-mapper',
    config: {
      'user.attribute': property,
      'claim.name': claim,
      'jsonType.label': 'String',
      'id.token.claim': 'true',
      'access.token.claim': 'true',
      'userinfo.token.claim': 'true',
      'introspection.token.claim': 'true',
    },
  };
}

/** Keycloak 26's default user profile plus the full name, unit and tier the tokens carry. */
function userProfile(): Json {
  const everyone = { view: ['admin', 'user'], edit: ['admin', 'user'] };
  const adminEdits = { view: ['admin', 'user'], edit: ['admin'] };
  return {
    attributes: [
      {
        name: 'username',
        displayName: '${username}',
        validations: {
          length: { min: 3, max: 255 },
          'username-prohibited-characters': {},
          'up-username-not-idn-homograph': {},
        },
        permissions: everyone,
        multivalued: false,
      },
      {
        name: 'email',
        displayName: '${email}',
        validations: { email: {}, length: { max: 255 } },
        required: { roles: ['user'] },
        permissions: everyone,
        multivalued: false,
      },
      {
        name: 'firstName',
        displayName: '${firstName}',
        validations: { length: { max: 255 }, 'person-name-prohibited-characters': {} },
        required: { roles: ['user'] },
        permissions: everyone,
        multivalued: false,
      },
      {
        name: 'lastName',
        displayName: '${lastName}',
        validations: { length: { max: 255 }, 'person-name-prohibited-characters': {} },
        required: { roles: ['user'] },
        permissions: everyone,
        multivalued: false,
      },
      {
        name: 'fullName',
        displayName: 'Họ và tên / Full name',
        validations: { length: { max: 255 }, 'person-name-prohibited-characters': {} },
        permissions: adminEdits,
        multivalued: false,
        group: 'user-metadata',
      },
      {
        name: 'unit',
        displayName: 'Đơn vị / Unit',
        validations: { length: { min: 1, max: 64 } },
        permissions: adminEdits,
        multivalued: false,
        group: 'user-metadata',
      },
      {
        name: 'tier',
        displayName: 'Cấp / Tier',
        validations: { integer: { min: 1, max: 2 } },
        permissions: adminEdits,
        multivalued: false,
        group: 'user-metadata',
      },
    ],
    groups: [
      {
        name: 'user-metadata',
        displayHeader: 'User metadata',
        displayDescription: 'Attributes, which refer to user metadata',
      },
    ],
  };
}

/** The export as written to docker/keycloak/realms/<realm>-realm.json: stable, 2-space JSON. */
export function serializeRealmExport(m: RealmModel): string {
  return `${JSON.stringify(toKeycloakRealmExport(m), null, 2)}\n`;
}
