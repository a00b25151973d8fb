/**
 * The signed-in session kept on the device, so a phone opens the portal again without a round trip to
 * the login server, and opens it at all without a network.
 *
 * Why keep the refresh token in localStorage: a commune officer's phone must start the portal offline
 * and in a new tab, and keycloak-js keeps tokens in memory only. The refresh token is bounded by the
 * realm's session lifetimes (idle and maximum) and revoked by signing out; the API still checks every
 * access token's signature and expiry. The trade-off is that script running in the page (an XSS) could
 * read it: the shells' CSP and Angular's escaping are what stand against that.
 */
export interface StoredSession {
  realm: string;
  clientId: string;
  token: string;
  refreshToken: string;
  idToken: string | null;
  /** When the tokens were last obtained from the login server (ms since epoch): the "as of" of offline use. */
  savedAt: number;
}

const KEY = 'dh.session';

/** A JWT's payload, or null when the text is not one (the signature is the API's business). */
export function jwtPayload(token: string | null | undefined): Record<string, unknown> | null {
  const part = token?.split('.')[1];
  if (!part) return null;
  try {
    const json = decodeURIComponent(
      Array.from(atob(part.replace(/-/g, '+').replace(/_/g, '/')), (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0')}`).join(''),
    );
    const payload = JSON.parse(json) as unknown;
    return payload && typeof payload === 'object' && !Array.isArray(payload) ? (payload as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** Seconds left before a token's `exp` (negative when past; -Infinity when it has none). */
export function secondsLeft(token: string | null | undefined, now = Date.now()): number {
  const exp = jwtPayload(token)?.['exp'];
  return typeof exp === 'number' ? exp - now / 1000 : -Infinity;
}

export function readSession(realm: string, clientId: string, storage: Storage | null = safeStorage()): StoredSession | null {
  try {
    const s = JSON.parse(storage?.getItem(KEY) ?? 'null') as Partial<StoredSession> | null;
    if (!s || s.realm !== realm || s.clientId !== clientId || typeof s.token !== 'string' || typeof s.refreshToken !== 'string') return null;
    if (!jwtPayload(s.token)) return null;
    return { realm, clientId, token: s.token, refreshToken: s.refreshToken, idToken: typeof s.idToken === 'string' ? s.idToken : null, savedAt: Number(s.savedAt) || 0 };
  } catch {
    return null;
  }
}

export function writeSession(session: StoredSession, storage: Storage | null = safeStorage()): void {
  try {
    storage?.setItem(KEY, JSON.stringify(session));
  } catch {
    /* private mode or full: the session lives in memory only */
  }
}

export function clearSession(storage: Storage | null = safeStorage()): void {
  try {
    storage?.removeItem(KEY);
  } catch {
    /* nothing kept */
  }
}

/** What refreshing gave: new tokens, the session really ended (sign in again), or no answer (offline). */
export type RefreshOutcome = { kind: 'refreshed'; session: StoredSession } | { kind: 'ended' } | { kind: 'unreachable' };

/**
 * Exchanges the refresh token at the realm's token endpoint (what keycloak-js's updateToken does).
 * A 400/401 answer means the session has ended (expired, revoked, signed out elsewhere); a network
 * failure or a 5xx means the login server cannot be reached now, and the session is kept.
 */
export async function refreshSession(idpUrl: string, session: StoredSession, fetchFn: typeof fetch = fetch): Promise<RefreshOutcome> {
  let res: Response;
  try {
    res = await fetchFn(`${idpUrl.replace(/\/+$/, '')}/realms/${encodeURIComponent(session.realm)}/protocol/openid-connect/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type: 'refresh_token', client_id: session.clientId, refresh_token: session.refreshToken }).toString(),
    });
  } catch {
    return { kind: 'unreachable' };
  }
  if (res.status === 400 || res.status === 401) return { kind: 'ended' };
  if (!res.ok) return { kind: 'unreachable' };
  const body = (await res.json().catch(() => null)) as { access_token?: unknown; refresh_token?: unknown; id_token?: unknown } | null;
  if (typeof body?.access_token !== 'string' || !jwtPayload(body.access_token)) return { kind: 'unreachable' };
  return {
    kind: 'refreshed',
    session: {
      ...session,
      token: body.access_token,
      refreshToken: typeof body.refresh_token === 'string' ? body.refresh_token : session.refreshToken,
      idToken: typeof body.id_token === 'string' ? body.id_token : session.idToken,
      savedAt: Date.now(),
    },
  };
}

function safeStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
