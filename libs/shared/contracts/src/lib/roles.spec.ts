import { Shell, homeShellFor } from './roles';

describe('homeShellFor', () => {
  it.each([
    [{ tier: 1 as const, roles: ['leader'] }, Shell.City],
    [{ tier: 1 as const, roles: ['admin'] }, Shell.City],
    [{ tier: 1 as const, roles: ['department-officer', 'focal-officer'] }, Shell.Department],
    [{ tier: 1 as const, roles: [] }, Shell.Department],
    [{ tier: 2 as const, roles: ['commune-officer'] }, Shell.Ward],
    [{ tier: 2 as const, roles: ['commune-leader'] }, Shell.Ward],
    // A commune account never lands in a city app, whatever roles it carries.
    [{ tier: 2 as const, roles: ['leader'] }, Shell.Ward],
  ])('%j → %s', (account, shell) => expect(homeShellFor(account)).toBe(shell));
});
