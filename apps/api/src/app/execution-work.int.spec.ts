import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { type TestAccount, startTestApi } from './test-harness';

/**
 * Execution's write side through the API on PostgreSQL (issue 10): only the assignee updates, only the
 * verifier verifies, a commune never sees another commune's work (404 for every verb), a stale version
 * is 409 with the current state, a replayed Idempotency-Key returns the first answer and records once,
 * and bad input is a 4xx problem+json that leaves nothing written.
 */
describe('execution: progress, verification, obstacles, extensions, urging (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let planId: string;
  let taskId: string;
  /** Hoàn Kiếm and Ba Đình coordinate task 1 (led by Sở GD&ĐT); Hoàn Kiếm leads task 2. The plan's focal unit is Sở KH&CN. */
  const a = { hk: '', bd: '', hkLead: '', sgddt: '' };

  const post = (as: TestAccount, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    api.call(path, { as, method: 'POST', headers, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const progress = (as: TestAccount, id: string, body: unknown, key: string | null = randomUUID()) =>
    post(as, `/assignments/${id}/progress`, body, key === null ? {} : { 'idempotency-key': key });
  const work = (as: TestAccount, id: string) => api.call(`/assignments/${id}/work`, { as });
  const count = async (sql: string, params: unknown[] = []) => Number((await api.app.get(DataSource).query(sql, params))[0].n);
  const written = async () => ({
    updates: await count(`SELECT count(*)::int AS n FROM progress_update`),
    events: await count(`SELECT count(*)::int AS n FROM event_log WHERE type LIKE 'execution.%'`),
    obstacles: await count(`SELECT count(*)::int AS n FROM obstacle`),
    extensions: await count(`SELECT count(*)::int AS n FROM extension_request`),
  });

  beforeAll(async () => {
    api = await startTestApi();
    const created = await post('dept', '/plans', {
      title: 'Kế hoạch thực hiện chuyển đổi số năm 2025',
      year: 2025,
      focalUnitCode: '01-SKHCN',
      tasks: [
        { content: 'Số hóa hồ sơ thủ tục hành chính', timeframe: 'Quý IV/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '00070' }, { unit: '00004' }] },
        { content: 'Tuyên truyền tại tổ dân phố', timeframe: 'Năm 2025', leads: [{ unit: '00070' }], coordinators: [] },
      ],
    });
    expect(created.status).toBe(201);
    planId = created.body.id;
    expect((await post('dept', `/plans/${planId}/submit`)).status).toBe(200);
    expect((await post('leader', `/plans/${planId}/approve`)).status).toBe(200);
    expect((await post('leader', `/plans/${planId}/issue`, { number: 611, issueDate: '2025-10-02' })).body).toMatchObject({ status: 'issued' });
    const plan = (await api.call(`/plans/${planId}`, { as: 'leader' })).body;
    taskId = plan.tasks[0].id;
    const of = (t: number, unit: string) => plan.tasks[t].assignments.find((x: { unitCode: string }) => x.unitCode === unit).id as string;
    Object.assign(a, { hk: of(0, '00070'), bd: of(0, '00004'), sgddt: of(0, '01-SGDDT'), hkLead: of(1, '00070') });
  }, 90_000);

  afterAll(async () => {
    await api?.close();
  });

  it('GET /assignments/:id/work: the assignee’s page; another commune and Hải Phòng get 404', async () => {
    const r = await work('hoankiem', a.hk);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      assignmentId: a.hk, planId, planSymbol: '611/KH-UBND', role: 'coordinator', status: 'not-started', version: 0,
      verifier: { kind: 'lead', unitCodes: ['01-SGDDT'], unitNames: ['Sở Giáo dục và Đào tạo thành phố Hà Nội'] },
      allowedActions: ['update-progress', 'upload-evidence', 'raise-obstacle', 'request-extension'],
    });
    for (const as of ['badinh', 'haian'] as const) {
      const refused = await work(as, a.hk);
      expect([as, refused.status, refused.type.split(';')[0], refused.body.code]).toEqual([as, 404, 'application/problem+json', 'EXECUTION.ASSIGNMENT_NOT_FOUND']);
    }
    expect((await work('hoankiem', 'not-a-uuid')).status).toBe(400);
  });

  it('progress needs an Idempotency-Key; a replayed key answers the first result and records once', async () => {
    const before = await written();
    const missing = await progress('hoankiem', a.hk, { version: 0, status: 'in-progress', percent: 20 }, null);
    expect([missing.status, missing.body.code]).toEqual([400, 'REQUEST.IDEMPOTENCY_KEY_REQUIRED']);
    expect(await written()).toEqual(before);

    const key = randomUUID();
    const first = await progress('hoankiem', a.hk, { version: 0, status: 'in-progress', percent: 20, note: 'Đã rà soát hồ sơ' }, key);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ version: 1, status: 'in-progress', percent: 20, note: 'Đã rà soát hồ sơ' });
    const again = await progress('hoankiem', a.hk, { version: 0, status: 'in-progress', percent: 20, note: 'Đã rà soát hồ sơ' }, key);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await count(`SELECT count(*)::int AS n FROM progress_update WHERE request_key = $1`, [key])).toBe(1);
    expect(await count(`SELECT count(*)::int AS n FROM event_log WHERE aggregate_id = $1 AND type = 'execution.progress-reported'`, [a.hk])).toBe(1);
    // Even when the API's key store lost the answer (a crash after commit), the command's own key holds.
    await api.app.get(DataSource).query(`DELETE FROM idempotency_key WHERE key = $1`, [key]);
    const afterCrash = await progress('hoankiem', a.hk, { version: 0, status: 'in-progress', percent: 20, note: 'Đã rà soát hồ sơ' }, key);
    expect([afterCrash.status, afterCrash.body.version]).toEqual([200, 1]);
    expect(await count(`SELECT count(*)::int AS n FROM progress_update WHERE request_key = $1`, [key])).toBe(1);
  });

  it('a stale version is 409 with the current state', async () => {
    const r = await progress('hoankiem', a.hk, { version: 0, status: 'in-progress', percent: 50 });
    expect(r.status).toBe(409);
    expect(r.type).toContain('application/problem+json');
    expect(r.body).toMatchObject({ code: 'EXECUTION.VERSION_CONFLICT', currentVersion: 1, current: { assignmentId: a.hk, version: 1, percent: 20 } });
    expect(r.body.message.vi).toBeTruthy();
    expect(r.body.message.en).toBeTruthy();
  });

  it('only the assignee updates: the lead and the focal department 403, another commune 404', async () => {
    const before = await written();
    for (const [as, status] of [['dept2', 403], ['dept', 403], ['leader', 403], ['badinh', 404], ['haian', 404]] as const) {
      const r = await progress(as, a.hk, { version: 1, status: 'in-progress', percent: 30 });
      expect([as, r.status]).toEqual([as, status]);
    }
    expect(await written()).toEqual(before);
  });

  it.each([
    ['percent 101', { version: 1, status: 'in-progress', percent: 101 }],
    ['percent -1', { version: 1, status: 'in-progress', percent: -1 }],
    ['percent 12.5', { version: 1, status: 'in-progress', percent: 12.5 }],
    ['percent as text', { version: 1, status: 'in-progress', percent: '50' }],
    ["status 'x'", { version: 1, status: 'x', percent: 10 }],
    ['no version', { status: 'in-progress', percent: 10 }],
    ['done at 90 %', { version: 1, status: 'done', percent: 90 }],
    ['a NUL character', { version: 1, status: 'in-progress', percent: 10, note: 'ghi\u0000chú' }],
    ['a lone surrogate', { version: 1, status: 'in-progress', percent: 10, note: 'ghi \ud800 chú' }],
    ['a huge note', { version: 1, status: 'in-progress', percent: 10, note: 'a'.repeat(4001) }],
    ['an unknown field', { version: 1, status: 'in-progress', percent: 10, owner: '00004' }],
    ['evidence ids that are not ids', { version: 1, status: 'in-progress', percent: 10, evidenceIds: ['../../etc/passwd'] }],
    ['evidence of nothing uploaded', { version: 1, status: 'in-progress', percent: 10, evidenceIds: [randomUUID()] }],
  ])('refuses %s with 400 problem+json, writing nothing', async (_l, body) => {
    const before = await written();
    const r = await progress('hoankiem', a.hk, body);
    expect([r.status, r.type.split(';')[0]]).toEqual([400, 'application/problem+json']);
    expect(r.body.message).toEqual({ vi: expect.any(String), en: expect.any(String) });
    expect(await written()).toEqual(before);
    expect((await work('hoankiem', a.hk)).body).toMatchObject({ version: 1, percent: 20 });
  });

  it('refuses a body over the size limit (413) and malformed JSON (400), writing nothing', async () => {
    const before = await written();
    const huge = await progress('hoankiem', a.hk, { version: 1, status: 'in-progress', percent: 10, note: 'a'.repeat(2_000_000) });
    expect([huge.status, huge.type.split(';')[0]]).toEqual([413, 'application/problem+json']);
    const broken = await post('hoankiem', `/assignments/${a.hk}/progress`, '{"version": 1, "status": ', { 'idempotency-key': randomUUID() });
    expect([broken.status, broken.body.code]).toEqual([400, 'REQUEST.MALFORMED_JSON']);
    expect(await written()).toEqual(before);
  });

  it('only the verifier verifies: the lead accepts a coordinator’s work; returns need a reason', async () => {
    const done = await progress('hoankiem', a.hk, { version: 1, status: 'done', percent: 100, result: 'Đã số hóa 1.250 hồ sơ' });
    expect(done.body).toMatchObject({ verification: 'pending', version: 2 });
    expect((await work('dept2', a.hk)).body.allowedActions).toEqual(['verify', 'return', 'urge']);
    expect((await work('dept', a.hk)).body.allowedActions).toEqual(['urge']);
    expect((await post('dept', `/assignments/${a.hk}/verify`, { version: 2 })).status).toBe(403);
    expect((await post('hoankiem', `/assignments/${a.hk}/verify`, { version: 2 })).status).toBe(403);
    expect((await post('badinh', `/assignments/${a.hk}/verify`, { version: 2 })).status).toBe(404);
    expect((await post('dept2', `/assignments/${a.hk}/return`, { version: 2, reason: '' })).status).toBe(400);
    const returned = await post('dept2', `/assignments/${a.hk}/return`, { version: 2, reason: 'Thiếu danh mục hồ sơ' });
    expect(returned.body).toMatchObject({ verification: 'returned', returnReason: 'Thiếu danh mục hồ sơ', version: 3 });
    await progress('hoankiem', a.hk, { version: 3, status: 'done', percent: 100 });
    expect((await post('dept2', `/assignments/${a.hk}/verify`, { version: 3 })).status).toBe(409);
    const verified = await post('dept2', `/assignments/${a.hk}/verify`, { version: 4, note: 'Đạt yêu cầu' });
    expect(verified.body).toMatchObject({ verification: 'verified', version: 5, allowedActions: [] });
    expect((await work('hoankiem', a.hk)).body.allowedActions).toEqual([]);
    expect((await progress('hoankiem', a.hk, { version: 5, status: 'in-progress', percent: 50 })).status).toBe(409);
  });

  it('obstacles: raised by the assignee, answered by the focal unit; another commune 404 on every verb', async () => {
    const raised = await post('hoankiem', `/assignments/${a.hkLead}/obstacles`, { description: 'Thiếu kinh phí in ấn', proposal: 'Đề nghị hỗ trợ' });
    expect(raised.status).toBe(200);
    const obstacleId = raised.body.obstacles[0].id;
    for (const [path, body] of [
      [`/obstacles/${obstacleId}/answer`, { answer: 'x' }],
      [`/obstacles/${obstacleId}/escalate`, {}],
      [`/obstacles/${obstacleId}/directive`, { directive: 'x' }],
    ] as const) {
      expect([path, (await post('badinh', path, body)).status]).toEqual([path, 404]);
    }
    expect((await post('hoankiem', `/obstacles/${obstacleId}/answer`, { answer: 'tự trả lời' })).status).toBe(403);
    const escalated = await post('dept', `/obstacles/${obstacleId}/escalate`, { note: 'Đề nghị lãnh đạo cho ý kiến' });
    expect(escalated.body.obstacles[0]).toMatchObject({ status: 'escalated' });
    expect((await work('leader', a.hkLead)).body.allowedActions).toContain('give-directive');
    const directed = await post('leader', `/obstacles/${obstacleId}/directive`, { directive: 'Giao Sở Tài chính cân đối kinh phí' });
    expect(directed.body.obstacles[0]).toMatchObject({ status: 'directed', directive: 'Giao Sở Tài chính cân đối kinh phí' });
  });

  it('extensions: the date must be after today; the verifier decides; another commune 404', async () => {
    expect((await post('hoankiem', `/assignments/${a.hkLead}/extensions`, { requestedDue: '2020-01-01', reason: 'Chờ kinh phí' })).body.code).toBe('EXECUTION.EXTENSION_INVALID');
    expect((await post('hoankiem', `/assignments/${a.hkLead}/extensions`, { requestedDue: '31/12/2099', reason: 'Chờ kinh phí' })).status).toBe(400);
    expect((await post('badinh', `/assignments/${a.hkLead}/extensions`, { requestedDue: '2099-12-31', reason: 'x' })).status).toBe(404);
    const asked = await post('hoankiem', `/assignments/${a.hkLead}/extensions`, { requestedDue: '2099-12-31', reason: 'Chờ kinh phí' });
    expect(asked.body).toMatchObject({ pendingExtension: true });
    const id = asked.body.extensions[0].id;
    expect((await post('badinh', `/extensions/${id}/decision`, { approve: true })).status).toBe(404);
    expect((await post('hoankiem', `/extensions/${id}/decision`, { approve: true })).status).toBe(403);
    expect((await post('dept', `/extensions/${id}/decision`, { approve: 'yes' })).status).toBe(400);
    const decided = await post('dept', `/extensions/${id}/decision`, { approve: true });
    expect(decided.body).toMatchObject({ due: '2099-12-31', pendingExtension: false, extensions: [expect.objectContaining({ status: 'approved' })] });
    expect((await post('dept', `/extensions/${id}/decision`, { approve: false })).status).toBe(409);
  });

  it('urging: every late unit of a task, by the lead; one assignment; another commune 404', async () => {
    // Hoàn Kiếm's coordinator work is verified; Ba Đình's is late (Quý IV/2025 is past).
    const r = await post('dept2', '/execution/urge', { taskId, message: 'Đề nghị khẩn trương hoàn thành' });
    expect([r.status, r.body]).toEqual([200, { urged: 1 }]);
    expect((await post('badinh', '/execution/urge', { assignmentId: a.hkLead })).status).toBe(404);
    expect((await post('hoankiem', '/execution/urge', { taskId })).status).toBe(403);
    expect((await post('dept', '/execution/urge', {})).status).toBe(400);
    expect((await post('dept', '/execution/urge', { assignmentId: a.bd })).body).toEqual({ urged: 1 });
  });
});
