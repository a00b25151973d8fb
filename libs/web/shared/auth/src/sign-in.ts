// Signing in before Angular starts (a shell's main.ts): no Angular in this entry point's imports.
export { chooseRealm, loadShellConfig, pickRealm, rememberRealm, signIn, signInBeforeAngular, showNoNetwork } from './lib/sign-in';
export type { ShellConfig } from './lib/shell-config.model';
