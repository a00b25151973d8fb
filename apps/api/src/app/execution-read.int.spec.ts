import { randomUUID } from 'node:crypto';
import { type TestAccount, startTestApi } from './test-harness';

/**
 * Execution's read side through the API on PostgreSQL (issue 10): work lists, the verification queue,
 * a plan's progress from the read model kept by the event feed, an assignment's timeline, the leader's
 * inbox — each scoped (a commune never sees another commune's work; another province sees nothing) and
 * every query parameter validated (400 problem+json naming the field).
 */
describe('execution read side: lists, progress, timeline, inbox (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let planId: string;
  let task1: string;
  const a = { hk: '', bd: '', hkLead: '', sgddt: '' };

  const get = (as: TestAccount, path: string) => api.call(path, { as });
  const post = (as: TestAccount, path: string, body?: unknown, headers: Record<string, string> = {}) =>
    api.call(path, { as, method: 'POST', headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });

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
    expect((await post('leader', `/plans/${planId}/issue`, { number: 612, issueDate: '2025-10-02' })).body).toMatchObject({ status: 'issued' });
    const plan = (await get('leader', `/plans/${planId}`)).body;
    task1 = plan.tasks[0].id;
    const of = (t: number, unit: string) => plan.tasks[t].assignments.find((x: { unitCode: string }) => x.unitCode === unit).id as string;
    Object.assign(a, { hk: of(0, '00070'), bd: of(0, '00004'), sgddt: of(0, '01-SGDDT'), hkLead: of(1, '00070') });
  }, 90_000);

  afterAll(async () => {
    await api?.close();
  });

  it('GET /my/work: the commune’s own work, overdue first (every 2025 date is past), 25 a page; never another commune’s', async () => {
    const hk = await get('hoankiem', `/my/work?planId=${planId}`);
    expect(hk.status).toBe(200);
    expect(hk.body.items.map((i: { assignmentId: string }) => i.assignmentId).sort()).toEqual([a.hk, a.hkLead].sort());
    expect(hk.body.items[0]).toMatchObject({ planSymbol: '612/KH-UBND', urgency: 'overdue', status: 'not-started', unitName: expect.stringContaining('Hoàn Kiếm') });
    expect(hk.body.counts).toEqual({ overdue: 2, dueSoon: 0, done: 0, pendingVerification: 0, open: 2 });
    const search = await get('hoankiem', `/my/work?q=${encodeURIComponent('so hoa')}`);
    expect(search.body.items.map((i: { assignmentId: string }) => i.assignmentId)).toEqual([a.hk]);
    const bd = await get('badinh', '/my/work');
    expect(bd.body.items.map((i: { assignmentId: string }) => i.assignmentId)).toEqual([a.bd]);
    expect((await get('haian', '/my/work')).body.total).toBe(0);
  });

  it('bad query parameters are 400 problem+json naming the field', async () => {
    for (const [path, field] of [
      ['/my/work?status=finished', 'status'],
      ['/my/work?limit=0', 'limit'],
      ['/my/work?urgency=late', 'urgency'],
      ['/execution/work?planId=402', 'planId'],
      ['/execution/work?role=boss', 'role'],
      ['/execution/verification-queue?offset=-1', 'offset'],
    ]) {
      const r = await get('dept', path);
      expect([path, r.status, r.type.split(';')[0]]).toEqual([path, 400, 'application/problem+json']);
      expect(JSON.stringify(r.body)).toContain(field);
    }
    expect((await get('leader', '/plans/not-a-uuid/progress')).status).toBe(400);
    expect((await get('leader', '/assignments/nope/timeline')).status).toBe(400);
  });

  it('progress, verification queue and timeline follow an update through the event feed', async () => {
    const before = await get('leader', `/plans/${planId}/progress`);
    expect(before.status).toBe(200);
    expect(before.body.lead).toMatchObject({ total: 2, notStarted: 2, overdue: 2, percent: 0 });
    expect(before.body.coordinator).toMatchObject({ total: 2, notStarted: 2, overdue: 2 });

    const done = await post('hoankiem', `/assignments/${a.hk}/progress`, { version: 0, status: 'done', percent: 100, note: 'Đã số hóa 120 hồ sơ' }, { 'idempotency-key': randomUUID() });
    expect(done.status).toBe(200);
    await api.settle();

    const after = (await get('leader', `/plans/${planId}/progress`)).body;
    expect(after.coordinator).toMatchObject({ total: 2, done: 1, notStarted: 1, pendingVerification: 1, overdue: 1, percent: 50 });
    expect(after.byTask.map((t: { ordinal: number; taskId: string }) => [t.ordinal, t.taskId === task1])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(after.byUnit.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual(['00004', '00070', '01-SGDDT']);
    // A commune's roll-up by unit keeps its own units; another province does not see the plan.
    expect((await get('hoankiem', `/plans/${planId}/progress`)).body.byUnit.map((u: { unitCode: string }) => u.unitCode)).toEqual(['00070']);
    expect((await get('badinh', `/plans/${planId}/progress`)).body.byUnit.map((u: { unitCode: string }) => u.unitCode)).toEqual(['00004']);
    const hp = await get('haian', `/plans/${planId}/progress`);
    expect([hp.status, hp.body.code]).toEqual([404, 'PLANNING.PLAN_NOT_FOUND']);

    const queue = await get('dept2', '/execution/verification-queue');
    expect(queue.body.items.map((i: { assignmentId: string }) => i.assignmentId)).toEqual([a.hk]);
    expect((await get('dept', '/execution/verification-queue')).body.total).toBe(0);
    expect((await get('hoankiem', '/execution/verification-queue')).body.total).toBe(0);

    const tracking = await get('dept2', `/execution/work?taskId=${task1}&status=done`);
    expect(tracking.body.items.map((i: { assignmentId: string; verification: string }) => [i.assignmentId, i.verification])).toEqual([[a.hk, 'pending']]);
    expect((await get('badinh', `/execution/work?planId=${planId}`)).body.items.map((i: { unitCode: string }) => i.unitCode)).toEqual(['00004']);

    const timeline = await get('hoankiem', `/assignments/${a.hk}/timeline`);
    expect(timeline.status).toBe(200);
    expect(timeline.body.map((e: { type: string }) => e.type)).toEqual(['planning.assignment-created', 'execution.progress-reported']);
    expect(timeline.body[1].summary).toContain('Cập nhật tiến độ: hoàn thành, 100%');
    const refused = await get('badinh', `/assignments/${a.hk}/timeline`);
    expect([refused.status, refused.body.code]).toEqual([404, 'EXECUTION.ASSIGNMENT_NOT_FOUND']);
  });

  it('GET /execution/leader-inbox: escalated obstacles for the leader', async () => {
    const raised = await post('hoankiem', `/assignments/${a.hkLead}/obstacles`, { description: 'Chưa được bố trí kinh phí' });
    expect(raised.status).toBe(200);
    const obstacleId = raised.body.obstacles[0].id;
    expect((await post('dept', `/obstacles/${obstacleId}/escalate`, {})).status).toBe(200);
    const inbox = await get('leader', '/execution/leader-inbox');
    expect(inbox.status).toBe(200);
    expect(inbox.body.escalations).toEqual([expect.objectContaining({ id: obstacleId, assignmentId: a.hkLead, status: 'escalated', planTitle: 'Kế hoạch thực hiện chuyển đổi số năm 2025' })]);
    expect((await get('hoankiem', '/execution/leader-inbox')).body).toEqual({ escalations: [], extensions: [] });
  });
});
