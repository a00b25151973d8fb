import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import {
  EvidenceRepository,
  ExtensionRepository,
  GetAssignmentTimelineQuery,
  GetLeaderInboxQuery,
  GetPlanProgressQuery,
  ListMyWorkQuery,
  ListVerificationQueueQuery,
  ListWorkQuery,
  ObstacleRepository,
  RaiseObstacleCommand,
  EscalateObstacleCommand,
  ReportProgressCommand,
  RequestExtensionCommand,
  WORK_HANDLERS,
  WORK_READ_HANDLERS,
  WorkReadModel,
  WorkRepository,
} from '@dieu-hanh/api/execution/application';
import { urgencyOf } from '@dieu-hanh/api/execution/domain';
import { TransactionContext, TypeOrmUnitOfWork } from '@dieu-hanh/api/shared/database';
import { type AccessScope, Clock, type CommandMetadata, UnitOfWork, scopeFor } from '@dieu-hanh/api/shared/kernel';
import type { LeaderInboxDto, PlanProgressDto, TimelineEntryDto, WorkListDto } from '@dieu-hanh/shared/contracts';
import { DataSource } from 'typeorm';
import { type WorkFixture, startWorkFixture } from '../../testing/work-fixture';
import { SqlEvidenceRepository } from '../evidence/sql-evidence.repository';
import { CreateProgressReadModels1732300007030 } from '../migrations/1732300007030-progress-read-models.migration';
import { SqlExtensionRepository } from '../write/sql-extension.repository';
import { SqlObstacleRepository } from '../write/sql-obstacle.repository';
import { SqlWorkRepository } from '../write/sql-work.repository';
import { recountProgress } from './progress-tally.subscriber';
import { SqlWorkReadModel } from './sql-work.read-model';

/**
 * Integration: execution's read side on PostgreSQL with the real write side producing the state —
 * work lists and their visibility (a commune never sees another commune's work), diacritics-insensitive
 * search, urgency at Vietnam's midnight, the verification queue, the progress roll-up from the tallies,
 * the timeline from the event log and the leader's inbox.
 */
describe('execution read side (on PostgreSQL)', () => {
  let fx: WorkFixture;
  let ds: DataSource;
  let app: INestApplicationContext;
  let commands: CommandBus;
  let queries: QueryBus;
  const clock = new (class extends Clock {
    at = new Date('2025-03-05T03:00:00Z');
    now() {
      return this.at;
    }
  })();

  const scope = (username: string, unitCode: string, tier: 1 | 2, roles: string[], communeCode: string | null = null, provinceCode = '01'): AccessScope =>
    scopeFor({ provinceCode, unitCode, tier, roles, username, communeCode, realm: 'ha-noi' });
  const HK = scope('hoankiem.canbo', '00070', 2, ['commune-officer'], '00070');
  const HK_OFFICE = scope('hoankiem.vp', '00070-VP', 2, ['commune-officer'], '00070');
  const BD = scope('badinh.canbo', '00004', 2, ['commune-officer'], '00004');
  const SGDDT = scope('sgddt.canbo', '01-SGDDT', 1, ['department-officer']);
  const SKHCN = scope('skhcn.daumoi', '01-SKHCN', 1, ['department-officer', 'focal-officer']);
  const LEADER = scope('lanhdao', '01-UBND', 1, ['leader']);
  const HP = scope('haiphong', '11413', 2, ['commune-officer'], '11413', '31');
  const meta = (actor: AccessScope): CommandMetadata => ({ actor, correlationId: randomUUID() });

  const planId = randomUUID();
  const t1 = randomUUID();
  const t2 = randomUUID();
  const ids: Record<string, string> = {};

  const myWork = (who: AccessScope, filter: object = {}, page = { limit: 25, offset: 0 }): Promise<WorkListDto> => queries.execute(new ListMyWorkQuery(who, filter, page));
  const tracking = (who: AccessScope, filter: object = {}, page = { limit: 25, offset: 0 }): Promise<WorkListDto> => queries.execute(new ListWorkQuery(who, filter, page));
  const progress = (who: AccessScope): Promise<PlanProgressDto> => queries.execute(new GetPlanProgressQuery(who, planId));
  const recountAll = async () => recountProgress(ds, (await ds.query(`SELECT assignment_id FROM planning_assignment`)).map((r: { assignment_id: string }) => r.assignment_id));
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as { code: string };
    }
    throw new Error('accepted');
  };

  beforeAll(async () => {
    fx = await startWorkFixture();
    ds = fx.ds;
    const runner = ds.createQueryRunner();
    await new CreateProgressReadModels1732300007030().up(runner);
    await runner.release();
    await fx.unit('01-UBND', 'UBND Thành phố Hà Nội', 1, null);
    await fx.unit('01-SKHCN', 'Sở Khoa học và Công nghệ', 1, null);
    await fx.unit('01-SGDDT', 'Sở Giáo dục và Đào tạo', 1, null);
    await fx.unit('00070', 'UBND phường Hoàn Kiếm', 2, '00070');
    await fx.unit('00070-VP', 'Văn phòng HĐND và UBND phường Hoàn Kiếm', 2, '00070');
    await fx.unit('00004', 'UBND phường Ba Đình', 2, '00004');
    const task1 = { planId, taskId: t1, taskOrdinal: 1, taskContent: 'Rà soát thủ tục hành chính', taskDue: '2025-03-10', directingLeader: 'Phó Chủ tịch UBND Thành phố' };
    const task2 = { planId, taskId: t2, taskOrdinal: 2, taskContent: 'Số hóa hồ sơ tại tổ dân phố', taskDue: '2025-06-30' };
    ids.lead = await fx.assignment({ ...task1, unitCode: '01-SGDDT', role: 'lead' });
    ids.hk = await fx.assignment({ ...task1, unitCode: '00070', role: 'coordinator' });
    ids.hkOffice = await fx.assignment({ ...task1, unitCode: '00070-VP', role: 'coordinator' });
    ids.bd = await fx.assignment({ ...task1, unitCode: '00004', role: 'coordinator' });
    ids.hkLead = await fx.assignment({ ...task2, unitCode: '00070', role: 'lead' });

    @Module({
      imports: [CqrsModule.forRoot()],
      providers: [
        { provide: DataSource, useValue: ds },
        { provide: Clock, useValue: clock },
        TransactionContext,
        { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
        { provide: WorkRepository, useClass: SqlWorkRepository },
        { provide: ObstacleRepository, useClass: SqlObstacleRepository },
        { provide: ExtensionRepository, useClass: SqlExtensionRepository },
        { provide: EvidenceRepository, useClass: SqlEvidenceRepository },
        { provide: WorkReadModel, useClass: SqlWorkReadModel },
        ...WORK_HANDLERS,
        ...WORK_READ_HANDLERS,
      ],
    })
    class ReadTestModule {}
    app = await NestFactory.createApplicationContext(ReadTestModule, { logger: false });
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
    await recountAll();
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await fx?.close();
  });

  it('my work: a commune sees its own and its offices’ work, never another commune’s; a department its own', async () => {
    const hk = await myWork(HK);
    expect(hk.items.map((i) => i.assignmentId).sort()).toEqual([ids.hk, ids.hkOffice, ids.hkLead].sort());
    expect(hk.total).toBe(3);
    expect(hk.items[0]).toMatchObject({ urgency: 'due-soon', days: 5, due: '2025-03-10', status: 'not-started', version: 0, planSymbol: '402/KH-UBND' });
    expect((await myWork(HK_OFFICE)).items.map((i) => i.assignmentId)).toEqual([ids.hkOffice]);
    expect((await myWork(BD)).items.map((i) => i.assignmentId)).toEqual([ids.bd]);
    expect((await myWork(SGDDT)).items.map((i) => i.assignmentId)).toEqual([ids.lead]);
    expect((await myWork(HP)).total).toBe(0);
  });

  it('searches without diacritics over task content, plan title and symbol; pages with counts over the whole list', async () => {
    expect((await myWork(HK, { q: 'so hoa HO SO' })).items.map((i) => i.assignmentId)).toEqual([ids.hkLead]);
    expect((await myWork(HK, { q: 'Số Hóa' })).total).toBe(1);
    expect((await myWork(HK, { q: '402/kh' })).total).toBe(3);
    expect((await myWork(HK, { q: '100%' })).total).toBe(0);
    const page = await myWork(HK, {}, { limit: 1, offset: 1 });
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(3);
    expect(page.counts).toEqual({ overdue: 0, dueSoon: 2, done: 0, pendingVerification: 0, open: 3 });
    const beyond = await myWork(HK, {}, { limit: 25, offset: 50 });
    expect([beyond.items.length, beyond.total, beyond.counts.open]).toEqual([0, 3, 3]);
    const dueSoon = await myWork(HK, { urgency: 'due-soon' });
    expect([dueSoon.total, dueSoon.counts.open]).toEqual([2, 3]); // the chips count the whole list
  });

  it('tracking: a department sees the tasks it leads; a commune never another commune’s work', async () => {
    const sgddt = await tracking(SGDDT);
    expect(sgddt.items.map((i) => i.assignmentId).sort()).toEqual([ids.lead, ids.hk, ids.hkOffice, ids.bd].sort());
    expect((await tracking(SGDDT, { unitCode: '00004' })).items.map((i) => i.assignmentId)).toEqual([ids.bd]);
    expect((await tracking(SKHCN)).total).toBe(5); // the focal unit sees the plan
    expect((await tracking(LEADER, { role: 'lead' })).total).toBe(2);
    for (const who of [HK, BD, HK_OFFICE]) {
      const seen = (await tracking(who, { planId })).items.map((i) => i.unitCode);
      expect(seen.every((u) => (who === BD ? u === '00004' : u.startsWith('00070')))).toBe(true);
    }
    expect((await tracking(HP)).total).toBe(0);
  });

  it('urgency turns at Vietnam’s midnight (17:00 UTC), as urgencyOf says', async () => {
    const at = async (iso: string) => {
      clock.at = new Date(iso);
      const item = (await myWork(BD)).items[0];
      expect(urgencyOf(item, item.due, clock.today())).toEqual({ urgency: item.urgency, days: item.days });
      return [item.urgency, item.days];
    };
    try {
      expect(await at('2025-03-09T23:30:00Z')).toEqual(['due-soon', 0]); // 06:30 on the 10th in Hà Nội
      expect(await at('2025-03-10T16:59:00Z')).toEqual(['due-soon', 0]); // 23:59 on the 10th
      expect(await at('2025-03-10T17:00:00Z')).toEqual(['overdue', 1]); // 00:00 on the 11th
      expect((await myWork(BD, { urgency: 'overdue' })).total).toBe(1);
      expect((await progress(LEADER)).coordinator.overdue).toBe(3);
      clock.at = new Date('2025-03-09T23:30:00Z');
      expect((await progress(LEADER)).coordinator.overdue).toBe(0);
    } finally {
      clock.at = new Date('2025-03-05T03:00:00Z');
    }
  });

  it('the verification queue lists what the caller verifies; the roll-up counts from the tallies', async () => {
    expect((await progress(LEADER)).coordinator).toMatchObject({ done: 0, pendingVerification: 0 }); // kept by the read model…
    await commands.execute(new ReportProgressCommand(ids.hk, { version: 0, status: 'done', percent: 100 }, randomUUID(), meta(HK)));
    await commands.execute(new ReportProgressCommand(ids.hkLead, { version: 0, status: 'in-progress', percent: 40 }, randomUUID(), meta(HK)));
    await recountAll();
    const queue = (who: AccessScope): Promise<WorkListDto> => queries.execute(new ListVerificationQueueQuery(who, {}, { limit: 25, offset: 0 }));
    expect((await queue(SGDDT)).items.map((i) => i.assignmentId)).toEqual([ids.hk]); // the lead verifies its coordinator
    expect((await queue(SKHCN)).total).toBe(0);
    expect((await queue(HK)).total).toBe(0);
    expect((await queue(BD)).total).toBe(0);
    expect((await myWork(HK)).counts).toMatchObject({ done: 1, pendingVerification: 1, open: 2 });

    const all = await progress(LEADER); // …and read again once the tallies moved
    expect(all.lead).toMatchObject({ total: 2, notStarted: 1, inProgress: 1, percent: 20 });
    expect(all.coordinator).toMatchObject({ total: 3, done: 1, notStarted: 2, pendingVerification: 1, percent: 33 });
    expect(all.byTask.map((t) => [t.ordinal, t.lead.total, t.coordinator.total])).toEqual([
      [1, 1, 3],
      [2, 1, 0],
    ]);
    expect(all.byUnit.map((u) => u.unitCode).sort()).toEqual(['00004', '00070', '00070-VP', '01-SGDDT']);
    expect(all.byUnit.find((u) => u.unitCode === '00070')).toMatchObject({ unitName: 'UBND phường Hoàn Kiếm', tier: 2, lead: { inProgress: 1, percent: 40 }, coordinator: { done: 1 } });
    // A commune sees its own units only; another province does not see the plan.
    expect((await progress(HK)).byUnit.map((u) => u.unitCode).sort()).toEqual(['00070', '00070-VP']);
    expect((await progress(BD)).byUnit.map((u) => u.unitCode)).toEqual(['00004']);
    expect((await failure(progress(HP))).code).toBe('PLANNING.PLAN_NOT_FOUND');
    expect((await failure(queries.execute(new GetPlanProgressQuery(LEADER, randomUUID())))).code).toBe('PLANNING.PLAN_NOT_FOUND');
  });

  it('the timeline tells the assignment’s events in Vietnamese, with their evidence; another commune gets 404', async () => {
    await ds.query(
      `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, actor_subject, actor_username, actor_unit_code, correlation_id, payload)
       VALUES ($1, 'planning.assignment-created', 'assignment', $2, 's', 'skhcn', '01-SKHCN', $3, $4)`,
      [randomUUID(), ids.bd, randomUUID(), JSON.stringify({ planId, planTitle: 'KH', taskId: t1, unitCode: '00004', role: 'coordinator', viaGroup: null, succeeds: null })],
    );
    const evidenceId = randomUUID();
    await ds.query(
      `INSERT INTO evidence_file (id, assignment_id, sha256, media_type, size, file_name, uploaded_by, uploader_unit_code, principal, request_key)
       VALUES ($1, $2, $3, 'application/pdf', 10, 'Biên bản.pdf', 'badinh.canbo', '00004', 'p', $4)`,
      [evidenceId, ids.bd, 'a'.repeat(64), randomUUID()],
    );
    await commands.execute(new ReportProgressCommand(ids.bd, { version: 0, status: 'in-progress', percent: 30, note: 'Đã họp triển khai', evidenceIds: [evidenceId] }, randomUUID(), meta(BD)));
    const timeline: TimelineEntryDto[] = await queries.execute(new GetAssignmentTimelineQuery(BD, ids.bd));
    expect(timeline.map((e) => e.type)).toEqual(['planning.assignment-created', 'execution.progress-reported']);
    expect(timeline[0]).toMatchObject({ summary: 'Giao phối hợp nhiệm vụ cho UBND phường Ba Đình', actor: 'skhcn', unitCode: '01-SKHCN', evidence: [] });
    expect(timeline[1]).toMatchObject({
      actor: 'badinh.canbo',
      summary: 'Cập nhật tiến độ: đang thực hiện, 30%, kèm 1 minh chứng. Ghi chú: Đã họp triển khai',
      evidence: [expect.objectContaining({ id: evidenceId, fileName: 'Biên bản.pdf', mediaType: 'application/pdf' })],
      payload: expect.objectContaining({ status: 'in-progress', percent: 30 }),
    });
    const done: TimelineEntryDto[] = await queries.execute(new GetAssignmentTimelineQuery(SGDDT, ids.hk));
    expect(done.map((e) => e.summary)).toEqual(['Cập nhật tiến độ: hoàn thành, 100%. Chờ Sở Giáo dục và Đào tạo thẩm định']);
    expect((await failure(queries.execute(new GetAssignmentTimelineQuery(HK, ids.bd)))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
    expect((await failure(queries.execute(new GetAssignmentTimelineQuery(HP, ids.bd)))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
  });

  it('the leader’s inbox holds escalated obstacles for the issuer’s leaders and extension requests for their deciders', async () => {
    const raised = await commands.execute(new RaiseObstacleCommand(ids.hkLead, { description: 'Chưa có kinh phí', proposal: null }, meta(HK)));
    const obstacleId = raised.obstacles[0].id;
    await commands.execute(new EscalateObstacleCommand(obstacleId, { note: null }, meta(SKHCN)));
    await commands.execute(new RequestExtensionCommand(ids.lead, { requestedDue: '2025-04-30', reason: 'Chờ kinh phí' }, meta(SGDDT)));
    const inbox: LeaderInboxDto = await queries.execute(new GetLeaderInboxQuery(LEADER));
    expect(inbox.escalations).toEqual([expect.objectContaining({ id: obstacleId, status: 'escalated', assignmentId: ids.hkLead, unitName: 'UBND phường Hoàn Kiếm' })]);
    expect(inbox.escalations[0]).not.toHaveProperty('facts');
    // Sở GD&ĐT leads: its extension is decided by the focal unit, not the leader.
    expect(inbox.extensions).toEqual([]);
    const focal: LeaderInboxDto = await queries.execute(new GetLeaderInboxQuery(SKHCN));
    expect(focal.escalations).toEqual([]);
    expect(focal.extensions).toEqual([expect.objectContaining({ assignmentId: ids.lead, requestedDue: '2025-04-30', currentDue: '2025-03-10', status: 'pending' })]);
    expect((await queries.execute(new GetLeaderInboxQuery(BD))) as LeaderInboxDto).toEqual({ escalations: [], extensions: [] });
  });
});
