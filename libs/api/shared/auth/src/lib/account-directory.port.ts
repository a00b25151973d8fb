/**
 * What the auth layer needs from the unit directory to turn a token into a scope. Implemented by the
 * organization context; declared here so auth does not depend on it.
 */
export abstract class AccountDirectory {
  /** The province a login realm belongs to, or null for a realm the directory does not know. */
  abstract provinceOfRealm(realm: string): Promise<string | null>;
  /** Facts about the account's unit, or null when it does not exist. */
  abstract unitFacts(code: string): Promise<{ provinceCode: string; tier: 1 | 2; communeCode: string | null; validTo: string | null } | null>;
}
