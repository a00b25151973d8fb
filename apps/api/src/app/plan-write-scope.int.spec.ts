import { DataSource } from 'typeorm';
import { type TestAccount, startTestApi } from './test-harness';

/**
 * Write scope of plans (issue 8): a commune's plan assigns only the commune and its own offices, at
 * draft, revision, amendment and issue; a city plan may assign any unit of its province. A plan outside
 * the caller's sight is 404 for every verb, as for GET. Refusals write nothing.
 */
describe('plan write scope (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  beforeAll(async () => {
    api = await startTestApi();
  }, 60_000);
  afterAll(async () => api?.close());

  const count = async (sql: string) => Number((await api.app.get(DataSource).query(sql))[0].n);
  const eventCount = () => count('SELECT count(*) AS n FROM event_log');
  const communePlan = (leads: object[], over: object = {}) => ({
    title: 'Kế hoạch của phường Hoàn Kiếm',
    year: 2025,
    tasks: [{ content: 'Tuyên truyền chuyển đổi số tại tổ dân phố', timeframe: 'Quý IV/2025', leads, coordinators: [] }],
    ...over,
  });
  const post = (as: TestAccount, path: string, body?: object) =>
    api.call(path, { as, method: 'POST', ...(body ? { body: JSON.stringify(body) } : {}) });

  let planNumber = 500;
  async function issueCommunePlan(leads: object[]): Promise<{ id: string; version: number; taskId: string }> {
    const created = await post('hoankiem', '/plans', communePlan(leads));
    expect(created.status).toBe(201);
    const id = created.body.id as string;
    expect((await post('hoankiem', `/plans/${id}/submit`)).status).toBe(200);
    expect((await post('hoankiemLeader', `/plans/${id}/approve`)).status).toBe(200);
    const issued = await post('hoankiemLeader', `/plans/${id}/issue`, { number: (planNumber += 1), issueDate: '2025-10-02' });
    expect(issued.body).toMatchObject({ status: 'issued' });
    const plan = (await api.call(`/plans/${id}`, { as: 'hoankiemLeader' })).body;
    return { id, version: plan.version, taskId: plan.tasks[0].id };
  }

  describe('a commune drafts (every reference kind)', () => {
    it.each([
      ['another commune', { unit: '00004' }],
      ['the group of every commune', { group: '01-G-XA-PHUONG' }],
      ['a department', { unit: '01-SGDDT' }],
      ['the city committee', { unit: '01-UBND' }],
      ['a group of departments', { group: '01-G-SO-BAN-NGANH' }],
      ['a commune of another province', { unit: '11413' }],
      ['a unit that does not exist', { unit: '99999' }],
    ])('refuses %s as a lead, naming the field, and writes nothing', async (_label, ref) => {
      const before = await eventCount();
      const r = await post('hoankiem', '/plans', communePlan([ref]));
      expect(r.status).toBe(400);
      expect(r.type).toContain('application/problem+json');
      expect(r.body).toMatchObject({ code: 'PLANNING.REFERENCE_OUT_OF_REACH', errors: [expect.objectContaining({ field: 'body.tasks.0.leads.0', code: 'out-of-reach' })] });
      expect(r.body.message.vi).toContain('xã, phường');
      expect(await eventCount()).toBe(before);
    });

    it('refuses the same units as coordinators, focal unit, reporting unit and indicator units', async () => {
      const task = { content: 'Nhiệm vụ', leads: [{ unit: '00070' }], coordinators: [{ unit: '01-SKHCN' }] };
      const cases: [object, string][] = [
        [{ tasks: [task] }, 'body.tasks.0.coordinators.0'],
        [{ focalUnitCode: '01-SKHCN' }, 'body.focalUnitCode'],
        [{ reportingDuties: [{ text: 'Báo cáo quý', unitCode: '00004' }] }, 'body.reportingDuties.0.unitCode'],
        [{ indicators: [{ name: 'Tỷ lệ', targets: [{ year: 2025, text: '100%' }], focal: [{ unit: '00070' }], implementing: [{ unit: '00004' }] }] }, 'body.indicators.0.implementing.0'],
      ];
      for (const [over, field] of cases) {
        const r = await post('hoankiem', '/plans', communePlan([{ unit: '00070' }], over));
        expect({ field, status: r.status, code: r.body.code }).toEqual({ field, status: 400, code: 'PLANNING.REFERENCE_OUT_OF_REACH' });
        expect(r.body.errors[0].field).toBe(field);
      }
    });

    it('assigns the commune itself and its own offices', async () => {
      const r = await post('hoankiem', '/plans', communePlan([{ unit: '00070' }, { unit: '00070-VHXH' }], { focalUnitCode: '00070-VHXH' }));
      expect(r.status).toBe(201);
    });
  });

  it('a city plan may assign any unit and group of its province, never another province', async () => {
    const city = { title: 'Kế hoạch của Thành phố', year: 2025, tasks: [{ content: 'Nhiệm vụ', leads: [{ group: '01-G-XA-PHUONG' }, { unit: '00070-VHXH' }], coordinators: [{ unit: '01-SGDDT' }] }] };
    expect((await post('dept', '/plans', city)).status).toBe(201);
    const foreign = await post('dept', '/plans', { ...city, tasks: [{ content: 'Nhiệm vụ', leads: [{ unit: '11413' }], coordinators: [] }] });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].field).toBe('body.tasks.0.leads.0');
  });

  it('a revision cannot widen a commune draft beyond the commune; the draft is unchanged', async () => {
    const created = await post('hoankiem', '/plans', communePlan([{ unit: '00070' }]));
    const id = created.body.id as string;
    const before = await eventCount();
    const r = await api.call(`/plans/${id}`, { as: 'hoankiem', method: 'PUT', body: JSON.stringify({ ...communePlan([{ group: '01-G-XA-PHUONG' }]), version: created.body.version }) });
    expect(r.status).toBe(400);
    expect(r.body.code).toBe('PLANNING.REFERENCE_OUT_OF_REACH');
    expect(await eventCount()).toBe(before);
    const plan = (await api.call(`/plans/${id}`, { as: 'hoankiem' })).body;
    expect(plan.version).toBe(created.body.version);
    expect(plan.tasks[0].leads).toEqual([{ unit: '00070' }]);
  });

  it('an amendment cannot hand a commune plan’s work to another commune; no assignment is made', async () => {
    const { id, version, taskId } = await issueCommunePlan([{ unit: '00070-VHXH' }]);
    const before = await count(`SELECT count(*) AS n FROM assignment WHERE plan_id = '${id}'`);
    const r = await post('hoankiemLeader', `/plans/${id}/amendments`, {
      ...communePlan([{ unit: '00070-VHXH' }, { unit: '00004' }]),
      tasks: [{ id: taskId, content: 'Tuyên truyền chuyển đổi số tại tổ dân phố', leads: [{ unit: '00070-VHXH' }, { unit: '00004' }], coordinators: [] }],
      version,
      reason: 'Bổ sung đơn vị',
    });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'PLANNING.REFERENCE_OUT_OF_REACH', errors: [expect.objectContaining({ field: 'body.tasks.0.leads.1' })] });
    expect(await count(`SELECT count(*) AS n FROM assignment WHERE plan_id = '${id}'`)).toBe(before);
    expect((await api.call('/my/assignments', { as: 'badinh' })).body.items.map((a: { planId: string }) => a.planId)).not.toContain(id);
  });

  it('another commune cannot implement a commune plan it cannot see: answered like a plan that does not exist', async () => {
    const { id } = await issueCommunePlan([{ unit: '00070' }]);
    const implementing = (parentPlanId: string) => post('badinh', '/plans', { title: 'Kế hoạch triển khai', year: 2025, parentPlanId, tasks: [{ content: 'x', leads: [{ unit: '00004' }], coordinators: [] }] });
    const hidden = await implementing(id);
    const missing = await implementing('6f1c2a56-0b7e-4d8e-9d51-3a0c3c1f2b10');
    expect(hidden.status).toBe(400);
    expect(hidden.body.errors).toEqual(missing.body.errors);
    expect(hidden.body.message).toEqual(missing.body.message);
  });

  it('issue checks the reach again on what successions resolve to: an office merged into another commune is refused', async () => {
    const created = await post('hoankiem', '/plans', communePlan([{ unit: '00070-VHXH' }]));
    const id = created.body.id as string;
    await post('hoankiem', `/plans/${id}/submit`);
    await post('hoankiemLeader', `/plans/${id}/approve`);
    // After the draft was checked, the office is merged into Phường Ba Đình (a directory change by the city).
    const merged = await post('admin', '/units/00070-VHXH/successions', { successorCode: '00004', kind: 'merged-into', effectiveDate: '2025-09-01' });
    expect(merged.status).toBe(201);
    // The planning saga reacts to the merger on its own (other plans' assignments): count this plan's events only.
    const planEvents = () => count(`SELECT count(*) AS n FROM event_log WHERE aggregate_id = '${id}' OR payload->>'planId' = '${id}'`);
    const before = await planEvents();
    const r = await post('hoankiemLeader', `/plans/${id}/issue`, { number: 77001, issueDate: '2025-10-02' });
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ code: 'PLANNING.REFERENCE_OUT_OF_REACH', errors: [expect.objectContaining({ field: 'plan.tasks.0.leads' })] });
    expect(await planEvents()).toBe(before);
    expect(await count(`SELECT count(*) AS n FROM assignment WHERE plan_id = '${id}'`)).toBe(0);
    expect((await api.call(`/plans/${id}`, { as: 'hoankiemLeader' })).body.status).toBe('approved');
  });

  describe('a plan outside the caller’s sight is 404 for every verb', () => {
    let deptDraft: string;
    let communeDraft: string;
    let deptVersion: number;
    beforeAll(async () => {
      const city = { title: 'Dự thảo riêng của Sở KH&CN', year: 2025, tasks: [{ content: 'Nhiệm vụ', leads: [{ unit: '01-SKHCN' }], coordinators: [] }] };
      const d = await post('dept', '/plans', city);
      deptDraft = d.body.id;
      deptVersion = d.body.version;
      communeDraft = (await post('hoankiem', '/plans', communePlan([{ unit: '00070' }]))).body.id;
    });

    const verbs = (id: () => string, version: () => number) => [
      ['PUT', () => `/plans/${id()}`, () => ({ title: 'Sửa trộm', year: 2025, tasks: [{ content: 'x', leads: [{ unit: '01-SGDDT' }], coordinators: [] }], version: version() })],
      ['POST', () => `/plans/${id()}/submit`, () => undefined],
      ['POST', () => `/plans/${id()}/approve`, () => undefined],
      ['POST', () => `/plans/${id()}/return`, () => ({ comments: [{ text: 'Không đạt' }] })],
      ['POST', () => `/plans/${id()}/issue`, () => ({ number: 5, issueDate: '2025-10-02' })],
      ['POST', () => `/plans/${id()}/close`, () => undefined],
      ['POST', () => `/plans/${id()}/amendments`, () => ({ title: 'x', year: 2025, tasks: [{ content: 'x', leads: [{ unit: '01-SGDDT' }], coordinators: [] }], version: version(), reason: 'x' })],
    ] as const;

    it.each([
      ['another department', 'dept2'],
      ['the city leader (a draft is not yet submitted)', 'leader'],
      ['a commune', 'hoankiem'],
      ['another province', 'haian'],
    ] as const)('a department’s draft, to %s', async (_label, who) => {
      expect((await api.call(`/plans/${deptDraft}`, { as: who })).status).toBe(404);
      for (const [method, path, body] of verbs(() => deptDraft, () => deptVersion)) {
        const b = body();
        const r = await api.call(path(), { as: who, method, ...(b ? { body: JSON.stringify(b) } : {}) });
        expect({ verb: `${method} ${path()}`, status: r.status, code: r.body.code }).toEqual({ verb: `${method} ${path()}`, status: 404, code: 'PLANNING.PLAN_NOT_FOUND' });
      }
    });

    it.each([
      ['another commune', 'badinh'],
      ['another province', 'haian'],
      ['a department', 'dept'],
    ] as const)('a commune’s draft, to %s', async (_label, who) => {
      for (const [method, path, body] of verbs(() => communeDraft, () => 1)) {
        const b = body();
        const r = await api.call(path(), { as: who, method, ...(b ? { body: JSON.stringify(b) } : {}) });
        expect({ verb: `${method} ${path()}`, status: r.status }).toEqual({ verb: `${method} ${path()}`, status: 404 });
      }
    });

    it('inside the sight a missing right is still 403: the city leader sees a submitted plan but only its drafter revises it', async () => {
      const city = { title: 'Kế hoạch trình', year: 2025, tasks: [{ content: 'Nhiệm vụ', leads: [{ unit: '01-SKHCN' }], coordinators: [] }] };
      const d = await post('dept', '/plans', city);
      await post('dept', `/plans/${d.body.id}/submit`);
      const r = await api.call(`/plans/${d.body.id}`, { as: 'leader', method: 'PUT', body: JSON.stringify({ ...city, version: d.body.version + 1 }) });
      expect(r.status).toBe(403);
    });
  });

  it('refuses a parent task without a parent plan, and the submission of a plan with no task', async () => {
    const linked = await post('hoankiem', '/plans', communePlan([{ unit: '00070' }], {
      tasks: [{ content: 'Nhiệm vụ', parentTaskId: '6f1c2a56-0b7e-4d8e-9d51-3a0c3c1f2b10', leads: [{ unit: '00070' }], coordinators: [] }],
    }));
    expect(linked.status).toBe(400);
    expect(linked.body.errors[0].field).toBe('body.tasks.0.parentTaskId');

    const empty = await post('hoankiem', '/plans', communePlan([], { tasks: [] }));
    expect(empty.status).toBe(201);
    const before = await eventCount();
    const submitted = await post('hoankiem', `/plans/${empty.body.id}/submit`);
    expect(submitted.status).toBe(400);
    expect(submitted.body.errors[0].field).toBe('plan.tasks');
    expect(await eventCount()).toBe(before);
  });
});
