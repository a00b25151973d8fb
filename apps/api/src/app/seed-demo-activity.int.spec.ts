import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import {
  GetAssignmentTimelineQuery,
  GetAssignmentWorkQuery,
  GetLeaderInboxQuery,
  GetPlanProgressQuery,
  ListMyWorkQuery,
  ListVerificationQueueQuery,
  ReportProgressCommand,
} from '@dieu-hanh/api/execution/application';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { type AccessScope, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import type { AssignmentWorkDto, LeaderInboxDto, PlanProgressDto, TimelineEntryDto, WorkItemDto, WorkListDto } from '@dieu-hanh/shared/contracts';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { DataSource } from 'typeorm';
import { apiConfigFromEnv } from './api.config';
import { AppModule } from './app.module';
import { ALL_MIGRATIONS } from './migrations';
import { seedAll, seedDirectory, seedPlans } from './seed';
import { seedDemoActivity } from './seed-demo-activity';
import { loadDemoActivity } from './seed-demo-activity.script';

const DEMO_ACTIVITY = loadDemoActivity(process.env['SEEDS_DIR'] ?? findSeedsDir());

// The accounts of seeds/identity/demo-accounts.json, as the API sees them.
const HN = { realm: 'ha-noi', provinceCode: '01' };
const LEADER = scopeFor({ ...HN, username: 'lanhdao', unitCode: '01-UBND', tier: 1, roles: ['leader'] });
const FOCAL = scopeFor({ ...HN, username: 'skhcn.daumoi', unitCode: '01-SKHCN', tier: 1, roles: ['department-officer', 'focal-officer'] });
const SGDDT = scopeFor({ ...HN, username: 'sgddt.canbo', unitCode: '01-SGDDT', tier: 1, roles: ['department-officer'] });
const HOAN_KIEM = scopeFor({ ...HN, username: 'hoankiem.canbo', unitCode: '00070', tier: 2, roles: ['commune-officer'], communeCode: '00070' });
const BA_DINH = scopeFor({ ...HN, username: 'badinh.canbo', unitCode: '00004', tier: 2, roles: ['commune-officer'], communeCode: '00004' });

/** An app context on a fresh database (no scheduled jobs: nothing but the seed writes events), evidence in a temporary folder. */
async function startApp(): Promise<{ app: INestApplicationContext; close: () => Promise<void> }> {
  const evidence = mkdtempSync(join(tmpdir(), 'dieu-hanh-demo-evidence-'));
  const saved = { jobs: process.env['JOBS_RUNNER'], evidence: process.env['EVIDENCE_DIR'] };
  process.env['JOBS_RUNNER'] = 'off';
  process.env['EVIDENCE_DIR'] = evidence;
  const db: TestDatabase = await createTestDatabase(ALL_MIGRATIONS);
  const app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...apiConfigFromEnv({}), databaseUrl: db.url }, 'external'), { logger: false });
  await app.init();
  const close = async () => {
    await app.close();
    await db.drop();
    rmSync(evidence, { recursive: true, force: true });
    for (const [name, value] of [['JOBS_RUNNER', saved.jobs], ['EVIDENCE_DIR', saved.evidence]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
  return { app, close };
}

/**
 * The demo seed's execution activity on PostgreSQL: after `seedAll('demo')` the demo accounts find a
 * plan in progress — roll-ups, queues, the leader's inbox, the communes' work lists and timelines — and
 * a second seed records nothing at all.
 */
describe('seed: the demo shows execution activity (real PostgreSQL)', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let first: Awaited<ReturnType<typeof seedAll>>;
  const q = <T = Record<string, unknown>>(sql: string, params: unknown[] = []): Promise<T[]> => app.get(DataSource).query(sql, params);
  const ask = <T>(query: object): Promise<T> => app.get(QueryBus).execute(query as never);
  const myWork = (scope: AccessScope) => ask<WorkListDto>(new ListMyWorkQuery(scope, {}, { limit: 500, offset: 0 }));
  const item = (list: WorkListDto, planSymbol: string, ordinal: number) =>
    list.items.find((i) => i.planSymbol === planSymbol && i.taskOrdinal === ordinal) as WorkItemDto;

  beforeAll(async () => {
    ({ app, close } = await startApp());
    first = await seedAll(app, 'demo');
    await app.get(EventFeed).drain({ timeoutMs: 60_000 }); // the tallies and notifications follow through the event feed
  }, 180_000);
  afterAll(async () => close?.());

  it('tells every story of the script through the commands, and urges the late units of one task', () => {
    expect(first.activity).toMatchObject({ told: DEMO_ACTIVITY.stories.length, alreadyTold: 0, skipped: [] });
    // 402/167 goes to every department and commune; Sở KH&CN urges all but itself.
    expect(first.activity.urged).toBeGreaterThan(100);
  });

  it('plan 402’s roll-up has work in progress, reported, verified and refused; 138 moves too', async () => {
    const p402 = await ask<PlanProgressDto>(new GetPlanProgressQuery(LEADER, first.plans.planIds['hanoi-402']));
    expect(p402.lead).toMatchObject({ inProgress: expect.any(Number), done: expect.any(Number), verified: expect.any(Number) });
    expect(p402.lead.inProgress).toBeGreaterThanOrEqual(15);
    expect(p402.lead.verified).toBeGreaterThanOrEqual(4);
    expect(p402.lead.pendingVerification).toBeGreaterThanOrEqual(4);
    expect(p402.lead.unable).toBe(1);
    expect(p402.coordinator.inProgress).toBeGreaterThanOrEqual(3);
    expect(p402.coordinator.verified).toBeGreaterThanOrEqual(1);
    const p138 = await ask<PlanProgressDto>(new GetPlanProgressQuery(LEADER, first.plans.planIds['hanoi-138']));
    expect(p138.lead.inProgress).toBeGreaterThanOrEqual(2);
    expect(p138.lead.verified + p138.coordinator.verified).toBeGreaterThanOrEqual(2);
  });

  it('the focal unit’s verification queue holds reports waiting for it — fewer than a page of 25, so the browser suites find theirs', async () => {
    const queue = await ask<WorkListDto>(new ListVerificationQueueQuery(FOCAL, {}, { limit: 25, offset: 0 }));
    expect(queue.total).toBeGreaterThanOrEqual(3);
    expect(queue.total).toBeLessThan(25);
    expect(queue.items.map((i) => i.status)).toEqual(expect.arrayContaining(['done', 'unable']));
    // The leader verifies Sở KH&CN's own lead work; Sở GD&ĐT, a coordinating commune's contribution.
    expect((await ask<WorkListDto>(new ListVerificationQueueQuery(LEADER, {}, { limit: 25, offset: 0 }))).total).toBeGreaterThanOrEqual(1);
    expect((await ask<WorkListDto>(new ListVerificationQueueQuery(SGDDT, {}, { limit: 25, offset: 0 }))).total).toBeGreaterThanOrEqual(1);
  });

  it('the leader’s inbox has an escalated obstacle to direct and an extension to decide (fewer than its page of 20)', async () => {
    const inbox = await ask<LeaderInboxDto>(new GetLeaderInboxQuery(LEADER));
    expect(inbox.escalations.map((o) => o.unitName)).toContain('Ủy ban nhân dân phường Ba Đình');
    expect(inbox.escalations[0]).toMatchObject({ status: 'escalated', proposal: expect.stringContaining('kinh phí') });
    expect(inbox.extensions.length).toBeGreaterThanOrEqual(1);
    expect(inbox.escalations.length + inbox.extensions.length).toBeLessThan(20);
  });

  it('Phường Hoàn Kiếm’s work list: updates, results verified, waiting and returned, an answered obstacle, extensions pending and approved, an urged overdue task untouched', async () => {
    const list = await myWork(HOAN_KIEM);
    const updated = list.items.filter((i) => i.version > 0);
    expect(updated.length).toBeGreaterThanOrEqual(6);
    expect(updated.every((i) => i.role === 'coordinator')).toBe(true); // its lead work stays at version 0 for the crash e2e
    expect(item(list, '402/KH-UBND', 5)).toMatchObject({ status: 'in-progress', percent: 60 });
    expect(item(list, '402/KH-UBND', 117)).toMatchObject({ status: 'done', verification: 'verified' });
    expect(item(list, '402/KH-UBND', 24)).toMatchObject({ status: 'done', verification: 'pending' });
    expect(list.counts.pendingVerification).toBe(1);
    expect(item(list, '402/KH-UBND', 70)).toMatchObject({ status: 'done', verification: 'returned' });
    expect(item(list, '402/KH-UBND', 137)).toMatchObject({ pendingExtension: true });
    // The approved extension: both dates, and no longer late (the new date is after today).
    const extended = item(list, '402/KH-UBND', 174);
    expect(extended).toMatchObject({ originalDue: '2025-12-31', urgency: 'on-track' });
    expect((extended.due ?? '') > '2025-12-31').toBe(true);
    expect(item(list, '402/KH-UBND', 167)).toMatchObject({ status: 'not-started', version: 0, urgency: 'overdue' });

    const obstacle = await ask<AssignmentWorkDto>(new GetAssignmentWorkQuery(item(list, '402/KH-UBND', 163).assignmentId, HOAN_KIEM));
    expect(obstacle.obstacles).toEqual([expect.objectContaining({ status: 'answered', proposal: expect.stringContaining('giảng viên'), answer: expect.any(String) })]);
    const returned = await ask<AssignmentWorkDto>(new GetAssignmentWorkQuery(item(list, '402/KH-UBND', 70).assignmentId, HOAN_KIEM));
    expect(returned.returnReason).toContain('bổ sung');
  });

  it('Phường Ba Đình’s work list: its own updates, an escalated obstacle, an approved extension, an overdue task untouched', async () => {
    const list = await myWork(BA_DINH);
    expect(list.items.filter((i) => i.version > 0).length).toBeGreaterThanOrEqual(5);
    const blocked = await ask<AssignmentWorkDto>(new GetAssignmentWorkQuery(item(list, '402/KH-UBND', 109).assignmentId, BA_DINH));
    expect(blocked.obstacles).toEqual([expect.objectContaining({ status: 'escalated' })]);
    expect(item(list, '402/KH-UBND', 21).originalDue).toBe('2025-12-31');
    expect(item(list, '402/KH-UBND', 3)).toMatchObject({ status: 'not-started', urgency: 'overdue' });
  });

  it('the timelines tell what happened, in Vietnamese, with the evidence attached', async () => {
    const list = await myWork(HOAN_KIEM);
    const timeline = await ask<TimelineEntryDto[]>(new GetAssignmentTimelineQuery(HOAN_KIEM, item(list, '402/KH-UBND', 163).assignmentId));
    expect(timeline.map((e) => e.type)).toEqual(['planning.assignment-created', 'execution.progress-reported', 'execution.obstacle-raised', 'execution.obstacle-answered']);
    expect(timeline.slice(1).every((e) => e.actor === 'seed:demo-activity' && e.summary.length > 0)).toBe(true);
    const withPhoto = await ask<TimelineEntryDto[]>(new GetAssignmentTimelineQuery(HOAN_KIEM, item(list, '402/KH-UBND', 117).assignmentId));
    expect(withPhoto.find((e) => e.type === 'execution.progress-reported')?.evidence).toEqual([expect.objectContaining({ mediaType: 'image/png' })]);
    expect(withPhoto.map((e) => e.type)).toContain('execution.work-verified');
    const urged = await ask<TimelineEntryDto[]>(new GetAssignmentTimelineQuery(HOAN_KIEM, item(list, '402/KH-UBND', 167).assignmentId));
    expect(urged.map((e) => e.type)).toContain('execution.urged');
    // The directive on Sở Xây dựng's obstacle reaches its timeline.
    const [directed] = await q<{ n: number }>(`SELECT count(*)::int AS n FROM event_log WHERE type = 'execution.directive-given' AND actor_username = 'seed:demo-activity'`);
    expect(directed.n).toBe(1);
  });

  it('a second seed records nothing: no event, no update, no obstacle, no request, no file', async () => {
    const counts = () =>
      q<{ events: number; updates: number; obstacles: number; extensions: number; files: number }>(
        `SELECT (SELECT count(*)::int FROM event_log) AS events, (SELECT count(*)::int FROM progress_update) AS updates,
                (SELECT count(*)::int FROM obstacle) AS obstacles, (SELECT count(*)::int FROM extension_request) AS extensions,
                (SELECT count(*)::int FROM evidence_file) AS files`,
      );
    const before = await counts();
    const again = await seedAll(app, 'demo');
    expect(again.activity).toEqual({ told: 0, alreadyTold: DEMO_ACTIVITY.stories.length + DEMO_ACTIVITY.urges.length, skipped: [], urged: 0 });
    expect(again.reporting).toEqual({ periodsOpened: [], alreadyThere: ['hanoi-402', 'hanoi-138'], unitReports: 0, consolidated: [] });
    expect(await counts()).toEqual(before);
  });

  it('reports too: 402’s Quý IV/2025 consolidated, numbered and approved; 138’s in progress; Hoàn Kiếm and Ba Đình not yet reported', async () => {
    expect(first.reporting).toMatchObject({ periodsOpened: ['hanoi-402: Quý IV/2025', 'hanoi-138: Quý IV/2025'], alreadyThere: [], consolidated: ['hanoi-402: Quý IV/2025 (approved)'] });
    expect(first.reporting.unitReports).toBe(36);
    expect(await q(`SELECT status, document ->> 'documentNumber' AS number FROM consolidated_report`)).toEqual([{ status: 'approved', number: '125/BC-SKHCN' }]);
    const byStatus = await q<{ plan: string; status: string; n: number }>(
      `SELECT p.plan_id::text AS plan, r.status, count(*)::int AS n FROM unit_report r JOIN report_period p ON p.id = r.period_id GROUP BY 1, 2 ORDER BY 1, 2`,
    );
    const of = (key: string) => Object.fromEntries(byStatus.filter((r) => r.plan === first.plans.planIds[key]).map((r) => [r.status, r.n]));
    expect(of('hanoi-402')).toEqual({ accepted: 29, returned: 1 });
    expect(of('hanoi-138')).toEqual({ submitted: 6 });
    const late = await q(
      `SELECT e.unit_code FROM report_expected_unit e JOIN report_period p ON p.id = e.period_id
         LEFT JOIN unit_report r ON r.period_id = e.period_id AND r.unit_code = e.unit_code
        WHERE p.plan_id = $1 AND r.id IS NULL AND e.unit_code IN ('00070', '00004') ORDER BY 1`,
      [first.plans.planIds['hanoi-402']],
    );
    expect(late).toEqual([{ unit_code: '00004' }, { unit_code: '00070' }]);
    // Figures reached the city's aggregate: some indicator of 402 has a ratio of sums from many units.
    const figures = await q<{ n: number }>(`SELECT count(DISTINCT v.unit_code)::int AS n FROM indicator_value v JOIN unit_report r ON r.id = v.report_id WHERE r.status = 'accepted'`);
    expect(figures[0].n).toBeGreaterThan(10);
  });
});

describe('seed: demo activity on a database that already has work (the benchmark data set)', () => {
  let app: INestApplicationContext;
  let close: () => Promise<void>;
  let planIds: Record<string, string>;
  const directory = loadDirectorySeed({ seedsDir: process.env['SEEDS_DIR'] ?? findSeedsDir(), scope: 'demo' });

  beforeAll(async () => {
    ({ app, close } = await startApp());
    await seedDirectory(app, 'demo', directory);
    planIds = (await seedPlans(app, directory)).planIds;
  }, 180_000);
  afterAll(async () => close?.());

  it('skips assignments someone already worked on and ones this seed does not have, tells the rest, never throws', async () => {
    const [worked, fresh] = DEMO_ACTIVITY.stories;
    const [row] = await app.get(DataSource).query(
      `SELECT assignment_id AS id FROM planning_assignment WHERE plan_id = $1 AND task_ordinal = $2 AND unit_code = $3`,
      [planIds[worked.plan], worked.task, worked.unit],
    );
    const officer = scopeFor({ ...HN, username: 'bench.officer', unitCode: worked.unit, tier: 1, roles: ['department-officer'] });
    await app.get(CommandBus).execute(new ReportProgressCommand(row.id, { version: 0, status: 'in-progress', percent: 7, note: 'Đo hiệu năng' }, 'bench-1', { actor: officer, correlationId: '00000000-0000-4000-8000-000000000001' }));

    const missing = { plan: 'hanoi-402', task: 999, unit: '00070', steps: [{ report: 'in-progress' as const, percent: 5, note: 'x' }] };
    const script = { stories: [worked, fresh, missing], urges: [] };
    const result = await seedDemoActivity(app, directory, planIds, script);
    expect(result).toEqual({
      told: 1,
      alreadyTold: 0,
      skipped: [`hanoi-402/${worked.task}/${worked.unit}: already has work`, 'hanoi-402/999/00070: no such assignment in this seed'],
      urged: 0,
    });
    const mine = await app.get(QueryBus).execute(new GetAssignmentWorkQuery(row.id, officer));
    expect(mine).toMatchObject({ version: 1, percent: 7, note: 'Đo hiệu năng' });
    // Told once; the skipped ones are looked at again next time, and still skipped.
    expect(await seedDemoActivity(app, directory, planIds, script)).toMatchObject({ told: 0, alreadyTold: 1, skipped: result.skipped });
  });
});
