import { DataSource } from 'typeorm';
import { type TestAccount, startTestApi } from './test-harness';

/** `Idempotency-Key` on creates and commands: a retried request gets the first answer, never a duplicate. */
describe('idempotent retries (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api?.close());

  const draft = (title: string) => ({ title, year: 2025, tasks: [{ content: 'Nhiệm vụ', leads: [{ unit: '01-SKHCN' }], coordinators: [] }] });
  const send = async (path: string, as: TestAccount, key: string | null, body?: object) => {
    const r = await api.call(path, { as, method: 'POST', headers: key === null ? {} : { 'idempotency-key': key }, ...(body ? { body: JSON.stringify(body) } : {}) });
    return { status: r.status, replayed: r.headers.get('idempotent-replayed'), body: r.body };
  };
  const plansTitled = async (title: string) => Number((await api.app.get(DataSource).query(`SELECT count(*) AS n FROM plan WHERE title = $1`, [title]))[0].n);

  it('a repeated create returns the first answer and creates one plan', async () => {
    const first = await send('/plans', 'dept', 'create-1', draft('Kế hoạch gửi lại'));
    const again = await send('/plans', 'dept', 'create-1', draft('Kế hoạch gửi lại'));
    expect(first.status).toBe(201);
    expect(again).toEqual({ status: 201, replayed: 'true', body: first.body });
    expect(await plansTitled('Kế hoạch gửi lại')).toBe(1);
    // Without a key, a client asks for two plans and gets two.
    await send('/plans', 'dept', null, draft('Kế hoạch gửi lại'));
    expect(await plansTitled('Kế hoạch gửi lại')).toBe(2);
  });

  it('a repeated command is answered once: the second submit is not a conflict', async () => {
    const { body } = await send('/plans', 'dept', null, draft('Kế hoạch trình hai lần'));
    const first = await send(`/plans/${body.id}/submit`, 'dept', 'submit-1');
    const again = await send(`/plans/${body.id}/submit`, 'dept', 'submit-1');
    expect(first).toMatchObject({ status: 200, body: { status: 'submitted' } });
    expect(again).toEqual({ status: 200, replayed: 'true', body: first.body });
    expect(Number((await api.app.get(DataSource).query(`SELECT count(*) AS n FROM event_log WHERE aggregate_id = $1 AND type = 'planning.plan-submitted'`, [body.id]))[0].n)).toBe(1);
  });

  it('the same key for another request is refused (422); keys belong to one caller', async () => {
    await send('/plans', 'dept', 'shared-key', draft('Kế hoạch A'));
    const other = await send('/plans', 'dept', 'shared-key', draft('Kế hoạch B'));
    expect(other.status).toBe(422);
    expect(other.body).toMatchObject({ code: 'REQUEST.IDEMPOTENCY_KEY_REUSED', errors: [{ field: 'header.idempotency-key' }] });
    expect(await plansTitled('Kế hoạch B')).toBe(0);
    const anotherCaller = await send('/plans', 'dept2', 'shared-key', draft('Kế hoạch B'));
    expect(anotherCaller.status).toBe(201);
  });

  it('a refused request releases its key: nothing was written, so the corrected retry runs', async () => {
    const bad = await send('/plans', 'dept', 'fix-and-retry', { ...draft('Kế hoạch sửa lại'), year: 1900 });
    expect(bad.status).toBe(400);
    const fixed = await send('/plans', 'dept', 'fix-and-retry', draft('Kế hoạch sửa lại'));
    expect(fixed.status).toBe(201);
    expect(fixed.replayed).toBeNull();
  });

  it('two identical requests racing each other make one plan', async () => {
    const results = await Promise.all([1, 2, 3].map(() => send('/plans', 'dept', 'race-1', draft('Kế hoạch đua'))));
    expect(results.map((r) => r.status).sort()).toEqual(expect.arrayContaining([201]));
    for (const r of results) expect([201, 409]).toContain(r.status);
    expect(await plansTitled('Kế hoạch đua')).toBe(1);
  });

  it('refuses a malformed key, naming the header', async () => {
    for (const key of ['has space', 'x'.repeat(129), 'tab\tkey']) {
      const r = await send('/plans', 'dept', key, draft('Kế hoạch khóa sai'));
      expect(r.status).toBe(400);
      expect(r.body.errors[0].field).toBe('header.idempotency-key');
    }
    expect(await plansTitled('Kế hoạch khóa sai')).toBe(0);
  });
});
