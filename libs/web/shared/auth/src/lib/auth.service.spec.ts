import Keycloak from 'keycloak-js';
import { AuthService } from './auth.service';
import { TEST_SHELL_CONFIG, fakeJwt } from './fake-jwt.testing';
import { readSession, writeSession } from './stored-session';

jest.mock('keycloak-js', () =>
  jest.fn().mockImplementation(() => ({
    didInitialize: false,
    init: jest.fn(async function (this: { didInitialize: boolean }) {
      this.didInitialize = true;
      return false;
    }),
    // Opening the login page leaves the page: the promise never settles.
    login: jest.fn(() => new Promise(() => undefined)),
  })),
);

const config = TEST_SHELL_CONFIG;

describe('AuthService.chooseRealm', () => {
  beforeEach(() => localStorage.clear());

  it('takes ?realm= when it is a configured realm', () => {
    expect(AuthService.chooseRealm(config, '?realm=hai-phong')).toBe('hai-phong');
  });

  it('ignores an unknown realm and falls back to the remembered one', () => {
    AuthService.rememberRealm('ha-noi');
    expect(AuthService.chooseRealm(config, '?realm=evil')).toBe('ha-noi');
  });

  it('asks (null) when several realms exist and none is known', () => {
    expect(AuthService.chooseRealm(config, '')).toBeNull();
  });

  it('uses the only realm when there is one', () => {
    expect(AuthService.chooseRealm({ ...config, realms: [config.realms[0]] }, '')).toBe('ha-noi');
  });
});

describe('AuthService.homeShell', () => {
  it('follows the signed-in user', () => {
    const auth = new AuthService();
    expect(auth.homeShell()).toBeNull();
    auth.user.set({ username: 'x', name: 'X', unit: '00070', tier: 2, roles: ['commune-officer'], realm: 'ha-noi' });
    expect(auth.homeShell()).toBe('ward-portal');
  });
});

describe('AuthService.init with the session kept on the device', () => {
  const now = () => Math.floor(Date.now() / 1000);
  const keep = (tokenExp: number) =>
    writeSession({
      realm: 'ha-noi',
      clientId: 'ward-portal',
      token: fakeJwt({ exp: tokenExp, preferred_username: 'hoankiem.canbo', name: 'Cán bộ phường', unit: '00070', tier: 2, realm_access: { roles: ['commune-officer', 'default-roles-ha-noi'] } }),
      refreshToken: fakeJwt({ exp: now() + 1800 }),
      idToken: null,
      savedAt: 1_764_000_000_000,
    });
  const fetchMock = jest.fn();
  const setOnline = (on: boolean) => Object.defineProperty(navigator, 'onLine', { configurable: true, get: () => on });

  beforeEach(() => {
    localStorage.clear();
    fetchMock.mockReset();
    (globalThis as { fetch?: unknown }).fetch = fetchMock;
    (Keycloak as unknown as jest.Mock).mockClear();
    setOnline(true);
  });
  afterAll(() => setOnline(true));

  it('a repeat visit uses the kept tokens as they are: no login page, no login server', async () => {
    keep(now() + 300);
    const auth = new AuthService();
    await expect(auth.init(config, 'ha-noi', 'ward-portal')).resolves.toBe(true);
    expect(auth.user()).toMatchObject({ username: 'hoankiem.canbo', unit: '00070', tier: 2, roles: ['commune-officer'] });
    expect(auth.offlineSince()).toBeNull();
    expect(fetchMock).not.toHaveBeenCalled();
    expect(Keycloak).not.toHaveBeenCalled();
    await expect(auth.token()).resolves.toMatch(/^ey/);
  });

  it('without a network, an expired access token still opens the portal, marked with when it was obtained', async () => {
    keep(now() - 60);
    setOnline(false);
    const auth = new AuthService();
    await expect(auth.init(config, 'ha-noi', 'ward-portal')).resolves.toBe(true);
    expect(auth.user()?.username).toBe('hoankiem.canbo');
    expect(auth.offlineSince()).toBe(1_764_000_000_000);
    expect(fetchMock).not.toHaveBeenCalled();
    expect(Keycloak).not.toHaveBeenCalled();
  });

  it('an expired access token is refreshed when online; a session that has really ended opens the login page', async () => {
    keep(now() - 60);
    const fresh = fakeJwt({ exp: now() + 300, preferred_username: 'hoankiem.canbo' });
    fetchMock.mockResolvedValueOnce({ status: 200, ok: true, json: async () => ({ access_token: fresh, refresh_token: 'r2' }) });
    const auth = new AuthService();
    await expect(auth.init(config, 'ha-noi', 'ward-portal')).resolves.toBe(true);
    expect(readSession('ha-noi', 'ward-portal')?.token).toBe(fresh);

    keep(now() - 60);
    fetchMock.mockResolvedValueOnce({ status: 400, ok: false, json: async () => ({ error: 'invalid_grant' }) });
    void new AuthService().init(config, 'ha-noi', 'ward-portal');
    await new Promise((r) => setTimeout(r, 10));
    const kc = (Keycloak as unknown as jest.Mock).mock.results[0].value as { login: jest.Mock };
    expect(kc.login).toHaveBeenCalled();
    expect(readSession('ha-noi', 'ward-portal')).toBeNull();
  });

  it('a first sign-in without a network says it cannot (false), instead of a browser error page', async () => {
    setOnline(false);
    await expect(new AuthService().init(config, 'ha-noi', 'ward-portal')).resolves.toBe(false);
    expect(Keycloak).not.toHaveBeenCalled();
  });
});
