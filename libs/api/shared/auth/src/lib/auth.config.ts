export interface AuthConfig {
  /** Trusted issuers, e.g. http://localhost:8080/realms/ha-noi (Keycloak layout: <base>/realms/<realm>). */
  issuers: string[];
  /** Expected `aud` of access tokens. */
  audience: string;
  /** Seconds of clock skew tolerated on exp/nbf. */
  clockToleranceSeconds: number;
}

export function authConfigFromEnv(env: NodeJS.ProcessEnv = process.env): AuthConfig {
  const issuers = (env['AUTH_ISSUERS'] ?? 'http://localhost:8080/realms/ha-noi,http://localhost:8080/realms/hai-phong')
    .split(',')
    .map((s) => s.trim().replace(/\/+$/, ''))
    .filter(Boolean);
  return {
    issuers,
    audience: env['AUTH_AUDIENCE'] ?? 'dieu-hanh-api',
    clockToleranceSeconds: Number(env['AUTH_CLOCK_TOLERANCE'] ?? 30),
  };
}

/** Keycloak's realm name is the last path segment of the issuer. */
export function realmOfIssuer(issuer: string): string {
  const m = /\/realms\/([^/]+)$/.exec(issuer);
  if (!m) throw new Error(`Issuer ${issuer} does not follow Keycloak's <base>/realms/<realm> layout`);
  return decodeURIComponent(m[1]);
}
