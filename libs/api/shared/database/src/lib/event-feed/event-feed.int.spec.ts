import { randomBytes, randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { EventSubscriber, FeedTransaction, RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { CreateEventLog1732300000000 } from '../event-log/1732300000000-create-event-log.migration';
import { runMigrations } from '../migrate';
import { CreateEventFeed1732300006500 } from './1732300006500-create-event-feed.migration';
import { EventFeed } from './event-feed';

// Integration: real PostgreSQL (embedded, started by the testing globalSetup). One database per test.
describe('EventFeed: a reliable feed over event_log (real PostgreSQL)', () => {
  const open: { end(): Promise<void> }[] = [];
  const feeds: EventFeed[] = [];
  let url: string;
  let db: Client;

  const connect = async () => {
    const c = new Client({ connectionString: url });
    await c.connect();
    open.push(c);
    return c;
  };
  const dataSource = async () => {
    const ds = await new DataSource({ type: 'postgres', url, extra: { max: 4 } }).initialize();
    open.push({ end: () => ds.destroy() });
    return ds;
  };
  const newFeed = async (options: Partial<ConstructorParameters<typeof EventFeed>[1]> = {}) => {
    const feed = new EventFeed(await dataSource(), { autoStart: false, pollMs: 5, baseBackoffMs: 5, maxBackoffMs: 20, ...options });
    feeds.push(feed);
    return feed;
  };
  /** Appends one event (the id is its aggregate id, so tests can name events). */
  const log = async (c: Client, id: string, type = 'test.happened') => {
    const [row] = (
      await c.query(
        `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, actor_subject, actor_username, correlation_id, payload)
         VALUES ($1, $2, 'thing', $3, 'test', 'test', $4, '{}') RETURNING sequence::text AS sequence`,
        [randomUUID(), type, id, randomUUID()],
      )
    ).rows;
    return row.sequence as string;
  };
  const recording = (name: string, extra: Partial<EventSubscriber> = {}) => {
    const seen: string[] = [];
    const subscriber: EventSubscriber = {
      name,
      startFrom: 'beginning',
      handle: async (events: readonly RecordedEvent[]) => {
        seen.push(...events.map((e) => e.aggregateId));
      },
      ...extra,
    };
    return { seen, subscriber };
  };

  beforeAll(() => Logger.overrideLogger(false)); // the failures below are logged on purpose

  beforeEach(async () => {
    const admin = new Client({ connectionString: process.env['TEST_PG_ADMIN_URL'] });
    await admin.connect();
    const name = `t_${randomBytes(5).toString('hex')}`;
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    url = process.env['TEST_PG_ADMIN_URL']!.replace(/\/[^/?]+(\?|$)/, `/${name}$1`);
    await runMigrations(url, [CreateEventLog1732300000000, CreateEventFeed1732300006500]);
    db = await connect();
  });

  afterEach(async () => {
    for (const f of feeds.splice(0)) await f.stop();
    for (const c of open.splice(0).reverse()) await c.end().catch(() => undefined);
  });

  it('delivers in log order, keeps a checkpoint, and a new subscriber starts where it says', async () => {
    await log(db, 'a');
    await log(db, 'b');
    const feed = await newFeed();
    const all = recording('from-beginning');
    const fresh = recording('from-head', { startFrom: 'head' });
    feed.register(all.subscriber);
    feed.register(fresh.subscriber);
    await feed.drain();
    await log(db, 'c');
    await feed.drain();
    expect(all.seen).toEqual(['a', 'b', 'c']);
    expect(fresh.seen).toEqual(['c']);
    await feed.drain();
    expect(all.seen).toEqual(['a', 'b', 'c']); // the checkpoint holds: nothing twice
    const { subscribers } = await feed.status();
    expect(subscribers.map((s) => [s.subscriber, s.behind])).toEqual([
      ['from-beginning', 0],
      ['from-head', 0],
    ]);
  });

  it('orders by number, not by text: a transaction of many events crosses sequence 9 → 10 in small batches', async () => {
    await db.query('BEGIN');
    for (let i = 1; i <= 23; i++) await log(db, `n${i}`);
    await db.query('COMMIT');
    const feed = await newFeed();
    const r = recording('numeric', { batchSize: 4 });
    feed.register(r.subscriber);
    await feed.drain();
    expect(r.seen).toEqual(Array.from({ length: 23 }, (_, i) => `n${i + 1}`));
    expect((await feed.status()).head).toMatch(/:23$/);
  });

  it('never skips an event whose transaction commits after a later sequence was read', async () => {
    const feed = await newFeed();
    const r = recording('ordered');
    feed.register(r.subscriber);
    const early = await connect();
    const late = await connect();
    await early.query('BEGIN');
    const s1 = await log(early, 'early'); // sequence allocated first, committed last
    const s2 = await log(late, 'late'); // committed at once (autocommit)
    expect(BigInt(s1)).toBeLessThan(BigInt(s2));
    await feed.runOnce('ordered');
    expect(r.seen).toEqual([]); // "late" waits: an older transaction is still running
    await early.query('COMMIT');
    await feed.drain();
    expect(r.seen).toEqual(['early', 'late']);
  });

  it('delivers again after a crash between handling and the checkpoint (at least once)', async () => {
    await log(db, 'x');
    await log(db, 'y');
    const feed = await newFeed();
    const seen: string[] = [];
    let crash = true;
    feed.register({
      name: 'crashes-once',
      startFrom: 'beginning',
      handle: async (events, tx: FeedTransaction) => {
        seen.push(...events.map((e) => e.aggregateId)); // an effect outside the batch's transaction
        if (!crash) return;
        crash = false;
        // The process "dies": its connection goes before the checkpoint is written.
        const [{ pid }] = await tx.query(`SELECT pg_backend_pid() AS pid`);
        await db.query(`SELECT pg_terminate_backend($1)`, [pid]);
      },
    });
    await expect(feed.runOnce('crashes-once')).rejects.toThrow();
    await feed.drain();
    expect(seen).toEqual(['x', 'y', 'x', 'y']);
    await log(db, 'z');
    await feed.drain();
    expect(seen).toEqual(['x', 'y', 'x', 'y', 'z']);
  });

  it('replays from a checkpoint: the beginning, an event’s sequence, or a position from feed status', async () => {
    const seqs: string[] = [];
    for (const id of ['p', 'q', 'r']) seqs.push(await log(db, id));
    const feed = await newFeed();
    const r = recording('replayed');
    feed.register(r.subscriber);
    await feed.drain();
    await feed.replay('replayed', seqs[1]);
    await feed.drain();
    expect(r.seen).toEqual(['p', 'q', 'r', 'q', 'r']);
    await feed.replay('replayed', 'beginning');
    await feed.drain();
    expect(r.seen.slice(5)).toEqual(['p', 'q', 'r']);
    const checkpoint = (await feed.status()).subscribers[0].checkpoint!;
    await log(db, 's');
    await feed.replay('replayed', checkpoint);
    await feed.drain();
    expect(r.seen.slice(8)).toEqual(['s']);
    await expect(feed.replay('replayed', 'yesterday')).rejects.toThrow(/--from/);
  });

  it('runs one batch of a subscriber at a time across two processes', async () => {
    for (let i = 0; i < 40; i++) await log(db, `e${i}`);
    let inFlight = 0;
    let most = 0;
    const handled: string[] = [];
    const subscriber = (): EventSubscriber => ({
      name: 'shared',
      startFrom: 'beginning',
      batchSize: 3,
      handle: async (events) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((r) => setTimeout(r, 15));
        handled.push(...events.map((e) => e.aggregateId));
        inFlight--;
      },
    });
    const one = await newFeed();
    const two = await newFeed();
    one.register(subscriber());
    two.register(subscriber());
    one.start();
    two.start();
    await Promise.all([one.drain(), two.drain()]);
    expect(most).toBe(1);
    expect(handled).toEqual(Array.from({ length: 40 }, (_, i) => `e${i}`)); // each once, in order
  });

  it('a failing subscriber neither blocks another nor loses its own effects: it retries, then parks the poison event', async () => {
    await db.query(`CREATE TABLE seen (id text PRIMARY KEY)`);
    for (const id of ['1', '2', 'poison', '3']) await log(db, id, id === 'poison' ? 'test.poison' : 'test.fine');
    const feed = await newFeed();
    const good = recording('good');
    let attempts = 0;
    feed.register({
      name: 'bad',
      startFrom: 'beginning',
      maxAttempts: 3,
      handle: async (events, tx) => {
        for (const e of events) {
          // Effects in the batch's transaction: rolled back with it when a later event throws.
          await tx.query(`INSERT INTO seen VALUES ($1)`, [e.aggregateId]);
          if (e.type === 'test.poison') {
            attempts++;
            throw new Error('cannot handle this one');
          }
        }
      },
    });
    feed.register(good.subscriber);
    feed.start();
    await feed.drain({ subscribers: ['good'] });
    expect(good.seen).toEqual(['1', '2', 'poison', '3']);

    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline && !(await db.query(`SELECT 1 FROM seen WHERE id = '3'`)).rowCount) await new Promise((r) => setTimeout(r, 20));
    expect((await db.query(`SELECT id FROM seen ORDER BY id`)).rows.map((r) => r.id)).toEqual(['1', '2', '3']);
    expect(attempts).toBe(3 + 1); // once in the first batch, then three times alone
    const status = await feed.status();
    expect(status.failures).toEqual([expect.objectContaining({ subscriber: 'bad', eventType: 'test.poison', attempts: 3, error: expect.stringContaining('cannot handle this one') })]);
    expect(status.subscribers.find((s) => s.subscriber === 'bad')).toMatchObject({ behind: 0, attempts: 0 });
  });

  it('delivers only the types a subscriber asks for, and its checkpoint still moves past the others', async () => {
    await log(db, 'one', 'test.other');
    await log(db, 'two', 'test.wanted');
    await log(db, 'three', 'test.other');
    const feed = await newFeed();
    const r = recording('picky', { eventTypes: ['test.wanted'] });
    feed.register(r.subscriber);
    await feed.drain();
    expect(r.seen).toEqual(['two']);
    expect((await feed.status()).subscribers[0].behind).toBe(0);
  });
});
