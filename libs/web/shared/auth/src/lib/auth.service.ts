import { Injectable, computed, signal } from '@angular/core';
import { type Shell, type Tier, homeShellFor } from '@dieu-hanh/shared/contracts';
import Keycloak from 'keycloak-js';
import type { ShellConfig } from './shell-config';

export interface SignedInUser {
  username: string;
  name: string;
  unit: string;
  tier: Tier;
  roles: string[];
  realm: string;
}

const REALM_KEY = 'dh.realm';

/**
 * The sign-in state, shared as a singleton by the shell and every remote (Native Federation shares
 * this library once). keycloak-js is initialised here, once, by the shell before bootstrap; remotes
 * never call init.
 */
@Injectable({ providedIn: 'root' })
export class AuthService {
  private keycloak: Keycloak | null = null;
  readonly user = signal<SignedInUser | null>(null);
  readonly homeShell = computed<Shell | null>(() => {
    const u = this.user();
    return u ? homeShellFor(u) : null;
  });

  /** Chooses the realm from `?realm=`, then the last one used, then the only one configured. */
  static chooseRealm(config: ShellConfig, search = location.search): string | null {
    const fromUrl = new URLSearchParams(search).get('realm');
    const known = (r: string | null) => (r && config.realms.some((x) => x.realm === r) ? r : null);
    const stored = (() => {
      try {
        return localStorage.getItem(REALM_KEY);
      } catch {
        return null;
      }
    })();
    return known(fromUrl) ?? known(stored) ?? (config.realms.length === 1 ? config.realms[0].realm : null);
  }

  static rememberRealm(realm: string): void {
    try {
      localStorage.setItem(REALM_KEY, realm);
    } catch {
      /* private mode */
    }
  }

  /** Signs in (redirecting to the login page when needed) with authorization code + PKCE. */
  async init(config: ShellConfig, realm: string, clientId: string): Promise<void> {
    AuthService.rememberRealm(realm);
    const kc = new Keycloak({ url: config.idpUrl, realm, clientId });
    // Keep the query: a reload of /cong-viec?q=… comes back to the same filtered list.
    const redirectUri = location.origin + location.pathname + location.search;
    await kc.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false, redirectUri });
    this.keycloak = kc;
    kc.onTokenExpired = () => void kc.updateToken(30).catch(() => kc.login());
    const t = kc.tokenParsed as Record<string, unknown>;
    this.user.set({
      username: String(t['preferred_username'] ?? ''),
      name: String(t['name'] ?? t['preferred_username'] ?? ''),
      unit: String(t['unit'] ?? ''),
      tier: Number(t['tier']) === 2 ? 2 : 1,
      roles: ((t['realm_access'] as { roles?: string[] } | undefined)?.roles ?? []).filter((r) => !r.startsWith('default-') && r !== 'offline_access' && r !== 'uma_authorization'),
      realm,
    });
  }

  /** A fresh access token (refreshed silently when it expires within 30 s). */
  async token(): Promise<string | null> {
    if (!this.keycloak) return null;
    try {
      await this.keycloak.updateToken(30);
    } catch {
      await this.keycloak.login();
      return null;
    }
    return this.keycloak.token ?? null;
  }

  hasRole(role: string): boolean {
    return this.user()?.roles.includes(role) ?? false;
  }

  logout(): Promise<void> {
    return this.keycloak?.logout({ redirectUri: location.origin + '/' }) ?? Promise.resolve();
  }
}
