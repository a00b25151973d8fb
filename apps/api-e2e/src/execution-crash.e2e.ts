import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import {
  DEMO_ACCOUNTS,
  type RunningPostgres,
  api,
  freePort,
  runToEnd,
  sharedApiEnv,
  startApp,
  startEmbeddedPostgres,
  stopApp,
  tokenFor,
  urls,
  waitForHealth,
} from '@dieu-hanh/testing/e2e-support';

/**
 * A power cut in the middle of a burst of progress updates: the API is SIGKILLed while a commune's
 * updates are in flight and the e-mail sender is working, then started again. The phone (this test)
 * retries every update it got no answer for with the same Idempotency-Key, as the offline queue does.
 * Every acknowledged update is there exactly once, every retried one too, and every e-mail the event
 * log asked for reaches a real SMTP server, identified by its Message-ID: once, except that the one
 * message in flight at the kill may be sent a second time with the same Message-ID (SMTP has no
 * idempotent send; the copy is recognisable and the test bounds it).
 *
 * The suite runs its own API on its own PostgreSQL (seeded with the demo data) and SMTP receiver, so
 * the shared API, which sends no e-mail, cannot take the e-mail subscriber's turn.
 */
describe('execution: SIGKILL during a burst of updates', () => {
  const { idpUrl } = urls();
  const commune = DEMO_ACCOUNTS.find((a) => a.username === 'hoankiem.canbo')!;
  const focal = DEMO_ACCOUNTS.find((a) => a.username === 'skhcn.daumoi')!;
  const dir = mkdtempSync(join(tmpdir(), 'dieu-hanh-crash-'));
  chmodSync(dir, 0o755);
  const received: { messageId: string; to: string[] }[] = [];
  let smtp: SMTPServer;
  let pg: RunningPostgres;
  let db: Client;
  let env: Record<string, string>;

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (chunk: Buffer) => (raw += chunk.toString('utf8')));
        stream.on('end', () => {
          const messageId = /^Message-ID:\s*(<[^>]+>)/im.exec(raw)?.[1] ?? '(none)';
          received.push({ messageId, to: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        });
      },
    });
    // A sender killed mid-conversation resets its connection: that is expected here, not a failure.
    smtp.on('error', () => undefined);
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const smtpPort = (smtp.server.address() as AddressInfo).port;
    pg = await startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort() });
    db = new Client({ connectionString: pg.url });
    await db.connect();
    env = {
      ...sharedApiEnv(),
      DATABASE_URL: pg.url,
      EVIDENCE_DIR: join(dir, 'evidence'),
      SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
      MAIL_POLL_MS: '100',
      MAIL_LEASE_MS: '2000',
      JOBS_RUNNER: 'off',
    };
  }, 60_000);

  afterAll(async () => {
    await db?.end();
    await pg?.stop();
    await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every acknowledged update once and sends every e-mail, with at most the in-flight one repeated', async () => {
    const port = await freePort();
    const url = `http://localhost:${port}`;
    const log: string[] = [];
    const step = (what: string) => process.stderr.write(`[crash e2e] ${new Date().toISOString()} ${what}\n`);
    const first = startApp('api', [], { ...env, PORT: String(port), SEED_ON_START: 'demo' }, log);
    await waitForHealth(url, first, 240_000, log);
    step('API up with the demo data');

    // The focal unit's officer opens the bell once: the API learns where to mail that unit.
    const focalToken = await tokenFor(idpUrl, focal);
    expect((await api(url, '/notifications', { token: focalToken })).status).toBe(200);

    const { rows } = await db.query<{ id: string }>(
      `SELECT assignment_id AS id FROM planning_assignment
        WHERE unit_code = $1 AND assignment_status = 'assigned' AND plan_status = 'issued' AND role = 'lead'
        ORDER BY task_ordinal LIMIT 40`,
      [commune.unit],
    );
    expect(rows.length).toBeGreaterThanOrEqual(20);
    const updates = rows.map((r) => ({ assignmentId: r.id, key: randomUUID(), acknowledged: null as null | { version: number } }));
    const token = await tokenFor(idpUrl, commune);
    const send = (baseUrl: string, u: (typeof updates)[number]) =>
      fetch(`${baseUrl}/assignments/${u.assignmentId}/progress`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'idempotency-key': u.key },
        body: JSON.stringify({ version: 0, status: 'done', percent: 100, note: 'Đã hoàn thành (thử mất điện)' }),
      });

    // The burst: eight at a time; the API dies once a third of them are acknowledged.
    let killed = false;
    const burst = (async () => {
      for (let i = 0; i < updates.length; i += 8) {
        await Promise.all(
          updates.slice(i, i + 8).map(async (u) => {
            try {
              const res = await send(url, u);
              if (res.status === 200 || res.status === 201) u.acknowledged = { version: (await res.json()).version };
            } catch {
              /* no answer: the process is gone */
            }
          }),
        );
        if (!killed && updates.filter((u) => u.acknowledged).length >= updates.length / 3) {
          killed = true;
          first.kill('SIGKILL');
        }
      }
    })();
    await burst;
    step(`burst done, killed: ${killed}`);
    expect(killed).toBe(true);
    expect(await runToEnd(first)).toBe(-1);
    const acknowledged = updates.filter((u) => u.acknowledged);
    expect(acknowledged.length).toBeGreaterThan(0);
    expect(acknowledged.length).toBeLessThan(updates.length);

    // Start again; the phone retries everything it has no answer for, with the same keys.
    const second = startApp('api', [], { ...env, PORT: String(port) }, log);
    try {
      await waitForHealth(url, second, 120_000, log);
      step('API up again');
      for (const u of updates.filter((x) => !x.acknowledged)) {
        const res = await send(url, u);
        expect([200, 201]).toContain(res.status);
        u.acknowledged = { version: (await res.json()).version };
      }
      // A second retry of an acknowledged one answers the same, and records nothing.
      const again = await send(url, acknowledged[0]);
      expect([200, 201]).toContain(again.status);

      // Every update is there exactly once: one row per key, one event per assignment.
      const stored = await db.query<{ request_key: string; n: number }>(
        `SELECT request_key, count(*)::int AS n FROM progress_update WHERE request_key = ANY($1) GROUP BY request_key`,
        [updates.map((u) => u.key)],
      );
      expect(stored.rows).toHaveLength(updates.length);
      expect(stored.rows.every((r) => r.n === 1)).toBe(true);
      const events = await db.query<{ aggregate_id: string; n: number }>(
        `SELECT aggregate_id, count(*)::int AS n FROM event_log
          WHERE type = 'execution.progress-reported' AND aggregate_id = ANY($1) GROUP BY aggregate_id`,
        [updates.map((u) => u.assignmentId)],
      );
      expect(events.rows).toHaveLength(updates.length);
      expect(events.rows.every((r) => r.n === 1)).toBe(true);
      const states = await db.query<{ assignment_id: string; version: number; status: string }>(
        `SELECT assignment_id, version, status FROM work_state WHERE assignment_id = ANY($1)`,
        [updates.map((u) => u.assignmentId)],
      );
      for (const u of updates) {
        const s = states.rows.find((r) => r.assignment_id === u.assignmentId);
        expect(s).toMatchObject({ status: 'done', version: u.acknowledged!.version });
      }

      // E-mail: the outbox (written with the feed's checkpoint) holds one row per event and recipient;
      // wait until the sender has emptied it, then compare with what the SMTP server received.
      step('updates checked; waiting for e-mail');
      const deadline = Date.now() + 90_000;
      let outbox: { message_id: string; recipient: string; sent: boolean }[] = [];
      for (;;) {
        const expectedEvents = await db.query(
          `SELECT count(*)::int AS n FROM notification_email_outbox o JOIN event_log e ON e.event_id = o.event_id
            WHERE e.type = 'execution.progress-reported' AND e.aggregate_id = ANY($1)`,
          [updates.map((u) => u.assignmentId)],
        );
        outbox = (await db.query(`SELECT message_id, recipient, sent_at IS NOT NULL AS sent FROM notification_email_outbox`)).rows;
        if (expectedEvents.rows[0].n >= updates.length && outbox.every((o) => o.sent)) break;
        if (Date.now() > deadline) throw new Error(`e-mail not all sent: ${JSON.stringify({ expected: expectedEvents.rows[0].n, outbox: outbox.length, unsent: outbox.filter((o) => !o.sent).length })}`);
        await new Promise((r) => setTimeout(r, 250));
      }
      await new Promise((r) => setTimeout(r, 500));
      const byId = new Map<string, number>();
      for (const m of received) byId.set(m.messageId, (byId.get(m.messageId) ?? 0) + 1);
      // Every e-mail of the outbox arrived, to its recipient, and nothing else arrived.
      for (const o of outbox) {
        expect(byId.get(o.message_id)).toBeGreaterThanOrEqual(1);
        expect(received.find((m) => m.messageId === o.message_id)?.to).toEqual([o.recipient]);
      }
      expect(new Set(byId.keys())).toEqual(new Set(outbox.map((o) => o.message_id)));
      // Once per event and recipient, as far as SMTP allows. SMTP has no idempotent send: a kill between
      // the server's "250 OK" and the row being marked sent (one UPDATE) means the message in flight is
      // sent again after its lease. The copy carries the same Message-ID (mail systems drop it as a
      // duplicate), and only the message(s) in flight at the kill can have one: at most one per sender
      // slot, never a second copy. Everything else arrived exactly once.
      const copies = [...byId.entries()].filter(([, n]) => n > 1);
      expect(copies.length).toBeLessThanOrEqual(1);
      expect(copies.every(([, n]) => n === 2)).toBe(true);
      expect(received.length - copies.length).toBe(outbox.length);
    } finally {
      await stopApp(second);
    }
  }, 600_000);
});
