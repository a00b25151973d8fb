import { type ApplicationConfig, type Type } from '@angular/core';
import { bootstrapApplication } from '@angular/platform-browser';
import type { Shell } from '@dieu-hanh/shared/contracts';
import { AuthService } from './auth.service';
import { SHELL_CONFIG, type ShellConfig } from './shell-config';
import { chooseRealm, loadShellConfig, pickRealm, showNoNetwork } from './sign-in';

/**
 * Shell start-up: read the runtime config, sign in, then bootstrap once. The shell's main.ts has
 * usually signed in already (`signInBeforeAngular`, before any Angular code loaded), so this finds the
 * session kept on the device and makes no round trip; called on its own it asks for the province and
 * opens the login page itself.
 */
export async function bootstrapShell(shell: Shell, root: Type<unknown>, appConfig: (config: ShellConfig, auth: AuthService) => ApplicationConfig): Promise<void> {
  const config = await loadShellConfig();
  const realm = chooseRealm(config) ?? (await pickRealm(config));
  const auth = new AuthService();
  if (!(await auth.init(config, realm, shell))) {
    showNoNetwork();
    return;
  }
  const app = appConfig(config, auth);
  await bootstrapApplication(root, {
    ...app,
    providers: [{ provide: SHELL_CONFIG, useValue: config }, { provide: AuthService, useValue: auth }, ...app.providers],
  });
}
