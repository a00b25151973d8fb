import { AuthService } from './auth.service';
import type { ShellConfig } from './shell-config';

const config: ShellConfig = {
  shell: 'ward-portal',
  apiUrl: 'http://api',
  idpUrl: 'http://idp',
  realms: [
    { realm: 'ha-noi', name: 'Hà Nội' },
    { realm: 'hai-phong', name: 'Hải Phòng' },
  ],
  shellUrls: { 'city-shell': 'http://c', 'department-shell': 'http://d', 'ward-portal': 'http://w' },
};

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
