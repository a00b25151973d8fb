import { Logger } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import type { NotificationLive } from './notification-live';

export interface MailConfig {
  /** smtp://user:pass@host:port (or smtps://); null: no e-mail at all. */
  smtpUrl: string | null;
  /** The From header, e.g. "Điều Hành <no-reply@dieu-hanh.vn>". */
  from: string;
  /** The web's address for links in messages (e.g. https://dieu-hanh.example/), or null. */
  linkBase: string | null;
  /** How often unsent mail is looked for besides the wake-ups, in ms. */
  pollMs: number;
  /** How long a claimed message is left to its sender before another may take it over, in ms. */
  leaseMs: number;
  /** Attempts before a message is left unsent (its last error stays in the outbox). */
  maxAttempts: number;
}

export function mailConfigFromEnv(env: NodeJS.ProcessEnv = process.env): MailConfig {
  const smtpUrl = (env['SMTP_URL'] ?? '').trim() || null;
  return {
    smtpUrl,
    from: env['MAIL_FROM'] ?? 'Điều Hành <no-reply@dieu-hanh.local>',
    linkBase: (env['MAIL_LINK_BASE'] ?? '').trim() || null,
    pollMs: Number(env['MAIL_POLL_MS'] ?? 5000),
    leaseMs: Number(env['MAIL_LEASE_MS'] ?? 120_000),
    maxAttempts: Number(env['MAIL_MAX_ATTEMPTS'] ?? 20),
  };
}

interface OutboxRow {
  id: string;
  recipient: string;
  message_id: string;
  subject: string;
  body: string;
  attempts: number;
}

/**
 * E-mail, step 2 of 2: sends what the `notification.email` subscriber queued, after its commit, through
 * SMTP (nodemailer). At least once, without duplicates in the normal course:
 * - a batch of unsent rows is claimed for `leaseMs` (`FOR UPDATE SKIP LOCKED`), so several processes
 *   never send the same row at the same time;
 * - each message is marked `sent_at` right after the SMTP server accepted it; a failure keeps it
 *   unsent with its error and a backoff (the lease is moved forward), and it is tried again;
 * - a crash between the server's acceptance and the mark (a window of one UPDATE) sends it once more
 *   after the lease ends — with the same Message-ID `<eventId.recipientHash@dieu-hanh>`, so the copy is
 *   recognisable (and dropped by servers and clients that de-duplicate by Message-ID).
 * Wakes up on the subscriber's `pg_notify` (through NotificationLive's LISTEN connection), and polls.
 */
export class NotificationEmailSender {
  private readonly logger = new Logger('NotificationEmailSender');
  private readonly transport: Transporter;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<number> | null = null;
  private again = false;
  private stopped = true;
  private unlisten: (() => void) | null = null;

  constructor(private readonly dataSource: DataSource, private readonly config: MailConfig & { smtpUrl: string }, private readonly live?: NotificationLive) {
    this.transport = createTransport(config.smtpUrl);
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.unlisten = this.live?.onEmailQueued(() => this.kick()) ?? null;
    this.timer = setInterval(() => this.kick(), this.config.pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running?.catch(() => undefined);
    this.transport.close();
  }

  /** Sends soon (coalesced). */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = (async () => {
      let sent = 0;
      try {
        do {
          this.again = false;
          sent += await this.flush();
        } while (this.again && !this.stopped);
      } catch (error) {
        this.logger.warn({ err: error }, 'the e-mail outbox could not be read; trying again at the next poll');
      }
      return sent;
    })().finally(() => (this.running = null));
  }

  /** Sends every message that is due now; answers how many were sent. */
  async flush(): Promise<number> {
    await this.prune();
    let sent = 0;
    for (;;) {
      const batch = await this.claim(20);
      if (!batch.length) return sent;
      for (const row of batch) {
        if (await this.sendOne(row)) sent++;
      }
    }
  }

  private lastPrune = 0;

  /**
   * Sent messages are kept 30 days (what was sent to whom, and the de-duplication of a late redelivery),
   * then deleted, at most once an hour per process.
   */
  private async prune(): Promise<void> {
    if (Date.now() - this.lastPrune < 3600_000) return;
    this.lastPrune = Date.now();
    await this.dataSource.query(`DELETE FROM notification_email_outbox WHERE sent_at < now() - interval '30 days'`);
  }

  private async claim(limit: number): Promise<OutboxRow[]> {
    const result = await this.dataSource.query(
      `UPDATE notification_email_outbox o SET claimed_until = clock_timestamp() + make_interval(secs => $1::float8 / 1000), attempts = o.attempts + 1
        WHERE o.id IN (SELECT id FROM notification_email_outbox
                        WHERE sent_at IS NULL AND attempts < $2 AND (claimed_until IS NULL OR claimed_until < clock_timestamp())
                        ORDER BY id LIMIT $3 FOR UPDATE SKIP LOCKED)
        RETURNING o.id::text AS id, o.recipient, o.message_id, o.subject, o.body, o.attempts`,
      [this.config.leaseMs, this.config.maxAttempts, limit],
    );
    const rows: OutboxRow[] = Array.isArray(result[0]) ? result[0] : result;
    return rows.sort((a, b) => Number(a.id) - Number(b.id));
  }

  private async sendOne(row: OutboxRow): Promise<boolean> {
    try {
      await this.transport.sendMail({
        from: this.config.from,
        to: row.recipient,
        subject: row.subject,
        text: row.body,
        messageId: row.message_id,
        headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
      });
    } catch (error) {
      const delayMs = Math.min(5000 * 2 ** (row.attempts - 1), 3600_000);
      this.logger.warn({ err: error, outboxId: row.id, attempts: row.attempts, retryInMs: delayMs }, 'e-mail not accepted by the SMTP server; will retry');
      await this.dataSource.query(
        `UPDATE notification_email_outbox SET last_error = $2, claimed_until = clock_timestamp() + make_interval(secs => $3::float8 / 1000) WHERE id = $1`,
        [row.id, String(error instanceof Error ? error.message : error).slice(0, 2000), delayMs],
      );
      return false;
    }
    await this.dataSource.query(`UPDATE notification_email_outbox SET sent_at = clock_timestamp(), last_error = NULL WHERE id = $1`, [row.id]);
    return true;
  }
}
