import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { apiConfigFromEnv } from './api.config';
import { AppModule } from './app.module';
import { ALL_MIGRATIONS } from './migrations';
import { seedAll, seedPlans } from './seed';

/**
 * The demo seed end to end on PostgreSQL: the real directory, then the four real plans loaded issued
 * through the planning commands, with their assignments fanned out to today's units.
 */
describe('seed: the real plans, issued and fanned out (real PostgreSQL)', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  let first: Awaited<ReturnType<typeof seedPlans>>;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => app.get(DataSource).query(sql, params);

  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...apiConfigFromEnv({}), databaseUrl: db.url }, 'external'), { logger: false });
    await app.init();
    first = (await seedAll(app, 'demo')).plans;
    await app.get(EventFeed).drain({ timeoutMs: 60_000 }); // notifications follow through the event feed
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  it('issues all four plans, once', async () => {
    expect(first.issued.sort()).toEqual(['haiphong-hai-an', 'hanoi-138', 'hanoi-272', 'hanoi-402']);
    const again = await seedPlans(app);
    expect(again).toMatchObject({ issued: [], assignments: 0 });
    expect(again.alreadyThere.sort()).toEqual(first.issued.sort());
  });

  it('402/KH-UBND: 178 tasks and 46 indicators, issued 31/12/2024, its history told by the event log', async () => {
    const [plan] = await q<{ id: string; status: string; issue_date: string; tasks: number; indicators: number }>(
      `SELECT p.id, p.status, to_char(p.issue_date, 'YYYY-MM-DD') AS issue_date,
              (SELECT count(*)::int FROM plan_task t WHERE t.plan_id = p.id) AS tasks,
              (SELECT count(*)::int FROM plan_indicator i WHERE i.plan_id = p.id) AS indicators
         FROM plan p WHERE p.issuer_unit_code = '01-UBND' AND p.number = 402`,
    );
    expect(plan).toMatchObject({ status: 'issued', issue_date: '2024-12-31', tasks: 178, indicators: 46 });
    const types = (await q<{ type: string }>(`SELECT type FROM event_log WHERE aggregate_type = 'plan' AND aggregate_id = $1 ORDER BY sequence`, [plan.id])).map((r) => r.type);
    expect(types).toEqual(['planning.plan-drafted', 'planning.plan-submitted', 'planning.plan-approved', 'planning.plan-issued']);
    // Its focal unit, Sở TT&TT, is Sở KH&CN since 01/3/2025: the plan says so, and the issue event remembers it.
    const [focal] = await q<{ focal: string; payload: { focalSucceeds: string } }>(
      `SELECT p.focal_unit_code AS focal, e.payload FROM plan p JOIN event_log e ON e.aggregate_id = p.id::text AND e.type = 'planning.plan-issued' WHERE p.id = $1`,
      [plan.id],
    );
    expect(focal).toMatchObject({ focal: '01-SKHCN', payload: { focalSucceeds: '01-STTTT' } });
  });

  it('assigns to the units that exist now: Sở TT&TT’s work goes to Sở KH&CN, the districts’ to all 126 communes', async () => {
    const closed = await q(`SELECT 1 FROM assignment a JOIN org_unit u ON u.code = a.unit_code WHERE u.valid_to IS NOT NULL AND u.valid_to < current_date`);
    expect(closed).toEqual([]);
    const [viaSuccessor] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM assignment WHERE unit_code = '01-SKHCN' AND succeeds = '01-STTTT'`);
    expect(viaSuccessor.n).toBeGreaterThan(20);
    // Task 2 of 402 ("Các Sở, ban, ngành…; UBND các quận, huyện, thị xã" lead) reaches every commune of Hà Nội.
    const [task] = await q<{ communes: number }>(
      `SELECT count(*)::int AS communes FROM assignment a JOIN org_unit u ON u.code = a.unit_code
         JOIN plan_task t ON t.id = a.task_id JOIN plan p ON p.id = t.plan_id
        WHERE p.number = 402 AND p.issuer_unit_code = '01-UBND' AND t.ordinal = 2 AND u.kind = 'commune'`,
    );
    expect(task.communes).toBe(126);
    // Every holder was told.
    const [untold] = await q<{ n: number }>(
      `SELECT count(*)::int AS n FROM assignment a WHERE NOT EXISTS (SELECT 1 FROM notification n WHERE n.assignment_id = a.id)`,
    );
    expect(untold.n).toBe(0);
  });

  it('272/KH-UBND keeps "UBND các xã, phường đã đề xuất" pending rather than guessing which communes', async () => {
    const pending = await q<{ ordinal: number }>(
      `SELECT t.ordinal FROM plan_task t JOIN plan p ON p.id = t.plan_id
        WHERE p.number = 272 AND p.issuer_unit_code = '01-UBND' AND t.leads @> '[{"pending": "UBND các xã, phường đã đề xuất"}]'`,
    );
    expect(pending.length).toBe(3);
    expect(first.pendingReferences).toBeGreaterThan(3);
  });

  it('Phường Hải An’s own plan is a commune plan, assigned to the ward’s offices and partners', async () => {
    const rows = await q<{ issuer_tier: number; units: string[] }>(
      `SELECT p.issuer_tier, array_agg(DISTINCT a.unit_code) AS units FROM plan p JOIN assignment a ON a.plan_id = p.id
        WHERE p.issuer_unit_code = '11413' GROUP BY p.issuer_tier`,
    );
    expect(rows[0].issuer_tier).toBe(2);
    expect(rows[0].units.length).toBeGreaterThan(3);
    expect(rows[0].units.every((u) => u.startsWith('11413'))).toBe(true);
  });
});
