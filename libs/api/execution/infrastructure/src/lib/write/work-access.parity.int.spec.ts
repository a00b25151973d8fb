import { randomUUID } from 'node:crypto';
import { type WorkFacts, mayViewWork, visibleWorkSql, workVisibility } from '@dieu-hanh/api/execution/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { type WorkFixture, startWorkFixture } from '../../testing/work-fixture';
import { SqlWorkRepository } from './sql-work.repository';

/**
 * Parity of execution's work access policy and its SQL twin, on PostgreSQL: for every scope × every
 * assignment of a fixture with city and commune plans, focal and drafting units, lead departments and
 * communes, commune offices, withdrawn assignments and another province, `mayViewWork` answers exactly
 * what `visibleWorkSql` answers over `planning_assignment`. Change one side alone and this fails. The
 * repository's facts (read through the same views) equal the fixture's.
 */
describe('work access: the policy and its SQL predicate agree on every scope × assignment', () => {
  let fx: WorkFixture;

  const UNITS: { code: string; province: string; tier: 1 | 2; commune: string | null }[] = [
    { code: '01-UBND', province: '01', tier: 1, commune: null },
    { code: '01-VPUBND', province: '01', tier: 1, commune: null },
    { code: '01-SKHCN', province: '01', tier: 1, commune: null },
    { code: '01-SGDDT', province: '01', tier: 1, commune: null },
    { code: '01-SXD', province: '01', tier: 1, commune: null },
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
    s('01-UBND', ['leader']),
    s('01-VPUBND', ['office-officer']),
    s('01-VPUBND', ['admin']),
    s('01-SKHCN', ['department-officer', 'focal-officer']),
    s('01-SGDDT', ['department-officer']),
    s('01-SXD', ['department-officer']),
    s('00070', ['commune-officer']),
    s('00070', ['commune-leader']),
    s('00070-VHXH', ['commune-officer']),
    s('00004', ['commune-officer']),
    s('00004-VHXH', ['commune-officer']),
    s('11413', ['commune-officer']),
    s('31-UBND', ['leader']),
    s('00070', ['commune-officer'], { communeCode: null, username: '00070:commune-officer (no commune known)' }),
  ];

  interface Fixture {
    id: string;
    label: string;
    taskId: string;
    planId: string;
    facts: WorkFacts;
  }
  const FIXTURES: Fixture[] = [];

  /** A task of a plan: its assignments (unit, role, status); the facts of each follow. */
  function task(
    label: string,
    plan: { province?: string; issuerTier?: 1 | 2; issuer?: string; drafting: string; focal: string | null; status?: string },
    rows: [string, 'lead' | 'coordinator', ('assigned' | 'withdrawn')?][],
  ) {
    const planId = randomUUID();
    const taskId = randomUUID();
    const leads = rows.filter(([, role, st]) => role === 'lead' && (st ?? 'assigned') === 'assigned').map(([code]) => ({ unitCode: code, communeCode: unit(code).commune }));
    for (const [code, role, st] of rows) {
      FIXTURES.push({
        id: randomUUID(),
        label: `${label}/${code}/${role}${st === 'withdrawn' ? '/withdrawn' : ''}`,
        taskId,
        planId,
        facts: {
          provinceCode: plan.province ?? '01',
          unitCode: code,
          unitCommuneCode: unit(code).commune,
          role,
          assignmentStatus: st ?? 'assigned',
          planStatus: plan.status ?? 'issued',
          taskRemoved: false,
          issuerTier: plan.issuerTier ?? 1,
          issuerUnitCode: plan.issuer ?? (plan.province === '31' ? '31-UBND' : '01-UBND'),
          draftingUnitCode: plan.drafting,
          focalUnitCode: plan.focal,
          taskLeads: [...leads].sort((a, b) => a.unitCode.localeCompare(b.unitCode)),
        },
      });
    }
  }
  // A city task led by a department, communes and an office of another commune coordinating.
  task('city/skhcn-focal/sgddt-leads', { drafting: '01-SKHCN', focal: '01-SKHCN' }, [['01-SGDDT', 'lead'], ['00070', 'coordinator'], ['00004-VHXH', 'coordinator'], ['01-SXD', 'coordinator', 'withdrawn']]);
  // A city task led by communes (no focal unit), a department coordinating.
  task('city/no-focal/communes-lead', { drafting: '01-SGDDT', focal: null }, [['00070', 'lead'], ['00004', 'lead'], ['01-SXD', 'coordinator']]);
  // A commune's own plan: its office leads, the commune coordinates.
  task('commune-00070', { issuerTier: 2, issuer: '00070', drafting: '00070-VHXH', focal: null }, [['00070-VHXH', 'lead'], ['00070', 'coordinator']]);
  // Another province.
  task('province-31', { province: '31', drafting: '31-SXD', focal: '31-SXD' }, [['11413', 'lead']]);

  beforeAll(async () => {
    fx = await startWorkFixture();
    for (const u of UNITS) await fx.unit(u.code, u.code, u.tier, u.commune, u.province);
    for (const f of FIXTURES) {
      await fx.assignment({
        assignmentId: f.id, planId: f.planId, taskId: f.taskId, unitCode: f.facts.unitCode, role: f.facts.role,
        assignmentStatus: f.facts.assignmentStatus as 'assigned' | 'withdrawn', provinceCode: f.facts.provinceCode, planTitle: f.label,
        issuerUnitCode: f.facts.issuerUnitCode, issuerTier: f.facts.issuerTier, draftingUnitCode: f.facts.draftingUnitCode, focalUnitCode: f.facts.focalUnitCode,
      });
    }
  }, 60_000);

  afterAll(async () => {
    await fx?.close();
  });

  it.each(SCOPES.map((scope) => [scope.username, scope] as const))('%s', async (_name, scope) => {
    const v = workVisibility(scope);
    // Parameters after one of the query's own, as a list query would place them.
    const { sql, params } = visibleWorkSql(v, 'pa', 2);
    const rows: { id: string; visible: boolean }[] = await fx.ds.query(
      `SELECT pa.assignment_id AS id, coalesce((${sql}), false) AS visible FROM planning_assignment pa WHERE pa.plan_year = $1`,
      [2025, ...params],
    );
    const bySql = new Map(rows.map((r) => [r.id, r.visible]));
    expect(FIXTURES.map((f) => ({ a: f.label, visible: bySql.get(f.id) }))).toEqual(FIXTURES.map((f) => ({ a: f.label, visible: mayViewWork(v, f.facts) })));
  });

  it('the repository reads the same facts through the views', async () => {
    const repo = new SqlWorkRepository(new TransactionContext(fx.ds));
    for (const f of FIXTURES) {
      expect({ a: f.label, facts: (await repo.assignment(f.id))?.access }).toEqual({ a: f.label, facts: f.facts });
    }
  });

  it('the fixture exercises both answers, and a commune never sees another commune', () => {
    const answers = SCOPES.flatMap((scope) => FIXTURES.map((f) => ({ scope, f, visible: mayViewWork(workVisibility(scope), f.facts) })));
    expect(new Set(answers.map((x) => x.visible))).toEqual(new Set([true, false]));
    const leaks = answers.filter(
      ({ scope, f, visible }) => visible && scope.tier === 2 && (f.facts.unitCommuneCode !== scope.communeCode || scope.communeCode === null) && f.facts.unitCode !== scope.unitCode,
    );
    expect(leaks.map(({ scope, f }) => `${scope.username} sees ${f.label}`)).toEqual([]);
  });
});
