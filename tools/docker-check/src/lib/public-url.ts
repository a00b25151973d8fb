import { error, type Problem, warning } from './problem';

export interface PublicUrlFacts {
  /** Keycloak's KC_HOSTNAME: the origin browsers use. */
  publicUrl: string;
  /** AUTH_ISSUERS entries of every service that verifies tokens. */
  issuers: readonly string[];
  /** Network aliases of the reverse proxy. */
  proxyAliases: readonly string[];
  /** Ports the reverse proxy listens on inside its container. */
  proxyListenPorts: readonly number[];
  /** Host ports the reverse proxy is published on (what the browser connects to). */
  proxyPublishedPorts?: readonly number[];
}

/**
 * Tokens carry `iss` = KC_HOSTNAME + /realms/<realm>; the API only accepts issuers listed in
 * AUTH_ISSUERS and fetches their keys from that same URL. So the issuers must be built from the
 * public URL, and containers must be able to reach the public URL: either the proxy carries the
 * public host name as a network alias and listens on the public port, or external DNS does it.
 */
export function checkPublicUrl(facts: PublicUrlFacts, file = 'compose.yaml'): Problem[] {
  const problems: Problem[] = [];
  let url: URL;
  try {
    url = new URL(facts.publicUrl);
  } catch {
    return [error(file, `KC_HOSTNAME ${JSON.stringify(facts.publicUrl)} is not a URL`)];
  }
  if (facts.publicUrl.endsWith('/'))
    problems.push(error(file, `KC_HOSTNAME ${facts.publicUrl} must not end with "/"`));
  if (url.pathname !== '/') {
    problems.push(
      error(
        file,
        `KC_HOSTNAME ${facts.publicUrl} has a path; the proxy serves Keycloak at the root (/realms/...)`,
      ),
    );
  }
  const origin = url.origin;
  for (const issuer of facts.issuers) {
    if (!issuer.startsWith(`${origin}/realms/`)) {
      problems.push(
        error(
          file,
          `issuer ${issuer} is not under ${origin}/realms/: tokens from Keycloak would be rejected`,
        ),
      );
    }
  }
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') {
    problems.push(
      error(file, `${origin} is the host machine's loopback; inside a container it is the container itself`),
    );
  } else if (facts.proxyAliases.includes(url.hostname)) {
    if (!facts.proxyListenPorts.includes(port)) {
      problems.push(
        error(
          file,
          `containers resolve ${url.hostname} to the proxy, which listens on ${facts.proxyListenPorts.join(', ') || 'no port'}, not ${port}: the API could not fetch the realms' keys`,
        ),
      );
    }
    const published = facts.proxyPublishedPorts ?? [];
    if (published.length && !published.includes(port)) {
      problems.push(
        error(
          file,
          `the proxy is published on ${published.join(', ')}, not on ${port}: browsers could not reach ${origin}`,
        ),
      );
    }
  } else if (url.hostname.endsWith('.localhost')) {
    problems.push(
      error(
        file,
        `${url.hostname} resolves to loopback outside Docker only: give the proxy that network alias`,
      ),
    );
  } else {
    problems.push(
      warning(file, `containers reach ${origin} through external DNS: the API container needs a route to it`),
    );
  }
  return problems;
}
