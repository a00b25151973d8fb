/**
 * oidc-provider 9 prints "oidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS, or a later LTS
 * release." with console.warn when it is loaded on a Node older than 22 (its lib/index.js compares
 * `process.release.lts` with 'Jod'). This project supports Node ≥ 20.19 (README), and the login server is
 * proven on Node 20 by its own tests and by the end-to-end suites (keycloak-js sign-in, refresh, logout,
 * tokens verified with jose). So on Node ≥ 20.19 exactly that line is dropped; every other warning,
 * oidc-provider's included, passes through, and on an older Node the line stays.
 *
 * Imported first by main.ts: oidc-provider prints the line while it is being loaded.
 */
// The line may be wrapped in colour codes when stderr is a terminal.
const UNSUPPORTED_RUNTIME = 'oidc-provider WARNING: Unsupported runtime. Use Node.js v22.x LTS';

export function quietOidcProviderNode20Warning(version = process.versions.node): boolean {
  const [major, minor] = version.split('.').map(Number);
  if (!(major === 20 && minor >= 19)) return false;
  const warn = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (args.length === 1 && typeof args[0] === 'string' && args[0].includes(UNSUPPORTED_RUNTIME)) return;
    warn(...args);
  };
  return true;
}

quietOidcProviderNode20Warning();
