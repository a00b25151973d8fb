import { DEMO_ACCOUNTS, type DemoAccount, api, tokenFor } from './support/tokens';
import { urls } from './support/system';

/**
 * The access matrix: every demo account × every endpoint, with real tokens from the dev login server
 * against the running API. Expectations come from one table of facts about the units involved, read
 * with the rules of DOMAIN.md: tier 1 sees its province; a commune sees itself, its offices and the
 * province-level bodies, never another commune; other provinces do not exist (404).
 */
const PROVINCE_OF_REALM: Record<string, string> = { 'ha-noi': '01', 'hai-phong': '31' };
const UNITS: Record<string, { province: string; tier: 1 | 2; commune: string | null }> = {
  '01-UBND': { province: '01', tier: 1, commune: null },
  '01-SKHCN': { province: '01', tier: 1, commune: null },
  '01-SGDDT': { province: '01', tier: 1, commune: null },
  '01-STTTT': { province: '01', tier: 1, commune: null },
  '00070': { province: '01', tier: 2, commune: '00070' },
  '00004': { province: '01', tier: 2, commune: '00004' },
  '11413': { province: '31', tier: 2, commune: '11413' },
};

const province = (a: DemoAccount) => PROVINCE_OF_REALM[a.realm];
const sees = (a: DemoAccount, code: string) => {
  const u = UNITS[code];
  return u.province === province(a) && (a.tier === 1 || u.tier === 1 || u.commune === a.unit);
};
const is = (a: DemoAccount, role: string) => a.roles.includes(role);
const admin = (a: DemoAccount) => is(a, 'admin') && a.tier === 1;

interface Case {
  name: string;
  method?: 'GET' | 'POST' | 'PATCH';
  /** A path, or a function of the fixture created in beforeAll (plan and assignment ids). */
  path: string | ((f: Fixture) => string);
  body?: (a: DemoAccount) => object;
  expected: (a: DemoAccount) => number;
}

const readUnit = (code: string): Case => ({ name: `GET /units/${code}`, path: `/units/${code}`, expected: (a) => (sees(a, code) ? 200 : 404) });
const writeUnit = (code: string): Case => ({
  name: `PATCH /units/${code}`,
  method: 'PATCH',
  path: `/units/${code}`,
  body: () => ({ aliases: ['matrix alias'] }),
  expected: (a) => (!sees(a, code) ? 404 : admin(a) ? 200 : 403),
});

interface Fixture {
  issuedPlanId: string;
  draftPlanId: string;
  hoanKiemAssignmentId: string;
  hoanKiemNotificationId: string;
}
const tier1Dept = (a: DemoAccount) => a.tier === 1 && is(a, 'department-officer');
const communeDrafter = (a: DemoAccount) => a.tier === 2 && (is(a, 'commune-officer') || is(a, 'commune-leader'));
const planDraft = {
  title: 'Kế hoạch kiểm thử ma trận quyền',
  year: 2025,
  tasks: [{ content: 'Nhiệm vụ giao mọi xã, phường', leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [{ group: '01-G-SO-BAN-NGANH' }] }],
};

const CASES: Case[] = [
  // Plans: the issued fixture plan goes to every Hà Nội commune and every department; Hải Phòng never sees it.
  { name: 'GET /plans', path: '/plans', expected: () => 200 },
  { name: 'GET /plans/:issued', path: (f) => `/plans/${f.issuedPlanId}`, expected: (a) => (province(a) === '01' ? 200 : 404) },
  {
    name: 'GET /assignments/:hoan-kiem',
    path: (f) => `/assignments/${f.hoanKiemAssignmentId}`,
    expected: (a) => (province(a) !== '01' ? 404 : a.tier === 2 ? (a.unit === '00070' ? 200 : 404) : 200),
  },
  {
    name: 'POST /plans (draft)',
    method: 'POST',
    path: '/plans',
    body: (a) => ({ ...planDraft, tasks: [{ content: 'x', leads: [{ unit: a.tier === 2 ? a.unit : '01-SKHCN' }], coordinators: [] }] }),
    expected: (a) => (tier1Dept(a) || communeDrafter(a) ? 201 : 403),
  },
  {
    name: 'POST /plans/:draft/approve (a draft cannot be approved)',
    method: 'POST',
    path: (f) => `/plans/${f.draftPlanId}/approve`,
    expected: (a) => (province(a) !== '01' ? 404 : a.tier === 1 && is(a, 'leader') ? 409 : 403),
  },
  {
    name: 'GET /plans/:issued/history',
    path: (f) => `/plans/${f.issuedPlanId}/history`,
    expected: (a) => (province(a) === '01' ? 200 : 404),
  },
  {
    name: 'GET /plans/:issued/implementing (a commune sees only its own row)',
    path: (f) => `/plans/${f.issuedPlanId}/implementing`,
    expected: (a) => (province(a) === '01' ? 200 : 404),
  },
  {
    name: 'POST /plans/:issued/amendments (only the issuer’s leaders and office)',
    method: 'POST',
    path: (f) => `/plans/${f.issuedPlanId}/amendments`,
    // Version 1 is stale: an allowed caller gets 409 and nothing changes, so the matrix stays repeatable.
    body: () => ({ ...planDraft, version: 1, reason: 'Kiểm thử ma trận quyền' }),
    expected: (a) => (province(a) !== '01' ? 404 : a.tier === 1 && (is(a, 'leader') || is(a, 'office-officer')) ? 409 : 403),
  },
  {
    name: 'POST /plans (implementing the issued plan: only units holding an assignment in it)',
    method: 'POST',
    path: '/plans',
    body: (a) => ({ ...planDraft, parentPlanId: '00000000-0000-4000-8000-000000000000', tasks: [{ content: 'x', leads: [{ unit: a.tier === 2 ? a.unit : '01-SKHCN' }], coordinators: [] }] }),
    expected: (a) => (tier1Dept(a) || communeDrafter(a) ? 400 : 403),
  },
  { name: 'GET /my/assignments', path: '/my/assignments', expected: () => 200 },
  { name: 'GET /notifications', path: '/notifications', expected: () => 200 },
  {
    name: 'POST /notifications/:hoan-kiem/read (only Hoàn Kiếm’s own)',
    method: 'POST',
    path: (f) => `/notifications/${f.hoanKiemNotificationId}/read`,
    expected: (a) => (province(a) === '01' && a.unit === '00070' ? 200 : 404),
  },
  { name: 'GET /me', path: '/me', expected: () => 200 },
  { name: 'GET /units', path: '/units?limit=500', expected: () => 200 },
  { name: 'GET /unit-groups', path: '/unit-groups', expected: () => 200 },
  ...Object.keys(UNITS).map(readUnit),
  { name: 'GET /units/01-STTTT/successors', path: '/units/01-STTTT/successors', expected: (a) => (sees(a, '01-STTTT') ? 200 : 404) },
  { name: 'GET /units/00070/successors', path: '/units/00070/successors', expected: (a) => (sees(a, '00070') ? 200 : 404) },
  {
    name: 'GET /units/00070/history',
    path: '/units/00070/history',
    expected: (a) => (!sees(a, '00070') ? 404 : a.tier === 1 && (is(a, 'admin') || is(a, 'leader')) ? 200 : 403),
  },
  {
    name: 'POST /units',
    method: 'POST',
    path: '/units',
    body: (a) => ({
      code: `01-MX-${a.username.replace(/[^a-z]/g, '').toUpperCase().slice(0, 20)}`,
      officialName: `Đơn vị kiểm thử của ${a.username}`,
      shortName: 'Đơn vị kiểm thử',
      kind: 'department',
      tier: 1,
      parentCode: '01-UBND',
      validFrom: '2025-07-01',
    }),
    expected: (a) => (admin(a) && province(a) === '01' ? 201 : 403),
  },
  writeUnit('01-SGDDT'),
  writeUnit('00070'),
  writeUnit('11413'),
  {
    name: 'POST /units/01-SGDDT/successions (unknown successor)',
    method: 'POST',
    path: '/units/01-SGDDT/successions',
    body: () => ({ successorCode: '01-KHONG-CO', kind: 'merged-into', effectiveDate: '2026-01-01' }),
    expected: (a) => (!sees(a, '01-SGDDT') ? 404 : admin(a) ? 400 : 403),
  },
];

describe('access matrix: every demo account × every endpoint (real tokens, running API)', () => {
  const { apiUrl, idpUrl } = urls();
  const fixture = {} as Fixture;
  const byName = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u)!;

  beforeAll(async () => {
    const dept = await tokenFor(idpUrl, byName('skhcn.daumoi'));
    const leader = await tokenFor(idpUrl, byName('lanhdao'));
    const post = async (path: string, token: string, body?: object) => {
      const r = await api(apiUrl, path, { method: 'POST', token, body: body ? JSON.stringify(body) : undefined });
      if (r.status >= 300) throw new Error(`${path}: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    };
    fixture.issuedPlanId = (await post('/plans', dept, planDraft)).id;
    await post(`/plans/${fixture.issuedPlanId}/submit`, dept);
    await post(`/plans/${fixture.issuedPlanId}/approve`, leader);
    await post(`/plans/${fixture.issuedPlanId}/issue`, leader, { number: 9001, issueDate: '2025-10-02' });
    fixture.draftPlanId = (await post('/plans', dept, planDraft)).id;
    const plan = await api(apiUrl, `/plans/${fixture.issuedPlanId}`, { token: leader });
    fixture.hoanKiemAssignmentId = plan.body.tasks[0].assignments.find((x: { unitCode: string }) => x.unitCode === '00070').id;
    const told = await api(apiUrl, '/notifications?limit=200', { token: await tokenFor(idpUrl, byName('hoankiem.canbo')) });
    fixture.hoanKiemNotificationId = told.body.items.find((n: { planId: string; kind: string }) => n.planId === fixture.issuedPlanId && n.kind === 'assignment-created').id;
  });

  it('has the demo accounts the README promises', () => {
    expect(DEMO_ACCOUNTS.map((a) => a.username)).toEqual(
      expect.arrayContaining(['lanhdao', 'skhcn.daumoi', 'sgddt.canbo', 'hoankiem.canbo', 'badinh.canbo', 'hoankiem.lanhdao', 'quantri', 'haian.canbo']),
    );
  });

  const rows = DEMO_ACCOUNTS.flatMap((a) => CASES.map((c) => [a.username, c.name, a, c] as const));
  it.each(rows)('%s → %s', async (_u, _n, account, c) => {
    const token = await tokenFor(idpUrl, account);
    const path = typeof c.path === 'function' ? c.path(fixture) : c.path;
    const r = await api(apiUrl, path, { method: c.method ?? 'GET', token, body: c.body ? JSON.stringify(c.body(account)) : undefined });
    expect({ status: r.status, code: r.body?.code }).toEqual(expect.objectContaining({ status: c.expected(account) }));
    if (r.status >= 400) expect(r.type).toContain('application/problem+json');
  });

  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('%s: /me names the account, unit and tier', async (_u, a) => {
    const r = await api(apiUrl, '/me', { token: await tokenFor(idpUrl, a) });
    expect(r.body).toMatchObject({ username: a.username, tier: a.tier, provinceCode: province(a), unit: { code: a.unit } });
    expect([...r.body.roles].sort()).toEqual([...a.roles].sort());
  });

  it.each(DEMO_ACCOUNTS.filter((a) => a.tier === 2).map((a) => [a.username, a] as const))(
    '%s: the unit list never shows another commune or its offices',
    async (_u, a) => {
      const r = await api(apiUrl, '/units?limit=500', { token: await tokenFor(idpUrl, a) });
      const foreign = r.body.items.filter((u: { tier: number; code: string; parentCode: string }) => u.tier === 2 && u.code !== a.unit && u.parentCode !== a.unit);
      expect(foreign).toEqual([]);
      expect(r.body.items.every((u: { provinceCode: string }) => u.provinceCode === province(a))).toBe(true);
    },
  );
});
