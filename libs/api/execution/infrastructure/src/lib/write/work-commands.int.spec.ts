import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule, QueryBus } from '@nestjs/cqrs';
import {
  AnswerObstacleCommand,
  DecideExtensionCommand,
  EscalateObstacleCommand,
  EvidenceRepository,
  ExtensionRepository,
  GetAssignmentWorkQuery,
  GiveDirectiveCommand,
  ObstacleRepository,
  RaiseObstacleCommand,
  ReportProgressCommand,
  RequestExtensionCommand,
  ReturnWorkCommand,
  UrgeCommand,
  VerifyWorkCommand,
  WORK_HANDLERS,
  WorkRepository,
} from '@dieu-hanh/api/execution/application';
import { ExecutionEventType } from '@dieu-hanh/api/execution/contracts';
import { TransactionContext, TypeOrmUnitOfWork } from '@dieu-hanh/api/shared/database';
import { type AccessScope, Clock, type CommandMetadata, type DomainError, UnitOfWork, scopeFor } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto, ProgressUpdateRequest } from '@dieu-hanh/shared/contracts';
import { DataSource } from 'typeorm';
import { SqlEvidenceRepository } from '../evidence/sql-evidence.repository';
import { type WorkFixture, startWorkFixture } from '../../testing/work-fixture';
import { SqlExtensionRepository } from './sql-extension.repository';
import { SqlObstacleRepository } from './sql-obstacle.repository';
import { SqlWorkRepository } from './sql-work.repository';

/**
 * Integration: execution's command handlers with the real repositories, unit of work and PostgreSQL.
 * The published views execution reads (planning's `planning_assignment`, the directory's `directory_unit`)
 * are stood in by tables of the same columns (work-fixture.ts). Every
 * command is one transaction: a refused one leaves no row and no event.
 */
describe('execution commands (on PostgreSQL)', () => {
  let fx: WorkFixture;
  let ds: DataSource;
  let app: INestApplicationContext;
  let commands: CommandBus;
  let queries: QueryBus;
  const clock = new (class extends Clock {
    at = new Date('2025-03-10T03:00:00Z');
    now() {
      return this.at;
    }
  })();

  const scope = (username: string, unitCode: string, tier: 1 | 2, roles: string[], communeCode: string | null = null): AccessScope =>
    scopeFor({ provinceCode: '01', unitCode, tier, roles, username, communeCode, realm: 'ha-noi' });
  const HK = scope('hoankiem.canbo', '00070', 2, ['commune-officer'], '00070');
  const HK_LEADER = scope('hoankiem.lanhdao', '00070', 2, ['commune-leader'], '00070');
  const BD = scope('badinh.canbo', '00004', 2, ['commune-officer'], '00004');
  const SGDDT = scope('sgddt.canbo', '01-SGDDT', 1, ['department-officer']);
  const SKHCN = scope('skhcn.daumoi', '01-SKHCN', 1, ['department-officer', 'focal-officer']);
  const LEADER = scope('lanhdao', '01-UBND', 1, ['leader']);
  const meta = (actor: AccessScope): CommandMetadata => ({ actor, correlationId: randomUUID() });

  const planId = randomUUID();
  const t1 = randomUUID(); // late: 01-SGDDT leads; 00070, 00004 coordinate
  const t2 = randomUUID(); // 00070 leads
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    fx = await startWorkFixture();
    ds = fx.ds;
    await fx.unit('01-UBND', 'UBND Thành phố Hà Nội', 1, null);
    await fx.unit('01-SKHCN', 'Sở Khoa học và Công nghệ', 1, null);
    await fx.unit('01-SGDDT', 'Sở Giáo dục và Đào tạo', 1, null);
    await fx.unit('00070', 'UBND phường Hoàn Kiếm', 2, '00070');
    await fx.unit('00004', 'UBND phường Ba Đình', 2, '00004');
    const task1 = { planId, taskId: t1, taskOrdinal: 1, taskContent: 'Nhiệm vụ trễ hạn', taskDue: '2025-03-01', directingLeader: 'Phó Chủ tịch UBND Thành phố' };
    const task2 = { planId, taskId: t2, taskOrdinal: 2, taskContent: 'Nhiệm vụ của phường', taskDue: '2025-06-30' };
    ids.lead = await fx.assignment({ ...task1, unitCode: '01-SGDDT', role: 'lead' });
    ids.hk = await fx.assignment({ ...task1, unitCode: '00070', role: 'coordinator' });
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
        ...WORK_HANDLERS,
      ],
    })
    class WorkTestModule {}
    app = await NestFactory.createApplicationContext(WorkTestModule, { logger: false });
    commands = app.get(CommandBus);
    queries = app.get(QueryBus);
  }, 60_000);

  afterAll(async () => {
    await app?.close();
    await fx?.close();
  });

  const report = (who: AccessScope, assignmentId: string, body: Partial<ProgressUpdateRequest>, key = randomUUID(), m = meta(who)) =>
    commands.execute(new ReportProgressCommand(assignmentId, { version: 0, status: 'in-progress', percent: 30, ...body }, key, m));
  const work = (who: AssignmentWorkDto | AccessScope, id: string) => queries.execute(new GetAssignmentWorkQuery(id, who as AccessScope));
  const failure = async (p: Promise<unknown>) => {
    try {
      await p;
    } catch (e) {
      return e as DomainError;
    }
    throw new Error('accepted');
  };
  const count = async (sql: string, params: unknown[] = []) => Number((await ds.query(sql, params))[0].n);
  const eventsOf = (correlationId: string): Promise<{ type: string; aggregateId: string; payload: Record<string, unknown> }[]> =>
    ds.query(`SELECT type, aggregate_id AS "aggregateId", payload FROM event_log WHERE correlation_id = $1 ORDER BY sequence`, [correlationId]);
  const state = (id: string) => ds.query(`SELECT status, percent, verification, version, due_override::text AS due FROM work_state WHERE assignment_id = $1`, [id]).then((r) => r[0]);

  describe('GET /assignments/:id/work', () => {
    it('shows a fresh assignment as not started, version 0, with its verifier and the caller’s actions', async () => {
      const dto = await work(HK, ids.hk);
      expect(dto).toMatchObject({
        status: 'not-started', percent: 0, version: 0, verification: 'none', planSymbol: '402/KH-UBND', unitName: 'UBND phường Hoàn Kiếm',
        due: '2025-03-01', urgency: 'overdue', days: 9, role: 'coordinator', directingLeader: 'Phó Chủ tịch UBND Thành phố',
        verifier: { kind: 'lead', unitCodes: ['01-SGDDT'], unitNames: ['Sở Giáo dục và Đào tạo'] },
        allowedActions: ['update-progress', 'upload-evidence', 'raise-obstacle', 'request-extension'],
      });
      expect((await work(SGDDT, ids.hk)).allowedActions).toEqual(['urge']);
      expect((await work(HK, ids.hkLead)).verifier).toEqual({ kind: 'focal', unitCodes: ['01-SKHCN'], unitNames: ['Sở Khoa học và Công nghệ'] });
    });

    it('another commune does not see it (404), nor an unknown or malformed id', async () => {
      expect((await failure(work(BD, ids.hk))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
      expect((await failure(work(HK, ids.bd))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
      expect((await failure(work(HK, randomUUID()))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
      expect((await failure(work(HK, 'not-a-uuid'))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
    });
  });

  describe('progress', () => {
    it('the assignee reports: new version, one stored update, one event — and a replayed key records nothing again', async () => {
      const key = randomUUID();
      const m = meta(HK);
      const dto = await report(HK, ids.hk, { percent: 40, note: 'Đã họp triển khai' }, key, m);
      expect(dto).toMatchObject({ status: 'in-progress', percent: 40, version: 1, note: 'Đã họp triển khai', verification: 'none' });
      expect(await eventsOf(m.correlationId)).toEqual([
        expect.objectContaining({ type: ExecutionEventType.ProgressReported, aggregateId: ids.hk, payload: expect.objectContaining({ status: 'in-progress', percent: 40, version: 1, planId, unitCode: '00070' }) }),
      ]);
      // The same key again (a retry after a lost answer): the state, nothing recorded.
      const again = meta(HK);
      const replay = await report(HK, ids.hk, { percent: 40, note: 'Đã họp triển khai' }, key, again);
      expect(replay).toMatchObject({ version: 1, percent: 40 });
      expect(await eventsOf(again.correlationId)).toEqual([]);
      expect(await count(`SELECT count(*) AS n FROM progress_update WHERE request_key = $1`, [key])).toBe(1);
    });

    it('a stale version is 409 with the current state, and writes nothing', async () => {
      const before = await count(`SELECT count(*) AS n FROM progress_update`);
      const e = await failure(report(HK, ids.hk, { version: 0, percent: 50 }));
      expect(e).toMatchObject({ code: 'EXECUTION.VERSION_CONFLICT', kind: 'conflict', extra: { currentVersion: 1, current: expect.objectContaining({ version: 1, percent: 40 }) } });
      expect(await count(`SELECT count(*) AS n FROM progress_update`)).toBe(before);
      expect(await state(ids.hk)).toMatchObject({ version: 1, percent: 40 });
    });

    it('two concurrent updates from the same version: one wins, the other is a conflict', async () => {
      const results = await Promise.allSettled([report(HK, ids.hkLead, { percent: 10 }), report(HK, ids.hkLead, { percent: 20 })]);
      expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ code: 'EXECUTION.VERSION_CONFLICT' });
      expect(await state(ids.hkLead)).toMatchObject({ version: 1 });
    });

    it('only the assignee: another commune gets 404, the lead department 403; nothing is written', async () => {
      const before = await count(`SELECT count(*) AS n FROM event_log`);
      expect((await failure(report(BD, ids.hk, { version: 1 }))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
      expect((await failure(report(SGDDT, ids.hk, { version: 1 }))).kind).toBe('forbidden');
      expect((await failure(report(LEADER, ids.hk, { version: 1 }))).kind).toBe('forbidden');
      expect(await count(`SELECT count(*) AS n FROM event_log`)).toBe(before);
      expect(await state(ids.bd)).toBeUndefined();
    });

    it.each([
      ['done below 100 %', { status: 'done' as const, percent: 80 }, 'EXECUTION.WORK_INVALID'],
      ['not started above 0 %', { status: 'not-started' as const, percent: 5 }, 'EXECUTION.WORK_INVALID'],
      ['evidence of no upload', { evidenceIds: [randomUUID()] }, 'EXECUTION.EVIDENCE_NOT_ATTACHABLE'],
    ])('refuses %s, leaving nothing written', async (_l, body, code) => {
      const before = await count(`SELECT count(*) AS n FROM progress_update`);
      expect((await failure(report(HK, ids.hk, { version: 1, ...body }))).code).toBe(code);
      expect(await count(`SELECT count(*) AS n FROM progress_update`)).toBe(before);
      expect(await state(ids.hk)).toMatchObject({ version: 1 });
    });

    it('attaches evidence uploaded to the assignment', async () => {
      const evidenceId = randomUUID();
      await ds.query(
        `INSERT INTO evidence_file (id, assignment_id, sha256, media_type, size, file_name, uploaded_by, uploader_unit_code, principal, request_key)
         VALUES ($1, $2, $3, 'application/pdf', 10, 'bien-ban.pdf', 'hoankiem.canbo', '00070', 'x', $4)`,
        [evidenceId, ids.hk, 'a'.repeat(64), randomUUID()],
      );
      const m = meta(HK);
      const dto = await report(HK, ids.hk, { version: 1, percent: 60, evidenceIds: [evidenceId.toUpperCase()] }, randomUUID(), m);
      expect(dto.evidence.map((e) => e.id)).toEqual([evidenceId]);
      expect((await eventsOf(m.correlationId))[0].payload).toMatchObject({ evidenceIds: [evidenceId] });
      const [row] = await ds.query(`SELECT evidence_ids::text[] AS ids FROM progress_update WHERE assignment_id = $1 AND version = 2`, [ids.hk]);
      expect(row.ids).toEqual([evidenceId]);
    });
  });

  describe('verification: only the verifier', () => {
    it('done asks the task’s lead; the focal unit may not verify a coordinator; the lead verifies', async () => {
      const dto = await report(HK, ids.hk, { version: 2, status: 'done', percent: 100, result: 'Biên bản' });
      expect(dto).toMatchObject({ verification: 'pending', version: 3 });
      expect((await work(SGDDT, ids.hk)).allowedActions).toEqual(['verify', 'return', 'urge']);
      expect((await failure(commands.execute(new VerifyWorkCommand(ids.hk, { version: 3 }, meta(SKHCN))))).kind).toBe('forbidden');
      expect((await failure(commands.execute(new VerifyWorkCommand(ids.hk, { version: 3 }, meta(HK))))).kind).toBe('forbidden');
      expect((await failure(commands.execute(new VerifyWorkCommand(ids.hk, { version: 3 }, meta(BD))))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
      // Returned with a reason, reported again, then verified.
      expect((await failure(commands.execute(new ReturnWorkCommand(ids.hk, { version: 3, reason: '  ' }, meta(SGDDT))))).code).toBe('EXECUTION.WORK_INVALID');
      const m = meta(SGDDT);
      const returned = await commands.execute(new ReturnWorkCommand(ids.hk, { version: 3, reason: 'Thiếu biên bản ký' }, m));
      expect(returned).toMatchObject({ verification: 'returned', returnReason: 'Thiếu biên bản ký', status: 'done', version: 4 });
      expect(await eventsOf(m.correlationId)).toEqual([expect.objectContaining({ type: ExecutionEventType.WorkReturned, payload: expect.objectContaining({ verifierUnitCode: '01-SGDDT', reason: 'Thiếu biên bản ký' }) })]);
      await report(HK, ids.hk, { version: 4, status: 'done', percent: 100 });
      const stale = await failure(commands.execute(new VerifyWorkCommand(ids.hk, { version: 4 }, meta(SGDDT))));
      expect(stale).toMatchObject({ code: 'EXECUTION.VERSION_CONFLICT', extra: { current: expect.objectContaining({ version: 5, verification: 'pending' }) } });
      const verified = await commands.execute(new VerifyWorkCommand(ids.hk, { version: 5, note: 'Đạt' }, meta(SGDDT)));
      expect(verified).toMatchObject({ verification: 'verified', version: 6, urgency: 'closed', allowedActions: [] });
      // Closed to the assignee now.
      expect((await work(HK, ids.hk)).allowedActions).toEqual([]);
      expect((await failure(report(HK, ids.hk, { version: 6 }))).code).toBe('EXECUTION.TRANSITION_REFUSED');
    });

    it('nothing to verify before a report of completion (409)', async () => {
      const e = await failure(commands.execute(new VerifyWorkCommand(ids.hkLead, { version: 1 }, meta(SKHCN))));
      expect(e.code).toBe('EXECUTION.TRANSITION_REFUSED');
    });
  });

  describe('obstacles', () => {
    it('raised by the assignee, answered by the focal unit', async () => {
      const m = meta(HK);
      const dto = await commands.execute(new RaiseObstacleCommand(ids.hkLead, { description: 'Thiếu kinh phí', proposal: 'Bổ sung dự toán' }, m));
      expect(dto.obstacles).toEqual([expect.objectContaining({ status: 'open', description: 'Thiếu kinh phí', proposal: 'Bổ sung dự toán', raisedBy: 'hoankiem.canbo' })]);
      expect((await eventsOf(m.correlationId))[0]).toMatchObject({ type: ExecutionEventType.ObstacleRaised, payload: { handlerUnitCode: '01-SKHCN' } });
      const id = dto.obstacles[0].id;
      expect((await work(SKHCN, ids.hkLead)).allowedActions).toEqual(expect.arrayContaining(['answer-obstacle', 'escalate-obstacle']));
      expect((await failure(commands.execute(new AnswerObstacleCommand(id, { answer: 'x' }, meta(SGDDT))))).code).toBe('EXECUTION.OBSTACLE_NOT_FOUND');
      expect((await failure(commands.execute(new AnswerObstacleCommand(id, { answer: 'x' }, meta(BD))))).code).toBe('EXECUTION.OBSTACLE_NOT_FOUND');
      expect((await failure(commands.execute(new AnswerObstacleCommand(id, { answer: 'x' }, meta(HK))))).kind).toBe('forbidden');
      const answered = await commands.execute(new AnswerObstacleCommand(id, { answer: 'Sở Tài chính bố trí quý II' }, meta(SKHCN)));
      expect(answered.obstacles[0]).toMatchObject({ status: 'answered', answer: 'Sở Tài chính bố trí quý II', answeredBy: 'skhcn.daumoi' });
      expect((await failure(commands.execute(new EscalateObstacleCommand(id, {}, meta(SKHCN))))).code).toBe('EXECUTION.OBSTACLE_TRANSITION_REFUSED');
    });

    it('escalated to the leader, whose directive reaches every unit concerned', async () => {
      const raised = await commands.execute(new RaiseObstacleCommand(ids.bd, { description: 'Chưa có hướng dẫn' }, meta(BD)));
      const id = raised.obstacles[0].id;
      expect((await failure(commands.execute(new GiveDirectiveCommand(id, { directive: 'Làm ngay' }, meta(LEADER))))).code).toBe('EXECUTION.OBSTACLE_TRANSITION_REFUSED');
      const e = meta(SKHCN);
      await commands.execute(new EscalateObstacleCommand(id, { note: 'Vượt thẩm quyền' }, e));
      expect((await eventsOf(e.correlationId))[0]).toMatchObject({ type: ExecutionEventType.ObstacleEscalated, payload: { leaderUnitCode: '01-UBND', directingLeader: 'Phó Chủ tịch UBND Thành phố' } });
      expect((await work(LEADER, ids.bd)).allowedActions).toContain('give-directive');
      expect((await failure(commands.execute(new GiveDirectiveCommand(id, { directive: 'x' }, meta(SKHCN))))).kind).toBe('forbidden');
      const d = meta(LEADER);
      const directed = await commands.execute(new GiveDirectiveCommand(id, { directive: 'Sở GD&ĐT hướng dẫn trong tuần' }, d));
      expect(directed.obstacles[0]).toMatchObject({ status: 'directed', directive: 'Sở GD&ĐT hướng dẫn trong tuần', directedBy: 'lanhdao' });
      const [event] = await eventsOf(d.correlationId);
      expect(event).toMatchObject({ type: ExecutionEventType.DirectiveGiven, aggregateId: ids.bd });
      expect((event.payload['concernedUnitCodes'] as string[]).sort()).toEqual(['00004', '00070', '01-SGDDT', '01-SKHCN']);
    });
  });

  describe('extensions', () => {
    it('a date after today and after the due date in force, with a reason; the verifier approves and the due date moves', async () => {
      const ask = (requestedDue: string, reason = 'Chờ kinh phí') => commands.execute(new RequestExtensionCommand(ids.hkLead, { requestedDue, reason }, meta(HK)));
      expect((await failure(ask('2025-03-10'))).code).toBe('EXECUTION.EXTENSION_INVALID'); // today
      expect((await failure(ask('2025-06-30'))).code).toBe('EXECUTION.EXTENSION_INVALID'); // the current due date
      expect((await failure(ask('2025-07-31', ' '))).code).toBe('EXECUTION.WORK_INVALID');
      expect(await count(`SELECT count(*) AS n FROM extension_request`)).toBe(0);
      const asked = await ask('2025-07-31');
      expect(asked).toMatchObject({ pendingExtension: true, extensions: [expect.objectContaining({ status: 'pending', currentDue: '2025-06-30', requestedDue: '2025-07-31' })] });
      expect((await failure(ask('2025-08-31'))).code).toBe('EXECUTION.TRANSITION_REFUSED');
      const id = asked.extensions[0].id;
      expect((await work(SKHCN, ids.hkLead)).allowedActions).toContain('decide-extension');
      expect((await failure(commands.execute(new DecideExtensionCommand(id, { approve: true }, meta(HK))))).kind).toBe('forbidden');
      expect((await failure(commands.execute(new DecideExtensionCommand(id, { approve: true }, meta(BD))))).code).toBe('EXECUTION.EXTENSION_NOT_FOUND');
      const m = meta(SKHCN);
      const decided = await commands.execute(new DecideExtensionCommand(id, { approve: true, note: 'Đồng ý' }, m));
      expect(decided).toMatchObject({ due: '2025-07-31', originalDue: '2025-06-30', pendingExtension: false });
      expect((await eventsOf(m.correlationId))[0]).toMatchObject({
        type: ExecutionEventType.ExtensionDecided,
        payload: { approved: true, previousDue: '2025-06-30', requestedDue: '2025-07-31', decidedByUnitCode: '01-SKHCN' },
      });
      expect(await state(ids.hkLead)).toMatchObject({ due: '2025-07-31' });
      expect((await failure(commands.execute(new DecideExtensionCommand(id, { approve: false }, meta(SKHCN))))).code).toBe('EXECUTION.EXTENSION_ALREADY_DECIDED');
    });
  });

  describe('urging', () => {
    it('the lead urges every late unit of its task it may urge; verified work is not chased', async () => {
      const m = meta(SGDDT);
      // 00070's coordinator work is verified (above); 00004's is late and open.
      expect(await commands.execute(new UrgeCommand({ taskId: t1, message: 'Đề nghị hoàn thành' }, m))).toEqual({ urged: 1 });
      expect(await eventsOf(m.correlationId)).toEqual([expect.objectContaining({ type: ExecutionEventType.Urged, aggregateId: ids.bd, payload: expect.objectContaining({ byUnitCode: '01-SGDDT', due: '2025-03-01', message: 'Đề nghị hoàn thành' }) })]);
    });

    it('one assignment; not oneself, not another commune; exactly one target', async () => {
      expect(await commands.execute(new UrgeCommand({ assignmentId: ids.hkLead }, meta(SKHCN)))).toEqual({ urged: 1 });
      expect((await failure(commands.execute(new UrgeCommand({ assignmentId: ids.hkLead }, meta(HK_LEADER))))).kind).toBe('forbidden');
      expect((await failure(commands.execute(new UrgeCommand({ assignmentId: ids.hkLead }, meta(BD))))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
      expect((await failure(commands.execute(new UrgeCommand({ taskId: t1 }, meta(BD))))).kind).toBe('forbidden');
      expect((await failure(commands.execute(new UrgeCommand({}, meta(SKHCN))))).code).toBe('EXECUTION.URGE_INVALID');
      expect((await failure(commands.execute(new UrgeCommand({ taskId: t1, assignmentId: ids.bd }, meta(SKHCN))))).code).toBe('EXECUTION.URGE_INVALID');
      expect((await failure(commands.execute(new UrgeCommand({ taskId: randomUUID() }, meta(SKHCN))))).code).toBe('EXECUTION.ASSIGNMENT_NOT_FOUND');
    });
  });
});
