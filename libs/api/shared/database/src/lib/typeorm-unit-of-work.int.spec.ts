import { randomBytes, randomUUID } from 'node:crypto';
import { Clock, domainEvent, systemActor } from '@dieu-hanh/api/shared/kernel';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CreateEventLog1732300000000 } from './event-log/1732300000000-create-event-log.migration';
import type { EventFeed } from './event-feed/event-feed';
import { runMigrations } from './migrate';
import { TransactionContext } from './transaction-context';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';

// Integration: real PostgreSQL (embedded, started by the testing globalSetup).
describe('TypeOrmUnitOfWork and the append-only event log', () => {
  let url: string;
  let ds: DataSource;
  let uow: TypeOrmUnitOfWork;
  let ctx: TransactionContext;
  let nudges = 0;
  const meta = () => ({ actor: systemActor('test'), correlationId: randomUUID() });

  beforeAll(async () => {
    const admin = new Client({ connectionString: process.env['TEST_PG_ADMIN_URL'] });
    await admin.connect();
    const name = `t_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = process.env['TEST_PG_ADMIN_URL']!.replace(/\/[^/]+$/, `/${name}`);
    await runMigrations(url, [CreateEventLog1732300000000]);
    ds = await new DataSource({ type: 'postgres', url }).initialize();
    await ds.query(`CREATE TABLE thing (id text PRIMARY KEY, n int NOT NULL)`);
    ctx = new TransactionContext(ds);
    const feed = { nudge: () => nudges++ } as unknown as EventFeed;
    uow = new TypeOrmUnitOfWork(ds, ctx, { now: () => new Date('2025-10-01T03:00:00Z') } as Clock, feed);
  });

  afterAll(async () => {
    await ds?.destroy();
  });

  const count = async (sql: string) => Number((await ds.query(sql))[0].count);

  it('commits the change and its events together, then wakes the event feed', async () => {
    nudges = 0;
    const m = meta();
    await uow.run(m, async (tx) => {
      await ctx.manager().query(`INSERT INTO thing VALUES ('a', 1)`);
      tx.record(domainEvent('test.thing-created', 'thing', 'a', { n: 1 }));
    });
    const rows = await ds.query(`SELECT * FROM event_log WHERE correlation_id = $1`, [m.correlationId]);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'test.thing-created', aggregate_id: 'a', actor_username: 'test', payload: { n: 1 } });
    expect(nudges).toBe(1);
  });

  it('rolls back the change when the work fails after writing, and logs nothing', async () => {
    nudges = 0;
    await expect(
      uow.run(meta(), async (tx) => {
        await ctx.manager().query(`INSERT INTO thing VALUES ('b', 1)`);
        tx.record(domainEvent('test.thing-created', 'thing', 'b', {}));
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count(`SELECT count(*) FROM thing WHERE id = 'b'`)).toBe(0);
    expect(await count(`SELECT count(*) FROM event_log WHERE aggregate_id = 'b'`)).toBe(0);
    expect(nudges).toBe(0);
  });

  it('rolls back the change when appending its event fails', async () => {
    await expect(
      uow.run(meta(), async (tx) => {
        await ctx.manager().query(`INSERT INTO thing VALUES ('c', 1)`);
        // A payload PostgreSQL refuses (\u0000 is not allowed in jsonb) makes the event insert fail.
        tx.record(domainEvent('test.thing-created', 'thing', 'c', { bad: '\u0000' }));
      }),
    ).rejects.toThrow();
    expect(await count(`SELECT count(*) FROM thing WHERE id = 'c'`)).toBe(0);
  });

  it('appends thousands of events in one command', async () => {
    const m = meta();
    await uow.run(m, async (tx) => {
      for (let i = 0; i < 2500; i++) tx.record(domainEvent('test.bulk', 'thing', `bulk-${i}`, { i }));
    });
    expect(await count(`SELECT count(*) FROM event_log WHERE correlation_id = '${m.correlationId}'`)).toBe(2500);
  });

  it.each([
    ['UPDATE', `UPDATE event_log SET type = 'x'`],
    ['DELETE', `DELETE FROM event_log`],
    ['TRUNCATE', `TRUNCATE event_log`],
  ])('refuses %s on event_log in the database itself', async (_op, sql) => {
    await expect(ds.query(sql)).rejects.toThrow(/append-only/);
    expect(await count(`SELECT count(*) FROM event_log`)).toBeGreaterThan(0);
  });
});
