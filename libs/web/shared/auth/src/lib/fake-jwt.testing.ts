import type { ShellConfig } from './shell-config.model';

// Test helper (not exported by the library).
/** An unsigned JWT-shaped token (the signature is the API's business, not the shell's). */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (o: unknown) => btoa(unescape(encodeURIComponent(JSON.stringify(o)))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${part({ alg: 'RS256' })}.${part(claims)}.sig`;
}

/** A shell's runtime config for tests: two realms, so the province is asked. */
export const TEST_SHELL_CONFIG: ShellConfig = {
  shell: 'ward-portal',
  apiUrl: 'http://api',
  idpUrl: 'http://idp',
  realms: [
    { realm: 'ha-noi', name: 'Thành phố Hà Nội' },
    { realm: 'hai-phong', name: 'Thành phố Hải Phòng' },
  ],
  shellUrls: { 'city-shell': 'http://c', 'department-shell': 'http://d', 'ward-portal': 'http://w' },
};
