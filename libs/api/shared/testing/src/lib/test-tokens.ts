import { createLocalJWKSet, exportJWK, generateKeyPair, type JWTVerifyGetKey, SignJWT } from 'jose';

/**
 * A local signing key standing in for an issuer, for in-process tests of token handling (expired,
 * wrong audience, wrong key…). End-to-end suites use real tokens from apps/dev-idp instead.
 */
export async function createTestIssuer(issuer: string) {
  const { privateKey, publicKey } = await generateKeyPair('RS256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const jwks: JWTVerifyGetKey = createLocalJWKSet({ keys: [jwk] });
  const sign = (claims: Record<string, unknown>, options: { expiresIn?: string | number; audience?: string; issuer?: string } = {}) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'RS256', kid: 'test-key', typ: 'JWT' })
      .setIssuer(options.issuer ?? issuer)
      .setAudience(options.audience ?? 'dieu-hanh-api')
      .setSubject(String(claims['sub'] ?? claims['preferred_username'] ?? 'user'))
      .setIssuedAt()
      .setExpirationTime(options.expiresIn ?? '5m')
      .sign(privateKey);
  return { issuer, jwks, sign };
}

export function keycloakClaims(account: { username: string; name?: string; unit: string; tier: 1 | 2; roles: string[] }) {
  return {
    sub: `sub-${account.username}`,
    preferred_username: account.username,
    name: account.name ?? account.username,
    realm_access: { roles: account.roles },
    groups: [`/${account.unit}`],
    unit: account.unit,
    tier: account.tier,
    typ: 'Bearer',
  };
}
