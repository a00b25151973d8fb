import { Inject, Injectable } from '@nestjs/common';
import { createRemoteJWKSet, decodeJwt, decodeProtectedHeader, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { expiredToken, invalidToken, unknownIssuer } from './auth.errors';
import { type AuthConfig, realmOfIssuer } from './auth.config';

export const AUTH_CONFIG = Symbol('AUTH_CONFIG');
/** Lets tests hand in a local key set instead of fetching the issuer's JWKS. */
export const JWKS_FACTORY = Symbol('JWKS_FACTORY');
export type JwksFactory = (issuer: string) => JWTVerifyGetKey;

/**
 * A verified token is remembered by its exact text (signature included) for at most this long, and
 * never past its own expiry: an RSA signature check costs more than the rest of a small request, and a
 * browser sends the same token for minutes. The bound is how long a key removed from the issuer's JWKS
 * may still be honoured for tokens already seen.
 */
const VERIFIED_TTL_MS = 60_000;
const VERIFIED_MAX = 10_000;

/** Keycloak-shaped claims the API relies on. */
export interface VerifiedClaims {
  issuer: string;
  realm: string;
  subject: string;
  username: string;
  name: string;
  email: string | null;
  unit: string;
  tier: 1 | 2;
  roles: string[];
}


/**
 * Verifies access tokens against the issuer's JWKS (only signatures, never trust in the payload alone),
 * and checks issuer, audience, expiry and the claims the access model needs. Pointing the API at a
 * real Keycloak is configuration only (AUTH_ISSUERS).
 */
@Injectable()
export class JwtVerifier {
  private readonly keySets = new Map<string, JWTVerifyGetKey>();
  private readonly verified = new Map<string, { claims: VerifiedClaims; until: number; exp: number }>();

  constructor(
    @Inject(AUTH_CONFIG) private readonly config: AuthConfig,
    @Inject(JWKS_FACTORY) private readonly jwksFactory: JwksFactory | null,
  ) {}

  async verify(token: string): Promise<VerifiedClaims> {
    const now = Date.now();
    const seen = this.verified.get(token);
    if (seen) {
      if (now < seen.until) {
        if (now >= seen.exp + this.config.clockToleranceSeconds * 1000) throw expiredToken();
        return seen.claims;
      }
      this.verified.delete(token);
    }
    const { claims, exp } = await this.verifyNow(token);
    if (this.verified.size >= VERIFIED_MAX) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(token, { claims, exp, until: now + VERIFIED_TTL_MS });
    return claims;
  }

  private async verifyNow(token: string): Promise<{ claims: VerifiedClaims; exp: number }> {
    let issuer: string;
    try {
      const header = decodeProtectedHeader(token);
      if (header.alg !== 'RS256') throw invalidToken(`unsupported algorithm ${String(header.alg)}`);
      const unverified = decodeJwt(token);
      issuer = String(unverified.iss ?? '').replace(/\/+$/, '');
    } catch (e) {
      if (e instanceof Error && e.name === 'DomainError') throw e;
      throw invalidToken('not a JWT');
    }
    if (!this.config.issuers.includes(issuer)) throw unknownIssuer();

    let payload: JWTPayload;
    try {
      ({ payload } = await jwtVerify(token, this.keySet(issuer), {
        issuer,
        audience: this.config.audience,
        algorithms: ['RS256'],
        clockTolerance: this.config.clockToleranceSeconds,
        requiredClaims: ['exp', 'sub'],
      }));
    } catch (e) {
      const code = (e as { code?: string }).code;
      if (code === 'ERR_JWT_EXPIRED') throw expiredToken();
      if (code === 'ERR_JWT_CLAIM_VALIDATION_FAILED') throw invalidToken(`claim ${(e as { claim?: string }).claim} rejected`);
      if (code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' || code === 'ERR_JWKS_NO_MATCHING_KEY') {
        throw invalidToken('signature does not match the issuer’s keys');
      }
      throw invalidToken(code ?? 'verification failed');
    }
    return { claims: this.toClaims(issuer, payload), exp: Number(payload.exp) * 1000 };
  }

  private keySet(issuer: string): JWTVerifyGetKey {
    let set = this.keySets.get(issuer);
    if (!set) {
      set = this.jwksFactory
        ? this.jwksFactory(issuer)
        : createRemoteJWKSet(new URL(`${issuer}/protocol/openid-connect/certs`), {
            cooldownDuration: 30_000,
            cacheMaxAge: 10 * 60_000,
          });
      this.keySets.set(issuer, set);
    }
    return set;
  }

  private toClaims(issuer: string, p: JWTPayload): VerifiedClaims {
    const unit = p['unit'];
    const tier = Number(p['tier']);
    const roles = (p['realm_access'] as { roles?: unknown } | undefined)?.roles;
    if (typeof unit !== 'string' || !unit) throw invalidToken('claim unit missing');
    if (tier !== 1 && tier !== 2) throw invalidToken('claim tier must be 1 or 2');
    if (!Array.isArray(roles) || roles.some((r) => typeof r !== 'string')) throw invalidToken('claim realm_access.roles missing');
    const username = typeof p['preferred_username'] === 'string' ? p['preferred_username'] : String(p.sub);
    return {
      issuer,
      realm: realmOfIssuer(issuer),
      subject: String(p.sub),
      username,
      name: typeof p['name'] === 'string' ? p['name'] : username,
      email: typeof p['email'] === 'string' ? p['email'] : null,
      unit,
      tier,
      roles: roles as string[],
    };
  }
}
