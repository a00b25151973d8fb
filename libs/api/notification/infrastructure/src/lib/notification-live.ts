import { Inject, Injectable, Logger, type BeforeApplicationShutdown, type OnApplicationBootstrap, Optional } from '@nestjs/common';
import type { NotificationStreamMessageDto } from '@dieu-hanh/shared/contracts';
import { Client, type Notification } from 'pg';
import { DataSource } from 'typeorm';
import { NOTIFICATION_CHANNEL } from './notification.projection';

/** The channel the e-mail subscriber notifies when it queued mail (the sender wakes up at once). */
export const NOTIFICATION_EMAIL_CHANNEL = 'notification_email';

export interface NotificationLiveOptions {
  /** Holds the LISTEN connection in this process. Off for CLI commands (EVENT_FEED_RUNNER=off) or NOTIFICATION_LIVE=off. */
  autoStart: boolean;
  /** First reconnect delay after the LISTEN connection is lost, doubled per attempt up to maxBackoffMs. */
  baseBackoffMs: number;
  maxBackoffMs: number;
}

export const NOTIFICATION_LIVE_OPTIONS = Symbol('NOTIFICATION_LIVE_OPTIONS');

export function notificationLiveOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): NotificationLiveOptions {
  return {
    autoStart: (env['EVENT_FEED_RUNNER'] ?? 'on') !== 'off' && (env['NOTIFICATION_LIVE'] ?? 'on') !== 'off',
    baseBackoffMs: Number(env['NOTIFICATION_LIVE_BACKOFF_MS'] ?? 250),
    maxBackoffMs: 30_000,
  };
}

/** One open stream (a shell's bell): whose notifications it wants, how to push to it, how to end it. */
export interface LiveClient {
  unitCode: string;
  /** For a tier-2 (commune) account: its commune, whose offices' notifications it also sees. Null for tier 1. */
  communeCode: string | null;
  send(message: NotificationStreamMessageDto): void;
  close(): void;
}

/**
 * Live notifications across API processes. Holds ONE PostgreSQL connection per process that LISTENs on
 * `notification` (the projection's `pg_notify` inside its feed transaction, delivered on COMMIT) and on
 * `notification_email`; fans each message out to this process's open streams of the units concerned
 * (a unit's own, and a commune account's for its offices). Scope is kept: a stream hears only about the
 * units its account sees; the message says only "refetch" — the list itself goes through the scoped API.
 *
 * The connection is re-made with backoff when lost (database restart, network); after a gap every
 * stream is told to resync, since notifications committed meanwhile were not heard. Shutdown ends
 * every stream (so the HTTP server can close) and the connection.
 */
@Injectable()
export class NotificationLive implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('NotificationLive');
  private readonly options: NotificationLiveOptions;
  private readonly clients = new Set<LiveClient>();
  private readonly emailListeners = new Set<() => void>();
  private client: Client | null = null;
  private connecting: Promise<void> | null = null;
  private retryTimer: NodeJS.Timeout | null = null;
  private attempts = 0;
  private stopped = false;
  private everConnected = false;
  private connectedListeners = new Set<() => void>();

  constructor(private readonly dataSource: DataSource, @Optional() @Inject(NOTIFICATION_LIVE_OPTIONS) options?: Partial<NotificationLiveOptions>) {
    this.options = { ...notificationLiveOptionsFromEnv(), ...options };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.autoStart) await this.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.stop();
  }

  /** Opens the LISTEN connection (resolves once listening, or after the first failed attempt, which is retried). */
  start(): Promise<void> {
    this.stopped = false;
    if (this.client) return Promise.resolve();
    return (this.connecting ??= this.connect().finally(() => (this.connecting = null)));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    for (const c of [...this.clients]) {
      try {
        c.close();
      } catch {
        /* already gone */
      }
    }
    this.clients.clear();
    await this.connecting?.catch(() => undefined);
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  /** Whether this process is listening now (health, tests). */
  get listening(): boolean {
    return this.client !== null;
  }

  /** Adds a stream; returns how to remove it. */
  subscribe(client: LiveClient): () => void {
    this.clients.add(client);
    return () => this.clients.delete(client);
  }

  get streams(): number {
    return this.clients.size;
  }

  /** Called whenever mail was queued (in any process); returns how to stop listening. */
  onEmailQueued(listener: () => void): () => void {
    this.emailListeners.add(listener);
    return () => this.emailListeners.delete(listener);
  }

  /** Called after each (re)connection: tests wait on it. */
  onConnected(listener: () => void): () => void {
    this.connectedListeners.add(listener);
    return () => this.connectedListeners.delete(listener);
  }

  /** Delivers a `notification` payload to the streams it concerns (exported for tests of the fan-out). */
  dispatch(payload: string | undefined): void {
    let units: [string, string | null][];
    try {
      units = (JSON.parse(payload ?? '{}') as { units?: [string, string | null][] }).units ?? [];
    } catch {
      this.logger.warn({ payload: payload?.slice(0, 200) }, 'unreadable notification payload: telling every stream to resync');
      this.broadcast({ reason: 'resync' });
      return;
    }
    const unitSet = new Set(units.map(([u]) => u));
    const communeSet = new Set(units.map(([, c]) => c).filter((c): c is string => !!c));
    for (const c of this.clients) {
      if (unitSet.has(c.unitCode) || (c.communeCode !== null && communeSet.has(c.communeCode))) this.safeSend(c, { reason: 'changed' });
    }
  }

  private broadcast(message: NotificationStreamMessageDto): void {
    for (const c of this.clients) this.safeSend(c, message);
  }

  private safeSend(c: LiveClient, message: NotificationStreamMessageDto): void {
    try {
      c.send(message);
    } catch (error) {
      this.logger.warn({ err: error }, 'a notification stream could not be written: closing it');
      this.clients.delete(c);
      try {
        c.close();
      } catch {
        /* gone */
      }
    }
  }

  private async connect(): Promise<void> {
    if (this.stopped) return;
    const client = new Client(connectionOptions(this.dataSource));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (n: Notification) => {
      if (n.channel === NOTIFICATION_CHANNEL) this.dispatch(n.payload);
      else if (n.channel === NOTIFICATION_EMAIL_CHANNEL) for (const l of this.emailListeners) l();
    });
    try {
      await client.connect();
      await client.query(`LISTEN ${NOTIFICATION_CHANNEL}`);
      await client.query(`LISTEN ${NOTIFICATION_EMAIL_CHANNEL}`);
    } catch (error) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      this.scheduleReconnect(error);
      return;
    }
    if (this.stopped) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.attempts = 0;
    if (this.everConnected) {
      // Whatever was committed while deaf was not heard: every stream refetches; mail may be waiting.
      this.logger.log('notification LISTEN connection restored');
      this.broadcast({ reason: 'resync' });
      for (const l of this.emailListeners) l();
    }
    this.everConnected = true;
    for (const l of this.connectedListeners) l();
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    client.removeAllListeners();
    client.on('error', () => undefined);
    void client.end().catch(() => undefined);
    if (this.stopped) return;
    this.scheduleReconnect(error);
  }

  private scheduleReconnect(error: unknown): void {
    if (this.stopped || this.retryTimer) return;
    const delay = Math.min(this.options.baseBackoffMs * 2 ** this.attempts, this.options.maxBackoffMs);
    this.attempts++;
    this.logger.warn({ err: error, retryInMs: delay }, 'notification LISTEN connection lost or refused; reconnecting');
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.start();
    }, delay);
    this.retryTimer.unref();
  }
}

/** The pg connection settings of the app's TypeORM data source (a URL, or host/port/user/…). */
function connectionOptions(ds: DataSource) {
  const o = ds.options as { url?: string; host?: string; port?: number; username?: string; password?: string; database?: string; ssl?: unknown };
  const common = { application_name: 'dieu-hanh-notification-listen', keepAlive: true, connectionTimeoutMillis: 10_000 };
  if (o.url) return { connectionString: o.url, ...common };
  return { host: o.host, port: o.port, user: o.username, password: o.password, database: o.database, ...common };
}
