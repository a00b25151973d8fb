import type { RealmClient, RealmUser } from '@dieu-hanh/identity/realm-model';

/**
 * The user's claims as this project's Keycloak realms put them in tokens: the profile (client mappers for
 * preferred_username, given_name, family_name and name), `email`, `unit` (String), `tier` (int) and
 * `groups` (full paths).
 */
export function userClaims(user: RealmUser) {
  return {
    preferred_username: user.username,
    name: user.name,
    given_name: user.firstName,
    family_name: user.lastName,
    email: user.email,
    email_verified: true,
    groups: user.groups,
    unit: user.unit,
    tier: user.tier,
  };
}

/** Claims of access and ID tokens: the user's, plus `realm_access.roles` (Keycloak's `roles` scope, tokens only). */
export function profileClaims(user: RealmUser) {
  return { ...userClaims(user), realm_access: { roles: user.roles } };
}

/** What Keycloak adds to an access token for a client: `typ`, `azp`, `acr`, `allowed-origins` (web-origins scope). */
export function accessTokenExtras(client: RealmClient | undefined, clientId: string) {
  return {
    typ: 'Bearer',
    azp: clientId,
    acr: '1',
    ...(client && client.webOrigins.length ? { 'allowed-origins': client.webOrigins } : {}),
  };
}
