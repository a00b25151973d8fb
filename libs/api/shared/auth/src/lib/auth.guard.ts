import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { AccountDirectory } from './account-directory.port';
import { accountUnitUnknown, invalidToken, missingToken } from './auth.errors';
import { IS_PUBLIC } from './auth.decorators';
import { JwtVerifier } from './jwt-verifier';

/**
 * Global guard: every route needs a valid token unless marked @Public(). The token becomes an
 * AccessScope (province from the realm, unit and tier checked against the directory) that queries and
 * commands hand to the access policy.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly cache = new Map<string, { scope: Omit<AccessScope, 'subject' | 'username' | 'name' | 'email' | 'roles'>; at: number }>();

  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: JwtVerifier,
    private readonly directory: AccountDirectory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<{ headers: Record<string, string | undefined>; scope?: AccessScope }>();
    const header = req.headers['authorization'];
    if (!header) throw missingToken();
    const m = /^Bearer ([A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]+\.[A-Za-z0-9\-_]*)$/.exec(header.trim());
    if (!m) throw invalidToken('expected "Authorization: Bearer <JWT>"');
    const claims = await this.verifier.verify(m[1]);

    const key = `${claims.realm}|${claims.unit}|${claims.tier}`;
    let placed = this.cache.get(key);
    if (!placed || Date.now() - placed.at > 60_000) {
      const provinceCode = await this.directory.provinceOfRealm(claims.realm);
      const unit = await this.directory.unitFacts(claims.unit);
      // The token's unit must be a current unit of the realm's province, at the tier the token claims.
      if (!provinceCode || !unit || unit.provinceCode !== provinceCode || unit.tier !== claims.tier || unit.validTo !== null) {
        throw accountUnitUnknown(claims.unit);
      }
      placed = {
        scope: { realm: claims.realm, provinceCode, unitCode: claims.unit, tier: claims.tier, communeCode: unit.communeCode },
        at: Date.now(),
      };
      this.cache.set(key, placed);
    }
    req.scope = {
      ...placed.scope,
      subject: claims.subject,
      username: claims.username,
      name: claims.name,
      email: claims.email,
      roles: claims.roles,
    };
    return true;
  }
}
