import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import type { EventSubscriber, RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import { DataSource, type EntityManager } from 'typeorm';
import { toRecordedEvent } from '../event-log/event-log.reader';
import type { EventLogOrmEntity } from '../event-log/event-log.orm-entity';
import { FEED_START, type FeedPosition, comparePositions, formatPosition, parsePosition } from './feed-position';

export interface EventFeedOptions {
  /** Runs the subscribers in this process (poll + wake-ups). Off for CLI commands: EVENT_FEED_RUNNER=off. */
  autoStart: boolean;
  /** How often other processes' events are looked for, in ms. */
  pollMs: number;
  /** First retry delay after a failed event, doubled per attempt up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const EVENT_FEED_OPTIONS = Symbol('EVENT_FEED_OPTIONS');

export function eventFeedOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): EventFeedOptions {
  return {
    autoStart: (env['EVENT_FEED_RUNNER'] ?? 'on') !== 'off',
    pollMs: Number(env['EVENT_FEED_POLL_MS'] ?? 1000),
    baseBackoffMs: Number(env['EVENT_FEED_BACKOFF_MS'] ?? 1000),
    maxBackoffMs: 5 * 60 * 1000,
  };
}

/** What one batch did. */
export type BatchOutcome =
  | { kind: 'handled'; events: number; more: boolean }
  | { kind: 'busy' } // another runner (this or another process) holds the subscriber
  | { kind: 'waiting'; until: Date } // backing off after a failure
  | { kind: 'failed'; error: unknown; eventId: string | null; parked: boolean };

export interface SubscriberStatus {
  subscriber: string;
  registered: boolean;
  checkpoint: string | null;
  behind: number;
  attempts: number;
  failingEventId: string | null;
  lastError: string | null;
  retryAt: Date | null;
  updatedAt: Date | null;
}

export interface ParkedFailure {
  subscriber: string;
  eventId: string;
  position: string;
  eventType: string;
  attempts: number;
  error: string;
  parkedAt: Date;
}

class HandlerFailure extends Error {
  constructor(readonly error: unknown, readonly events: readonly (RecordedEvent & FeedPosition)[]) {
    super(error instanceof Error ? error.message : String(error));
  }
}

const DEFAULT_BATCH = 200;
const DEFAULT_MAX_ATTEMPTS = 5;
// Positions are selected as text (bigint and xid8 exceed JS numbers). ORDER BY must name the table's
// columns (e.sequence): a bare `sequence` would sort the text alias, putting 10 before 9.
const EVENT_COLUMNS = `transaction_id::text AS "transactionId", sequence::text AS sequence, event_id AS "eventId", type,
  aggregate_type AS "aggregateType", aggregate_id AS "aggregateId", occurred_at AS "occurredAt", actor_subject AS "actorSubject",
  actor_username AS "actorUsername", actor_unit_code AS "actorUnitCode", province_code AS "provinceCode",
  correlation_id AS "correlationId", causation_id AS "causationId", payload`;

/**
 * A reliable feed over `event_log`: named subscribers, each with a checkpoint row, fed in batches in
 * (transaction id, sequence) order, at least once, one runner at a time per subscriber across every
 * API process.
 *
 * - Safe horizon: only events of transactions older than every running one (`pg_snapshot_xmin`) are
 *   read, so an event whose transaction commits late is never skipped by a checkpoint already past it.
 * - One runner: each batch runs in a transaction holding `pg_try_advisory_xact_lock` on the
 *   subscriber's name; a runner that does not get it skips (another process is on it). The lock is
 *   released with the transaction, so a killed process frees it.
 * - The checkpoint moves in the batch's transaction, together with what the handler wrote through it.
 * - A failing handler rolls its batch back; the batch is retried one event at a time with backoff, and
 *   after `maxAttempts` the event is parked in `event_feed_failure` so the subscriber moves on.
 *   Subscribers run independently: one failing or slow never holds up another.
 * - Wake-up: the unit of work calls `nudge()` after each commit; a poll picks up other processes'
 *   events.
 */
@Injectable()
export class EventFeed implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('EventFeed');
  private readonly options: EventFeedOptions;
  private readonly subscribers = new Map<string, EventSubscriber>();
  private readonly loops = new Map<string, { running: Promise<void> | null; again: boolean }>();
  /** After a multi-event batch failed: one event at a time until past this position (finds the culprit). */
  private readonly isolateUntil = new Map<string, FeedPosition>();
  private readonly ensured = new Set<string>();
  private timer: NodeJS.Timeout | null = null;
  private started = false;
  private stopping = false;

  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(EVENT_FEED_OPTIONS) options?: Partial<EventFeedOptions>,
  ) {
    this.options = { ...eventFeedOptionsFromEnv(), ...options };
  }

  register(subscriber: EventSubscriber): void {
    const known = this.subscribers.get(subscriber.name);
    if (known && known !== subscriber) throw new Error(`Two event subscribers are named "${subscriber.name}"`);
    this.subscribers.set(subscriber.name, subscriber);
    if (this.started) this.kick(subscriber.name);
  }

  registered(): string[] {
    return [...this.subscribers.keys()];
  }

  /**
   * Creates the checkpoints of new subscribers before the app serves (a `head` subscriber then starts
   * before the first request's events), then runs them.
   */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.options.autoStart) return;
    for (const subscriber of this.subscribers.values()) {
      await this.ensureCheckpoint(subscriber).catch((error) => this.logger.warn({ err: error, subscriber: subscriber.name }, 'event subscriber checkpoint not created yet'));
    }
    this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Runs the subscribers in this process: now, after each local commit, and every `pollMs`. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    this.timer = setInterval(() => this.nudge(), this.options.pollMs);
    this.timer.unref();
    this.nudge();
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.started = false;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await Promise.all([...this.loops.values()].map((l) => l.running));
  }

  /** Something was committed: run every subscriber soon (coalesced; a no-op when the runner is off). */
  nudge(): void {
    if (!this.started || this.stopping) return;
    for (const name of this.subscribers.keys()) this.kick(name);
  }

  private kick(name: string): void {
    let loop = this.loops.get(name);
    if (!loop) this.loops.set(name, (loop = { running: null, again: false }));
    if (loop.running) {
      loop.again = true;
      return;
    }
    const state = loop;
    state.running = (async () => {
      try {
        do {
          state.again = false;
          for (;;) {
            if (this.stopping) return;
            let outcome: BatchOutcome;
            try {
              outcome = await this.runOnce(name);
            } catch (error) {
              // The database itself failed (outage, restart): the next poll tries again.
              this.logger.warn({ err: error, subscriber: name }, 'event feed could not read; retrying at the next poll');
              return;
            }
            if (outcome.kind === 'handled' && outcome.more) continue;
            if (outcome.kind === 'failed' && outcome.eventId === null) continue; // isolate the culprit now
            break;
          }
        } while (state.again && !this.stopping);
      } finally {
        state.running = null;
      }
    })();
  }

  /**
   * One batch for one subscriber, in one transaction. Never throws for a handler's failure (it is
   * recorded, retried and, in the end, parked); throws only when the database itself fails.
   */
  async runOnce(name: string): Promise<BatchOutcome> {
    const subscriber = this.subscribers.get(name);
    if (!subscriber) throw new Error(`No event subscriber is named "${name}" (registered: ${this.registered().join(', ') || 'none'})`);
    await this.ensureCheckpoint(subscriber);
    try {
      return await this.dataSource.transaction(async (m) => {
        const [{ horizon }] = await m.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
        if (!(await this.tryLock(m, name))) return { kind: 'busy' } as const;
        const cp = await this.checkpoint(m, name);
        if (!cp) {
          this.ensured.delete(name); // deleted by hand meanwhile: create it again next time
          return { kind: 'busy' } as const;
        }
        if (cp.retryAt && cp.waiting) return { kind: 'waiting', until: cp.retryAt } as const;
        const isolate = this.isolateUntil.get(name);
        if (isolate && comparePositions(cp.position, isolate) >= 0) this.isolateUntil.delete(name);
        const limit = cp.attempts > 0 || this.isolateUntil.has(name) ? 1 : (subscriber.batchSize ?? DEFAULT_BATCH);
        const types = subscriber.eventTypes?.length ? subscriber.eventTypes : null;
        const rows: (EventLogOrmEntity & FeedPosition)[] = await m.query(
          `SELECT ${EVENT_COLUMNS} FROM event_log e
            WHERE (transaction_id, sequence) > ($1::xid8, $2::bigint) AND transaction_id < $3::xid8
              ${types ? 'AND type = ANY($5::text[])' : ''}
            ORDER BY e.transaction_id, e.sequence LIMIT $4`,
          [cp.position.transactionId, cp.position.sequence, horizon, limit, ...(types ? [types] : [])],
        );
        const events = rows.map((r) => ({ ...toRecordedEvent(r), transactionId: r.transactionId }));
        const full = rows.length === limit;
        // A full batch moves the checkpoint to its last event; a short one saw everything below the
        // horizon (types filtered out included), so it moves to the last event below the horizon.
        const next = full ? events[events.length - 1] : await this.lastBelow(m, horizon);
        if (events.length) {
          try {
            await subscriber.handle(events, m);
          } catch (error) {
            throw new HandlerFailure(error, events);
          }
        }
        if (next && comparePositions(next, cp.position) > 0) await this.advance(m, name, next);
        return { kind: 'handled', events: events.length, more: full } as const;
      });
    } catch (error) {
      if (!(error instanceof HandlerFailure)) throw error;
      return this.recordFailure(subscriber, error);
    }
  }

  /**
   * Waits until every subscriber (or the named ones) has handled every event committed before the call,
   * and those their own reactions logged meanwhile, running the batches itself. For tests and CLI
   * commands; throws with the error of a failing subscriber.
   */
  async drain(options: { subscribers?: string[]; timeoutMs?: number } = {}): Promise<void> {
    const names = options.subscribers ?? this.registered();
    if (!names.length) return;
    const deadline = Date.now() + (options.timeoutMs ?? 30_000);
    const headNow = async (): Promise<FeedPosition | undefined> =>
      (
        await this.dataSource.query(
          `SELECT transaction_id::text AS "transactionId", sequence::text AS sequence FROM event_log e ORDER BY e.transaction_id DESC, e.sequence DESC LIMIT 1`,
        )
      )[0];
    let head = await headNow();
    while (head) {
      for (const name of names) {
        const loop = this.loops.get(name);
        if (loop?.running) await loop.running; // let this process's runner finish its batch
        for (;;) {
          const outcome = await this.runOnce(name);
          if (outcome.kind === 'failed') {
            if (!outcome.parked && outcome.eventId !== null) throw new Error(`event subscriber ${name} failed on event ${outcome.eventId}: ${String(outcome.error)}`);
            continue;
          }
          if (outcome.kind === 'waiting') throw new Error(`event subscriber ${name} is backing off after a failure until ${outcome.until.toISOString()}`);
          if (outcome.kind !== 'handled' || !outcome.more) break;
        }
      }
      const behind: { subscriber: string }[] = await this.dataSource.query(
        `SELECT n AS subscriber FROM unnest($1::text[]) AS n
          WHERE NOT EXISTS (SELECT 1 FROM event_feed_checkpoint c WHERE c.subscriber = n AND (c.transaction_id, c.sequence) >= ($2::xid8, $3::bigint))`,
        [names, head.transactionId, head.sequence],
      );
      if (!behind.length) {
        // Caught up; a subscriber's own commands may have logged more (a succession's transfer): again.
        const now = await headNow();
        if (!now || comparePositions(now, head) === 0) return;
        head = now;
        continue;
      }
      if (Date.now() > deadline) throw new Error(`event feed not drained: ${behind.map((b) => b.subscriber).join(', ')} behind ${formatPosition(head)}`);
      await new Promise((r) => setTimeout(r, 10)); // a transaction still running holds the horizon back
    }
  }

  /**
   * Moves a subscriber's checkpoint so it handles again everything after `from` (waits for a batch in
   * progress). `from`: 'beginning', 'head', an event's sequence (that event and all after it), or a
   * `<transactionId>:<sequence>` checkpoint as `feed status` prints it.
   */
  async replay(name: string, from = 'beginning'): Promise<FeedPosition> {
    const subscriber = this.subscribers.get(name);
    if (!subscriber) throw new Error(`No event subscriber is named "${name}" (registered: ${this.registered().join(', ') || 'none'})`);
    return this.dataSource.transaction(async (m) => {
      const [{ horizon }] = await m.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
      await m.query(`SELECT pg_advisory_xact_lock(hashtextextended('event-feed:' || $1, 0))`, [name]);
      let position: FeedPosition | null;
      if (from === 'beginning') position = FEED_START;
      else if (from === 'head') position = (await this.lastBelow(m, horizon)) ?? FEED_START;
      else if (/^\d+$/.test(from)) {
        const [row] = await m.query(`SELECT transaction_id::text AS "transactionId" FROM event_log WHERE sequence = $1`, [from]);
        if (!row) throw new Error(`No event has sequence ${from}`);
        position = { transactionId: row.transactionId, sequence: String(BigInt(from) - 1n) };
      } else position = parsePosition(from);
      if (!position) throw new Error(`--from must be beginning, head, an event sequence or <transactionId>:<sequence>, not "${from}"`);
      await m.query(
        `INSERT INTO event_feed_checkpoint (subscriber, transaction_id, sequence) VALUES ($1, $2::xid8, $3)
         ON CONFLICT (subscriber) DO UPDATE SET transaction_id = EXCLUDED.transaction_id, sequence = EXCLUDED.sequence,
           attempts = 0, failing_event_id = NULL, last_error = NULL, retry_at = NULL, updated_at = now()`,
        [name, position.transactionId, position.sequence],
      );
      this.isolateUntil.delete(name);
      return position;
    });
  }

  async status(): Promise<{ head: string | null; subscribers: SubscriberStatus[]; failures: ParkedFailure[] }> {
    const [head] = await this.dataSource.query(
      `SELECT transaction_id::text AS "transactionId", sequence::text AS sequence FROM event_log e ORDER BY e.transaction_id DESC, e.sequence DESC LIMIT 1`,
    );
    const rows: (Omit<SubscriberStatus, 'registered' | 'behind'> & { behind: string })[] = await this.dataSource.query(
      `SELECT c.subscriber, c.transaction_id::text || ':' || c.sequence AS checkpoint, c.attempts, c.failing_event_id AS "failingEventId",
              c.last_error AS "lastError", c.retry_at AS "retryAt", c.updated_at AS "updatedAt",
              (SELECT count(*) FROM event_log e WHERE (e.transaction_id, e.sequence) > (c.transaction_id, c.sequence)) AS behind
         FROM event_feed_checkpoint c ORDER BY c.subscriber`,
    );
    const known = new Set(rows.map((r) => r.subscriber));
    const subscribers: SubscriberStatus[] = [
      ...rows.map((r) => ({ ...r, behind: Number(r.behind), registered: this.subscribers.has(r.subscriber) })),
      ...this.registered()
        .filter((n) => !known.has(n))
        .map((n) => ({ subscriber: n, registered: true, checkpoint: null, behind: -1, attempts: 0, failingEventId: null, lastError: null, retryAt: null, updatedAt: null })),
    ];
    const failures: ParkedFailure[] = await this.dataSource.query(
      `SELECT subscriber, event_id AS "eventId", transaction_id::text || ':' || sequence AS position, event_type AS "eventType", attempts, error, parked_at AS "parkedAt"
         FROM event_feed_failure ORDER BY parked_at DESC, id DESC LIMIT 50`,
    );
    return { head: head ? formatPosition(head) : null, subscribers, failures };
  }

  private async tryLock(m: EntityManager, name: string): Promise<boolean> {
    const [{ locked }] = await m.query(`SELECT pg_try_advisory_xact_lock(hashtextextended('event-feed:' || $1, 0)) AS locked`, [name]);
    return locked;
  }

  /**
   * Creates the checkpoint of a subscriber seen for the first time, where it declares it starts, in a
   * transaction of its own: a first batch that fails must not roll the start back (a `head` subscriber
   * would otherwise start later each time and skip what came in between).
   */
  private async ensureCheckpoint(subscriber: EventSubscriber): Promise<void> {
    if (this.ensured.has(subscriber.name)) return;
    await this.dataSource.transaction(async (m) => {
      const [{ horizon }] = await m.query(`SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS horizon`);
      const exists = await m.query(`SELECT 1 FROM event_feed_checkpoint WHERE subscriber = $1`, [subscriber.name]);
      if (exists.length) return;
      const start = subscriber.startFrom === 'head' ? ((await this.lastBelow(m, horizon)) ?? FEED_START) : FEED_START;
      const created = await m.query(
        `INSERT INTO event_feed_checkpoint (subscriber, transaction_id, sequence) VALUES ($1, $2::xid8, $3) ON CONFLICT DO NOTHING RETURNING subscriber`,
        [subscriber.name, start.transactionId, start.sequence],
      );
      if (created.length) this.logger.log({ subscriber: subscriber.name, from: formatPosition(start) }, 'event subscriber starts');
    });
    this.ensured.add(subscriber.name);
  }

  private async checkpoint(m: EntityManager, name: string) {
    type Row = { transactionId: string; sequence: string; attempts: number; retryAt: Date | null; waiting: boolean | null };
    const [row]: Row[] = await m.query(
      `SELECT transaction_id::text AS "transactionId", sequence::text AS sequence, attempts, retry_at AS "retryAt", retry_at > clock_timestamp() AS waiting
         FROM event_feed_checkpoint WHERE subscriber = $1`,
      [name],
    );
    if (!row) return null;
    return { position: { transactionId: row.transactionId, sequence: row.sequence }, attempts: row.attempts, retryAt: row.retryAt, waiting: row.waiting === true };
  }

  private async lastBelow(m: EntityManager, horizon: string): Promise<FeedPosition | null> {
    const [row] = await m.query(
      `SELECT transaction_id::text AS "transactionId", sequence::text AS sequence FROM event_log e
        WHERE e.transaction_id < $1::xid8 ORDER BY e.transaction_id DESC, e.sequence DESC LIMIT 1`,
      [horizon],
    );
    return row ?? null;
  }

  private async advance(m: EntityManager, name: string, to: FeedPosition): Promise<void> {
    await m.query(
      `UPDATE event_feed_checkpoint SET transaction_id = $2::xid8, sequence = $3, attempts = 0, failing_event_id = NULL, last_error = NULL,
              retry_at = NULL, updated_at = now() WHERE subscriber = $1`,
      [name, to.transactionId, to.sequence],
    );
  }

  private async recordFailure(subscriber: EventSubscriber, failure: HandlerFailure): Promise<BatchOutcome> {
    const name = subscriber.name;
    const events = failure.events;
    const error = failure.error;
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (events.length > 1) {
      // Which event failed is not known yet: go one event at a time until past this batch.
      this.isolateUntil.set(name, events[events.length - 1]);
      this.logger.error({ err: error, subscriber: name, eventIds: events.map((e) => e.id) }, 'event subscriber failed on a batch; retrying one event at a time');
      return { kind: 'failed', error, eventId: null, parked: false };
    }
    const [event] = events;
    const maxAttempts = subscriber.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    return this.dataSource.transaction(async (m) => {
      if (!(await this.tryLock(m, name))) return { kind: 'failed', error, eventId: event.id, parked: false } as const;
      const [cp] = await m.query(`SELECT attempts, failing_event_id AS "failingEventId" FROM event_feed_checkpoint WHERE subscriber = $1`, [name]);
      const attempts = (cp?.failingEventId === event.id ? cp.attempts : 0) + 1;
      if (attempts >= maxAttempts) {
        await m.query(
          `INSERT INTO event_feed_failure (subscriber, event_id, sequence, transaction_id, event_type, attempts, error) VALUES ($1, $2, $3, $4::xid8, $5, $6, $7)`,
          [name, event.id, event.sequence, event.transactionId, event.type, attempts, message.slice(0, 4000)],
        );
        await this.advance(m, name, event);
        this.logger.error({ err: error, subscriber: name, eventId: event.id, eventType: event.type, attempts }, 'event subscriber gave up on an event: parked in event_feed_failure');
        return { kind: 'failed', error, eventId: event.id, parked: true } as const;
      }
      const delay = Math.min(this.options.baseBackoffMs * 2 ** (attempts - 1), this.options.maxBackoffMs);
      await m.query(
        `UPDATE event_feed_checkpoint SET attempts = $2, failing_event_id = $3, last_error = $4, retry_at = now() + make_interval(secs => $5::float8 / 1000), updated_at = now()
          WHERE subscriber = $1`,
        [name, attempts, event.id, message.slice(0, 4000), delay],
      );
      this.logger.error({ err: error, subscriber: name, eventId: event.id, eventType: event.type, attempts, retryInMs: delay }, 'event subscriber failed; will retry');
      if (this.started) setTimeout(() => this.kick(name), delay + 5).unref();
      return { kind: 'failed', error, eventId: event.id, parked: false } as const;
    });
  }
}
