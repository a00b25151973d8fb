import { DEMO_ACCOUNTS, type DemoAccount, api, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';

/**
 * The access matrix: every demo account × every endpoint, with real tokens from the dev login server
 * against the running API. Expectations come from one table of facts about the units involved, read
 * with the rules of docs/domain.md ("Who sees and does what"): tier 1 sees its province; a commune
 * sees itself, its offices and the province-level bodies, never another commune; other provinces do
 * not exist (404).
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
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT';
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
  /** A department's draft with no task: its drafter's submit is refused (400), so the matrix stays repeatable. */
  emptyDraftPlanId: string;
  /** Hoàn Kiếm's own draft. */
  communeDraftPlanId: string;
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

const draftedBySkhcn = (a: DemoAccount) => a.unit === '01-SKHCN';

/**
 * Write scope (docs/domain.md, "Who sees and does what"): a city plan may assign any unit of its
 * province; a commune's plan only the commune itself and its own offices. Every kind of reference, for
 * every drafter.
 */
interface ScopeRef {
  label: string;
  ref: { unit: string } | { group: string };
  province: string;
  /** The communes the reference reaches (null: a tier-1 body). */
  communes: (string | null)[];
}
const WRITE_SCOPE_REFS: ScopeRef[] = [
  { label: 'Phường Hoàn Kiếm itself', ref: { unit: '00070' }, province: '01', communes: ['00070'] },
  { label: 'an office of Hoàn Kiếm', ref: { unit: '00070-VHXH' }, province: '01', communes: ['00070'] },
  { label: 'Phường Ba Đình', ref: { unit: '00004' }, province: '01', communes: ['00004'] },
  { label: 'the group of every commune', ref: { group: '01-G-XA-PHUONG' }, province: '01', communes: ['00070', '00004'] },
  { label: 'a department', ref: { unit: '01-SGDDT' }, province: '01', communes: [null] },
  { label: 'the group of departments', ref: { group: '01-G-SO-BAN-NGANH' }, province: '01', communes: [null] },
  { label: 'the city committee', ref: { unit: '01-UBND' }, province: '01', communes: [null] },
  { label: 'Phường Hải An (Hải Phòng)', ref: { unit: '11413' }, province: '31', communes: ['11413'] },
  { label: 'an office of Hải An', ref: { unit: '11413-VHXH' }, province: '31', communes: ['11413'] },
];
const mayAssign = (a: DemoAccount, r: ScopeRef) => r.province === province(a) && (a.tier === 1 || r.communes.every((c) => c === a.unit));

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
    // A draft is seen by its drafting unit only (leaders see a plan once it is submitted): 404 for everyone else.
    name: 'POST /plans/:draft/approve (a draft cannot be approved)',
    method: 'POST',
    path: (f) => `/plans/${f.draftPlanId}/approve`,
    expected: (a) => (draftedBySkhcn(a) ? 403 : 404),
  },
  {
    name: 'PUT /plans/:draft (stale version: its drafter gets 409, nothing changes)',
    method: 'PUT',
    path: (f) => `/plans/${f.draftPlanId}`,
    body: () => ({ ...planDraft, version: 99 }),
    expected: (a) => (draftedBySkhcn(a) ? 409 : 404),
  },
  {
    name: 'POST /plans/:empty-draft/submit (a plan with no task is not submitted)',
    method: 'POST',
    path: (f) => `/plans/${f.emptyDraftPlanId}/submit`,
    expected: (a) => (draftedBySkhcn(a) ? 400 : 404),
  },
  ...(['approve', 'return', 'issue', 'close'] as const).map(
    (verb): Case => ({
      name: `POST /plans/:commune-draft/${verb} (Hoàn Kiếm's draft)`,
      method: 'POST',
      path: (f) => `/plans/${f.communeDraftPlanId}/${verb}`,
      body: () => (verb === 'return' ? { comments: [{ text: 'Kiểm thử' }] } : verb === 'issue' ? { number: 1, issueDate: '2025-10-02' } : {}),
      // Inside Hoàn Kiếm a draft cannot move by these verbs (409), or the officer lacks the right (403).
      expected: (a) => (a.unit !== '00070' ? 404 : is(a, 'commune-leader') ? 409 : 403),
    }),
  ),
  {
    name: 'PUT /plans/:commune-draft (stale version)',
    method: 'PUT',
    path: (f) => `/plans/${f.communeDraftPlanId}`,
    body: () => ({ ...planDraft, tasks: [{ content: 'x', leads: [{ unit: '00070' }], coordinators: [] }], version: 99 }),
    expected: (a) => (a.unit === '00070' ? 409 : 404),
  },
  ...WRITE_SCOPE_REFS.map(
    (r): Case => ({
      name: `POST /plans (a task led by ${r.label})`,
      method: 'POST',
      path: '/plans',
      body: () => ({ ...planDraft, title: `Phạm vi giao việc: ${r.label}`, tasks: [{ content: 'x', leads: [r.ref], coordinators: [] }] }),
      expected: (a) => (!(tier1Dept(a) || communeDrafter(a)) ? 403 : mayAssign(a, r) ? 201 : 400),
    }),
  ),
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
    fixture.emptyDraftPlanId = (await post('/plans', dept, { ...planDraft, tasks: [] })).id;
    const hoanKiem = await tokenFor(idpUrl, byName('hoankiem.canbo'));
    fixture.communeDraftPlanId = (await post('/plans', hoanKiem, { ...planDraft, tasks: [{ content: 'x', leads: [{ unit: '00070-VHXH' }], coordinators: [] }] })).id;
    const plan = await api(apiUrl, `/plans/${fixture.issuedPlanId}`, { token: leader });
    fixture.hoanKiemAssignmentId = plan.body.tasks[0].assignments.find((x: { unitCode: string }) => x.unitCode === '00070').id;
    // Notifications follow the issue through the event feed, a few ms after its response: poll briefly.
    const hoanKiemToken = await tokenFor(idpUrl, byName('hoankiem.canbo'));
    for (const deadline = Date.now() + 10_000; !fixture.hoanKiemNotificationId && Date.now() < deadline; await new Promise((r) => setTimeout(r, 50))) {
      const told = await api(apiUrl, '/notifications?limit=200', { token: hoanKiemToken });
      fixture.hoanKiemNotificationId = told.body.items.find((n: { planId: string; kind: string }) => n.planId === fixture.issuedPlanId && n.kind === 'assignment-created')?.id;
    }
    if (!fixture.hoanKiemNotificationId) throw new Error('Hoàn Kiếm was not told of its assignment within 10 s');
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
