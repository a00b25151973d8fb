import { type ApplicationConfig, type Type } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { Shell } from '@dieu-hanh/shared/contracts';
import { AuthService } from './auth.service';
import { RealmPicker } from './realm-picker';
import { SHELL_CONFIG, type ShellConfig, loadShellConfig } from './shell-config';

/**
 * Shell start-up: read the runtime config, sign in through Keycloak (once, before Angular starts), then
 * bootstrap. Without a known realm the province picker is shown first.
 */
export async function bootstrapShell(shell: Shell, root: Type<unknown>, appConfig: (config: ShellConfig, auth: AuthService) => ApplicationConfig): Promise<void> {
  const config = await loadShellConfig();
  const realm = AuthService.chooseRealm(config);
  if (!realm) {
    await bootstrapApplication(RealmPicker, { providers: [{ provide: SHELL_CONFIG, useValue: config }] });
    return;
  }
  const auth = new AuthService();
  await auth.init(config, realm, shell);
  const app = appConfig(config, auth);
  await bootstrapApplication(root, {
    ...app,
    providers: [{ provide: SHELL_CONFIG, useValue: config }, { provide: AuthService, useValue: auth }, ...app.providers],
  });
}
