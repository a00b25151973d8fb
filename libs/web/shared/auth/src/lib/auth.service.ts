import { Injectable, computed, signal } from '@angular/core';
import { type Shell, type Tier, homeShellFor } from '@dieu-hanh/shared/contracts';
import type { ShellConfig } from './shell-config';
import { chooseRealm, openLoginPage, rememberRealm, signIn, signOut } from './sign-in';
import { type RefreshOutcome, type StoredSession, clearSession, jwtPayload, refreshSession, secondsLeft, writeSession } from './stored-session';

export interface SignedInUser {
  username: string;
  name: string;
  unit: string;
  tier: Tier;
  roles: string[];
  realm: string;
}

/**
 * The sign-in state, shared as a singleton by the shell and every remote (Native Federation shares
 * this library once). The shell signs in before bootstrap (`signIn`, also run by its main.ts before
 * Angular loads); remotes never call init. keycloak-js is loaded only to open the login page or sign out.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  readonly user = signal<SignedInUser | null>(null);
  readonly homeShell = computed<Shell | null>(() => {
    const u = this.user();
    return u ? homeShellFor(u) : null;
  });

  /** Chooses the realm from `?realm=`, then the last one used, then the only one configured. */
  static chooseRealm(config: ShellConfig, search = location.search): string | null {
    return chooseRealm(config, search);
  }

  static rememberRealm(realm: string): void {
    rememberRealm(realm);
  }

  /** The session in use (tokens from the login server, or kept on the device). */
  private session: StoredSession | null = null;
  private config: ShellConfig | null = null;
  private realm = '';
  private clientId = '';
  private refreshing: Promise<RefreshOutcome> | null = null;
  /**
   * Set while the portal runs on the session kept on the device without reaching the login server (no
   * network): the time those tokens were obtained, which the pages show as "as of".
   */
  readonly offlineSince = signal<number | null>(null);

  /**
   * Signs in (see `signIn`): the session kept on the device — put there by the shell's main.ts before
   * Angular started, so this makes no round trip — else the login page. Resolves to false when a first
   * sign-in has no network; the shell says so.
   */
  async init(config: ShellConfig, realm: string, clientId: string): Promise<boolean> {
    this.config = config;
    this.realm = realm;
    this.clientId = clientId;
    const outcome = await signIn(config, realm, clientId);
    if (outcome.kind === 'no-network') return false;
    this.useSession(outcome.session, outcome.offline);
    return true;
  }

  /**
   * A valid access token: the one in use while it lasts 30 s more, else a refreshed one. Null when the
   * login server cannot be reached (offline: the caller's request would fail anyway) or the session
   * has ended (then the login page is opened).
   */
  async token(): Promise<string | null> {
    const session = this.session;
    if (!session || !this.config) return null;
    if (secondsLeft(session.token) >= 30) return session.token;
    this.refreshing ??= refreshSession(this.config.idpUrl, session).finally(() => (this.refreshing = null));
    const outcome = await this.refreshing;
    if (outcome.kind === 'refreshed') {
      if (this.session?.refreshToken === session.refreshToken) {
        writeSession(outcome.session);
        this.useSession(outcome.session, false);
      }
      return outcome.session.token;
    }
    if (outcome.kind === 'ended') {
      clearSession();
      void openLoginPage(this.config, this.realm, this.clientId);
    } else this.offlineSince.set(session.savedAt);
    return null;
  }

  private useSession(session: StoredSession, offline: boolean): void {
    this.session = session;
    this.offlineSince.set(offline ? session.savedAt : null);
    const t = jwtPayload(session.token) ?? {};
    this.user.set({
      username: String(t['preferred_username'] ?? ''),
      name: String(t['name'] ?? t['preferred_username'] ?? ''),
      unit: String(t['unit'] ?? ''),
      tier: Number(t['tier']) === 2 ? 2 : 1,
      roles: ((t['realm_access'] as { roles?: string[] } | undefined)?.roles ?? []).filter((r) => !r.startsWith('default-') && r !== 'offline_access' && r !== 'uma_authorization'),
      realm: this.realm,
    });
  }

  hasRole(role: string): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  /** Signs out at the login server and forgets the session kept on the device. */
  async logout(): Promise<void> {
    const session = this.session;
    this.session = null;
    if (this.config) await signOut(this.config, session);
    else clearSession();
  }
}
