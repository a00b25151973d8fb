import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { ExecutionEventType, executionEvent } from '@dieu-hanh/api/execution/contracts';
import { assignmentCreated, PlanEventType } from '@dieu-hanh/api/planning/contracts';
import { CreateEventFeed1732300006500, CreateEventLog1732300000000, EventFeed, TransactionContext } from '@dieu-hanh/api/shared/database';
import { scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { NOTIFICATION_MIGRATIONS } from './notification.migrations';
import { NOTIFICATION_CHANNEL, NotificationProjection } from './notification.projection';
import { SqlNotificationStore } from './sql-notification.store';

/** The directory's published view, as this context sees it (the directory's migrations are not ours). */
class StandInDirectoryView1732300000500 {
  name = 'StandInDirectoryView1732300000500';
  async up(q: { query(sql: string): Promise<unknown> }) {
    await q.query(`CREATE TABLE directory_unit (code text PRIMARY KEY, commune_code text NULL, short_name text NULL, official_name text NOT NULL DEFAULT '')`);
    await q.query(
      `INSERT INTO directory_unit VALUES ('00070', '00070', 'Phường Hoàn Kiếm', 'UBND phường Hoàn Kiếm'), ('00070-VHXH', '00070', NULL, 'Phòng VHXH'),
              ('01-SKHCN', NULL, 'Sở KH&CN', 'Sở Khoa học và Công nghệ'), ('01-UBND', NULL, 'UBND Thành phố', 'UBND thành phố Hà Nội'), ('00004', '00004', 'Phường Ba Đình', 'UBND phường Ba Đình')`,
    );
  }
  async down() {
    /* test database */
  }
}

// Integration: real PostgreSQL. The projection as the event feed runs it.
describe('NotificationProjection (event feed subscriber, real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let feed: EventFeed;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase([CreateEventLog1732300000000, StandInDirectoryView1732300000500, CreateEventFeed1732300006500, ...NOTIFICATION_MIGRATIONS]);
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    feed = new EventFeed(ds, { autoStart: false });
    feed.register(new NotificationProjection());
  });
  afterAll(async () => {
    await feed?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  const logEvent = async (unitCode: string, occurredAt: string) => {
    const e = assignmentCreated(randomUUID(), { planId: randomUUID(), planTitle: 'Kế hoạch thử', taskId: randomUUID(), unitCode, role: 'lead', viaGroup: null, succeeds: null });
    const eventId = randomUUID();
    await ds.query(
      `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, occurred_at, actor_subject, actor_username, correlation_id, payload)
       VALUES ($1, $2, $3, $4, $5, 'test', 'test', $6, $7::jsonb)`,
      [eventId, e.type, e.aggregateType, e.aggregateId, occurredAt, randomUUID(), JSON.stringify(e.payload)],
    );
    return eventId;
  };
  const stored = (eventId: string) =>
    ds.query(`SELECT unit_code, commune_code, kind, created_at FROM notification WHERE event_id = $1`, [eventId]) as Promise<
      { unit_code: string; commune_code: string | null; kind: string; created_at: Date }[]
    >;

  it('stores each event’s notification once, with the unit’s commune from directory_unit, dated when the event occurred', async () => {
    const office = await logEvent('00070-VHXH', '2025-10-01T03:00:00Z');
    const dept = await logEvent('01-SKHCN', '2025-10-01T03:00:01Z');
    const unknown = await logEvent('99-NOWHERE', '2025-10-01T03:00:02Z');
    await feed.drain();
    expect(await stored(office)).toEqual([{ unit_code: '00070-VHXH', commune_code: '00070', kind: 'assignment-created', created_at: new Date('2025-10-01T03:00:00Z') }]);
    expect(await stored(dept)).toEqual([expect.objectContaining({ unit_code: '01-SKHCN', commune_code: null })]);
    expect(await stored(unknown)).toEqual([]);

    // Delivered again (a replay, or a crash before the checkpoint): nothing twice, read state kept.
    await ds.query(`UPDATE notification SET read_at = now() WHERE event_id = $1`, [office]);
    await feed.replay('notification.projection', 'beginning');
    await feed.drain();
    expect(await ds.query(`SELECT count(*)::int AS n FROM notification WHERE event_id = ANY($1)`, [[office, dept, unknown]])).toEqual([{ n: 2 }]);
    expect((await ds.query(`SELECT read_at FROM notification WHERE event_id = $1`, [office]))[0].read_at).not.toBeNull();
  });
});

// Grouping per plan, resolution of action requests and the live NOTIFY, on the same real PostgreSQL.
describe('Notifications grouped per plan, resolved by the action, announced on commit (real PostgreSQL)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let feed: EventFeed;
  let store: SqlNotificationStore;
  let listener: Client;
  const heard: string[] = [];

  const dept = scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: ['department-officer'] });
  const leader = scopeFor({ provinceCode: '01', unitCode: '01-UBND', tier: 1, roles: ['leader'] });
  const commune = scopeFor({ provinceCode: '01', unitCode: '00070', tier: 2, roles: ['commune-officer'], communeCode: '00070' });
  const otherCommune = scopeFor({ provinceCode: '01', unitCode: '00004', tier: 2, roles: ['commune-officer'], communeCode: '00004' });

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase([CreateEventLog1732300000000, StandInDirectoryView1732300000500, CreateEventFeed1732300006500, ...NOTIFICATION_MIGRATIONS]);
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    feed = new EventFeed(ds, { autoStart: false });
    feed.register(new NotificationProjection());
    store = new SqlNotificationStore(new TransactionContext(ds));
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => heard.push(n.payload ?? ''));
    await listener.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
  });
  afterAll(async () => {
    await listener?.end();
    await feed?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  let clock = Date.parse('2025-10-01T00:00:00Z');
  const log = async (e: { type: string; aggregateType: string; aggregateId: string; payload: object }) => {
    const eventId = randomUUID();
    clock += 1000;
    await ds.query(
      `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, occurred_at, actor_subject, actor_username, correlation_id, payload)
       VALUES ($1, $2, $3, $4, $5, 'test', 'test', $6, $7::jsonb)`,
      [eventId, e.type, e.aggregateType, e.aggregateId, new Date(clock).toISOString(), randomUUID(), JSON.stringify(e.payload)],
    );
    return eventId;
  };
  const plan = (type: string, planId: string, title = 'KH 402') =>
    log({ type, aggregateType: 'plan', aggregateId: planId, payload: { from: 'x', to: 'y', by: 'u', title, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN' } });
  const work = <T extends Parameters<typeof executionEvent>[0]>(type: T, assignmentId: string, payload: Parameters<typeof executionEvent<T>>[2]) =>
    log(executionEvent(type, assignmentId, payload));
  const facts = (planId: string) => ({ planId, planTitle: 'KH 402', taskId: randomUUID(), unitCode: '00070-VHXH' });

  it('groups a fan-out of many tasks into one line per plan, with drill-down, and counts unread across groups', async () => {
    const p402 = randomUUID();
    const p7 = randomUUID();
    for (let i = 0; i < 195; i++) {
      const e = assignmentCreated(randomUUID(), { planId: p402, planTitle: 'KH 402', taskId: randomUUID(), unitCode: '01-SKHCN', role: 'lead', viaGroup: null, succeeds: null });
      await log(e);
    }
    await log(assignmentCreated(randomUUID(), { planId: p7, planTitle: 'KH 7', taskId: randomUUID(), unitCode: '01-SKHCN', role: 'coordinator', viaGroup: null, succeeds: null }));
    await feed.drain();

    const g = await store.groups(dept, { unreadOnly: false, limit: 20, offset: 0 });
    expect(g.total).toBe(2);
    expect(g.unread).toBe(196);
    expect(g.groups.map((x) => [x.planId, x.planTitle, x.count, x.unread])).toEqual([
      [p7, 'KH 7', 1, 1],
      [p402, 'KH 402', 195, 195],
    ]);
    expect(g.groups[1].latest).toMatchObject({ planId: p402, kind: 'assignment-created', planTitle: 'KH 402', actionRequired: false, resolvedAt: null });
    expect((await store.groups(dept, { unreadOnly: false, limit: 1, offset: 1 })).groups.map((x) => x.planId)).toEqual([p402]);

    const drill = await store.list(dept, { unreadOnly: false, limit: 200, planId: p402 });
    expect(drill.items).toHaveLength(195);
    expect(drill.items.every((n) => n.planId === p402)).toBe(true);

    // Reading one plan's group leaves the other unread.
    expect(await store.markAllRead(dept, p402)).toBe(195);
    const after = await store.groups(dept, { unreadOnly: true, limit: 20, offset: 0 });
    expect(after.groups.map((x) => x.planId)).toEqual([p7]);
    expect(after.unread).toBe(1);
    // Another scope sees none of it.
    expect((await store.groups(otherCommune, { unreadOnly: false, limit: 20, offset: 0 })).total).toBe(0);
  });

  it('resolves "Kế hoạch trình duyệt" when the plan is approved: it leaves the unread count, stays listed as done', async () => {
    const p = randomUUID();
    await plan(PlanEventType.Submitted, p, 'KH trình');
    await feed.drain();
    const before = await store.list(leader, { unreadOnly: true, limit: 50 });
    expect(before.items).toEqual([expect.objectContaining({ kind: 'plan-submitted', planId: p, actionRequired: true, resolvedAt: null })]);
    expect(before.unread).toBe(1);

    await plan(PlanEventType.Approved, p, 'KH trình');
    await feed.drain();
    const after = await store.list(leader, { unreadOnly: false, limit: 50 });
    expect(after.unread).toBe(0);
    expect(after.items).toEqual([expect.objectContaining({ kind: 'plan-submitted', resolvedAt: expect.any(String), readAt: null })]);
    expect((await store.groups(leader, { unreadOnly: false, limit: 5, offset: 0 })).groups[0]).toMatchObject({ count: 1, unread: 0, actionsOpen: 0 });
    expect((await store.list(leader, { unreadOnly: true, limit: 50 })).items).toEqual([]);

    // Submitted again after a return: a new request, open until the next decision.
    await plan(PlanEventType.Submitted, p, 'KH trình');
    await feed.drain();
    expect((await store.list(leader, { unreadOnly: true, limit: 50 })).unread).toBe(1);
    await plan(PlanEventType.Issued, p, 'KH trình');
    await feed.drain();
    expect((await store.list(leader, { unreadOnly: true, limit: 50 })).unread).toBe(0);
  });

  it('resolves "chờ thẩm định" on verification, supersedes it by a newer report, and an escalation by the directive', async () => {
    const p = randomUUID();
    const a = randomUUID();
    const done = { status: 'done' as const, percent: 100, previousStatus: 'in-progress' as const, note: null, result: 'Xong', evidenceIds: [], version: 2, verifierUnitCodes: ['01-SKHCN'] };
    const first = await work(ExecutionEventType.ProgressReported, a, { ...facts(p), ...done });
    await feed.drain();
    const asked = await store.list(dept, { unreadOnly: true, limit: 10, planId: p });
    expect(asked.items).toEqual([expect.objectContaining({ kind: 'work-verification-requested', actionRequired: true, assignmentId: a })]);
    expect(asked.items[0].titleVi).toBe('Chờ thẩm định: Phòng VHXH báo cáo hoàn thành — KH 402');
    // The commune sees its office's "returned" later; the verifier's request is not the commune's.
    expect((await store.list(commune, { unreadOnly: true, limit: 10, planId: p })).items).toEqual([]);

    // A second report (returned, reported again) supersedes the first request: one open request only.
    await work(ExecutionEventType.WorkReturned, a, { ...facts(p), verifierUnitCode: '01-SKHCN', reason: 'Thiếu minh chứng', version: 3 });
    await work(ExecutionEventType.ProgressReported, a, { ...facts(p), ...done, version: 4 });
    await feed.drain();
    const open = await ds.query(`SELECT event_id FROM notification WHERE resolution_key = $1 AND resolved_at IS NULL`, [`assignment:${a}:verification`]);
    expect(open).toHaveLength(1);
    expect(open[0].event_id).not.toBe(first);
    expect((await store.list(commune, { unreadOnly: true, limit: 10, planId: p })).items).toEqual([expect.objectContaining({ kind: 'work-returned', unitCode: '00070-VHXH' })]);

    await work(ExecutionEventType.WorkVerified, a, { ...facts(p), verifierUnitCode: '01-SKHCN', note: null, version: 5 });
    await feed.drain();
    expect((await store.list(dept, { unreadOnly: true, limit: 10, planId: p })).items).toEqual([]);

    const o = randomUUID();
    await work(ExecutionEventType.ObstacleRaised, a, { ...facts(p), obstacleId: o, description: 'Thiếu kinh phí', proposal: null, handlerUnitCode: '01-SKHCN' });
    await work(ExecutionEventType.ObstacleEscalated, a, { ...facts(p), obstacleId: o, directingLeader: 'PCT', leaderUnitCode: '01-UBND', note: null });
    await feed.drain();
    expect((await store.list(dept, { unreadOnly: true, limit: 10, planId: p })).items).toEqual([]); // escalating answered the handler's request
    expect((await store.list(leader, { unreadOnly: true, limit: 10, planId: p })).items).toEqual([expect.objectContaining({ kind: 'obstacle-escalated' })]);
    await work(ExecutionEventType.DirectiveGiven, a, { ...facts(p), obstacleId: o, directive: 'Bố trí kinh phí', concernedUnitCodes: ['01-SKHCN', '00070-VHXH'] });
    await feed.drain();
    expect((await store.list(leader, { unreadOnly: true, limit: 10, planId: p })).items).toEqual([]);
    expect((await store.list(dept, { unreadOnly: true, limit: 10, planId: p })).items).toEqual([expect.objectContaining({ kind: 'directive-given' })]);
    expect((await store.list(commune, { unreadOnly: true, limit: 10, planId: p })).items.map((n) => n.kind)).toEqual(['directive-given', 'work-verified', 'work-returned']);

    // A replay changes nothing: no duplicate, no resolution moved.
    const snapshot = await ds.query(`SELECT id, resolved_at, read_at FROM notification ORDER BY id`);
    await feed.replay('notification.projection', 'beginning');
    await feed.drain();
    expect(await ds.query(`SELECT id, resolved_at, read_at FROM notification ORDER BY id`)).toEqual(snapshot);
  });

  it('announces on commit which units changed (with their commune), never before and never for nobody', async () => {
    heard.length = 0;
    const p = randomUUID();
    await work(ExecutionEventType.Urged, randomUUID(), { ...facts(p), byUnitCode: '01-SKHCN', message: null, due: '2025-10-31' });
    await feed.drain();
    await waitFor(() => heard.length > 0);
    expect(heard.map((h) => JSON.parse(h))).toEqual([{ units: [['00070-VHXH', '00070']] }]);

    // A transaction that rolls back (a failed batch) announces nothing.
    heard.length = 0;
    await ds.transaction(async (m) => {
      await new NotificationProjection().handle(
        [{ id: randomUUID(), type: 'notification.read', aggregateType: 'notification', aggregateId: 'x', payload: { unitCode: '01-SKHCN', by: 'u' } } as never],
        m,
      );
      await m.query(`SELECT pg_sleep(0.05)`);
      expect(heard).toEqual([]);
      throw new Error('rolled back');
    }).catch(() => undefined);
    await new Promise((r) => setTimeout(r, 100));
    expect(heard).toEqual([]);
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

// An existing database: "Kế hoạch trình duyệt" notifications made before resolution existed.
describe('Migration 1732300007100 on a database with history', () => {
  it('gives old plan submissions their key, resolves those whose plan was decided afterwards, and fills plan titles', async () => {
    Logger.overrideLogger(false);
    const [create, ownSchema, upgrade] = NOTIFICATION_MIGRATIONS;
    const db = await createTestDatabase([CreateEventLog1732300000000, StandInDirectoryView1732300000500, CreateEventFeed1732300006500, create, ownSchema]);
    const ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    try {
      const decided = randomUUID();
      const pending = randomUUID();
      const ev = async (type: string, planId: string, at: string) => {
        const id = randomUUID();
        await ds.query(
          `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, occurred_at, actor_subject, actor_username, correlation_id, payload)
           VALUES ($1, $2, 'plan', $3, $4, 't', 't', $5, $6::jsonb)`,
          [id, type, planId, at, randomUUID(), JSON.stringify({ title: `KH ${planId.slice(0, 4)}`, issuerUnitCode: '01-UBND', draftingUnitCode: '01-SKHCN' })],
        );
        return id;
      };
      for (const [planId, at] of [
        [decided, '2025-09-01T00:00:00Z'],
        [pending, '2025-09-02T00:00:00Z'],
      ]) {
        const id = await ev(PlanEventType.Submitted, planId, at);
        await ds.query(
          `INSERT INTO notification (event_id, unit_code, kind, plan_id, title_vi, title_en, created_at) VALUES ($1, '01-UBND', 'plan-submitted', $2, 'Kế hoạch trình duyệt', 'Plan submitted', $3)`,
          [id, planId, at],
        );
      }
      await ev(PlanEventType.Issued, decided, '2025-09-10T00:00:00Z');
      const runner = ds.createQueryRunner();
      await new upgrade().up(runner);
      await runner.release();
      const rows = await ds.query(`SELECT plan_id, plan_title, resolution_key, resolved_at FROM notification ORDER BY created_at`);
      expect(rows).toEqual([
        { plan_id: decided, plan_title: `KH ${decided.slice(0, 4)}`, resolution_key: `plan:${decided}:decision`, resolved_at: new Date('2025-09-10T00:00:00Z') },
        { plan_id: pending, plan_title: `KH ${pending.slice(0, 4)}`, resolution_key: `plan:${pending}:decision`, resolved_at: null },
      ]);
    } finally {
      await ds.destroy();
      await db.drop();
    }
  });
});
