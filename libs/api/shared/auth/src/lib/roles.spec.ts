import { scopeFor } from '@dieu-hanh/api/shared/kernel';
import { hasRole } from './roles';

describe('hasRole', () => {
  it('reads the roles of the token', () => {
    const s = scopeFor({ provinceCode: '01', unitCode: '01-UBND', tier: 1, roles: ['leader'] });
    expect(hasRole(s, 'leader')).toBe(true);
    expect(hasRole(s, 'admin')).toBe(false);
  });
});
