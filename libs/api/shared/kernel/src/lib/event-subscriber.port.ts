import type { RecordedEvent } from './domain-event';

/**
 * The database transaction a batch of events is delivered in. The subscriber's checkpoint is advanced
 * in this same transaction, so effects written through it (a projection's rows) commit exactly once
 * with the checkpoint. Effects elsewhere (sending a command, an e-mail) are at least once: the handler
 * must be idempotent.
 */
export interface FeedTransaction {
  query<T = any>(sql: string, parameters?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * A named reader of the event log, fed in log order (transaction, then sequence) with a checkpoint of
 * its own in PostgreSQL. Delivery is at least once: after a crash between handling and the checkpoint
 * the same events come again, so `handle` must be idempotent. Register it with the event feed at
 * module init (README: "How to add a subscriber").
 */
export interface EventSubscriber {
  /** Stable name: the checkpoint's key. Renaming it starts a new subscriber. */
  readonly name: string;
  /**
   * Where a subscriber seen for the first time starts: `beginning` (every event ever logged, e.g. a
   * projection that must cover history) or `head` (only events logged after it is registered).
   */
  readonly startFrom: 'beginning' | 'head';
  /** Only these event types are delivered (the checkpoint still moves past the others). Default: all. */
  readonly eventTypes?: readonly string[];
  /** Events per batch (one transaction). Default 200. */
  readonly batchSize?: number;
  /**
   * Failed attempts on one event before it is parked in `event_feed_failure` and skipped (visible in
   * `feed status`, replayable). Default 5; `Infinity` halts the subscriber on that event instead.
   */
  readonly maxAttempts?: number;
  handle(events: readonly RecordedEvent[], tx: FeedTransaction): Promise<void>;
}
