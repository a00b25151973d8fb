import { type PlanAction, type PlanListAction } from '@dieu-hanh/shared/contracts';
import { DEMO_ACCOUNTS, type DemoAccount, api, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';

/**
 * `allowedActions` tells the truth: for every demo account and plans in each status (city and commune
 * plans), every command the API lists for the caller is accepted by that command, and every command it
 * does not list is refused (400/403/404/409). The browser shows buttons from this list only, so a button
 * shown is a command allowed and a command allowed has its action listed. Each account gets fresh plans
 * (the commands it tries change them); the commands not listed run first, so a wrongly refused listing
 * is caught before the listed ones move the plan on.
 */
const COMMANDS = ['revise', 'amend', 'implement', 'submit', 'approve', 'return', 'issue', 'close'] as const satisfies readonly PlanAction[];
type Command = (typeof COMMANDS)[number];
const REFUSED = [400, 403, 404, 409];

type Scenario = 'city-draft' | 'city-submitted' | 'city-approved' | 'city-issued' | 'commune-draft' | 'commune-submitted' | 'commune-issued';
const SCENARIOS: Scenario[] = ['city-draft', 'city-submitted', 'city-approved', 'city-issued', 'commune-draft', 'commune-submitted', 'commune-issued'];

const draft = (leads: string, title = 'Kế hoạch kiểm thử allowedActions') => ({
  title,
  year: 2025,
  tasks: [{ content: 'Nhiệm vụ kiểm thử', leads: [{ unit: leads }], coordinators: [] }],
});

describe('allowedActions: every action listed is accepted, every command not listed is refused (real tokens, running API)', () => {
  const { apiUrl, idpUrl } = urls();
  const byName = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u) as DemoAccount;
  // Issue numbers are at most 100000 and unique per issuer and year.
  let issueNumber = 20_000 + Math.floor(Math.random() * 50_000);

  const send = async (path: string, token: string, method = 'GET', body?: object) =>
    api(apiUrl, path, { method, token, body: body ? JSON.stringify(body) : undefined });
  const must = async (path: string, token: string, method = 'POST', body?: object) => {
    const r = await send(path, token, method, body);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  /** A fresh plan in the scenario's status, moved there by the accounts whose job it is. */
  async function given(scenario: Scenario): Promise<string> {
    const [dept, leader, hk, hkLeader] = await Promise.all(['skhcn.daumoi', 'lanhdao', 'hoankiem.canbo', 'hoankiem.lanhdao'].map((u) => tokenFor(idpUrl, byName(u))));
    const city = scenario.startsWith('city');
    const [drafter, decider] = city ? [dept, leader] : [hk, hkLeader];
    // A city plan gives work to Hoàn Kiếm (so it may implement it); a commune's plan to its own office.
    const { id } = await must('/plans', drafter, 'POST', draft(city ? '00070' : '00070-VHXH'));
    if (scenario.endsWith('draft')) return id;
    await must(`/plans/${id}/submit`, drafter);
    if (scenario.endsWith('submitted')) return id;
    await must(`/plans/${id}/approve`, decider);
    if (scenario.endsWith('approved')) return id;
    await must(`/plans/${id}/issue`, decider, 'POST', { number: issueNumber++, issueDate: '2025-10-02' });
    return id;
  }

  /** Tries one command as the account; the bodies are valid for the plan's write scope. */
  async function attempt(command: Command, planId: string, token: string, a: DemoAccount, plan: { version: number; issuerTier: number } | null) {
    const leads = plan?.issuerTier === 2 ? '00070-VHXH' : '00070';
    switch (command) {
      case 'revise':
        return send(`/plans/${planId}`, token, 'PUT', { ...draft(leads), version: plan?.version ?? 1 });
      case 'amend':
        return send(`/plans/${planId}/amendments`, token, 'POST', { ...draft(leads), version: plan?.version ?? 1, reason: 'Kiểm thử allowedActions' });
      case 'implement':
        return send('/plans', token, 'POST', { ...draft(a.unit, 'Kế hoạch triển khai kiểm thử'), parentPlanId: planId });
      case 'return':
        return send(`/plans/${planId}/return`, token, 'POST', { comments: [{ text: 'Kiểm thử' }] });
      case 'issue':
        return send(`/plans/${planId}/issue`, token, 'POST', { number: issueNumber++, issueDate: '2025-10-02' });
      default:
        return send(`/plans/${planId}/${command}`, token, 'POST');
    }
  }

  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('%s', async (_u, account) => {
    const token = await tokenFor(idpUrl, account);
    const wrong: string[] = [];
    let listedApprove = false;
    for (const scenario of SCENARIOS) {
      const planId = await given(scenario);
      const detail = await send(`/plans/${planId}`, token);
      const allowed: PlanAction[] = detail.status === 200 ? detail.body.allowedActions : [];
      if (detail.status !== 200 && detail.status !== 404) wrong.push(`${scenario}: GET ${detail.status}`);
      listedApprove ||= allowed.includes('approve');
      const plan = detail.status === 200 ? { version: detail.body.version, issuerTier: detail.body.issuerUnitCode === '00070' ? 2 : 1 } : null;
      // Views: history for whoever sees the plan; the implementation follow-up answers when listed.
      if (allowed.includes('view-history') !== (detail.status === 200)) wrong.push(`${scenario}: view-history listed ${allowed.includes('view-history')}`);
      if (allowed.includes('track-implementation')) {
        const r = await send(`/plans/${planId}/implementing`, token);
        if (r.status !== 200) wrong.push(`${scenario}: track-implementation listed, GET implementing ${r.status}`);
      }
      for (const c of COMMANDS.filter((x) => !allowed.includes(x))) {
        const r = await attempt(c, planId, token, account, plan);
        if (!REFUSED.includes(r.status)) wrong.push(`${scenario}: ${c} not listed, but the command answered ${r.status}`);
      }
      let first = true;
      for (const c of COMMANDS.filter((x) => allowed.includes(x))) {
        const r = await attempt(c, planId, token, account, plan);
        // The first listed command must succeed; later ones may meet the state the first one left (409).
        const ok = r.status < 300 || (!first && r.status === 409);
        if (!ok) wrong.push(`${scenario}: ${c} listed, but the command answered ${r.status} ${JSON.stringify(r.body?.code ?? '')}`);
        if (c !== 'implement') first = false;
      }
    }

    // The collection: `draft` listed ⇔ drafting is accepted; `review` ⇔ the account approves some plan.
    const list = await send('/plans?limit=1', token);
    const listActions: PlanListAction[] = list.body.allowedActions;
    const drafted = await send('/plans', token, 'POST', draft(account.tier === 2 ? account.unit : '01-SKHCN', 'Kế hoạch kiểm thử quyền soạn'));
    if (listActions.includes('draft') ? drafted.status !== 201 : drafted.status !== 403) wrong.push(`list: draft listed ${listActions.includes('draft')}, POST ${drafted.status}`);
    if (listActions.includes('review') !== listedApprove) wrong.push(`list: review listed ${listActions.includes('review')}, approve listed on a plan ${listedApprove}`);
    expect(wrong).toEqual([]);
  });
});
