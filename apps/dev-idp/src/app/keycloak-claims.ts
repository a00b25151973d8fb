import type { RealmUser } from '@dieu-hanh/identity/realm-model';

/** Claims as Keycloak puts them in tokens for this project's realms (mappers for unit, tier, groups). */
export function profileClaims(user: RealmUser) {
  return {
    preferred_username: user.username,
    name: user.name,
    given_name: user.firstName,
    family_name: user.lastName,
    email: user.email,
    email_verified: true,
    realm_access: { roles: user.roles },
    groups: user.groups,
    unit: user.unit,
    tier: user.tier,
  };
}
