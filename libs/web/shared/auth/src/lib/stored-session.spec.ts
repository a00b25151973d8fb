import { fakeJwt } from './fake-jwt.testing';
import { type StoredSession, clearSession, jwtPayload, readSession, refreshSession, secondsLeft, writeSession } from './stored-session';

const now = () => Math.floor(Date.now() / 1000);
const session = (over: Partial<StoredSession> = {}): StoredSession => ({
  realm: 'ha-noi',
  clientId: 'ward-portal',
  token: fakeJwt({ exp: now() + 300, preferred_username: 'hoankiem.canbo', name: 'Nguyễn Thị Lan' }),
  refreshToken: fakeJwt({ exp: now() + 1800 }),
  idToken: null,
  savedAt: 1,
  ...over,
});

describe('stored session', () => {
  beforeEach(() => localStorage.clear());

  it('reads a JWT payload, Vietnamese included, and nothing from garbage', () => {
    expect(jwtPayload(fakeJwt({ name: 'Nguyễn Thị Lan' }))).toEqual({ name: 'Nguyễn Thị Lan' });
    expect(jwtPayload('x.y.z')).toBeNull();
    expect(jwtPayload(undefined)).toBeNull();
    expect(secondsLeft(fakeJwt({ exp: now() + 60 }))).toBeGreaterThan(55);
    expect(secondsLeft('nope')).toBe(-Infinity);
  });

  it('keeps one session, for its realm and client only, and forgets it', () => {
    writeSession(session());
    expect(readSession('ha-noi', 'ward-portal')?.refreshToken).toBe(session().refreshToken);
    expect(readSession('hai-phong', 'ward-portal')).toBeNull();
    expect(readSession('ha-noi', 'city-shell')).toBeNull();
    localStorage.setItem('dh.session', '{"realm":"ha-noi","clientId":"ward-portal","token":"not a jwt","refreshToken":"r"}');
    expect(readSession('ha-noi', 'ward-portal')).toBeNull();
    writeSession(session());
    clearSession();
    expect(readSession('ha-noi', 'ward-portal')).toBeNull();
  });

  it('refreshes at the realm’s token endpoint, and tells an ended session from an unreachable login server', async () => {
    const fresh = fakeJwt({ exp: now() + 300, preferred_username: 'hoankiem.canbo' });
    const calls: [string, RequestInit | undefined][] = [];
    const answer = (status: number, body: unknown) => async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push([String(url), init]);
      // jsdom has no fetch Response: the little of it refreshSession reads.
      return { status, ok: status >= 200 && status < 300, json: async () => body } as unknown as Response;
    };
    const ok = await refreshSession('http://idp/', session(), answer(200, { access_token: fresh, refresh_token: 'r2' }) as typeof fetch);
    expect(ok).toMatchObject({ kind: 'refreshed', session: { token: fresh, refreshToken: 'r2', realm: 'ha-noi' } });
    expect(calls[0][0]).toBe('http://idp/realms/ha-noi/protocol/openid-connect/token');
    expect(String(calls[0][1]?.body)).toContain('grant_type=refresh_token');
    expect(String(calls[0][1]?.body)).toContain('client_id=ward-portal');
    expect(await refreshSession('http://idp', session(), answer(400, { error: 'invalid_grant' }) as typeof fetch)).toEqual({ kind: 'ended' });
    expect(await refreshSession('http://idp', session(), answer(503, {}) as typeof fetch)).toEqual({ kind: 'unreachable' });
    expect(await refreshSession('http://idp', session(), (async () => Promise.reject(new TypeError('Failed to fetch'))) as typeof fetch)).toEqual({ kind: 'unreachable' });
    expect(await refreshSession('http://idp', session(), answer(200, { access_token: 'garbage' }) as typeof fetch)).toEqual({ kind: 'unreachable' });
  });
});
