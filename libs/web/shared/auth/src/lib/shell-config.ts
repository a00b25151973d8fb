import { InjectionToken } from '@angular/core';
import type { ShellConfig } from './shell-config.model';

export type { ShellConfig } from './shell-config.model';
export { loadShellConfig } from './sign-in';

export const SHELL_CONFIG = new InjectionToken<ShellConfig>('SHELL_CONFIG');
