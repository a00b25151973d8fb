import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { assignmentCreated } from '@dieu-hanh/api/planning/contracts';
import { CreateEventFeed1732300006500, CreateEventLog1732300000000, EventFeed } from '@dieu-hanh/api/shared/database';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { NOTIFICATION_MIGRATIONS } from './notification.migrations';
import { NotificationProjection } from './notification.projection';

/** The directory's published view, as this context sees it (the directory's migrations are not ours). */
class StandInDirectoryView1732300000500 {
  name = 'StandInDirectoryView1732300000500';
  async up(q: { query(sql: string): Promise<unknown> }) {
    await q.query(`CREATE TABLE directory_unit (code text PRIMARY KEY, commune_code text NULL)`);
    await q.query(`INSERT INTO directory_unit VALUES ('00070', '00070'), ('00070-VHXH', '00070'), ('01-SKHCN', NULL)`);
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
    expect(await ds.query(`SELECT count(*)::int AS n FROM notification`)).toEqual([{ n: 2 }]);
    expect((await ds.query(`SELECT read_at FROM notification WHERE event_id = $1`, [office]))[0].read_at).not.toBeNull();
  });
});
