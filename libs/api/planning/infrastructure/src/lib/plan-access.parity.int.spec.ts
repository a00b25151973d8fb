import { randomUUID } from 'node:crypto';
import {
  type PlanFacts,
  type PlanVisibility,
  allowedActions,
  holdsAssignment,
  mayView,
  myRolesSql,
  planAccessSql,
  planRoles,
  planVisibility,
  standingSql,
} from '@dieu-hanh/api/planning/application';
import type { PlanStatus } from '@dieu-hanh/api/planning/domain';
import { CreateEventLog1732300000000, TransactionContext } from '@dieu-hanh/api/shared/database';
import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { PlanSqlReadModel } from './plan.sql-read-model';
import { PLANNING_MIGRATIONS } from './planning.migrations';

/**
 * Parity of planning's access policy and its SQL twin, on PostgreSQL: for every scope × every plan of a
 * fixture that has plans in every status, city and commune plans, focal units, assignments in force and
 * withdrawn (a commune's through its offices too), implementing plans and another province, the
 * TypeScript `mayView`, `planRoles` and `holdsAssignment` answer exactly what `planAccessSql` answers.
 * Change one side alone and this fails. The read model's list answers the same visible set.
 *
 * Planning reads units through the directory's published view `directory_unit`; this spec stands it in
 * with a table of the same columns (planning's tests do not run the directory's migrations).
 */
describe('plan access: the policy and its SQL predicate agree on every scope × plan', () => {
  let db: TestDatabase;
  let ds: DataSource;

  const UNITS: { code: string; province: string; tier: 1 | 2; commune: string | null }[] = [
    { code: '01-UBND', province: '01', tier: 1, commune: null },
    { code: '01-VPUBND', province: '01', tier: 1, commune: null },
    { code: '01-SKHCN', province: '01', tier: 1, commune: null },
    { code: '01-SGDDT', province: '01', tier: 1, commune: null },
    { code: '01-STTTT', province: '01', tier: 1, commune: null },
    { code: '00070', province: '01', tier: 2, commune: '00070' },
    { code: '00070-VHXH', province: '01', tier: 2, commune: '00070' },
    { code: '00004', province: '01', tier: 2, commune: '00004' },
    { code: '00004-VHXH', province: '01', tier: 2, commune: '00004' },
    { code: '31-UBND', province: '31', tier: 1, commune: null },
    { code: '31-SXD', province: '31', tier: 1, commune: null },
    { code: '11413', province: '31', tier: 2, commune: '11413' },
  ];
  const communeOf = (code: string) => UNITS.find((u) => u.code === code)?.commune ?? null;

  const s = (unitCode: string, roles: string[], over: Partial<AccessScope> = {}): AccessScope => {
    const u = UNITS.find((x) => x.code === unitCode);
    return scopeFor({ provinceCode: u?.province ?? '01', unitCode, tier: u?.tier ?? 1, roles, communeCode: u?.commune ?? null, username: `${unitCode}:${roles.join('+')}`, ...over });
  };
  const SCOPES: AccessScope[] = [
    s('01-UBND', ['leader']),
    s('01-VPUBND', ['office-officer']),
    s('01-VPUBND', ['admin']),
    s('01-SKHCN', ['department-officer', 'focal-officer']),
    s('01-SGDDT', ['department-officer']),
    s('01-STTTT', ['department-officer']),
    s('00070', ['commune-officer']),
    s('00070', ['commune-leader']),
    s('00070-VHXH', ['commune-officer']),
    s('00004', ['commune-officer']),
    s('00004-VHXH', ['commune-officer']),
    s('11413', ['commune-officer']),
    s('31-UBND', ['leader']),
    // A tier-2 account whose commune the directory did not give: sees only what names its own unit.
    s('00070', ['commune-officer'], { communeCode: null, username: '00070:commune-officer (no commune known)' }),
  ];

  interface FixturePlan extends PlanFacts {
    id: string;
    label: string;
    parentPlanId: string | null;
  }
  const STATUSES: PlanStatus[] = ['draft', 'submitted', 'approved', 'returned', 'issued', 'closed'];
  const A = (unitCode: string, role: 'lead' | 'coordinator', status: 'assigned' | 'withdrawn' = 'assigned') => ({
    unitCode,
    role,
    status,
    communeCode: communeOf(unitCode),
  });
  const PLANS: FixturePlan[] = [];
  const add = (label: string, p: Omit<FixturePlan, 'id' | 'label' | 'parent' | 'parentPlanId'>, parent?: FixturePlan) => {
    const plan: FixturePlan = {
      ...p,
      id: randomUUID(),
      label,
      parentPlanId: parent?.id ?? null,
      parent: parent ? { draftingUnitCode: parent.draftingUnitCode, focalUnitCode: parent.focalUnitCode } : null,
    };
    PLANS.push(plan);
    return plan;
  };
  for (const status of STATUSES) {
    // A city plan drafted and coordinated by a department; a commune and an office of another commune hold work.
    add(`city/${status}/skhcn`, {
      provinceCode: '01', status, issuerTier: 1, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN', focalUnitCode: '01-SKHCN',
      assignments: ['issued', 'closed'].includes(status) ? [A('00070', 'lead'), A('01-STTTT', 'coordinator'), A('00004-VHXH', 'lead', 'withdrawn')] : [],
    });
    // A city plan with no focal unit, where the drafting department itself coordinates.
    add(`city/${status}/sgddt`, {
      provinceCode: '01', status, issuerTier: 1, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SGDDT', focalUnitCode: null,
      assignments: status === 'issued' ? [A('01-SGDDT', 'coordinator'), A('00070-VHXH', 'coordinator'), A('01-SKHCN', 'lead', 'withdrawn')] : [],
    });
    // A commune's own plan, drafted by its office, giving work to the commune and the office.
    add(`commune/${status}/00070-VHXH`, {
      provinceCode: '01', status, issuerTier: 2, issuerUnitCode: '00070', draftingUnitCode: '00070-VHXH', focalUnitCode: '00070-VHXH',
      assignments: ['issued', 'closed'].includes(status) ? [A('00070-VHXH', 'lead'), A('00070', 'coordinator')] : [],
    });
  }
  const parent = PLANS.find((p) => p.label === 'city/issued/skhcn') as FixturePlan;
  const parentNoFocal = PLANS.find((p) => p.label === 'city/issued/sgddt') as FixturePlan;
  for (const status of ['draft', 'submitted', 'issued'] as PlanStatus[]) {
    // Implementing plans: a commune's of a city plan, and a department's.
    add(`implementing/${status}/00070`, {
      provinceCode: '01', status, issuerTier: 2, issuerUnitCode: '00070', draftingUnitCode: '00070', focalUnitCode: null,
      assignments: status === 'issued' ? [A('00070-VHXH', 'lead')] : [],
    }, parent);
    add(`implementing/${status}/sttt`, {
      provinceCode: '01', status, issuerTier: 1, issuerUnitCode: '01-UBND', draftingUnitCode: '01-STTTT', focalUnitCode: '01-STTTT',
      assignments: [],
    }, parentNoFocal);
  }
  add('other-province/submitted', {
    provinceCode: '31', status: 'submitted', issuerTier: 1, issuerUnitCode: '31-UBND', draftingUnitCode: '31-SXD', focalUnitCode: null, assignments: [],
  });
  add('other-province/issued', {
    provinceCode: '31', status: 'issued', issuerTier: 1, issuerUnitCode: '31-UBND', draftingUnitCode: '31-SXD', focalUnitCode: '31-SXD', assignments: [A('11413', 'lead')],
  });

  beforeAll(async () => {
    db = await createTestDatabase([CreateEventLog1732300000000, ...PLANNING_MIGRATIONS]);
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    // The directory's published view, stood in by a table of the same columns.
    await ds.query(`CREATE TABLE directory_unit (code text PRIMARY KEY, official_name text NOT NULL, short_name text NOT NULL, kind text NOT NULL,
      tier smallint NOT NULL, parent_code text NULL, province_code text NOT NULL, commune_code text NULL, valid_from date NOT NULL, valid_to date NULL)`);
    for (const u of UNITS) {
      await ds.query(`INSERT INTO directory_unit VALUES ($1, $1, $1, $2, $3, NULL, $4, $5, '2025-07-01', NULL)`, [u.code, u.tier === 1 ? 'department' : 'commune', u.tier, u.province, u.commune]);
    }
    for (const p of PLANS) {
      await ds.query(
        `INSERT INTO plan (id, province_code, issuer_unit_code, drafting_unit_code, issuer_tier, focal_unit_code, title, symbol, year, status, version, parent_plan_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'KH', 2025, $8, 1, $9)`,
        [p.id, p.provinceCode, p.issuerUnitCode, p.draftingUnitCode, p.issuerTier, p.focalUnitCode, p.label, p.status, p.parentPlanId],
      );
      const taskId = randomUUID();
      await ds.query(`INSERT INTO plan_task (id, plan_id, ordinal, content, leads, coordinators) VALUES ($1, $2, 1, 'x', '[]', '[]')`, [taskId, p.id]);
      for (const a of p.assignments) {
        await ds.query(`INSERT INTO assignment (plan_id, task_id, unit_code, role, status) VALUES ($1, $2, $3, $4, $5)`, [p.id, taskId, a.unitCode, a.role, a.status]);
      }
    }
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  /** The SQL side for one scope: every plan of the fixture with the predicate's answers. */
  async function sqlAnswers(v: PlanVisibility) {
    const params: unknown[] = [];
    const access = planAccessSql(v, params);
    const rows: { id: string; visible: boolean; myRoles: string[]; holdsAssignment: boolean; issuerTier: number }[] = await ds.query(
      `SELECT p.id, coalesce((${access.where}), false) AS visible, ${myRolesSql(access.roles)}, ${standingSql(access)} FROM plan p`,
      params,
    );
    return new Map(rows.map((r) => [r.id, r]));
  }

  it.each(SCOPES.map((scope) => [scope.username, scope] as const))('%s', async (_name, scope) => {
    const v = planVisibility(scope);
    const sql = await sqlAnswers(v);
    const ts = PLANS.map((p) => ({ plan: p.label, visible: mayView(v, p), myRoles: planRoles(v, p), holdsAssignment: holdsAssignment(v, p) }));
    const db = PLANS.map((p) => {
      const r = sql.get(p.id);
      return { plan: p.label, visible: r?.visible, myRoles: r?.myRoles, holdsAssignment: r?.holdsAssignment };
    });
    expect(db).toEqual(ts);

    // The read model answers the policy's visible set, and allowedActions from the SQL standing equal the TS ones.
    const model = new PlanSqlReadModel(new TransactionContext(ds));
    const { items } = await model.list(v, { limit: 1000, offset: 0 });
    expect(items.map((i) => i.title).sort()).toEqual(PLANS.filter((p) => mayView(v, p)).map((p) => p.label).sort());
    for (const item of items) {
      const p = PLANS.find((x) => x.id === item.id) as FixturePlan;
      const fromTs = allowedActions(scope, { ...p, myRoles: planRoles(v, p), holdsAssignment: holdsAssignment(v, p) });
      expect({ plan: p.label, actions: allowedActions(scope, item) }).toEqual({ plan: p.label, actions: fromTs });
    }
  });

  it('the fixture exercises both answers of every rule', async () => {
    // Guards the fixture: a parity over plans everyone sees (or no one) would prove nothing.
    const answers = SCOPES.flatMap((scope) => PLANS.map((p) => ({ v: planVisibility(scope), p })));
    expect(new Set(answers.map(({ v, p }) => mayView(v, p)))).toEqual(new Set([true, false]));
    for (const role of ['drafting', 'focal', 'issuer', 'lead', 'coordinator']) {
      expect(answers.some(({ v, p }) => planRoles(v, p).includes(role as never))).toBe(true);
    }
    expect(answers.some(({ v, p }) => holdsAssignment(v, p))).toBe(true);
    expect(answers.some(({ v, p }) => mayView(v, p) && !planRoles(v, p).length)).toBe(true);
  });
});
