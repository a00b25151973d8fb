import type { Shell } from '@dieu-hanh/shared/contracts';

/**
 * Runtime configuration read from `/config.json` before bootstrap, so one build runs anywhere (the
 * deploy writes this file, like the federation manifest).
 */
export interface ShellConfig {
  shell: Shell;
  apiUrl: string;
  /** Base URL of the login server (Keycloak or the dev server): realms live under `<idpUrl>/realms/`. */
  idpUrl: string;
  realms: { realm: string; name: string }[];
  /** Where each shell is served, to send a user to the right one. */
  shellUrls: Record<Shell, string>;
}
