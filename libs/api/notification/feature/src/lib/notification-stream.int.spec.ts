import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { type INestApplication, Logger, Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, NestFactory } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ExecutionEventType, executionEvent } from '@dieu-hanh/api/execution/contracts';
import { NOTIFICATION_MIGRATIONS, NotificationLive } from '@dieu-hanh/api/notification/infrastructure';
import { AccountDirectory, AuthModule } from '@dieu-hanh/api/shared/auth';
import { CreateEventFeed1732300006500, CreateEventLog1732300000000, DatabaseModule, EventFeed, EventLogOrmEntity } from '@dieu-hanh/api/shared/database';
import { ProblemFilter, assignRequestId, jsonBody } from '@dieu-hanh/api/shared/http';
import { createTestDatabase, createTestIssuer, keycloakClaims, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { SMTPServer } from 'smtp-server';
import { DataSource } from 'typeorm';
import { NotificationModule } from './notification.module';

const HN = 'http://idp.test/realms/ha-noi';

class StandInDirectoryView1732300000500 {
  name = 'StandInDirectoryView1732300000500';
  async up(q: { query(sql: string): Promise<unknown> }) {
    await q.query(`CREATE TABLE directory_unit (code text PRIMARY KEY, commune_code text NULL, short_name text NULL, official_name text NOT NULL DEFAULT '')`);
    await q.query(`INSERT INTO directory_unit (code, commune_code) VALUES ('00070', '00070'), ('00070-VHXH', '00070'), ('00004', '00004'), ('01-SKHCN', NULL)`);
  }
  async down() {
    /* test database */
  }
}

const UNITS: Record<string, { provinceCode: string; tier: 1 | 2; communeCode: string | null; validTo: null }> = {
  '00070': { provinceCode: '01', tier: 2, communeCode: '00070', validTo: null },
  '00004': { provinceCode: '01', tier: 2, communeCode: '00004', validTo: null },
  '01-SKHCN': { provinceCode: '01', tier: 1, communeCode: null, validTo: null },
};
class FixtureAccounts extends AccountDirectory {
  async provinceOfRealm(realm: string) {
    return realm === 'ha-noi' ? '01' : null;
  }
  async unitFacts(code: string) {
    return UNITS[code] ?? null;
  }
}

/** One API process as far as notifications go: the database, auth, the event feed and the notification module. */
@Module({})
class NotificationApi {
  static forRoot(url: string, jwks: Parameters<typeof AuthModule.forRoot>[0]['jwksFactory']): DynamicModule {
    return {
      module: NotificationApi,
      imports: [
        CqrsModule.forRoot(),
        TypeOrmModule.forRoot({ type: 'postgres', url, entities: [EventLogOrmEntity], synchronize: false }),
        DatabaseModule,
        AuthModule.forRoot({ config: { issuers: [HN], audience: 'dieu-hanh-api', clockToleranceSeconds: 0 }, jwksFactory: jwks, accountDirectory: { provide: AccountDirectory, useClass: FixtureAccounts } }),
        NotificationModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: ProblemFilter }],
    };
  }
}

interface Stream {
  events: { event: string; data: string }[];
  comments: number;
  ended: Promise<void>;
  abort(): void;
}

/** Reads a Server-Sent Events stream as the web does: fetch with the Authorization header, the body read as it comes. */
async function openStream(base: string, token: string): Promise<Stream> {
  const controller = new AbortController();
  const res = await fetch(`${base}/notifications/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
  const stream: Stream = { events: [], comments: 0, ended: Promise.resolve(), abort: () => controller.abort() };
  const reader = res.body!.getReader(); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  const decoder = new TextDecoder();
  stream.ended = (async () => {
    let buffer = '';
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return;
        buffer += decoder.decode(value, { stream: true });
        let at: number;
        while ((at = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, at);
          buffer = buffer.slice(at + 2);
          if (frame.startsWith(':')) stream.comments++;
          const event = /^event: (.*)$/m.exec(frame)?.[1];
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (event) stream.events.push({ event, data: data ?? '' });
        }
      }
    } catch {
      /* aborted */
    }
  })();
  await waitFor(() => stream.events.some((e) => e.event === 'ready'));
  return stream;
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}

const changes = (s: Stream) => s.events.filter((e) => e.event === 'notifications');

// Two API processes (two Nest apps, each with its own LISTEN connection and event feed) on one database.
describe('GET /notifications/stream across two API processes (LISTEN/NOTIFY, real PostgreSQL)', () => {
  let db: TestDatabase;
  let a: INestApplication;
  let b: INestApplication;
  let baseA: string;
  let baseB: string;
  let issuer: Awaited<ReturnType<typeof createTestIssuer>>;
  const token = (username: string, unit: string, tier: 1 | 2, roles: string[], expiresIn: string | number = '5m') =>
    issuer.sign({ ...keycloakClaims({ username, unit, tier, roles }), email: `${username}@ha-noi.test` }, { expiresIn });
  const open: Stream[] = [];
  const stream = async (base: string, t: string) => {
    const s = await openStream(base, t);
    open.push(s);
    return s;
  };

  const start = async () => {
    const app = await NestFactory.create(NotificationApi.forRoot(db.url, () => issuer.jwks), { logger: false, bodyParser: false });
    app.use(assignRequestId);
    app.use(jsonBody('1mb')); // as the API does: a body parser in front must not end a stream
    await app.listen(0, '127.0.0.1');
    await app.get(NotificationLive).start();
    return { app, base: (await app.getUrl()).replace('[::1]', '127.0.0.1') };
  };

  beforeAll(async () => {
    Logger.overrideLogger(false);
    process.env['NOTIFICATION_HEARTBEAT_MS'] = '200';
    db = await createTestDatabase([CreateEventLog1732300000000, StandInDirectoryView1732300000500, CreateEventFeed1732300006500, ...NOTIFICATION_MIGRATIONS]);
    issuer = await createTestIssuer(HN);
    ({ app: a, base: baseA } = await start());
    ({ app: b, base: baseB } = await start());
  });
  afterAll(async () => {
    for (const s of open) s.abort();
    await a?.close();
    await b?.close();
    await db?.drop();
    delete process.env['NOTIFICATION_HEARTBEAT_MS'];
  });

  const logUrged = async (unitCode: string) => {
    const e = executionEvent(ExecutionEventType.Urged, randomUUID(), { planId: randomUUID(), planTitle: 'KH 402', taskId: randomUUID(), unitCode, byUnitCode: '01-SKHCN', message: null, due: null });
    await a.get(DataSource).query(
      `INSERT INTO event_log (event_id, type, aggregate_type, aggregate_id, actor_subject, actor_username, correlation_id, payload)
       VALUES ($1, $2, $3, $4, 'test', 'test', $5, $6::jsonb)`,
      [randomUUID(), e.type, e.aggregateType, e.aggregateId, randomUUID(), JSON.stringify(e.payload)],
    );
    await a.get(EventFeed).drain(); // projected by process A
  };

  it('pushes a notification projected in one process to the streams of the units concerned in the other, and to no one else', async () => {
    const communeOnB = await stream(baseB, await token('hk', '00070', 2, ['commune-officer']));
    const otherCommuneOnB = await stream(baseB, await token('bd', '00004', 2, ['commune-officer']));
    const deptOnA = await stream(baseA, await token('skhcn', '01-SKHCN', 1, ['department-officer']));

    await logUrged('00070-VHXH'); // an office of commune 00070: the commune's account hears it
    await waitFor(() => changes(communeOnB).length === 1);
    await new Promise((r) => setTimeout(r, 300));
    expect(changes(communeOnB).map((e) => JSON.parse(e.data))).toEqual([{ reason: 'changed' }]);
    expect(changes(otherCommuneOnB)).toEqual([]);
    expect(changes(deptOnA)).toEqual([]);

    // What the stream announced is there for that account through the scoped list, on either process.
    const list = await fetch(`${baseB}/notifications/groups`, { headers: { authorization: `Bearer ${await token('hk', '00070', 2, ['commune-officer'])}` } }).then((r) => r.json());
    expect(list).toMatchObject({ unread: 1, total: 1, groups: [{ count: 1, unread: 1, actionsOpen: 1, latest: { kind: 'work-urged', unitCode: '00070-VHXH' } }] });

    // Heartbeats keep the stream alive.
    expect(communeOnB.comments).toBeGreaterThan(0);
  });

  it('a read in one process (another tab, a colleague) updates the streams of that unit in the other', async () => {
    const t = await token('hk', '00070', 2, ['commune-officer']);
    const onB = await stream(baseB, t);
    const before = changes(onB).length;
    const res = await fetch(`${baseA}/notifications/read-all`, { method: 'POST', headers: { authorization: `Bearer ${t}` } });
    expect(await res.json()).toEqual({ read: 1 });
    await waitFor(() => changes(onB).length > before);
    const accounts = await a.get(DataSource).query(`SELECT unit_code, commune_code, email FROM notification_mailbox WHERE subject = 'sub-hk'`);
    expect(accounts).toEqual([{ unit_code: '00070', commune_code: '00070', email: 'hk@ha-noi.test' }]);
  });

  it('refuses a stream without a valid token, and ends it when the token expires', async () => {
    const refused = await fetch(`${baseA}/notifications/stream`);
    expect([refused.status, refused.headers.get('content-type')]).toEqual([401, expect.stringContaining('application/problem+json')]);
    expect((await fetch(`${baseA}/notifications/stream`, { headers: { authorization: 'Bearer nope' } })).status).toBe(401);
    const short = await stream(baseA, await token('skhcn', '01-SKHCN', 1, ['department-officer'], '2s'));
    await short.ended;
    expect(short.events.map((e) => e.event)).toEqual(['ready', 'expired']);
  });

  it('re-LISTENs after the connection is killed, tells its streams to resync, and hears later notifications', async () => {
    const onB = await stream(baseB, await token('hk', '00070', 2, ['commune-officer']));
    const reconnected = new Promise<void>((resolve) => {
      const off = b.get(NotificationLive).onConnected(() => {
        off();
        resolve();
      });
    });
    // Both processes' LISTEN connections are killed (a database restart, a network cut): both reconnect.
    await a.get(DataSource).query(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'dieu-hanh-notification-listen' AND datname = current_database()`);
    await reconnected;
    await waitFor(() => changes(onB).some((e) => JSON.parse(e.data).reason === 'resync'));
    await waitFor(() => a.get(NotificationLive).listening);
    const heard = changes(onB).length;
    await logUrged('00070');
    await waitFor(() => changes(onB).length > heard);
    expect(JSON.parse(changes(onB).at(-1)!.data)).toEqual({ reason: 'changed' }); // eslint-disable-line @typescript-eslint/no-non-null-assertion
  });

  it('with SMTP_URL set, the module mails the accounts it has seen, woken through LISTEN, once', async () => {
    const received: { to: string; messageId: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('latin1')));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), messageId: /^Message-ID:\s*(\S+)/im.exec(raw)?.[1] ?? '' });
          callback();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, '127.0.0.1', r));
    process.env['SMTP_URL'] = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env['MAIL_POLL_MS'] = '60000'; // only the LISTEN wake-up can make it quick
    const mailer = await start();
    try {
      await mailer.app.get(EventFeed).drain(); // notification.email starts at the head
      // hk opened its bell (recorded in the mailbox from its token), then its office is urged.
      await fetch(`${mailer.base}/notifications/groups`, { headers: { authorization: `Bearer ${await token('hk', '00070', 2, ['commune-officer'])}` } });
      await new Promise((r) => setTimeout(r, 100));
      await logUrged('00070-VHXH');
      await mailer.app.get(EventFeed).drain();
      await waitFor(() => received.length === 1);
      await new Promise((r) => setTimeout(r, 300));
      expect(received).toEqual([{ to: 'hk@ha-noi.test', messageId: expect.stringMatching(/^<[0-9a-f-]{36}\.[0-9a-f]{16}@dieu-hanh>$/) }]);
    } finally {
      await mailer.app.close();
      await new Promise<void>((r) => smtp.close(() => r()));
      delete process.env['SMTP_URL'];
      delete process.env['MAIL_POLL_MS'];
    }
  });

  it('forgets a stream whose client went away', async () => {
    const live = a.get(NotificationLive);
    const s = await stream(baseA, await token('skhcn', '01-SKHCN', 1, ['department-officer']));
    const before = live.streams;
    s.abort();
    await waitFor(() => live.streams === before - 1);
  });

  it('closes cleanly with streams open: every stream ends and the app stops', async () => {
    const extra = await start();
    const s = await stream(extra.base, await token('bd', '00004', 2, ['commune-officer']));
    const t0 = Date.now();
    await extra.app.close();
    await s.ended;
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(extra.app.get(NotificationLive).streams).toBe(0);
  });
});
