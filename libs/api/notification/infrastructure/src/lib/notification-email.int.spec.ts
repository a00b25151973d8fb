import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { ExecutionEventType, executionEvent } from '@dieu-hanh/api/execution/contracts';
import { PlanEventType } from '@dieu-hanh/api/planning/contracts';
import { CreateEventFeed1732300006500, CreateEventLog1732300000000, EventFeed } from '@dieu-hanh/api/shared/database';
import { scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { NotificationEmailSender, mailConfigFromEnv } from './notification-email.sender';
import { NotificationEmailSubscriber } from './notification-email.subscriber';
import { NOTIFICATION_MIGRATIONS } from './notification.migrations';
import { SqlNotificationMailbox } from './sql-notification.mailbox';

class StandInDirectoryView1732300000500 {
  name = 'StandInDirectoryView1732300000500';
  async up(q: { query(sql: string): Promise<unknown> }) {
    await q.query(`CREATE TABLE directory_unit (code text PRIMARY KEY, commune_code text NULL, short_name text NULL, official_name text NOT NULL DEFAULT '')`);
    await q.query(`INSERT INTO directory_unit (code, commune_code, short_name) VALUES ('00070', '00070', NULL), ('00070-VHXH', '00070', 'Phòng VHXH Hoàn Kiếm'), ('01-SKHCN', NULL, NULL), ('01-UBND', NULL, NULL), ('00004', '00004', NULL)`);
  }
  async down() {
    /* test database */
  }
}

/** The message as text: quoted-printable soft breaks joined and =XX bytes decoded (headers stay encoded words). */
const quotedPrintable = (s: string) => {
  const at = s.indexOf('\r\n\r\n');
  const body = s.slice(at).replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return s.slice(0, at) + Buffer.from(body, 'latin1').toString('utf8');
};

interface Received {
  to: string[];
  messageId: string;
  subject: string;
  raw: string;
}

/** A real SMTP server on a free port, keeping what it accepts; `failNext` refuses messages (a server down for a while). */
async function startSmtp() {
  const received: Received[] = [];
  let refuse = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        if (refuse > 0) {
          refuse--;
          const err = new Error('Mailbox busy, try later') as Error & { responseCode: number };
          err.responseCode = 451;
          return callback(err);
        }
        const raw = quotedPrintable(Buffer.concat(chunks).toString('latin1'));
        const header = (name: string) => new RegExp(`^${name}:\\s*(.+)$`, 'im').exec(raw)?.[1]?.trim() ?? '';
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), messageId: header('Message-ID'), subject: header('Subject'), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (n: number) => (refuse = n),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

// E-mail from the event log, through a real SMTP server: exactly once per event and recipient.
describe('Notification e-mail (feed subscriber → outbox → SMTP, real PostgreSQL and a real SMTP server)', () => {
  let db: TestDatabase;
  let ds: DataSource;
  let feed: EventFeed;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let sender: NotificationEmailSender;
  const subscriber = new NotificationEmailSubscriber('https://dieu-hanh.test/');

  beforeAll(async () => {
    Logger.overrideLogger(false);
    db = await createTestDatabase([CreateEventLog1732300000000, StandInDirectoryView1732300000500, CreateEventFeed1732300006500, ...NOTIFICATION_MIGRATIONS]);
    ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
    feed = new EventFeed(ds, { autoStart: false, baseBackoffMs: 1 });
    feed.register(subscriber);
    await feed.drain(); // the subscriber starts at the head: from now on
    smtp = await startSmtp();
    sender = new NotificationEmailSender(ds, { ...mailConfigFromEnv({}), smtpUrl: smtp.url, from: 'Điều Hành <no-reply@dieu-hanh.test>', leaseMs: 200 });

    // Accounts seen by the API (from their tokens): two at the department, one at the commune, one without e-mail.
    const mailbox = new SqlNotificationMailbox(ds);
    await mailbox.record(scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: [], username: 'skhcn', subject: 's1', realm: 'ha-noi', email: 'SKHCN@ha-noi.test' }));
    await mailbox.record(scopeFor({ provinceCode: '01', unitCode: '01-SKHCN', tier: 1, roles: [], username: 'skhcn2', subject: 's2', realm: 'ha-noi', email: 'van.thu@ha-noi.test' }));
    await mailbox.record(scopeFor({ provinceCode: '01', unitCode: '00070', tier: 2, roles: [], username: 'hk', subject: 's3', realm: 'ha-noi', email: 'hk@ha-noi.test', communeCode: '00070' }));
    await mailbox.record(scopeFor({ provinceCode: '01', unitCode: '00004', tier: 2, roles: [], username: 'bd', subject: 's4', realm: 'ha-noi', email: null, communeCode: '00004' }));
    // An account of the department not seen for 200 days (left, moved): no mail.
    await ds.query(`INSERT INTO notification_mailbox VALUES ('ha-noi', 's5', 'cu', '01-SKHCN', NULL, 'old@ha-noi.test', now() - interval '200 days')`);
  });
  afterAll(async () => {
    await sender?.stop();
    await smtp?.close();
    await feed?.stop();
    await ds?.destroy();
    await db?.drop();
  });

  const log = async (e: { type: string; aggregateType: string; aggregateId: string; payload: object }) => {
    const eventId = randomUUID();
    await ds.query(
      `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, occurred_at, actor_subject, actor_username, correlation_id, payload)
       VALUES ($1, $2, $3, $4, '2025-10-01T03:00:00Z', 'test', 'test', $5, $6::jsonb)`,
      [eventId, e.type, e.aggregateType, e.aggregateId, randomUUID(), JSON.stringify(e.payload)],
    );
    return eventId;
  };
  const facts = (planId: string) => ({ planId, planTitle: 'KH 402', taskId: randomUUID(), unitCode: '00070-VHXH' });

  it('mails each account of the unit told once per event, even when the batch is delivered again and the sender runs twice', async () => {
    const p = randomUUID();
    const a = randomUUID();
    const verify = await log(
      executionEvent(ExecutionEventType.ProgressReported, a, {
        ...facts(p),
        status: 'done',
        percent: 100,
        previousStatus: 'in-progress',
        note: null,
        result: null,
        evidenceIds: [],
        version: 2,
        verifierUnitCodes: ['01-SKHCN'],
      }),
    );
    const urged = await log(executionEvent(ExecutionEventType.Urged, a, { ...facts(p), byUnitCode: '01-SKHCN', message: null, due: '2025-10-31' }));
    await log({ type: PlanEventType.Drafted, aggregateType: 'plan', aggregateId: p, payload: { title: 'x' } }); // tells nobody
    await feed.drain();

    // Redelivered: the checkpoint goes back over the same events (a crash before it moved).
    await feed.replay('notification.email', 'beginning');
    await feed.drain();
    expect(await ds.query(`SELECT count(*)::int AS n FROM notification_email_outbox`)).toEqual([{ n: 3 }]);

    // Two senders (two processes) at once, then again: each message goes out once.
    const other = new NotificationEmailSender(ds, { ...mailConfigFromEnv({}), smtpUrl: smtp.url, leaseMs: 60_000 });
    const sent = (await Promise.all([sender.flush(), other.flush()])).reduce((x, y) => x + y, 0);
    await other.stop();
    expect(sent).toBe(3);
    expect(await sender.flush()).toBe(0);

    const byTo = smtp.received.map((m) => [m.to.join(','), m.messageId]).sort();
    expect(byTo).toEqual(
      [
        ['hk@ha-noi.test', expect.stringMatching(new RegExp(`^<${urged}\\.[0-9a-f]{16}@dieu-hanh>$`))],
        ['skhcn@ha-noi.test', expect.stringMatching(new RegExp(`^<${verify}\\.[0-9a-f]{16}@dieu-hanh>$`))],
        ['van.thu@ha-noi.test', expect.stringMatching(new RegExp(`^<${verify}\\.[0-9a-f]{16}@dieu-hanh>$`))],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const toDept = smtp.received.find((m) => m.to[0] === 'skhcn@ha-noi.test');
    expect(toDept?.raw).toContain('Auto-Submitted: auto-generated');
    expect(toDept?.raw).toMatch(/Awaiting verification: Phòng VHXH Hoàn Kiếm reported done/);
    expect(toDept?.raw).toContain(`https://dieu-hanh.test/ke-hoach/${p}/giao-viec/${a}`);
    expect(await ds.query(`SELECT count(*)::int AS n FROM notification_email_outbox WHERE sent_at IS NULL`)).toEqual([{ n: 0 }]);
  });

  it('keeps a message the server refused and sends it later, once', async () => {
    smtp.received.length = 0;
    const ev = await log(executionEvent(ExecutionEventType.Urged, randomUUID(), { ...facts(randomUUID()), byUnitCode: '01-SKHCN', message: null, due: null }));
    await feed.drain();
    smtp.refuseNext(1);
    expect(await sender.flush()).toBe(0);
    const [row] = await ds.query(`SELECT attempts, last_error, sent_at FROM notification_email_outbox WHERE event_id = $1`, [ev]);
    expect(row).toMatchObject({ attempts: 1, sent_at: null, last_error: expect.stringContaining('451') });
    expect(smtp.received).toEqual([]);

    await ds.query(`UPDATE notification_email_outbox SET claimed_until = now() - interval '1 second' WHERE event_id = $1`, [ev]); // the backoff has passed
    expect(await sender.flush()).toBe(1);
    expect(await sender.flush()).toBe(0);
    expect(smtp.received.map((m) => m.to)).toEqual([['hk@ha-noi.test']]);
  });

  it('after a crash between claiming and marking, sends again with the same Message-ID once the lease ends — never lost', async () => {
    smtp.received.length = 0;
    const ev = await log(executionEvent(ExecutionEventType.Urged, randomUUID(), { ...facts(randomUUID()), byUnitCode: '01-SKHCN', message: null, due: null }));
    await feed.drain();
    // A process claimed the message and died (its lease is running): nobody else takes it meanwhile.
    await ds.query(`UPDATE notification_email_outbox SET claimed_until = now() + interval '300 milliseconds', attempts = 1 WHERE event_id = $1`, [ev]);
    expect(await sender.flush()).toBe(0);
    await new Promise((r) => setTimeout(r, 350));
    expect(await sender.flush()).toBe(1);
    const [row] = await ds.query(`SELECT message_id, attempts, sent_at FROM notification_email_outbox WHERE event_id = $1`, [ev]);
    expect(row).toMatchObject({ attempts: 2, sent_at: expect.any(Date) });
    expect(smtp.received.map((m) => m.messageId)).toEqual([row.message_id]);
  });

  it('wakes up on its own: start() sends what is queued without a flush call', async () => {
    smtp.received.length = 0;
    await log(executionEvent(ExecutionEventType.Urged, randomUUID(), { ...facts(randomUUID()), byUnitCode: '01-SKHCN', message: null, due: null }));
    await feed.drain();
    sender.start();
    const until = Date.now() + 5000;
    while (smtp.received.length < 1 && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
    expect(smtp.received).toHaveLength(1);
  });
});
