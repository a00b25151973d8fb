import { SuccessionCatchUp } from '@dieu-hanh/api/planning/feature';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { DataSource } from 'typeorm';
import { startTestApi } from './test-harness';

/**
 * The rest of the plan loop on PostgreSQL: the whole plan document (sections, indicators, pending
 * references, normalized timeframes), notifications projected through the event feed,
 * amendments after issue, the plan's history, and a commune's implementing plan.
 */
describe('plan documents, amendments, notifications and implementing plans (real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api?.close());

  const document = {
    title: 'Kế hoạch hưởng ứng Ngày Chuyển đổi số 2025',
    year: 2025,
    focalUnitCode: '01-SKHCN',
    theme: 'Chuyển đổi số toàn dân',
    legalBases: ['Quyết định số 505/QĐ-TTg ngày 22/4/2022'],
    purposes: ['Nâng cao nhận thức về chuyển đổi số'],
    directingLeaders: ['PCT UBND Thành phố'],
    reportingDuties: [{ text: 'Báo cáo kết quả hằng quý', unitCode: '01-SKHCN', timeframe: 'Trước ngày 15 tháng cuối quý' }],
    sections: [
      { code: 'I', title: 'Tuyên truyền' },
      { code: 'II', title: 'Hoạt động' },
    ],
    tasks: [
      { section: 'I', content: 'Tuyên truyền trên hệ thống truyền thanh cơ sở', timeframe: 'Quý IV/2025', leads: [{ group: '01-G-XA-PHUONG', asWritten: 'UBND các xã, phường' }], coordinators: [{ unit: '01-STTTT', asWritten: 'Sở Thông tin và Truyền thông' }] },
      { section: 'II', content: 'Tổ chức trải nghiệm dịch vụ số tại điểm', timeframe: 'theo lịch của các bên', leads: [{ pending: 'UBND các xã, phường đã đề xuất' }], coordinators: [{ unit: '01-SKHCN' }] },
    ],
    indicators: [
      { section: 'I', name: 'Tỷ lệ người dân được tập huấn kỹ năng số', targets: [{ year: 2025, text: 'Trên 50%' }, { year: 2026, text: '> 85%' }], focal: [{ unit: '01-SKHCN' }], implementing: [{ group: '01-G-XA-PHUONG' }] },
    ],
  };

  async function issuedPlan(number: number) {
    const { body } = await api.call('/plans', { as: 'dept', method: 'POST', body: JSON.stringify(document) });
    await api.call(`/plans/${body.id}/submit`, { as: 'dept', method: 'POST' });
    await api.call(`/plans/${body.id}/approve`, { as: 'leader', method: 'POST' });
    const issued = await api.call(`/plans/${body.id}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number, issueDate: '2025-10-02' }) });
    expect(issued.status).toBe(200);
    return { id: body.id as string, issued: issued.body };
  }

  it('keeps the whole document, reads timeframes and targets, and flags pending references instead of guessing', async () => {
    const { id, issued } = await issuedPlan(501);
    expect(issued).toMatchObject({ status: 'issued', pending: 1 });
    const plan = (await api.call(`/plans/${id}`, { as: 'leader' })).body;
    expect(plan).toMatchObject({ theme: 'Chuyển đổi số toàn dân', legalBases: document.legalBases, sections: document.sections, indicatorCount: 1, taskCount: 2 });
    expect(plan.reportingDuties[0]).toMatchObject({ unitCode: '01-SKHCN', timeframe: 'Trước ngày 15 tháng cuối quý' });
    expect(plan.tasks[0].timeframeNormalized).toMatchObject({ kind: 'range', due: '2025-12-31' });
    expect(plan.tasks[1].timeframeNormalized.kind).toBe('unknown');
    expect(plan.tasks[1].leads).toEqual([{ pending: 'UBND các xã, phường đã đề xuất' }]);
    expect(plan.tasks[1].assignments.map((a: { unitCode: string }) => a.unitCode)).toEqual(['01-SKHCN']);
    expect(plan.tasks[0].coordinators).toEqual([{ unit: '01-STTTT', asWritten: 'Sở Thông tin và Truyền thông' }]);
    expect(plan.indicators[0].targets.map((t: { parsed: unknown }) => t.parsed)).toEqual([
      expect.objectContaining({ kind: 'value', comparator: '>', value: 50 }),
      expect.objectContaining({ kind: 'value', comparator: '>', value: 85 }),
    ]);
    expect(plan.myRoles).toEqual(['issuer']);
    const found = (await api.call(`/plans?q=${encodeURIComponent('HUONG UNG ngay chuyen doi so 501')}`, { as: 'leader' })).body.items.map((p: { id: string }) => p.id);
    expect(found).toEqual([id]);
    expect((await api.call('/plans?q=khong-co-ke-hoach-nay', { as: 'leader' })).body.total).toBe(0);
    expect(plan.attention).toEqual({ pendingReferences: 1, unknownTimeframes: 1, unknownTargets: 0 });
    expect(plan.tasks[0].assignmentCounts).toEqual({ total: 3, lead: 2, coordinator: 1, withdrawn: 0 });
    // The whole list of a task is paged; a commune sees only its own line of it.
    const page = (await api.call(`/plans/${id}/tasks/${plan.tasks[0].id}/assignments?limit=2`, { as: 'leader' })).body;
    expect(page).toMatchObject({ total: 3, limit: 2, offset: 0 });
    expect(page.items.map((a: { role: string }) => a.role)).toEqual(['lead', 'lead']);
    const own = (await api.call(`/plans/${id}/tasks/${plan.tasks[0].id}/assignments`, { as: 'hoankiem' })).body;
    expect(own.items.map((a: { unitCode: string }) => a.unitCode)).toEqual(['00070']);
    expect((await api.call(`/plans/${id}/tasks/${plan.tasks[0].id}/assignments`, { as: 'haian' })).status).toBe(404);
    expect((await api.call(`/plans/${id}/tasks/${id}/assignments`, { as: 'leader' })).status).toBe(404);
    const mine = (await api.call('/plans?role=lead', { as: 'hoankiem' })).body;
    expect(mine.items.map((p: { id: string }) => p.id)).toContain(id);
    expect((await api.call('/plans?role=drafting', { as: 'hoankiem' })).body.items.map((p: { id: string }) => p.id)).not.toContain(id);
  });

  it('tells every holder of a new assignment, once, and only them; reading is a command of their own unit', async () => {
    const { id } = await issuedPlan(502);
    const hk = (await api.call('/notifications', { as: 'hoankiem' })).body;
    const mine = hk.items.filter((n: { planId: string }) => n.planId === id);
    expect(mine).toEqual([expect.objectContaining({ kind: 'assignment-created', unitCode: '00070', readAt: null })]);
    expect(mine[0].titleVi).toContain('chủ trì');
    // Another commune cannot read or mark it.
    const bd = (await api.call('/notifications', { as: 'badinh' })).body;
    expect(bd.items.some((n: { id: string }) => n.id === mine[0].id)).toBe(false);
    expect((await api.call(`/notifications/${mine[0].id}/read`, { as: 'badinh', method: 'POST' })).status).toBe(404);
    const before = hk.unread;
    expect((await api.call(`/notifications/${mine[0].id}/read`, { as: 'hoankiem', method: 'POST' })).status).toBe(200);
    expect((await api.call('/notifications', { as: 'hoankiem' })).body.unread).toBe(before - 1);
    // Everything at once: only the caller's unit's notifications.
    const badinhUnread = (await api.call('/notifications', { as: 'badinh' })).body.unread;
    const all = await api.call('/notifications/read-all', { as: 'hoankiem', method: 'POST' });
    expect(all.body.read).toBe(before - 1);
    expect((await api.call('/notifications', { as: 'hoankiem' })).body.unread).toBe(0);
    expect((await api.call('/notifications', { as: 'badinh' })).body.unread).toBe(badinhUnread);
    // The leaders heard of the submission; the drafting department of the approval.
    expect((await api.call('/notifications', { as: 'leader' })).body.items.some((n: { planId: string; kind: string }) => n.planId === id && n.kind === 'plan-submitted')).toBe(true);
    expect((await api.call('/notifications', { as: 'dept' })).body.items.some((n: { planId: string; kind: string }) => n.planId === id && n.kind === 'plan-approved')).toBe(true);
    // My assignments: the commune's to-do list.
    const todo = (await api.call('/my/assignments', { as: 'hoankiem' })).body;
    expect(todo.items.some((a: { planId: string; due: string }) => a.planId === id && a.due === '2025-12-31')).toBe(true);
  });

  it('amends an issued plan: who, when and why in the history; assignments added, withdrawn and holders told', async () => {
    const { id } = await issuedPlan(503);
    const plan = (await api.call(`/plans/${id}`, { as: 'leader' })).body;
    const amended = {
      ...document,
      tasks: [
        // Task 1 keeps its id, loses Sở TT&TT (→ Sở KH&CN) as coordinator and changes its deadline.
        { ...document.tasks[0], id: plan.tasks[0].id, timeframe: 'Trong tháng 11/2025', coordinators: [] },
        { ...document.tasks[1], id: plan.tasks[1].id },
        { section: 'II', content: 'Tổng kết, khen thưởng', timeframe: 'Tháng 12/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [] },
      ],
      indicators: [{ ...document.indicators[0], id: plan.indicators[0].id }],
    };
    // Only the issuer's leaders amend; drafts are revised, not amended; a stale version is refused.
    expect((await api.call(`/plans/${id}/amendments`, { as: 'dept', method: 'POST', body: JSON.stringify({ ...amended, version: plan.version, reason: 'x' }) })).status).toBe(403);
    expect((await api.call(`/plans/${id}/amendments`, { as: 'leader', method: 'POST', body: JSON.stringify({ ...amended, version: plan.version - 1, reason: 'x' }) })).body).toMatchObject({ code: 'PLANNING.VERSION_CONFLICT', currentVersion: plan.version });
    const noReason = await api.call(`/plans/${id}/amendments`, { as: 'leader', method: 'POST', body: JSON.stringify({ ...amended, version: plan.version }) });
    expect(noReason.status).toBe(400);
    expect(noReason.body.errors.map((f: { field: string }) => f.field)).toContain('body.reason');

    const res = await api.call(`/plans/${id}/amendments`, { as: 'leader', method: 'POST', body: JSON.stringify({ ...amended, version: plan.version, reason: 'Điều chỉnh thời hạn theo chỉ đạo' }) });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ assignmentsAdded: 1, assignmentsWithdrawn: 1, tasksChanged: 1, version: plan.version + 1 });

    const after = (await api.call(`/plans/${id}`, { as: 'leader' })).body;
    expect(after).toMatchObject({ status: 'issued', number: 503, amendmentCount: 1, taskCount: 3 });
    expect(after.tasks[0].assignments.find((a: { unitCode: string }) => a.unitCode === '01-SKHCN')).toMatchObject({ status: 'withdrawn' });
    expect(after.tasks[2].assignments).toEqual([expect.objectContaining({ unitCode: '01-SGDDT', role: 'lead', status: 'assigned' })]);

    // Holders are told: the communes of the changed task, Sở KH&CN of its withdrawal, Sở GD&ĐT of its new task.
    const told = async (as: 'hoankiem' | 'dept' | 'dept2') => (await api.call('/notifications', { as })).body.items.filter((n: { planId: string }) => n.planId === id).map((n: { kind: string }) => n.kind);
    expect(await told('hoankiem')).toEqual(expect.arrayContaining(['assignment-changed', 'assignment-created']));
    expect(await told('dept')).toContain('assignment-withdrawn');
    expect(await told('dept2')).toEqual(['assignment-created']);

    const history = (await api.call(`/plans/${id}/history`, { as: 'leader' })).body;
    expect(history.map((h: { type: string }) => h.type)).toEqual([
      'planning.plan-drafted',
      'planning.plan-submitted',
      'planning.plan-approved',
      'planning.plan-issued',
      'planning.plan-amended',
    ]);
    expect(history[4]).toMatchObject({ actor: 'lanhdao', payload: expect.objectContaining({ reason: 'Điều chỉnh thời hạn theo chỉ đạo', tasksChanged: 1, tasksAdded: 1 }) });
    expect((await api.call(`/plans/${id}/history`, { as: 'badinh' })).status).toBe(200); // it leads task 1
    expect((await api.call(`/plans/${id}/history`, { as: 'haian' })).status).toBe(404);

    // Closing ends it: no more amendments.
    expect((await api.call(`/plans/${id}/close`, { as: 'dept', method: 'POST' })).status).toBe(403);
    expect((await api.call(`/plans/${id}/close`, { as: 'leader', method: 'POST' })).body).toMatchObject({ status: 'closed', version: after.version + 1 });
    const late = await api.call(`/plans/${id}/amendments`, { as: 'leader', method: 'POST', body: JSON.stringify({ ...amended, version: after.version + 1, reason: 'Muộn' }) });
    expect(late.body).toMatchObject({ status: 409, code: 'PLANNING.TRANSITION_REFUSED' });
  });

  it('a commune implements a city plan it was given; the city sees which communes issued theirs', async () => {
    const { id } = await issuedPlan(504);
    const parent = (await api.call(`/plans/${id}`, { as: 'hoankiem' })).body;
    const implementing = {
      title: 'Kế hoạch triển khai Ngày Chuyển đổi số 2025 của phường Hoàn Kiếm',
      year: 2025,
      parentPlanId: id,
      tasks: [{ parentTaskId: parent.tasks[0].id, content: parent.tasks[0].content, timeframe: 'Tháng 10/2025', leads: [{ unit: '00070-VHXH' }], coordinators: [] }],
    };
    // Before: nobody issued; a department holds no commune's plan either.
    const before = (await api.call(`/plans/${id}/implementing`, { as: 'dept' })).body;
    expect(before).toMatchObject({ issuedCount: 0 });
    expect(before.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(expect.arrayContaining(['00070', '00004', '01-SKHCN']));

    // Wrong parent task, a parent the commune has no part in, and a plan not yet issued are refused.
    const bad = await api.call('/plans', { as: 'hoankiem', method: 'POST', body: JSON.stringify({ ...implementing, tasks: [{ ...implementing.tasks[0], parentTaskId: id }] }) });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('body.tasks.0.parentTaskId');
    const foreign = await api.call('/plans', { as: 'haian', method: 'POST', body: JSON.stringify({ ...implementing, tasks: [{ ...implementing.tasks[0], leads: [{ unit: '11413' }] }] }) });
    expect(foreign.body).toMatchObject({ code: 'PLANNING.PARENT_INVALID' });

    const draft = await api.call('/plans', { as: 'hoankiem', method: 'POST', body: JSON.stringify(implementing) });
    expect(draft.status).toBe(201);
    await api.call(`/plans/${draft.body.id}/submit`, { as: 'hoankiem', method: 'POST' });
    expect((await api.call(`/plans/${draft.body.id}/approve`, { as: 'hoankiem', method: 'POST' })).status).toBe(403);
    await api.call(`/plans/${draft.body.id}/approve`, { as: 'hoankiemLeader', method: 'POST' });
    const issued = await api.call(`/plans/${draft.body.id}/issue`, { as: 'hoankiemLeader', method: 'POST', body: JSON.stringify({ number: 12, issueDate: '2025-10-06' }) });
    expect(issued.body).toMatchObject({ status: 'issued', assignments: 1 });

    const child = (await api.call(`/plans/${draft.body.id}`, { as: 'hoankiem' })).body;
    expect(child.parent).toMatchObject({ id, number: 504 });
    expect(child.tasks[0]).toMatchObject({ parentTaskId: parent.tasks[0].id });
    // Another commune never sees it; the parent's focal department and drafting unit do, once submitted.
    expect((await api.call(`/plans/${draft.body.id}`, { as: 'badinh' })).status).toBe(404);
    expect((await api.call(`/plans/${draft.body.id}`, { as: 'dept' })).status).toBe(200);
    expect((await api.call(`/plans/${draft.body.id}`, { as: 'dept2' })).status).toBe(404);

    const now = (await api.call(`/plans/${id}/implementing`, { as: 'dept' })).body;
    expect(now.issuedCount).toBe(1);
    expect(now.units.find((u: { unitCode: string }) => u.unitCode === '00070').plan).toMatchObject({ id: draft.body.id, status: 'issued', number: 12 });
    // A commune sees only its own row.
    expect((await api.call(`/plans/${id}/implementing`, { as: 'badinh' })).body.units.map((u: { unitCode: string }) => u.unitCode)).toEqual(['00004']);
    expect((await api.call(`/plans?parentPlanId=${id}`, { as: 'leader' })).body.items.map((p: { id: string }) => p.id)).toEqual([draft.body.id]);
  });

  it('a merger recorded ahead of its date moves nothing until that date; then the catch-up applies it', async () => {
    const { body } = await api.call('/plans', {
      as: 'dept',
      method: 'POST',
      body: JSON.stringify({ title: 'Kế hoạch kiểm thử sáp nhập hẹn ngày', year: 2025, tasks: [{ content: 'Việc của phường Ba Đình', leads: [{ unit: '00004' }], coordinators: [] }] }),
    });
    await api.call(`/plans/${body.id}/submit`, { as: 'dept', method: 'POST' });
    await api.call(`/plans/${body.id}/approve`, { as: 'leader', method: 'POST' });
    await api.call(`/plans/${body.id}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number: 506, issueDate: '2025-10-02' }) });
    const merged = await api.call('/units/00004/successions', { as: 'admin', method: 'POST', body: JSON.stringify({ successorCode: '00070', kind: 'merged-into', effectiveDate: '2099-01-01' }) });
    expect(merged.status).toBeLessThan(300);
    const holders = async () => (await api.call(`/plans/${body.id}`, { as: 'leader' })).body.tasks[0].assignments.map((a: { unitCode: string; status: string }) => `${a.status}:${a.unitCode}`).sort();
    await new Promise((r) => setTimeout(r, 200));
    expect(await holders()).toEqual(['assigned:00004']);
    const catchUp = api.app.get(SuccessionCatchUp);
    expect(await catchUp.runOnce('2098-12-31')).toMatchObject({ successions: 0 });
    expect(await catchUp.runOnce('2099-01-01')).toMatchObject({ transferred: 1, successions: 1 });
    expect(await holders()).toEqual(['assigned:00070', 'withdrawn:00004']);
    // Run again: nothing left to move.
    expect(await catchUp.runOnce('2099-01-01')).toMatchObject({ successions: 0 });
  });

  // Last: it closes Sở GD&ĐT in this file's directory.
  it('a unit merged after issue hands its assignments to its successor, and both are told', async () => {
    const { body } = await api.call('/plans', {
      as: 'dept',
      method: 'POST',
      body: JSON.stringify({
        title: 'Kế hoạch kiểm thử sáp nhập',
        year: 2025,
        focalUnitCode: '01-SGDDT',
        tasks: [
          { content: 'Nhiệm vụ Sở GD&ĐT chủ trì', leads: [{ unit: '01-SGDDT' }], coordinators: [] },
          { content: 'Nhiệm vụ hai sở cùng làm', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '01-SKHCN' }] },
        ],
      }),
    });
    await api.call(`/plans/${body.id}/submit`, { as: 'dept', method: 'POST' });
    await api.call(`/plans/${body.id}/approve`, { as: 'leader', method: 'POST' });
    await api.call(`/plans/${body.id}/issue`, { as: 'leader', method: 'POST', body: JSON.stringify({ number: 505, issueDate: '2025-10-02' }) });

    const today = new Date().toISOString().slice(0, 10);
    const merged = await api.call('/units/01-SGDDT/successions', { as: 'admin', method: 'POST', body: JSON.stringify({ successorCode: '01-SKHCN', kind: 'merged-into', effectiveDate: today }) });
    expect(merged.status).toBeLessThan(300);

    // The transfer is planning's own command, caused by the directory's event: wait for it.
    let tasks: { assignments: { unitCode: string; role: string; status: string; succeeds: string | null }[] }[] = [];
    for (let i = 0; i < 50; i++) {
      tasks = (await api.call(`/plans/${body.id}`, { as: 'leader' })).body.tasks;
      if (tasks[0].assignments.some((a) => a.unitCode === '01-SKHCN')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const line = (t: number) => tasks[t].assignments.map((a) => `${a.status}:${a.role}:${a.unitCode}:${a.succeeds ?? ''}`).sort();
    expect(line(0)).toEqual(['assigned:lead:01-SKHCN:01-SGDDT', 'withdrawn:lead:01-SGDDT:']);
    // Sở KH&CN already coordinated task 2: it now leads it, once.
    expect(line(1)).toEqual(['assigned:lead:01-SKHCN:', 'withdrawn:lead:01-SGDDT:']);
    expect((await api.call(`/plans/${body.id}`, { as: 'leader' })).body.focalUnitCode).toBe('01-SKHCN');
    const told = (await api.call('/notifications', { as: 'dept' })).body.items.filter((n: { planId: string }) => n.planId === body.id).map((n: { kind: string }) => n.kind).sort();
    // Issue: coordinator of task 2; transfer: new lead of task 1, promoted on task 2.
    expect(told).toEqual(['assignment-changed', 'assignment-created', 'assignment-created', 'plan-approved']);

    // The succession delivered again (a replay, as after a crash before the checkpoint) while the
    // catch-up runs too: both send the same idempotent command, nothing moves twice, nobody is told twice.
    const [recorded] = await api.app
      .get(DataSource)
      .query(`SELECT sequence::text AS sequence FROM event_log WHERE type = 'organization.unit-succession-recorded' AND aggregate_id = '01-SGDDT'`);
    const feed = api.app.get(EventFeed);
    await feed.replay('planning.succession-transfer', recorded.sequence);
    const [again] = await Promise.all([api.app.get(SuccessionCatchUp).runOnce(today), feed.drain()]);
    expect(again).toMatchObject({ transferred: 0, merged: 0 });
    tasks = (await api.call(`/plans/${body.id}`, { as: 'leader' })).body.tasks;
    expect(line(0)).toEqual(['assigned:lead:01-SKHCN:01-SGDDT', 'withdrawn:lead:01-SGDDT:']);
    expect(line(1)).toEqual(['assigned:lead:01-SKHCN:', 'withdrawn:lead:01-SGDDT:']);
    expect((await api.call('/notifications', { as: 'dept' })).body.items.filter((n: { planId: string }) => n.planId === body.id)).toHaveLength(told.length);
  });
});
