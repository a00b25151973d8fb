/** Realm roles carried in `realm_access.roles`. One list for the API, the shells and the realm exports. */
export const Role = {
  Leader: 'leader', // lãnh đạo UBND
  OfficeOfficer: 'office-officer', // chuyên viên Văn phòng UBND
  DepartmentOfficer: 'department-officer', // cán bộ Sở, ban, ngành
  FocalOfficer: 'focal-officer', // cán bộ cơ quan đầu mối
  CommuneOfficer: 'commune-officer', // cán bộ UBND xã, phường
  CommuneLeader: 'commune-leader', // lãnh đạo UBND xã, phường
  Admin: 'admin', // quản trị hệ thống
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ALL_ROLES: readonly Role[] = Object.values(Role);

/** Tier 1 = province/city level, tier 2 = commune level (since 1 July 2025). */
export type Tier = 1 | 2;

/** The three role shells (one Angular host per role). */
export const Shell = {
  City: 'city-shell', // lãnh đạo UBND, Văn phòng UBND, quản trị
  Department: 'department-shell', // Sở, ban, ngành
  Ward: 'ward-portal', // UBND xã, phường
} as const;
export type Shell = (typeof Shell)[keyof typeof Shell];

/**
 * The shell an account belongs to, from its tier and roles: communes use the ward portal; leaders,
 * the committee office and administrators the city shell; departments the department shell.
 */
export function homeShellFor(account: { tier: Tier; roles: readonly string[] }): Shell {
  if (account.tier === 2) return Shell.Ward;
  if (account.roles.some((r) => r === Role.Leader || r === Role.OfficeOfficer || r === Role.Admin)) return Shell.City;
  return Shell.Department;
}
