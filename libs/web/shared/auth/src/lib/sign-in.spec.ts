import { TEST_SHELL_CONFIG } from './fake-jwt.testing';
import { chooseRealm, pickRealm, showNoNetwork } from './sign-in';

const config = TEST_SHELL_CONFIG;

describe('signing in before Angular', () => {
  beforeEach(() => {
    localStorage.clear();
    document.body.replaceChildren();
  });

  it('the province picker is plain DOM: one button per province, the choice remembered for next time', async () => {
    const chosen = pickRealm(config);
    const buttons = [...document.querySelectorAll<HTMLButtonElement>('[data-testid=realm-picker] button')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Thành phố Hà Nội', 'Thành phố Hải Phòng']);
    expect(document.querySelector('[data-testid=realm-picker] h1')?.textContent).toBe('Chọn tỉnh, thành phố để đăng nhập');
    buttons[1].click();
    await expect(chosen).resolves.toBe('hai-phong');
    expect(document.querySelector('[data-testid=realm-picker]')).toBeNull();
    expect(chooseRealm(config, '')).toBe('hai-phong');
  });

  it('without a network for a first sign-in, says so in Vietnamese and English', () => {
    showNoNetwork();
    const alert = document.querySelector('[data-testid=sign-in-offline]');
    expect(alert?.textContent).toContain('Chưa có kết nối mạng');
    expect(alert?.textContent).toContain('the first sign-in on this device needs a connection');
  });
});
