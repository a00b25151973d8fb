import { Client } from 'pg';
import { DEMO_ACCOUNTS, api, freePort, runToEnd, sharedApiEnv, startApp, tokenFor, urls, waitForHealth } from '@dieu-hanh/testing/e2e-support';

/**
 * Killing the API in the middle of a command leaves no partial state: no change without its event,
 * no event without its change. The API is SIGKILLed (as a power cut would) at two points inside the
 * command's transaction, by the crash-point hook that exists only for this test.
 */
describe('a command killed mid-flight leaves nothing half-written', () => {
  const { apiUrl, idpUrl, databaseUrl } = urls();
  const admin = DEMO_ACCOUNTS.find((a) => a.username === 'quantri')!;
  const baseEnv = sharedApiEnv();
  let db: Client;

  beforeAll(async () => {
    db = new Client({ connectionString: databaseUrl });
    await db.connect();
  });
  afterAll(async () => {
    await db.end();
  });

  it.each(['after-state-before-event', 'after-event-before-commit'])('killed %s', async (point) => {
    const code = `01-CRASH-${point === 'after-state-before-event' ? 'A' : 'B'}`;
    const port = await freePort();
    const log: string[] = [];
    // No scheduled jobs here: a job's command at start-up would hit the crash point before the request does.
    const crashing = startApp('api', [], { ...baseEnv, PORT: String(port), DIEU_HANH_CRASH_AT: point, JOBS_RUNNER: 'off' }, log);
    await waitForHealth(`http://localhost:${port}`, crashing, 60_000, log);
    const eventsBefore = Number((await db.query('SELECT count(*) FROM event_log')).rows[0].count);

    const request = api(`http://localhost:${port}`, '/units', {
      method: 'POST',
      token: await tokenFor(idpUrl, admin),
      body: JSON.stringify({
        code,
        officialName: 'Đơn vị thử mất điện',
        shortName: 'Thử mất điện',
        kind: 'department',
        tier: 1,
        parentCode: '01-UBND',
        validFrom: '2025-07-01',
      }),
    });
    await expect(request).rejects.toThrow(); // the connection dies with the process
    expect(await runToEnd(crashing)).toBe(-1); // ended by a signal (SIGKILL), not a clean exit

    // PostgreSQL rolled the open transaction back when the connection dropped.
    await new Promise((r) => setTimeout(r, 300));
    expect((await db.query('SELECT count(*) FROM org_unit WHERE code = $1', [code])).rows[0].count).toBe('0');
    expect((await db.query('SELECT count(*) FROM event_log WHERE aggregate_id = $1', [code])).rows[0].count).toBe('0');
    expect(Number((await db.query('SELECT count(*) FROM event_log')).rows[0].count)).toBe(eventsBefore);

    // The same command on the healthy API then succeeds, with exactly one event.
    const ok = await api(apiUrl, '/units', {
      method: 'POST',
      token: await tokenFor(idpUrl, admin),
      body: JSON.stringify({ code, officialName: 'Đơn vị thử mất điện', shortName: 'Thử mất điện', kind: 'department', tier: 1, parentCode: '01-UBND', validFrom: '2025-07-01' }),
    });
    expect(ok.status).toBe(201);
    expect((await db.query('SELECT count(*) FROM event_log WHERE aggregate_id = $1', [code])).rows[0].count).toBe('1');
  });
});
