/**
 * Who acts, derived from a verified token (never from the request body): the basis of every access
 * decision and of the actor columns of the event log.
 */
export interface AccessScope {
  subject: string;
  username: string;
  name: string;
  email: string | null;
  realm: string;
  provinceCode: string;
  unitCode: string;
  tier: 1 | 2;
  roles: readonly string[];
  /** For tier-2 accounts: the commune the unit belongs to (the unit itself, or its parent commune). */
  communeCode: string | null;
}

/** What every command carries besides its own data. */
export interface CommandMetadata {
  actor: AccessScope | SystemActor;
  correlationId: string;
  causationId?: string | null;
}

/** The seed command and migrations act as the system, not as a person. */
export interface SystemActor {
  subject: 'system';
  username: string;
  unitCode: null;
  provinceCode: null;
}

export function systemActor(username = 'system'): SystemActor {
  return { subject: 'system', username, unitCode: null, provinceCode: null };
}

/**
 * An AccessScope for code that acts without a token — the seed command acting for a plan's units, the
 * benchmarks, tests — with the identity fields filled in. Real requests get theirs from the verified token.
 */
export function scopeFor(s: Pick<AccessScope, 'provinceCode' | 'unitCode' | 'tier' | 'roles'> & Partial<AccessScope>): AccessScope {
  const username = s.username ?? 'system';
  return { subject: username, name: username, email: null, realm: s.provinceCode, communeCode: null, ...s, username };
}
