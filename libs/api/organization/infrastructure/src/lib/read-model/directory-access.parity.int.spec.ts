import { canSeeUnit, unitVisibility, unitVisibilitySql } from '@dieu-hanh/api/organization/application';
import { CreateEventLog1732300000000, TransactionContext } from '@dieu-hanh/api/shared/database';
import { type AccessScope, Clock, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { SqlAccountDirectory } from '../account-directory.adapter';
import { ORGANIZATION_MIGRATIONS } from '../organization.migrations';
import { UnitDirectorySqlReadModel } from './unit-directory.sql-read-model';

class FixedClock extends Clock {
  constructor(public at: Date) {
    super();
  }
  now(): Date {
    return this.at;
  }
}

/**
 * The directory's access policy and its SQL twin on PostgreSQL: for every scope × every unit of a
 * fixture of two provinces (people's committees, departments, communes and their offices), `canSeeUnit`
 * answers what `unitVisibilitySql` and the read model's search and get answer. Change one alone: it fails.
 * Then the calendar day: "in force today" is Vietnam's day from the injected clock, not the session's.
 */
describe('directory access: the policy and its SQL predicate agree on every scope × unit', () => {
  let db: TestDatabase;
  let ds: DataSource;
  const clock = new FixedClock(new Date('2025-10-01T03:00:00Z'));

  const UNITS: { code: string; province: string; tier: 1 | 2; kind: string; parent: string | null; commune: string | null; validTo?: string }[] = [
    { code: '01-UBND', province: '01', tier: 1, kind: 'people-committee', parent: null, commune: null },
    { code: '01-SKHCN', province: '01', tier: 1, kind: 'department', parent: '01-UBND', commune: null },
    { code: '01-SGDDT', province: '01', tier: 1, kind: 'department', parent: '01-UBND', commune: null },
    { code: '00070', province: '01', tier: 2, kind: 'commune', parent: '01-UBND', commune: '00070' },
    { code: '00070-VHXH', province: '01', tier: 2, kind: 'commune-office', parent: '00070', commune: '00070' },
    { code: '00004', province: '01', tier: 2, kind: 'commune', parent: '01-UBND', commune: '00004' },
    { code: '00004-VHXH', province: '01', tier: 2, kind: 'commune-office', parent: '00004', commune: '00004' },
    { code: '31-UBND', province: '31', tier: 1, kind: 'people-committee', parent: null, commune: null },
    { code: '31-SXD', province: '31', tier: 1, kind: 'department', parent: '31-UBND', commune: null },
    { code: '11413', province: '31', tier: 2, kind: 'commune', parent: '31-UBND', commune: '11413' },
  ];
  const facts = (u: (typeof UNITS)[number]) => ({ code: u.code, provinceCode: u.province, tier: u.tier, communeCode: u.commune });
  const s = (unitCode: string, roles: string[], over: Partial<AccessScope> = {}): AccessScope => {
    const u = UNITS.find((x) => x.code === unitCode) as (typeof UNITS)[number];
    return scopeFor({ provinceCode: u.province, unitCode, tier: u.tier, roles, communeCode: u.commune, username: `${unitCode}:${roles.join('+')}`, ...over });
  };
  const SCOPES: AccessScope[] = [
    s('01-UBND', ['leader']),
    s('01-SKHCN', ['department-officer']),
    s('00070', ['commune-officer']),
    s('00070-VHXH', ['commune-officer']),
    s('00004', ['commune-leader']),
    s('11413', ['commune-officer']),
    s('31-SXD', ['admin']),
    s('00070', ['commune-officer'], { communeCode: null, username: '00070 (no commune known)' }),
  ];

  beforeAll(async () => {
    db = await createTestDatabase([CreateEventLog1732300000000, ...ORGANIZATION_MIGRATIONS]);
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    await ds.query(`INSERT INTO org_province VALUES ('01', 'Hà Nội', 'ha-noi'), ('31', 'Hải Phòng', 'hai-phong')`);
    for (const u of UNITS) {
      await ds.query(
        `INSERT INTO org_unit (code, official_name, short_name, kind, tier, parent_code, province_code, commune_code, valid_from, search_text)
         VALUES ($1, $1, $1, $2, $3, $4, $5, $6, '2025-07-01', lower($1))`,
        [u.code, u.kind, u.tier, u.parent, u.province, u.commune],
      );
    }
  }, 60_000);

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it.each(SCOPES.map((scope) => [scope.username, scope] as const))('%s', async (_name, scope) => {
    const v = unitVisibility(scope);
    const params: unknown[] = [];
    const where = unitVisibilitySql(v, params);
    const rows: { code: string; visible: boolean }[] = await ds.query(`SELECT u.code, coalesce((${where}), false) AS visible FROM org_unit u ORDER BY u.code`, params);
    const sql = Object.fromEntries(rows.map((r) => [r.code, r.visible]));
    const ts = Object.fromEntries(UNITS.map((u) => [u.code, canSeeUnit(scope, facts(u))]));
    expect(sql).toEqual(ts);

    // The read model's search and get answer the same set.
    const model = new UnitDirectorySqlReadModel(new TransactionContext(ds), clock);
    const { items } = await model.search({ limit: 1000, offset: 0, includeClosed: true }, v);
    expect(items.map((u) => u.code).sort()).toEqual(UNITS.filter((u) => ts[u.code]).map((u) => u.code).sort());
    for (const u of UNITS) expect({ code: u.code, found: (await model.get(u.code, v)) !== null }).toEqual({ code: u.code, found: ts[u.code] });
  });

  it('the fixture exercises both answers for tier 1 and tier 2 callers', () => {
    for (const tier of [1, 2]) {
      const answers = SCOPES.filter((x) => x.tier === tier).flatMap((scope) => UNITS.map((u) => canSeeUnit(scope, facts(u))));
      expect(new Set(answers)).toEqual(new Set([true, false]));
    }
  });

  describe("Vietnam's today, not the session's current_date", () => {
    // 23:30 UTC on 14/10 is 06:30 on 15/10 in Hà Nội. A unit whose last day was 14/10 is closed in Vietnam.
    const lateUtc = new Date('2025-10-14T23:30:00Z');
    beforeAll(async () => {
      await ds.query(`UPDATE org_unit SET valid_to = '2025-10-14' WHERE code = '01-SGDDT'`);
      await ds.query(`INSERT INTO org_unit_group VALUES ('01-G-SGDDT', 'Nhóm kiểm thử', '01')`);
      await ds.query(`INSERT INTO org_unit_group_member VALUES ('01-G-SGDDT', '01-SGDDT')`);
    });
    afterAll(async () => {
      await ds.query(`UPDATE org_unit SET valid_to = NULL WHERE code = '01-SGDDT'`);
    });

    it('the session itself still says 14/10 (UTC): current_date would keep the unit open', async () => {
      await ds.query(`SET TIME ZONE 'UTC'`);
      expect(lateUtc.toISOString().slice(0, 10)).toBe('2025-10-14');
      expect(new FixedClock(lateUtc).today()).toBe('2025-10-15');
    });

    it('the search leaves out a unit closed before Vietnam’s today at 23:30 UTC, and keeps it at 16:59 UTC', async () => {
      const v = unitVisibility(SCOPES[0]);
      const search = (at: Date) =>
        new UnitDirectorySqlReadModel(new TransactionContext(ds), new FixedClock(at)).search({ limit: 1000, offset: 0, kind: 'department' }, v);
      expect((await search(lateUtc)).items.map((u) => u.code)).toEqual(['01-SKHCN']);
      expect((await search(new Date('2025-10-14T16:59:00Z'))).items.map((u) => u.code).sort()).toEqual(['01-SGDDT', '01-SKHCN']);
      // A group counts only its members in force: its one member closed, the group is not listed.
      const groups = (at: Date) => new UnitDirectorySqlReadModel(new TransactionContext(ds), new FixedClock(at)).groups(v);
      expect(await groups(lateUtc)).toEqual([]);
      expect(await groups(new Date('2025-10-14T16:59:00Z'))).toEqual([expect.objectContaining({ code: '01-G-SGDDT', memberCount: 1 })]);
    });

    it('an account of that unit is refused from 00:00 in Vietnam (its unit reports validTo), not from 07:00', async () => {
      const facts = (at: Date) => new SqlAccountDirectory(new TransactionContext(ds), new FixedClock(at)).unitFacts('01-SGDDT');
      expect(await facts(lateUtc)).toMatchObject({ validTo: '2025-10-14' });
      expect(await facts(new Date('2025-10-14T16:59:00Z'))).toMatchObject({ validTo: null });
    });
  });
});
