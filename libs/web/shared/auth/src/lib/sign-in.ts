// Signing in before Angular starts, with no Angular in sight: a shell's main.ts runs this first, so the
// province picker shows and the login page opens without downloading and starting the app, and the app
// then starts once, on the session kept on the device (issue 11: it used to start three times).
// keycloak-js is loaded only when the login page must be opened.
import type Keycloak from 'keycloak-js';
import type { ShellConfig } from './shell-config.model';
import { type StoredSession, clearSession, readSession, refreshSession, secondsLeft, writeSession } from './stored-session';

const REALM_KEY = 'dh.realm';

export async function loadShellConfig(url = 'config.json'): Promise<ShellConfig> {
  const res = await fetch(url, { cache: 'no-cache' });
  if (!res.ok) throw new Error(`Cannot load ${url}: ${res.status}`);
  return (await res.json()) as ShellConfig;
}

/** The realm from `?realm=`, then the last one used, then the only one configured; null: ask. */
export function chooseRealm(config: ShellConfig, search = location.search): string | null {
  const fromUrl = new URLSearchParams(search).get('realm');
  const known = (r: string | null) => (r && config.realms.some((x) => x.realm === r) ? r : null);
  let stored: string | null = null;
  try {
    stored = localStorage.getItem(REALM_KEY);
  } catch {
    /* private mode */
  }
  return known(fromUrl) ?? known(stored) ?? (config.realms.length === 1 ? config.realms[0].realm : null);
}

export function rememberRealm(realm: string): void {
  try {
    localStorage.setItem(REALM_KEY, realm);
  } catch {
    /* private mode */
  }
}

export const isOnline = () => typeof navigator === 'undefined' || navigator.onLine !== false;
// Keep the query: a reload of /cong-viec?q=… comes back to the same filtered list.
export const currentUrl = () => location.origin + location.pathname + location.search;

/** The outcome of signing in: a session to use (offline: kept tokens the login server could not refresh), or no network for a first sign-in. */
export type SignInOutcome = { kind: 'session'; session: StoredSession; offline: boolean } | { kind: 'no-network' };

/**
 * Signs in. Coming back from the login page (authorization code + PKCE, keycloak-js) the tokens are
 * kept on the device; next time the kept session is used as it is while its access token lasts,
 * refreshed at the login server when not, and used offline when the login server cannot be reached.
 * Only a session that has really ended (the login server refuses its refresh token) or none at all
 * opens the login page — then this never resolves (the page goes away).
 */
export async function signIn(config: ShellConfig, realm: string, clientId: string): Promise<SignInOutcome> {
  rememberRealm(realm);
  const returning = /[?#&]state=/.test(location.href) && /[?#&](code|error)=/.test(location.href);
  const kept = returning ? null : readSession(realm, clientId);
  if (kept) {
    if (secondsLeft(kept.token) >= 30) return { kind: 'session', session: kept, offline: false };
    const outcome = isOnline() ? await refreshSession(config.idpUrl, kept) : ({ kind: 'unreachable' } as const);
    if (outcome.kind === 'refreshed') {
      writeSession(outcome.session);
      return { kind: 'session', session: outcome.session, offline: false };
    }
    if (outcome.kind === 'unreachable') return { kind: 'session', session: kept, offline: true };
    clearSession();
    return openLoginPage(config, realm, clientId);
  }
  if (!isOnline()) return { kind: 'no-network' };
  const kc = await keycloakFor(config, realm, clientId);
  await kc.init({ onLoad: 'login-required', pkceMethod: 'S256', checkLoginIframe: false, redirectUri: currentUrl() });
  if (!kc.token || !kc.refreshToken) return openLoginPage(config, realm, clientId);
  const session: StoredSession = { realm, clientId, token: kc.token, refreshToken: kc.refreshToken, idToken: kc.idToken ?? null, savedAt: Date.now() };
  writeSession(session);
  return { kind: 'session', session, offline: false };
}

/** Opens the login page (keycloak-js keeps the PKCE state for the way back); never resolves. */
export async function openLoginPage(config: ShellConfig, realm: string, clientId: string): Promise<never> {
  const kc = await keycloakFor(config, realm, clientId);
  if (!kc.didInitialize) await kc.init({ pkceMethod: 'S256', checkLoginIframe: false, redirectUri: currentUrl() });
  await kc.login({ redirectUri: currentUrl() });
  return new Promise<never>(() => undefined);
}

/** Signs out at the login server (ending that session) and forgets the session kept on the device. */
export async function signOut(config: ShellConfig, session: StoredSession | null): Promise<void> {
  clearSession();
  if (!session) return;
  const kc = await keycloakFor(config, session.realm, session.clientId);
  if (!kc.didInitialize) await kc.init({ pkceMethod: 'S256', checkLoginIframe: false });
  kc.idToken = session.idToken ?? undefined; // id_token_hint
  await kc.logout({ redirectUri: document.baseURI });
}

let keycloak: Keycloak | null = null;
async function keycloakFor(config: ShellConfig, realm: string, clientId: string): Promise<Keycloak> {
  if (!keycloak) {
    const { default: KeycloakClass } = await import('keycloak-js');
    keycloak = new KeycloakClass({ url: config.idpUrl, realm, clientId });
  }
  return keycloak;
}

/** The province picker, in plain DOM before Angular loads: resolves with the realm chosen. */
export function pickRealm(config: ShellConfig, host: HTMLElement = document.body): Promise<string> {
  return new Promise((resolve) => {
    const main = document.createElement('main');
    main.className = 'dh-realm-picker';
    main.setAttribute('data-testid', 'realm-picker');
    main.style.cssText = 'max-width:28rem;margin:10vh auto;padding:2rem;font-family:Roboto,"Segoe UI",sans-serif;color:#1c2530';
    const title = document.createElement('h1');
    title.style.cssText = 'font-size:1.4rem;color:#0b3d6b';
    title.textContent = 'Chọn tỉnh, thành phố để đăng nhập';
    const hint = document.createElement('p');
    hint.innerHTML = 'Mỗi tỉnh, thành phố có một máy chủ đăng nhập riêng.<br><span lang="en" style="color:#4a5866">Choose your province or city to sign in.</span>';
    const list = document.createElement('ul');
    list.style.cssText = 'list-style:none;padding:0;display:grid;gap:.75rem';
    for (const r of config.realms) {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = r.name;
      button.style.cssText = 'width:100%;padding:.9rem 1rem;font-size:1rem;border:1px solid #0b3d6b;background:#fff;color:#0b3d6b;border-radius:6px;cursor:pointer';
      button.addEventListener('click', () => {
        rememberRealm(r.realm);
        main.remove();
        resolve(r.realm);
      });
      li.append(button);
      list.append(li);
    }
    main.append(title, hint, list);
    host.prepend(main);
  });
}

/** First sign-in needs the login server: without a network and a session kept, say so (not a browser error page). */
export function showNoNetwork(): void {
  const main = document.createElement('main');
  main.setAttribute('role', 'alert');
  main.setAttribute('data-testid', 'sign-in-offline');
  main.style.cssText = 'max-width:28rem;margin:10vh auto;padding:2rem;font-family:Roboto,"Segoe UI",sans-serif;color:#0b3d6b';
  main.innerHTML =
    '<h1 style="font-size:1.3rem">Chưa có kết nối mạng</h1><p>Lần đăng nhập đầu tiên trên thiết bị này cần kết nối mạng. Hãy thử lại khi có mạng.</p>' +
    '<p lang="en" style="color:#555">No network: the first sign-in on this device needs a connection. Try again when you are online.</p>';
  document.body.replaceChildren(main);
  window.addEventListener('online', () => location.reload(), { once: true });
}

/**
 * A shell's first step (main.ts, after the federation manifest): the runtime config, the province
 * (asked once), the session. Resolves true when the app may start — the session is then kept on the
 * device, where AuthService finds it without a round trip — false when it may not (no network for a
 * first sign-in, said on the page); does not resolve while the login page opens.
 */
export async function signInBeforeAngular(clientId: string): Promise<boolean> {
  const config = await loadShellConfig();
  const realm = chooseRealm(config) ?? (await pickRealm(config));
  const outcome = await signIn(config, realm, clientId);
  if (outcome.kind === 'no-network') {
    showNoNetwork();
    return false;
  }
  return true;
}
