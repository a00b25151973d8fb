import { randomUUID } from 'node:crypto';
import { type PeriodVisibility, type PlanAccessFacts, mayViewPeriod, periodActions, reportingUnitOf, visiblePeriodSql } from '@dieu-hanh/api/reporting/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { REPORTING_MIGRATIONS } from '../reporting.migrations';
import { SqlReportingReadModel } from './reporting.sql-read-model';

/**
 * Parity of reporting's period visibility and its SQL twin, on PostgreSQL: for every scope × every period of a
 * fixture with city plans (with and without a focal unit), two communes' own plans, and another province's
 * plans, each with its expected units, `mayViewPeriod` evaluated row by row in TypeScript answers exactly what
 * `visiblePeriodSql` answers over `report_period ⋈ planning_plan`. Change one side alone and this fails. The read
 * model's `periods()` lists the same set.
 *
 * Reporting reads plans through planning's published view `planning_plan` and unit names through the
 * directory's `directory_unit`; this spec stands them in with tables of the same columns (reporting's tests do
 * not run the other contexts' migrations, as execution's do not).
 */
describe('report access: mayViewPeriod and visiblePeriodSql agree on every scope × period', () => {
  let db: TestDatabase;
  let ds: DataSource;

  const UNITS: { code: string; province: string; tier: 1 | 2; commune: string | null }[] = [
    { code: '01-UBND', province: '01', tier: 1, commune: null },
    { code: '01-VPUBND', province: '01', tier: 1, commune: null },
    { code: '01-SKHCN', province: '01', tier: 1, commune: null },
    { code: '01-SGDDT', province: '01', tier: 1, commune: null },
    { code: '00070', province: '01', tier: 2, commune: '00070' },
    { code: '00070-VHXH', province: '01', tier: 2, commune: '00070' },
    { code: '00004', province: '01', tier: 2, commune: '00004' },
    { code: '00004-VHXH', province: '01', tier: 2, commune: '00004' },
    { code: '31-UBND', province: '31', tier: 1, commune: null },
    { code: '31-SXD', province: '31', tier: 1, commune: null },
    { code: '11413', province: '31', tier: 2, commune: '11413' },
  ];
  const unit = (code: string) => UNITS.find((u) => u.code === code) as (typeof UNITS)[number];
  const s = (unitCode: string, roles: string[], over: Partial<AccessScope> = {}): AccessScope => {
    const u = unit(unitCode);
    return scopeFor({ provinceCode: u.province, unitCode, tier: u.tier, roles, communeCode: u.commune, username: `${unitCode}:${roles.join('+')}`, ...over });
  };
  const SCOPES: AccessScope[] = [
    s('01-UBND', ['leader']), // Hà Nội's leader
    s('01-VPUBND', ['office-officer']), // the committee office
    s('01-SKHCN', ['department-officer']), // the city plan's focal department
    s('01-SGDDT', ['department-officer']), // another department
    s('00070', ['commune-officer']), // Hoàn Kiếm's officer
    s('00070', ['commune-leader']), // Hoàn Kiếm's leader
    s('00004', ['commune-officer']), // Ba Đình's officer
    s('11413', ['commune-officer']), // a Hải Phòng ward's officer
    // Beyond the brief's list: an office of Hoàn Kiếm (reports for its commune) and Hải Phòng's leader.
    s('00070-VHXH', ['commune-officer']),
    s('31-UBND', ['leader']),
  ];

  interface FixturePlan extends PlanAccessFacts {
    id: string;
    label: string;
  }
  const plan = (label: string, p: PlanAccessFacts): FixturePlan => ({ id: randomUUID(), label, ...p });
  const CITY = plan('city/01-SKHCN', { provinceCode: '01', issuerUnitCode: '01-UBND', issuerTier: 1, draftingUnitCode: '01-SKHCN', focalUnitCode: '01-SKHCN' });
  const CITY_NO_FOCAL = plan('city/no-focal', { provinceCode: '01', issuerUnitCode: '01-UBND', issuerTier: 1, draftingUnitCode: '01-SGDDT', focalUnitCode: null });
  const HOAN_KIEM = plan('commune/00070', { provinceCode: '01', issuerUnitCode: '00070', issuerTier: 2, draftingUnitCode: '00070-VHXH', focalUnitCode: '00070-VHXH' });
  const BA_DINH = plan('commune/00004', { provinceCode: '01', issuerUnitCode: '00004', issuerTier: 2, draftingUnitCode: '00004', focalUnitCode: null });
  const HAI_PHONG = plan('haiphong/31-SXD', { provinceCode: '31', issuerUnitCode: '31-UBND', issuerTier: 1, draftingUnitCode: '31-SXD', focalUnitCode: '31-SXD' });
  const HAI_AN = plan('haiphong/commune/11413', { provinceCode: '31', issuerUnitCode: '11413', issuerTier: 2, draftingUnitCode: '11413', focalUnitCode: null });
  const PLANS = [CITY, CITY_NO_FOCAL, HOAN_KIEM, BA_DINH, HAI_PHONG, HAI_AN];

  interface FixturePeriod {
    id: string;
    label: string;
    plan: FixturePlan;
    status: 'open' | 'closed';
    expected: string[];
  }
  const PERIODS: FixturePeriod[] = [];
  const period = (p: FixturePlan, key: string, status: 'open' | 'closed', expected: string[]) =>
    PERIODS.push({ id: randomUUID(), label: `${p.label}/${key}`, plan: p, status, expected });
  // The city plan: a department and communes expected (Ba Đình only through its office in Q4), a closed Q3, an ad hoc period nobody is expected in yet.
  period(CITY, '2025-Q4', 'open', ['01-SGDDT', '00070', '00004-VHXH']);
  period(CITY, '2025-Q3', 'closed', ['01-SKHCN', '00004']);
  period(CITY, 'adhoc-1', 'open', []);
  period(CITY_NO_FOCAL, '2025-Q4', 'open', ['00070']);
  // Hoàn Kiếm's own plan: the commune and its office expected; an ad hoc period with nobody expected.
  period(HOAN_KIEM, '2025-Q4', 'open', ['00070', '00070-VHXH']);
  period(HOAN_KIEM, 'adhoc-2', 'open', []);
  period(BA_DINH, '2025-Q4', 'closed', ['00004']);
  period(HAI_PHONG, '2025-Q4', 'open', ['11413', '31-SXD']);
  period(HAI_AN, '2025-Q4', 'open', ['11413']);

  const visibility = (scope: AccessScope): PeriodVisibility => ({ provinceCode: scope.provinceCode, tier: scope.tier, reportingUnit: reportingUnitOf(scope) });
  /** As the application decides it: `isExpected(period, reportingUnitOf(scope))`. */
  const callerExpected = (scope: AccessScope, p: FixturePeriod) => p.expected.includes(reportingUnitOf(scope));
  const byPolicy = (scope: AccessScope) => PERIODS.filter((p) => mayViewPeriod(scope, p.plan, callerExpected(scope, p)));

  beforeAll(async () => {
    db = await createTestDatabase([...REPORTING_MIGRATIONS]);
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    // Planning's and the directory's published views, stood in by tables of the same columns.
    await ds.query(`CREATE TABLE planning_plan (plan_id uuid PRIMARY KEY, province_code text NOT NULL, plan_title text NOT NULL, plan_symbol text NOT NULL,
      plan_status text NOT NULL, plan_year int NOT NULL, issuer_unit_code text NOT NULL, issuer_tier int NOT NULL, drafting_unit_code text NOT NULL,
      focal_unit_code text NULL, parent_plan_id uuid NULL, issue_date date NULL, reporting_duties jsonb NOT NULL DEFAULT '[]')`);
    await ds.query(`CREATE TABLE directory_unit (code text PRIMARY KEY, official_name text NOT NULL, short_name text NOT NULL, kind text NOT NULL,
      tier smallint NOT NULL, parent_code text NULL, province_code text NOT NULL, commune_code text NULL, valid_from date NOT NULL, valid_to date NULL)`);
    for (const u of UNITS) {
      await ds.query(`INSERT INTO directory_unit VALUES ($1, $1, $1, $2, $3, NULL, $4, $5, '2025-07-01', NULL)`, [u.code, u.tier === 1 ? 'department' : 'commune', u.tier, u.province, u.commune]);
    }
    for (const p of PLANS) {
      await ds.query(
        `INSERT INTO planning_plan (plan_id, province_code, plan_title, plan_symbol, plan_status, plan_year, issuer_unit_code, issuer_tier, drafting_unit_code, focal_unit_code)
         VALUES ($1, $2, $3, 'KH', 'issued', 2025, $4, $5, $6, $7)`,
        [p.id, p.provinceCode, p.label, p.issuerUnitCode, p.issuerTier, p.draftingUnitCode, p.focalUnitCode],
      );
    }
    for (const p of PERIODS) {
      const key = p.label.split('/').pop() as string;
      await ds.query(
        `INSERT INTO report_period (id, plan_id, province_code, kind, period_key, label, start_date, end_date, due_date, status, requires_unit_approval,
           focal_unit_code, opened_at, opened_by, closed_at)
         VALUES ($1, $2, $3, $4, $5, $6, '2025-10-01', '2025-12-31', '2025-12-15', $7, false, $8, now(), 'test', $9)`,
        [p.id, p.plan.id, p.plan.provinceCode, key.startsWith('adhoc') ? 'ad-hoc' : 'quarter', key, p.label, p.status, p.plan.focalUnitCode ?? p.plan.issuerUnitCode, p.status === 'closed' ? new Date() : null],
      );
      for (const code of p.expected) await ds.query(`INSERT INTO report_expected_unit (period_id, unit_code) VALUES ($1, $2)`, [p.id, code]);
    }
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it.each(SCOPES.map((scope) => [scope.username, scope] as const))('%s: the SQL predicate answers the policy for every period', async (_name, scope) => {
    // Placed after one parameter of the query's own, as a list query places it.
    const { sql, params } = visiblePeriodSql(visibility(scope), 'rp', 'pp', 2);
    const rows: { id: string; visible: boolean }[] = await ds.query(
      `SELECT rp.id, coalesce((${sql}), false) AS visible FROM report_period rp JOIN planning_plan pp ON pp.plan_id = rp.plan_id WHERE rp.period_key <> $1`,
      ['no-such-key', ...params],
    );
    const bySql = new Map(rows.map((r) => [r.id, r.visible]));
    expect(PERIODS.map((p) => ({ period: p.label, visible: bySql.get(p.id) }))).toEqual(
      PERIODS.map((p) => ({ period: p.label, visible: mayViewPeriod(scope, p.plan, callerExpected(scope, p)) })),
    );
  });

  it.each(SCOPES.map((scope) => [scope.username, scope] as const))('%s: SqlReportingReadModel.periods() lists the policy’s periods', async (_name, scope) => {
    const model = new SqlReportingReadModel(new TransactionContext(ds));
    const rows = await model.periods(visibility(scope), {});
    const expected = byPolicy(scope);
    expect(rows.map((r) => r.id).sort()).toEqual(expected.map((p) => p.id).sort());
    // The facts each row carries are the plan's and the caller's standing, as the policy saw them.
    for (const r of rows) {
      const p = PERIODS.find((x) => x.id === r.id) as FixturePeriod;
      expect({ period: p.label, facts: [r.provinceCode, r.issuerUnitCode, r.issuerTier, r.draftingUnitCode, r.status, r.callerExpected, r.planTitle] }).toEqual({
        period: p.label,
        facts: [p.plan.provinceCode, p.plan.issuerUnitCode, p.plan.issuerTier, p.plan.draftingUnitCode, p.status, callerExpected(scope, p), p.plan.label],
      });
    }
    // Filters narrow the same set.
    const open = await model.periods(visibility(scope), { status: 'open' });
    expect(open.map((r) => r.id).sort()).toEqual(expected.filter((p) => p.status === 'open').map((p) => p.id).sort());
    const ofCity = await model.periods(visibility(scope), { planId: CITY.id });
    expect(ofCity.map((r) => r.id).sort()).toEqual(expected.filter((p) => p.plan === CITY).map((p) => p.id).sort());
  });

  it('allowedActions from a listed row equal the policy’s on the fixture (with and without a focal unit)', async () => {
    const model = new SqlReportingReadModel(new TransactionContext(ds));
    for (const scope of SCOPES) {
      for (const r of await model.periods(visibility(scope), {})) {
        const p = PERIODS.find((x) => x.id === r.id) as FixturePeriod;
        expect({ scope: scope.username, period: p.label, actions: periodActions(scope, r, { status: r.status, callerExpected: r.callerExpected }) }).toEqual({
          scope: scope.username,
          period: p.label,
          actions: periodActions(scope, p.plan, { status: p.status, callerExpected: callerExpected(scope, p) }),
        });
      }
    }
  });

  it('the fixture exercises both answers; a commune never sees another commune’s periods; Hải Phòng sees nothing of Hà Nội', () => {
    const answers = SCOPES.flatMap((scope) => PERIODS.map((p) => ({ scope, p, visible: mayViewPeriod(scope, p.plan, callerExpected(scope, p)) })));
    expect(new Set(answers.map((a) => a.visible))).toEqual(new Set([true, false]));
    // Visible only because expected (not as a whole-plan viewer, not as a tier-1 unit of a city plan): the expectation branch is exercised.
    expect(answers.some((a) => a.visible && a.scope.tier === 2 && a.p.plan.issuerTier === 1)).toBe(true);
    expect(answers.some((a) => !a.visible && a.scope.tier === 2 && a.p.plan.issuerTier === 1 && a.p.plan.provinceCode === a.scope.provinceCode)).toBe(true);
    const communeLeaks = answers.filter((a) => a.visible && a.scope.tier === 2 && a.p.plan.issuerTier === 2 && a.p.plan.issuerUnitCode !== a.scope.communeCode);
    expect(communeLeaks.map((a) => `${a.scope.username} sees ${a.p.label}`)).toEqual([]);
    const provinceLeaks = answers.filter((a) => a.visible && a.p.plan.provinceCode !== a.scope.provinceCode);
    expect(provinceLeaks.map((a) => `${a.scope.username} sees ${a.p.label}`)).toEqual([]);
    // Ba Đình is expected in the city's Q4 only through its office: its commune account does not see that period.
    const badinh = SCOPES.find((x) => x.username === '00004:commune-officer') as AccessScope;
    expect(byPolicy(badinh).map((p) => p.label)).toEqual(['city/01-SKHCN/2025-Q3', 'commune/00004/2025-Q4']);
  });
});
