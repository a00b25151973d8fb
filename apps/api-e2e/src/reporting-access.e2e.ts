import { DEMO_ACCOUNTS, type DemoAccount, api, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';

/**
 * The reporting access matrix (issue 12), with real tokens against the running API, for every demo account:
 * - a period, a unit report, a consolidated report or a plan's dashboard the account does not see is 404 for
 *   every verb (reads and writes): a commune never sees another commune's report or figures, Hải Phòng never
 *   sees Hà Nội's;
 * - on a report it sees, `allowedActions` tells the truth: every command not listed is refused (400/403/404/409)
 *   and a listed one is accepted.
 * Each account gets a fresh city plan (focal: Sở KH&CN; Hoàn Kiếm and Ba Đình lead its task and implement its
 * indicator), its Quý IV/2025 period, both communes' reports submitted and a consolidated draft.
 */
const REFUSED = [400, 403, 404, 409];

/** Who sees Hoàn Kiếm's report and the plan's consolidated draft (the rest: 404). */
const SEES_HK_REPORT = new Set(['lanhdao', 'skhcn.daumoi', 'hoankiem.canbo', 'hoankiem.lanhdao']);
const SEES_CONSOLIDATED_DRAFT = new Set(['lanhdao', 'skhcn.daumoi']);
/** Who sees the period at all: Hà Nội's tier-1 accounts (a city plan of their province) and the two communes expected in it. */
const SEES_PERIOD = new Set(['lanhdao', 'skhcn.daumoi', 'sgddt.canbo', 'quantri', 'hoankiem.canbo', 'hoankiem.lanhdao', 'badinh.canbo']);

describe('reporting access: every endpoint × every demo account (real tokens, running API)', () => {
  const { apiUrl, idpUrl } = urls();
  const byName = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u) as DemoAccount;
  let issueNumber = 90_000 + Math.floor(Math.random() * 9_000);

  const send = (path: string, token: string, method = 'GET', body?: object) => api(apiUrl, path, { method, token, body: body ? JSON.stringify(body) : undefined });
  const must = async (path: string, token: string, method = 'POST', body?: object) => {
    const r = await send(path, token, method, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  interface Given {
    planId: string;
    periodId: string;
    hkReport: string;
    consolidated: string;
  }

  async function given(): Promise<Given> {
    const [dept, leader, hk, bd] = await Promise.all(['skhcn.daumoi', 'lanhdao', 'hoankiem.canbo', 'badinh.canbo'].map((u) => tokenFor(idpUrl, byName(u))));
    const { id: planId } = await must('/plans', dept, 'POST', {
      title: 'Kế hoạch kiểm thử quyền báo cáo',
      year: 2025,
      focalUnitCode: '01-SKHCN',
      reportingDuties: [{ text: 'Định kỳ hằng quý báo cáo qua Sở Khoa học và Công nghệ', unitCode: '01-SKHCN', timeframe: 'Định kỳ hằng quý' }],
      tasks: [{ content: 'Nhiệm vụ hai phường chủ trì', timeframe: 'Quý IV/2025', leads: [{ unit: '00070' }, { unit: '00004' }], coordinators: [] }],
      indicators: [{ name: 'Tỷ lệ hộ gia đình có cáp quang', targets: [{ year: 2025, text: '≥ 80%' }], focal: [{ unit: '01-SKHCN' }], implementing: [{ unit: '00070' }, { unit: '00004' }] }],
    });
    await must(`/plans/${planId}/submit`, dept);
    await must(`/plans/${planId}/approve`, leader);
    await must(`/plans/${planId}/issue`, leader, 'POST', { number: issueNumber++, issueDate: '2025-10-02' });
    const { id: periodId } = await must(`/plans/${planId}/periods`, dept, 'POST', { kind: 'quarter', reference: '2025-11-15' });
    const reports: string[] = [];
    for (const token of [hk, bd]) {
      const r = await must(`/reporting/periods/${periodId}/my-report`, token);
      const saved = await must(`/reporting/reports/${r.id}`, token, 'PUT', { version: r.version, indicators: [{ indicatorId: r.indicators[0].indicatorId, numerator: 40, denominator: 50 }] });
      await must(`/reporting/reports/${r.id}/submit`, token, 'POST', { version: saved.version });
      reports.push(r.id);
    }
    const { id: consolidated } = await must(`/reporting/periods/${periodId}/consolidated`, dept);
    return { planId, periodId, hkReport: reports[0], consolidated };
  }

  for (const account of DEMO_ACCOUNTS) {
    it(`${account.username}: sees what its scope allows, 404 for every verb elsewhere, allowedActions true`, async () => {
      const g = await given();
      const token = await tokenFor(idpUrl, account);
      const who = account.username;

      const period = await send(`/reporting/periods/${g.periodId}`, token);
      expect([who, 'period', period.status]).toEqual([who, 'period', SEES_PERIOD.has(who) ? 200 : 404]);
      const listed = ((await send(`/reporting/periods?planId=${g.planId}`, token)).body?.items ?? []) as { id: string }[];
      expect([who, 'listed', listed.map((p) => p.id)]).toEqual([who, 'listed', SEES_PERIOD.has(who) ? [g.periodId] : []]);

      // Hoàn Kiếm's report: 404 for every verb where it is not seen.
      const report = await send(`/reporting/reports/${g.hkReport}`, token);
      const seesReport = SEES_HK_REPORT.has(who);
      expect([who, 'report', report.status]).toEqual([who, 'report', seesReport ? 200 : 404]);
      const version = seesReport ? (report.body.version as number) : 2;
      const verbs: [string, string, object][] = [
        ['PUT', `/reporting/reports/${g.hkReport}`, { version, sections: { results: 'x' }, reason: 'kiểm thử' }],
        ['POST', `/reporting/reports/${g.hkReport}/approve`, { version }],
        ['POST', `/reporting/reports/${g.hkReport}/return`, { version, reason: 'kiểm thử' }],
        ['POST', `/reporting/reports/${g.hkReport}/reopen`, { version, reason: 'kiểm thử' }],
        ['POST', `/reporting/reports/${g.hkReport}/accept`, { version }],
      ];
      if (!seesReport) {
        for (const [method, path, body] of verbs) expect([who, method, path, (await send(path, token, method, body)).status]).toEqual([who, method, path, 404]);
      } else {
        // Every command the report does not list is refused; the first listed one (accept, for the focal unit) is accepted.
        const actions = report.body.allowedActions as string[];
        const actionOf = (path: string, method: string) => (method === 'PUT' ? 'edit' : path.split('/').pop());
        for (const [method, path, body] of verbs.filter(([m, p]) => !actions.includes(actionOf(p, m) as string)))
          expect([who, method, path, REFUSED.includes((await send(path, token, method, body)).status)]).toEqual([who, method, path, true]);
        const listedVerb = verbs.find(([m, p]) => actions.includes(actionOf(p, m) as string));
        if (listedVerb) {
          const [method, path, body] = listedVerb;
          expect([who, method, path, (await send(path, token, method, body)).status]).toEqual([who, method, path, 200]);
        }
      }

      // The consolidated draft: the focal unit and the leaders; nobody else (404), whatever the verb.
      const consolidated = await send(`/reporting/consolidated/${g.consolidated}`, token);
      expect([who, 'consolidated', consolidated.status]).toEqual([who, 'consolidated', SEES_CONSOLIDATED_DRAFT.has(who) ? 200 : 404]);
      if (!SEES_CONSOLIDATED_DRAFT.has(who)) {
        for (const verb of ['submit', 'approve', 'return', 'reopen'])
          expect([who, verb, (await send(`/reporting/consolidated/${g.consolidated}/${verb}`, token, 'POST', { version: 1, reason: 'x' })).status]).toEqual([who, verb, 404]);
        expect([who, 'put', (await send(`/reporting/consolidated/${g.consolidated}`, token, 'PUT', { version: 1 })).status]).toEqual([who, 'put', 404]);
      }

      // The tracker and urging: the focal unit and leaders read it; only the focal unit urges.
      const tracker = await send(`/reporting/periods/${g.periodId}/tracker`, token);
      expect([who, 'tracker', tracker.status]).toEqual([who, 'tracker', ['lanhdao', 'skhcn.daumoi'].includes(who) ? 200 : SEES_PERIOD.has(who) ? 403 : 404]);
      const urge = await send(`/reporting/periods/${g.periodId}/urge`, token, 'POST', {});
      expect([who, 'urge', urge.status]).toEqual([who, 'urge', who === 'skhcn.daumoi' ? 200 : SEES_PERIOD.has(who) ? 403 : 404]);

      // Exports and the XLSX import follow the same sight: 404 outside it; the import is the focal unit's (403 otherwise).
      const exported = await send('/reporting/exports', token, 'POST', { subject: 'consolidated-report', id: g.consolidated, format: 'docx' });
      expect([who, 'export', exported.status]).toEqual([who, 'export', SEES_CONSOLIDATED_DRAFT.has(who) ? 202 : 404]);
      const form = new FormData();
      form.append('file', new Blob(['not a spreadsheet'], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }), 'chi-tieu.xlsx');
      const imported = await fetch(`${apiUrl}/reporting/periods/${g.periodId}/indicator-values/import`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
      expect([who, 'import', imported.status]).toEqual([who, 'import', who === 'skhcn.daumoi' ? 400 : SEES_PERIOD.has(who) ? 403 : 404]);

      // The plan's dashboard: Hải Phòng 404; a commune only its own rows.
      const dashboard = await send(`/reporting/dashboard/plans/${g.planId}`, token);
      if (who === 'haian.canbo') expect(dashboard.status).toBe(404);
      else {
        expect([who, dashboard.status]).toEqual([who, 200]);
        const units = [...dashboard.body.departments, ...dashboard.body.communes].map((u: { unitCode: string }) => u.unitCode);
        if (account.tier === 2) expect([who, units.every((u: string) => u === account.unit)]).toEqual([who, true]);
      }
    }, 120_000);
  }
});
