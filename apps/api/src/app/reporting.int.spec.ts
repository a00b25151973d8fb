import { DataSource } from 'typeorm';
import { type TestAccount, startTestApi } from './test-harness';

/**
 * Reporting through the API on PostgreSQL (issue 12): the focal unit opens a period, units write their reports
 * from their work and indicator values, the focal unit accepts, returns and consolidates, the leader approves;
 * one approval chain carries narrative and figures; approved reports are immutable and reopen as a new
 * revision; the access matrix (reads and writes, 404 out of scope); bad input is a 4xx that writes nothing;
 * exports run as jobs; the dashboard and the scorecard read the tallies.
 */
describe('reporting: periods, unit reports, consolidation, approval (in-process, real PostgreSQL)', () => {
  let api: Awaited<ReturnType<typeof startTestApi>>;
  let planId: string;
  let periodId: string;
  let indicatorId: string;
  const reports = { hk: '', bd: '' };

  const post = (as: TestAccount, path: string, body?: unknown) =>
    api.call(path, { as, method: 'POST', ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });
  const put = (as: TestAccount, path: string, body: unknown) => api.call(path, { as, method: 'PUT', body: JSON.stringify(body) });
  const get = (as: TestAccount, path: string) => api.call(path, { as });
  const db = () => api.app.get(DataSource);
  const events = async (types = 'reporting.%') =>
    ((await db().query(`SELECT type FROM event_log WHERE type LIKE $1 ORDER BY sequence`, [types])) as { type: string }[]).map((e) => e.type);
  const version = async (as: TestAccount, id: string) => (await get(as, `/reporting/reports/${id}`)).body.version as number;

  beforeAll(async () => {
    api = await startTestApi();
    const created = await post('dept', '/plans', {
      title: 'Kế hoạch phổ cập dịch vụ số năm 2025',
      year: 2025,
      focalUnitCode: '01-SKHCN',
      reportingDuties: [{ text: 'Các đơn vị định kỳ hằng quý báo cáo kết quả (qua Sở Khoa học và Công nghệ).', unitCode: '01-SKHCN', timeframe: 'Định kỳ hằng quý' }],
      tasks: [
        { content: 'Phổ cập kỹ năng số cho người dân', timeframe: 'Quý IV/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '00070' }, { unit: '00004' }] },
        { content: 'Tuyên truyền tại tổ dân phố', timeframe: 'Năm 2025', leads: [{ unit: '00070' }], coordinators: [] },
      ],
      indicators: [{ name: 'Tỷ lệ người trưởng thành có điện thoại thông minh', targets: [{ year: 2025, text: '≥ 80%' }], focal: [{ unit: '01-SKHCN' }], implementing: [{ unit: '00070' }, { unit: '00004' }] }],
    });
    expect(created.status).toBe(201);
    planId = created.body.id;
    expect((await post('dept', `/plans/${planId}/submit`)).status).toBe(200);
    expect((await post('leader', `/plans/${planId}/approve`)).status).toBe(200);
    expect((await post('leader', `/plans/${planId}/issue`, { number: 712, issueDate: '2025-10-02' })).body).toMatchObject({ status: 'issued' });
  }, 90_000);

  afterAll(async () => {
    await api?.close();
  });

  it('the focal unit opens the quarter from the plan’s duties; others are refused (403 in sight, 404 out of it); twice is 409', async () => {
    expect((await post('dept2', `/plans/${planId}/periods`, { kind: 'quarter', reference: '2025-11-15' })).status).toBe(403);
    const hidden = await post('hoankiem', `/plans/${planId}/periods`, { kind: 'quarter', reference: '2025-11-15' });
    expect([hidden.status, hidden.body.code]).toEqual([404, 'REPORTING.PLAN_NOT_FOUND']);
    expect((await post('haian', `/plans/${planId}/periods`, { kind: 'quarter' })).status).toBe(404);
    const bad = await post('dept', `/plans/${planId}/periods`, { kind: 'fortnight', reference: '2025-13-40' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.kind', 'body.reference']);

    const opened = await post('dept', `/plans/${planId}/periods`, { kind: 'quarter', reference: '2025-11-15' });
    expect(opened.status).toBe(201);
    expect(opened.body).toMatchObject({
      planId, label: 'Quý IV/2025', kind: 'quarter', startDate: '2025-10-01', endDate: '2025-12-31', dueDate: '2025-12-31', status: 'open', focalUnitCode: '01-SKHCN',
      completeness: { expected: 3, submitted: 0, onTime: 0, completeness: 0 },
    });
    expect(opened.body.allowedActions).toEqual(expect.arrayContaining(['track', 'urge', 'consolidate', 'close']));
    periodId = opened.body.id;
    const again = await post('dept', `/plans/${planId}/periods`, { kind: 'quarter', reference: '2025-12-01' });
    expect([again.status, again.body.code]).toEqual([409, 'REPORTING.PERIOD_EXISTS']);
    expect(await events()).toEqual(['reporting.period-opened']);
    // The expected units are told (notification projection reads the typed event).
    const told = await get('hoankiem', '/notifications');
    expect(told.body.items.map((n: { kind: string }) => n.kind)).toContain('report-period-opened');
  });

  it('lists: a commune sees the period it reports in, with write-report; Hải Phòng sees nothing; the period is 404 to it', async () => {
    const hk = await get('hoankiem', '/reporting/periods');
    expect(hk.body.items.map((p: { id: string; allowedActions: string[] }) => [p.id, p.allowedActions])).toEqual([[periodId, ['write-report']]]);
    expect((await get('haian', '/reporting/periods')).body.items).toEqual([]);
    expect((await get('haian', `/reporting/periods/${periodId}`)).status).toBe(404);
    expect((await get('hoankiem', `/reporting/periods/${periodId}/tracker`)).status).toBe(403);
  });

  it('a unit’s report starts pre-filled from its work and indicators; starting twice gives the same report', async () => {
    const first = await post('hoankiem', `/reporting/periods/${periodId}/my-report`);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ unitCode: '00070', status: 'draft', revision: 1, periodLabel: 'Quý IV/2025', dueDate: '2025-12-31' });
    expect(first.body.tasks.map((t: { taskContent: string; role: string; status: string }) => [t.taskContent, t.role, t.status])).toEqual([
      ['Phổ cập kỹ năng số cho người dân', 'coordinator', 'not-started'],
      ['Tuyên truyền tại tổ dân phố', 'lead', 'not-started'],
    ]);
    expect(first.body.indicators).toEqual([expect.objectContaining({ kind: 'rate', targetText: '≥ 80%', numerator: null })]);
    indicatorId = first.body.indicators[0].indicatorId;
    reports.hk = first.body.id;
    expect((await post('hoankiem', `/reporting/periods/${periodId}/my-report`)).body.id).toBe(reports.hk);
    reports.bd = (await post('badinh', `/reporting/periods/${periodId}/my-report`)).body.id;
    expect((await post('haian', `/reporting/periods/${periodId}/my-report`)).status).toBe(404);
  });

  it('access matrix on a unit report: another commune and another province get 404 for every verb; a department not focal gets 404', async () => {
    const v = await version('hoankiem', reports.hk);
    for (const as of ['badinh', 'haian', 'dept2'] as const) {
      expect([as, (await get(as, `/reporting/reports/${reports.hk}`)).status]).toEqual([as, 404]);
      expect([as, (await put(as, `/reporting/reports/${reports.hk}`, { version: v, sections: { results: 'x' } })).status]).toEqual([as, 404]);
      for (const verb of ['submit', 'approve', 'accept', 'return', 'reopen'])
        expect([as, verb, (await post(as, `/reporting/reports/${reports.hk}/${verb}`, { version: v, reason: 'x' })).status]).toEqual([as, verb, 404]);
    }
    // The focal unit and the leader read it; neither writes it.
    expect((await get('dept', `/reporting/reports/${reports.hk}`)).status).toBe(200);
    expect((await get('leader', `/reporting/reports/${reports.hk}`)).status).toBe(200);
    expect((await put('dept', `/reporting/reports/${reports.hk}`, { version: v, sections: { results: 'x' } })).status).toBe(403);
    expect((await post('dept', `/reporting/reports/${reports.hk}/submit`, { version: v })).status).toBe(403);
  });

  it('indicator values are validated for their kind, all errors at once, nothing stored on error; a rate’s percent is computed', async () => {
    const v = await version('hoankiem', reports.hk);
    const bad = await put('hoankiem', `/reporting/reports/${reports.hk}`, { version: v, indicators: [{ indicatorId, numerator: 5, denominator: 0, rank: 2 }] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.indicators.0.denominator', 'body.indicators.0.rank']);
    expect(await version('hoankiem', reports.hk)).toBe(v);
    const nul = await put('hoankiem', `/reporting/reports/${reports.hk}`, { version: v, sections: { results: 'a\u0000b' } });
    expect(nul.status).toBe(400);
    const saved = await put('hoankiem', `/reporting/reports/${reports.hk}`, {
      version: v,
      sections: { results: 'Đã tổ chức 12 lớp kỹ năng số.', difficulties: 'Thiếu thiết bị.', proposals: 'Hỗ trợ máy tính bảng.' },
      indicators: [{ indicatorId, numerator: 10, denominator: 100, evidence: 'Số liệu điều tra hộ tháng 11' }],
    });
    expect(saved.status).toBe(200);
    expect(saved.body.indicators[0]).toMatchObject({ numerator: 10, denominator: 100, value: 10 });
    const stale = await put('hoankiem', `/reporting/reports/${reports.hk}`, { version: v, sections: { results: 'x' } });
    expect([stale.status, stale.body.code]).toEqual([409, 'REPORTING.VERSION_CONFLICT']);
  });

  it('submit; a submitted report changes only with a reason (a new submission); the focal unit accepts; accepted is immutable', async () => {
    const submitted = await post('hoankiem', `/reporting/reports/${reports.hk}/submit`, { version: await version('hoankiem', reports.hk) });
    expect(submitted.body).toMatchObject({ status: 'submitted', onTime: false, allowedActions: expect.arrayContaining(['edit']) });
    const noReason = await put('hoankiem', `/reporting/reports/${reports.hk}`, { version: submitted.body.version, sections: { results: 'Sửa' } });
    expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'body.reason']);
    const withReason = await put('hoankiem', `/reporting/reports/${reports.hk}`, { version: submitted.body.version, sections: { results: 'Đã tổ chức 14 lớp.' }, reason: 'Bổ sung 2 lớp' });
    expect(withReason.body).toMatchObject({ status: 'submitted', sections: { results: 'Đã tổ chức 14 lớp.' } });
    const accepted = await post('dept', `/reporting/reports/${reports.hk}/accept`, { version: withReason.body.version });
    expect(accepted.body).toMatchObject({ status: 'accepted', allowedActions: expect.arrayContaining(['reopen']) });
    const refused = await put('hoankiem', `/reporting/reports/${reports.hk}`, { version: accepted.body.version, sections: { results: 'x' } });
    expect([refused.status, refused.body.code]).toEqual([409, 'REPORTING.TRANSITION_REFUSED']);
  });

  it('return needs a reason and sends everything back; the tracker shows who is missing; urging names them once', async () => {
    let bd = await put('badinh', `/reporting/reports/${reports.bd}`, { version: await version('badinh', reports.bd), indicators: [{ indicatorId, numerator: 45, denominator: 50 }] });
    bd = await post('badinh', `/reporting/reports/${reports.bd}/submit`, { version: bd.body.version });
    expect((await post('dept', `/reporting/reports/${reports.bd}/return`, { version: bd.body.version })).status).toBe(400);
    const returned = await post('dept', `/reporting/reports/${reports.bd}/return`, { version: bd.body.version, reason: 'Thiếu minh chứng số liệu' });
    expect(returned.body).toMatchObject({ status: 'returned', returnReason: 'Thiếu minh chứng số liệu' });

    const tracker = await get('dept', `/reporting/periods/${periodId}/tracker`);
    expect(tracker.status).toBe(200);
    expect(tracker.body.completeness).toMatchObject({ expected: 3, submitted: 1, accepted: 1 });
    expect(tracker.body.rows.map((r: { unitCode: string; status: string }) => [r.unitCode, r.status])).toEqual(
      expect.arrayContaining([['01-SGDDT', 'missing'], ['00070', 'accepted'], ['00004', 'returned']]),
    );
    expect((await post('hoankiem', `/reporting/periods/${periodId}/urge`, {})).status).toBe(403);
    const urged = await post('dept', `/reporting/periods/${periodId}/urge`, {});
    expect(urged.body).toEqual({ urged: 2 });
    const wrong = await post('dept', `/reporting/periods/${periodId}/urge`, { unitCodes: ['00070'] });
    expect(wrong.status).toBe(400);
    const after = await get('dept', `/reporting/periods/${periodId}/tracker`);
    expect(after.body.rows.find((r: { unitCode: string }) => r.unitCode === '01-SGDDT').lastUrgedAt).toEqual(expect.any(String));
    const notified = await get('dept2', '/notifications');
    expect(notified.body.items.map((n: { kind: string }) => n.kind)).toContain('report-urged');
  });

  it('consolidation: the ratio of sums of the reports that reached the focal unit, judged against the target', async () => {
    const bd = await get('badinh', `/reporting/reports/${reports.bd}`);
    await post('badinh', `/reporting/reports/${reports.bd}/submit`, { version: bd.body.version });
    const composed = await post('dept', `/reporting/periods/${periodId}/consolidated`);
    expect(composed.status).toBe(200);
    expect(composed.body).toMatchObject({ status: 'draft', revision: 1, periodLabel: 'Quý IV/2025', completeness: { expected: 3, submitted: 2 } });
    // 10/100 and 45/50: the city's rate is 55/150 = 36.67 %, not the mean of 10 % and 90 % (50 %).
    expect(composed.body.indicators[0]).toMatchObject({ numerator: 55, denominator: 150, value: 36.67, reporting: 2, expected: 2, attainment: 'not-met' });
    expect(composed.body.sections.results).toContain('Phường Hoàn Kiếm: Đã tổ chức 14 lớp.');
    expect(composed.body.taskRows).toHaveLength(2);
    expect((await post('dept', `/reporting/periods/${periodId}/consolidated`)).body.id).toBe(composed.body.id);
    expect((await get('hoankiem', `/reporting/consolidated/${composed.body.id}`)).status).toBe(404);
    expect((await post('hoankiem', `/reporting/periods/${periodId}/consolidated`)).status).toBe(403);
  });

  it('the leader approves exactly what was submitted; approved is immutable; reopening makes revision 2 and keeps revision 1', async () => {
    const id = (await post('dept', `/reporting/periods/${periodId}/consolidated`)).body.id;
    let c = await get('dept', `/reporting/consolidated/${id}`);
    expect((await post('leader', `/reporting/consolidated/${id}/approve`, { version: c.body.version })).status).toBe(409);
    c = await put('dept', `/reporting/consolidated/${id}`, { version: c.body.version, documentNumber: '125/BC-SKHCN', documentDate: '2025-12-20', sections: { proposals: 'Đề nghị UBND Thành phố bố trí kinh phí.' } });
    expect(c.body).toMatchObject({ documentNumber: '125/BC-SKHCN', place: 'Hà Nội' });
    c = await post('dept', `/reporting/consolidated/${id}/submit`, { version: c.body.version });
    expect(c.body).toMatchObject({ status: 'submitted', allowedActions: ['export'] });
    expect((await post('dept', `/reporting/consolidated/${id}/approve`, { version: c.body.version })).status).toBe(403);
    const leaderView = await get('leader', `/reporting/consolidated/${id}`);
    expect(leaderView.body.allowedActions).toEqual(['approve', 'return', 'export']);
    c = await post('leader', `/reporting/consolidated/${id}/approve`, { version: c.body.version });
    expect(c.body).toMatchObject({ status: 'approved', approvedAt: expect.any(String) });
    expect((await put('dept', `/reporting/consolidated/${id}`, { version: c.body.version, sections: { results: 'x' } })).status).toBe(409);
    // Another department reads the approved report of its province; a commune does not.
    expect((await get('dept2', `/reporting/consolidated/${id}`)).status).toBe(200);
    expect((await post('leader', `/reporting/consolidated/${id}/reopen`, { version: c.body.version })).status).toBe(400);
    const reopened = await post('leader', `/reporting/consolidated/${id}/reopen`, { version: c.body.version, reason: 'Bổ sung số liệu của Sở Giáo dục' });
    expect(reopened.body).toMatchObject({ status: 'draft', revision: 2, revisionReason: 'Bổ sung số liệu của Sở Giáo dục' });
    const kept = await db().query(`SELECT revision, content ->> 'status' AS status FROM report_revision WHERE report_id = $1`, [id]);
    expect(kept).toEqual([{ revision: 1, status: 'approved' }]);
    expect(await events('reporting.consolidated-%')).toEqual([
      'reporting.consolidated-report-composed',
      'reporting.consolidated-report-revised',
      'reporting.consolidated-report-submitted',
      'reporting.consolidated-report-approved',
      'reporting.consolidated-report-reopened',
    ]);
  });

  it('exports run as jobs: queued, then a DOCX for its requester only; a list as XLSX; a bad format is 400', async () => {
    const id = (await post('dept', `/reporting/periods/${periodId}/consolidated`)).body.id;
    const bad = await post('leader', '/reporting/exports', { subject: 'consolidated-report', id, format: 'xlsx' });
    expect([bad.status, bad.body.errors?.[0]?.field]).toEqual([400, 'body.format']);
    expect((await post('hoankiem', '/reporting/exports', { subject: 'consolidated-report', id, format: 'docx' })).status).toBe(404);
    const queued = await post('leader', '/reporting/exports', { subject: 'consolidated-report', id, format: 'docx' });
    expect(queued.status).toBe(202);
    let job = queued.body;
    for (let i = 0; i < 100 && job.status !== 'done' && job.status !== 'failed'; i++) {
      await new Promise((r) => setTimeout(r, 100));
      job = (await get('leader', `/reporting/exports/${job.id}`)).body;
    }
    expect(job).toMatchObject({ status: 'done', progress: 100, fileName: expect.stringMatching(/^bao-cao-tong-hop-712-kh-ubnd-quy-iv-2025\.docx$/) });
    expect((await get('dept', `/reporting/exports/${job.id}`)).status).toBe(404);
    const file = await fetch(`${(await api.app.getUrl()).replace('[::1]', '127.0.0.1')}/reporting/exports/${job.id}/file`, { headers: { authorization: `Bearer ${api.tokens.leader}` } });
    expect(file.status).toBe(200);
    expect(file.headers.get('content-disposition')).toContain('attachment');
    const bytes = Buffer.from(await file.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');

    const sheet = await post('dept', '/reporting/exports', { subject: 'plan-assignments', id: planId, format: 'xlsx' });
    expect(sheet.status).toBe(202);
  });

  it('dashboards: the leader sees every unit; a commune only its own share; another province 404; the commune’s scorecard', async () => {
    const d = await get('leader', `/reporting/dashboard/plans/${planId}`);
    expect(d.status).toBe(200);
    expect(d.body.departments.map((u: { unitCode: string }) => u.unitCode)).toEqual(['01-SGDDT']);
    expect(d.body.communes.map((u: { unitCode: string }) => u.unitCode).sort()).toEqual(['00004', '00070']);
    expect(d.body.counts.total).toBe(4);
    expect(d.body.overdue.length).toBe(d.body.overdueTotal);
    expect(d.body.periods).toEqual([expect.objectContaining({ id: periodId, label: 'Quý IV/2025' })]);
    const hk = await get('hoankiem', `/reporting/dashboard/plans/${planId}`);
    expect(hk.body.communes.map((u: { unitCode: string }) => u.unitCode)).toEqual(['00070']);
    expect(hk.body.departments).toEqual([]);
    expect((await get('haian', `/reporting/dashboard/plans/${planId}`)).status).toBe(404);
    const portfolio = await get('leader', '/reporting/dashboard/portfolio');
    expect(portfolio.body.plans.map((p: { planId: string }) => p.planId)).toContain(planId);
    expect((await get('hoankiem', '/reporting/dashboard/portfolio')).status).toBe(403);
    const card = await get('hoankiem', '/reporting/scorecard');
    expect(card.body).toMatchObject({ unitCode: '00070', plans: [expect.objectContaining({ planId })] });
    expect(card.body.reports).toEqual([expect.objectContaining({ periodId, status: 'accepted' })]);
    // The dashboard is kept per plan and audience; any change to what it shows is seen at once.
    expect((await get('leader', `/reporting/dashboard/plans/${planId}`)).body.periods[0].status).toBe('open');
    expect((await post('dept', `/reporting/periods/${periodId}/close`)).body.status).toBe('closed');
    expect((await get('leader', `/reporting/dashboard/plans/${planId}`)).body.periods[0].status).toBe('closed');
  });
});
