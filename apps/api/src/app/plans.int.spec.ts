import { DataSource } from 'typeorm';
import { startTestApi } from './test-harness';

/** Plans through the API on PostgreSQL: the lifecycle, optimistic concurrency, fan-out and scope. */
describe('plans (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api?.close());

  const draft = {
    title: 'Kế hoạch tổ chức các hoạt động hưởng ứng Ngày Chuyển đổi số năm 2025',
    year: 2025,
    focalUnitCode: '01-SKHCN',
    tasks: [
      {
        section: 'III.1',
        content: 'Tuyên truyền qua hệ thống truyền thanh cơ sở',
        timeframe: 'Thường xuyên, trong quý IV/2025',
        leads: [{ group: '01-G-XA-PHUONG' }],
        coordinators: [{ unit: '01-SKHCN' }, { unit: '01-STTTT' }],
      },
      { section: 'III.2', content: 'Tổ chức Lễ phát động phong trào Học tập số', timeframe: 'Trong tháng 10/2025', leads: [{ unit: '01-STTTT' }], coordinators: [{ group: '01-G-SO-BAN-NGANH' }] },
    ],
  };

  it('draft → return with comments → revise → submit → approve → issue, each an event; a commune sees its new assignment', async () => {
    const created = await api.call('/plans', { as: 'dept', method: 'POST', body: JSON.stringify(draft) });
    expect(created.status).toBe(201);
    const id = created.body.id;

    // A leader does not see another unit's unsubmitted draft; a commune never does.
    expect((await api.call(`/plans/${id}`, { as: 'leader' })).status).toBe(404);
    expect((await api.call(`/plans/${id}`, { as: 'hoankiem' })).status).toBe(404);

    expect((await api.call(`/plans/${id}/submit`, { as: 'dept', method: 'POST' })).body.status).toBe('submitted');
    expect((await api.call(`/plans/${id}/approve`, { as: 'dept', method: 'POST' })).status).toBe(403);
    const returned = await api.call(`/plans/${id}/return`, { as: 'leader', method: 'POST', body: JSON.stringify({ comments: [{ text: 'Bổ sung thời hạn cụ thể', field: 'tasks.0.timeframe' }] }) });
    expect(returned.body.status).toBe('returned');
    const seen = await api.call(`/plans/${id}`, { as: 'dept' });
    expect(seen.body.reviewComments).toEqual([expect.objectContaining({ text: 'Bổ sung thời hạn cụ thể', field: 'tasks.0.timeframe', by: 'lanhdao' })]);

    const revised = await api.call(`/plans/${id}`, { as: 'dept', method: 'PUT', body: JSON.stringify({ ...draft, version: seen.body.version }) });
    expect(revised.status).toBe(200);
    // Two officers editing the same draft: the second, still on the old version, gets 409 and the current version.
    const stale = await api.call(`/plans/${id}`, { as: 'dept', method: 'PUT', body: JSON.stringify({ ...draft, version: seen.body.version }) });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ code: 'PLANNING.VERSION_CONFLICT', currentVersion: revised.body.version });

    await api.call(`/plans/${id}/submit`, { as: 'dept', method: 'POST' });
    expect((await api.call(`/plans/${id}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number: 272, issueDate: '2025-10-02' }) })).body.code).toBe('PLANNING.TRANSITION_REFUSED');
    expect((await api.call(`/plans/${id}/approve`, { as: 'leader', method: 'POST' })).body.status).toBe('approved');
    const issued = await api.call(`/plans/${id}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number: 272, issueDate: '2025-10-02' }) });
    expect(issued.body).toMatchObject({ status: 'issued', assignments: 2 + 1 + 1 + 2 });

    // Task 1: both communes lead, Sở KH&CN coordinates once (Sở TT&TT resolved to it, no duplicate).
    const plan = (await api.call(`/plans/${id}`, { as: 'leader' })).body;
    expect(plan.names).toMatchObject({ '01-G-XA-PHUONG': 'UBND các xã, phường', '01-STTTT': 'Sở Thông tin và Truyền thông' });
    const t1 = plan.tasks[0].assignments.map((a: { unitCode: string; role: string }) => `${a.role}:${a.unitCode}`).sort();
    expect(t1).toEqual(['coordinator:01-SKHCN', 'lead:00004', 'lead:00070']);
    // Task 2: the merged department leads through its successor; the group coordinates minus the lead.
    const t2 = plan.tasks[1].assignments;
    expect(t2.find((a: { role: string }) => a.role === 'lead')).toMatchObject({ unitCode: '01-SKHCN', succeeds: '01-STTTT' });
    expect(t2.filter((a: { role: string }) => a.role === 'coordinator').map((a: { unitCode: string }) => a.unitCode).sort()).toEqual(['01-SGDDT', '01-VPUBND']);

    // A commune sees the plan, and only its own assignment in it.
    const hk = await api.call(`/plans/${id}`, { as: 'hoankiem' });
    expect(hk.status).toBe(200);
    expect(hk.body.tasks.flatMap((t: { assignments: { unitCode: string }[] }) => t.assignments.map((a) => a.unitCode))).toEqual(['00070']);
    expect((await api.call('/plans', { as: 'badinh' })).body.total).toBe(1);
    expect((await api.call('/plans', { as: 'haian' })).body.total).toBe(0);
    expect((await api.call(`/plans/${id}`, { as: 'haian' })).status).toBe(404);

    // The assignment detail: its holder and the leader see it; another commune does not.
    const mine = hk.body.tasks[0].assignments[0];
    const detail = await api.call(`/assignments/${mine.id}`, { as: 'hoankiem' });
    expect(detail.body).toMatchObject({ unitCode: '00070', role: 'lead', plan: { id, number: 272, status: 'issued' }, task: { content: draft.tasks[0].content } });
    expect((await api.call(`/assignments/${mine.id}`, { as: 'leader' })).status).toBe(200);
    expect((await api.call(`/assignments/${mine.id}`, { as: 'badinh' })).status).toBe(404);

    const events = await api.app.get(DataSource).query(`SELECT type FROM event_log WHERE aggregate_id = $1 ORDER BY sequence`, [id]);
    expect(events.map((e: { type: string }) => e.type)).toEqual([
      'planning.plan-drafted',
      'planning.plan-submitted',
      'planning.plan-returned',
      'planning.plan-revised',
      'planning.plan-submitted',
      'planning.plan-approved',
      'planning.plan-issued',
    ]);
    const created6 = await api.app.get(DataSource).query(`SELECT count(*)::int AS n FROM event_log WHERE type = 'planning.assignment-created'`);
    expect(created6[0].n).toBe(6);

    // An issued plan is not edited in place.
    expect((await api.call(`/plans/${id}`, { as: 'dept', method: 'PUT', body: JSON.stringify({ ...draft, version: 99 }) })).body.code).toBe('PLANNING.NOT_EDITABLE');
  });

  it('plan numbers are unique per issuer and year', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const c = await api.call('/plans', { as: 'dept2', method: 'POST', body: JSON.stringify({ ...draft, title: `Kế hoạch ${i}` }) });
      ids.push(c.body.id);
      await api.call(`/plans/${c.body.id}/submit`, { as: 'dept2', method: 'POST' });
      await api.call(`/plans/${c.body.id}/approve`, { as: 'leader', method: 'POST' });
    }
    expect((await api.call(`/plans/${ids[0]}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number: 400, issueDate: '2025-11-01' }) })).status).toBe(200);
    const dup = await api.call(`/plans/${ids[1]}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number: 400, issueDate: '2025-11-02' }) });
    expect(dup.status).toBe(409);
    expect(dup.body).toMatchObject({ code: 'PLANNING.NUMBER_TAKEN', errors: [expect.objectContaining({ field: 'body.number' })] });
    expect((await api.call(`/plans/${ids[1]}`, { as: 'leader' })).body.status).toBe('approved');
  });

  it('refuses unknown units, tasks without a lead, and commune drafts by departments’ rules', async () => {
    const bad = await api.call('/plans', { as: 'dept', method: 'POST', body: JSON.stringify({ ...draft, tasks: [{ content: 'x', leads: [{ unit: '11413' }], coordinators: [] }] }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.tasks.0.leads.0');
    const noLead = await api.call('/plans', { as: 'dept', method: 'POST', body: JSON.stringify({ ...draft, tasks: [{ content: 'x', leads: [], coordinators: [] }] }) });
    expect(noLead.body.errors[0].field).toBe('body.tasks.0.leads');
    expect((await api.call('/plans', { as: 'leader', method: 'POST', body: JSON.stringify(draft) })).status).toBe(403);
    const shape = await api.call('/plans', { as: 'dept', method: 'POST', body: JSON.stringify({ ...draft, tasks: [{ content: 'x', leads: [{ unit: 'lower' }], coordinators: [] }] }) });
    expect(shape.status).toBe(400);
  });
});
