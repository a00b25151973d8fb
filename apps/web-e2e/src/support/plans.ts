import { api, demoAccount, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';

/**
 * Plans set up through the API with the demo accounts' real tokens, so that every browser flow creates
 * what it needs and passes alone and in any order (no test reads what another one left behind).
 */

let stamps = 0;
/**
 * Unique within a run and all of one length (so no stamp is a prefix of another): titles and task texts
 * carry it, so a flow finds its own plan and nothing else.
 */
export const uniqueStamp = (): string =>
  `${Date.now().toString(36)}${(++stamps % 1296).toString(36).padStart(2, '0')}${Math.floor(Math.random() * 1296).toString(36).padStart(2, '0')}`;

export interface TaskDraft {
  section?: string;
  content: string;
  timeframe?: string;
  parentTaskId?: string;
  leads: ({ unit: string } | { group: string })[];
  coordinators?: ({ unit: string } | { group: string })[];
}

export interface PlanDraft {
  title: string;
  year?: number;
  focalUnitCode?: string;
  parentPlanId?: string;
  tasks: TaskDraft[];
}

async function call(username: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const { apiUrl, idpUrl } = urls();
  const token = await tokenFor(idpUrl, demoAccount(username));
  return api(apiUrl, path, { method, token, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function ok(username: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const r = await call(username, method, path, body);
  if (r.status < 200 || r.status > 299) throw new Error(`${username} ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

/** Drafts a plan as `drafter`; returns its id. */
export async function draftPlan(drafter: string, draft: PlanDraft): Promise<string> {
  const body = await ok(drafter, 'POST', '/plans', {
    year: 2025,
    ...draft,
    tasks: draft.tasks.map((t) => ({ coordinators: [], ...t })),
  });
  return body.id as string;
}

export const submitPlan = (drafter: string, id: string) => ok(drafter, 'POST', `/plans/${id}/submit`);
export const approvePlan = (leader: string, id: string) => ok(leader, 'POST', `/plans/${id}/approve`);

/** Issues an approved plan under a free number of its year (numbers are unique per issuer and year). */
export async function issuePlan(leader: string, id: string): Promise<number> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = 1000 + Math.floor(Math.random() * 98_000);
    const r = await call(leader, 'POST', `/plans/${id}/issue`, { number, issueDate: '2025-10-02' });
    if (r.status === 200) return number;
    if (r.body?.code !== 'PLANNING.NUMBER_TAKEN') throw new Error(`issue ${id}: ${r.status} ${JSON.stringify(r.body)}`);
  }
  throw new Error(`issue ${id}: no free number after 5 attempts`);
}

/** Drafted by `drafter`, submitted, approved and issued by `leader`; returns the plan's id. */
export async function issuedPlan(draft: PlanDraft, people: { drafter: string; leader: string } = { drafter: 'skhcn.daumoi', leader: 'lanhdao' }): Promise<string> {
  const id = await draftPlan(people.drafter, draft);
  await submitPlan(people.drafter, id);
  await approvePlan(people.leader, id);
  await issuePlan(people.leader, id);
  return id;
}

/** The plan as `username` sees it (tasks with their ids). */
export async function planAs(username: string, id: string): Promise<{ id: string; title: string; status: string; tasks: { id: string; content: string; timeframe: string | null }[] }> {
  return ok(username, 'GET', `/plans/${id}`);
}

/** A city plan of the Department of Science and Technology, issued, with one task for every commune of Hà Nội. */
export function cityPlanForEveryCommune(stamp: string): PlanDraft {
  return {
    title: `Kế hoạch thí điểm chuyển đổi số cơ sở ${stamp}`,
    focalUnitCode: '01-SKHCN',
    tasks: [{ content: `Tuyên truyền chuyển đổi số trên hệ thống truyền thanh cơ sở (${stamp})`, timeframe: 'Quý IV/2025', leads: [{ group: '01-G-XA-PHUONG' }] }],
  };
}

/**
 * Phường Hoàn Kiếm's implementing plan of an issued city plan: its one task led by one of the commune's
 * offices; drafted and submitted by the commune officer. Returns its id.
 */
export async function submittedImplementingPlan(cityPlanId: string): Promise<string> {
  const parent = await planAs('hoankiem.canbo', cityPlanId);
  const id = await draftPlan('hoankiem.canbo', {
    title: `Kế hoạch triển khai ${parent.title}`,
    focalUnitCode: '00070',
    parentPlanId: cityPlanId,
    tasks: parent.tasks.map((t) => ({ content: t.content, timeframe: t.timeframe ?? undefined, parentTaskId: t.id, leads: [{ unit: '00070-VHXH' }] })),
  });
  await submitPlan('hoankiem.canbo', id);
  return id;
}

// ---------------------------------------------------------------------------------------------
// Reporting (issue 12): plans with reporting duties and indicators, periods, unit reports.

/** Any call as a demo account, PUT included; throws with the answer on anything but 2xx. */
export async function apiAs(username: string, method: 'GET' | 'POST' | 'PUT', path: string, body?: unknown, headers: Record<string, string> = {}) {
  const { apiUrl, idpUrl } = urls();
  const token = await tokenFor(idpUrl, demoAccount(username));
  const r = await api(apiUrl, path, { method, token, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (r.status < 200 || r.status > 299) throw new Error(`${username} ${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

type UnitRef = { unit: string } | { group: string };

/** A plan draft with what reporting reads: its reporting duties and its indicators. */
export interface ReportingPlanDraft extends PlanDraft {
  reportingDuties?: { text: string; unitCode?: string | null; timeframe?: string | null }[];
  indicators?: { name: string; targets: { year: number; text: string }[]; focal: UnitRef[]; implementing: UnitRef[]; coordinators?: UnitRef[] }[];
}

/** Sở KH&CN's quarterly reporting duty ("Định kỳ hằng quý"), as plans write it. */
export const QUARTERLY_TO_SKHCN = { text: 'Định kỳ hằng quý báo cáo kết quả thực hiện qua Sở Khoa học và Công nghệ', unitCode: '01-SKHCN', timeframe: 'Định kỳ hằng quý' };

/**
 * A city plan of Sở KH&CN (focal) reporting quarterly, with one task and one rate indicator ("≥ 80%"),
 * both carried out by `units` (Phường Hoàn Kiếm and Phường Ba Đình unless told otherwise).
 */
export function quarterlyReportingPlan(stamp: string, units: UnitRef[] = [{ unit: '00070' }, { unit: '00004' }]): ReportingPlanDraft {
  return {
    title: `Kế hoạch phổ cập cáp quang hộ gia đình ${stamp}`,
    focalUnitCode: '01-SKHCN',
    reportingDuties: [QUARTERLY_TO_SKHCN],
    tasks: [{ content: `Vận động hộ gia đình lắp đặt cáp quang (${stamp})`, timeframe: 'Quý IV/2025', leads: units }],
    indicators: [{ name: `Tỷ lệ hộ gia đình có cáp quang (${stamp})`, targets: [{ year: 2025, text: '≥ 80%' }], focal: [{ unit: '01-SKHCN' }], implementing: units }],
  };
}

/** The focal unit opens the plan's Quý IV/2025 period; returns its id. */
export async function openQuarterIV2025(planId: string, focal = 'skhcn.daumoi'): Promise<string> {
  const period = await apiAs(focal, 'POST', `/plans/${planId}/periods`, { kind: 'quarter', reference: '2025-11-15' });
  return period.id as string;
}

/**
 * `username`'s unit starts its report of the period, gives every rate indicator `numerator`/`denominator`,
 * writes its results and submits it; returns the report's id.
 */
export async function submittedUnitReport(username: string, periodId: string, figures: { numerator: number; denominator: number; results?: string } = { numerator: 40, denominator: 50 }): Promise<string> {
  const r = await apiAs(username, 'POST', `/reporting/periods/${periodId}/my-report`);
  const indicators = (r.indicators as { indicatorId: string; kind: string }[])
    .filter((i) => i.kind === 'rate')
    .map((i) => ({ indicatorId: i.indicatorId, numerator: figures.numerator, denominator: figures.denominator }));
  const saved = await apiAs(username, 'PUT', `/reporting/reports/${r.id}`, { version: r.version, sections: { results: figures.results ?? `Kết quả của ${username}` }, indicators });
  await apiAs(username, 'POST', `/reporting/reports/${r.id}/submit`, { version: saved.version });
  return r.id as string;
}
