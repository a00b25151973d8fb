import { randomUUID } from 'node:crypto';
import type { AssignmentWorkAction, AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { DEMO_ACCOUNTS, type DemoAccount, api, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';

/**
 * The execution access matrix (issue 10), with real tokens against the running API, for every demo
 * account and every execution endpoint:
 * - an assignment the account does not see is 404 for every verb — reads (work page, timeline, evidence
 *   download) and writes (progress, evidence upload, verify, return, obstacles, extensions, urging);
 *   a commune never sees another commune's work, Hải Phòng never sees Hà Nội's;
 * - on an assignment it sees, `allowedActions` tells the truth: every command not listed is refused
 *   (400/403/404/409) and the first listed command is accepted (later ones may meet the state it left: 409);
 * - the lists (my work, the department's work, the verification queue) name only assignments it sees.
 * Each account gets a fresh plan whose assignments wait in every state an action needs (reported done,
 * an open and an escalated obstacle, a pending extension).
 */
const REFUSED = [400, 403, 404, 409];
const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

describe('execution access: every endpoint × every demo account (real tokens, running API)', () => {
  const { apiUrl, idpUrl } = urls();
  const byName = (u: string) => DEMO_ACCOUNTS.find((a) => a.username === u) as DemoAccount;
  let issueNumber = 70_000 + Math.floor(Math.random() * 20_000);

  const send = (path: string, token: string, method = 'GET', body?: object, headers: Record<string, string> = {}) =>
    api(apiUrl, path, { method, token, headers, body: body ? JSON.stringify(body) : undefined });
  const must = async (path: string, token: string, method = 'POST', body?: object, headers: Record<string, string> = {}) => {
    const r = await send(path, token, method, body, headers);
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };
  const upload = async (assignmentId: string, token: string) => {
    const form = new FormData();
    form.append('file', new Blob([PDF], { type: 'application/pdf' }), 'bien-ban.pdf');
    const res = await fetch(`${apiUrl}/assignments/${assignmentId}/evidence`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'idempotency-key': randomUUID() },
      body: form,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  };
  const progress = (id: string, token: string, body: object) => send(`/assignments/${id}/progress`, token, 'POST', body, { 'idempotency-key': randomUUID() });

  interface Given {
    planId: string;
    taskId: string;
    /** Assignment ids: Hoàn Kiếm coordinates and Ba Đình coordinates task 1 (led by Sở GD&ĐT); Hoàn Kiếm leads task 2. */
    hk: string;
    bd: string;
    sgddt: string;
    hkLead: string;
    evidenceId: string;
  }

  /** A fresh city plan (focal: Sở KH&CN) with its assignments waiting in every state. */
  async function given(): Promise<Given> {
    const [dept, leader, hk, bd, sgddt] = await Promise.all(['skhcn.daumoi', 'lanhdao', 'hoankiem.canbo', 'badinh.canbo', 'sgddt.canbo'].map((u) => tokenFor(idpUrl, byName(u))));
    const { id: planId } = await must('/plans', dept, 'POST', {
      title: 'Kế hoạch kiểm thử quyền thực hiện',
      year: 2025,
      focalUnitCode: '01-SKHCN',
      tasks: [
        { content: 'Nhiệm vụ có đơn vị phối hợp', timeframe: 'Quý IV/2025', leads: [{ unit: '01-SGDDT' }], coordinators: [{ unit: '00070' }, { unit: '00004' }] },
        { content: 'Nhiệm vụ phường chủ trì', timeframe: 'Năm 2025', leads: [{ unit: '00070' }], coordinators: [] },
      ],
    });
    await must(`/plans/${planId}/submit`, dept);
    await must(`/plans/${planId}/approve`, leader);
    await must(`/plans/${planId}/issue`, leader, 'POST', { number: issueNumber++, issueDate: '2025-10-02' });
    const plan = await must(`/plans/${planId}`, leader, 'GET');
    const of = (t: number, unit: string) => plan.tasks[t].assignments.find((x: { unitCode: string }) => x.unitCode === unit).id as string;
    const g: Given = { planId, taskId: plan.tasks[0].id, hk: of(0, '00070'), bd: of(0, '00004'), sgddt: of(0, '01-SGDDT'), hkLead: of(1, '00070'), evidenceId: '' };
    const evidence = await upload(g.hk, hk);
    if (evidence.status !== 201) throw new Error(`evidence upload: ${evidence.status} ${JSON.stringify(evidence.body)}`);
    g.evidenceId = evidence.body.id;
    // Hoàn Kiếm's coordinator work: reported done (pending), an open and an escalated obstacle, a pending extension.
    await must(`/assignments/${g.hk}/progress`, hk, 'POST', { version: 0, status: 'done', percent: 100, evidenceIds: [g.evidenceId] }, { 'idempotency-key': randomUUID() });
    await must(`/assignments/${g.hk}/obstacles`, hk, 'POST', { description: 'Vướng mắc còn mở' });
    const second = await must(`/assignments/${g.hk}/obstacles`, hk, 'POST', { description: 'Vướng mắc cần lãnh đạo' });
    await must(`/obstacles/${second.obstacles[1].id}/escalate`, dept, 'POST', {});
    await must(`/assignments/${g.hk}/extensions`, hk, 'POST', { requestedDue: '2099-12-31', reason: 'Chờ kinh phí' });
    // Hoàn Kiếm's lead work: reported done, a pending extension. Sở GD&ĐT in progress; Ba Đình not started.
    await must(`/assignments/${g.hkLead}/progress`, hk, 'POST', { version: 0, status: 'done', percent: 100 }, { 'idempotency-key': randomUUID() });
    await must(`/assignments/${g.hkLead}/extensions`, hk, 'POST', { requestedDue: '2099-12-31', reason: 'Chờ kinh phí' });
    await must(`/assignments/${g.sgddt}/progress`, sgddt, 'POST', { version: 0, status: 'in-progress', percent: 40 }, { 'idempotency-key': randomUUID() });
    await must(`/assignments/${g.bd}/obstacles`, bd, 'POST', { description: 'Ba Đình chưa có kinh phí' });
    return g;
  }

  /** Tries one action on an assignment (its page as read just before), as the account. */
  async function attempt(action: AssignmentWorkAction, w: AssignmentWorkDto, token: string) {
    const open = w.obstacles.find((o) => o.status === 'open') ?? w.obstacles[0];
    const escalated = w.obstacles.find((o) => o.status === 'escalated') ?? w.obstacles[0];
    const pending = w.extensions.find((x) => x.status === 'pending') ?? w.extensions[0];
    const id = w.assignmentId;
    switch (action) {
      case 'update-progress':
        return progress(id, token, { version: w.version, status: 'in-progress', percent: 50 });
      case 'upload-evidence':
        return upload(id, token);
      case 'raise-obstacle':
        return send(`/assignments/${id}/obstacles`, token, 'POST', { description: 'Kiểm thử quyền' });
      case 'request-extension':
        return send(`/assignments/${id}/extensions`, token, 'POST', { requestedDue: '2099-11-30', reason: 'Kiểm thử quyền' });
      case 'verify':
        return send(`/assignments/${id}/verify`, token, 'POST', { version: w.version });
      case 'return':
        return send(`/assignments/${id}/return`, token, 'POST', { version: w.version, reason: 'Kiểm thử quyền' });
      case 'urge':
        return send('/execution/urge', token, 'POST', { assignmentId: id });
      case 'answer-obstacle':
        return open ? send(`/obstacles/${open.id}/answer`, token, 'POST', { answer: 'Kiểm thử quyền' }) : null;
      case 'escalate-obstacle':
        return open ? send(`/obstacles/${open.id}/escalate`, token, 'POST', {}) : null;
      case 'give-directive':
        return escalated ? send(`/obstacles/${escalated.id}/directive`, token, 'POST', { directive: 'Kiểm thử quyền' }) : null;
      case 'decide-extension':
        return pending ? send(`/extensions/${pending.id}/decision`, token, 'POST', { approve: false }) : null;
    }
  }
  const ACTIONS: AssignmentWorkAction[] = [
    'update-progress', 'upload-evidence', 'raise-obstacle', 'request-extension', 'verify', 'return', 'urge',
    'answer-obstacle', 'escalate-obstacle', 'give-directive', 'decide-extension',
  ];

  /** Every verb on an assignment the account does not see: 404, whatever the ids it guesses. */
  async function everyVerbIs404(id: string, token: string, seen: AssignmentWorkDto): Promise<string[]> {
    const wrong: string[] = [];
    const expect404 = (what: string, r: { status: number } | null) => {
      if (r && r.status !== 404) wrong.push(`${what} on an unseen assignment: ${r.status}`);
    };
    expect404('GET work', await send(`/assignments/${id}/work`, token));
    expect404('GET timeline', await send(`/assignments/${id}/timeline`, token));
    expect404('POST progress', await progress(id, token, { version: seen.version, status: 'in-progress', percent: 10 }));
    expect404('POST evidence', await upload(id, token));
    expect404('POST verify', await send(`/assignments/${id}/verify`, token, 'POST', { version: seen.version }));
    expect404('POST return', await send(`/assignments/${id}/return`, token, 'POST', { version: seen.version, reason: 'x' }));
    expect404('POST obstacles', await send(`/assignments/${id}/obstacles`, token, 'POST', { description: 'x' }));
    expect404('POST extensions', await send(`/assignments/${id}/extensions`, token, 'POST', { requestedDue: '2099-12-31', reason: 'x' }));
    expect404('POST urge', await send('/execution/urge', token, 'POST', { assignmentId: id }));
    for (const o of seen.obstacles) {
      expect404('POST obstacle answer', await send(`/obstacles/${o.id}/answer`, token, 'POST', { answer: 'x' }));
      expect404('POST obstacle escalate', await send(`/obstacles/${o.id}/escalate`, token, 'POST', {}));
      expect404('POST obstacle directive', await send(`/obstacles/${o.id}/directive`, token, 'POST', { directive: 'x' }));
    }
    for (const x of seen.extensions) expect404('POST extension decision', await send(`/extensions/${x.id}/decision`, token, 'POST', { approve: true }));
    for (const e of seen.evidence) expect404('GET evidence content', await send(`/evidence/${e.id}/content`, token));
    return wrong;
  }

  it.each(DEMO_ACCOUNTS.map((a) => [a.username, a] as const))('%s', async (_u, account) => {
    const token = await tokenFor(idpUrl, account);
    const leader = await tokenFor(idpUrl, byName('lanhdao'));
    const g = await given();
    const wrong: string[] = [];
    const visible = new Set<string>();
    for (const [name, id] of [['hk', g.hk], ['bd', g.bd], ['sgddt', g.sgddt], ['hkLead', g.hkLead]] as const) {
      // What the leader (who sees everything of the province) sees, for the ids an outsider would guess.
      const seen: AssignmentWorkDto = await must(`/assignments/${id}/work`, leader, 'GET');
      const page = await send(`/assignments/${id}/work`, token);
      if (page.status === 404) {
        wrong.push(...(await everyVerbIs404(id, token, seen)).map((w) => `${name}: ${w}`));
        continue;
      }
      if (page.status !== 200) {
        wrong.push(`${name}: GET work ${page.status}`);
        continue;
      }
      visible.add(id);
      // A commune never sees another commune's or a department's work; Hải Phòng never sees Hà Nội's.
      if (account.tier === 2 && !(page.body.unitCode === account.unit || page.body.unitCode.startsWith(`${account.unit}-`))) wrong.push(`${name}: a commune sees ${page.body.unitCode}`);
      if (account.realm !== 'ha-noi') wrong.push(`${name}: another province sees it`);
      const timeline = await send(`/assignments/${id}/timeline`, token);
      if (timeline.status !== 200) wrong.push(`${name}: GET timeline ${timeline.status}`);
      for (const e of page.body.evidence) {
        const r = await send(`/evidence/${e.id}/content`, token);
        if (r.status !== 200) wrong.push(`${name}: GET evidence content ${r.status}`);
      }
      const allowed: AssignmentWorkAction[] = page.body.allowedActions;
      for (const action of ACTIONS.filter((a) => !allowed.includes(a))) {
        const r = await attempt(action, page.body, token);
        if (r && !REFUSED.includes(r.status)) wrong.push(`${name}: ${action} not listed, but the command answered ${r.status}`);
      }
      let first = true;
      for (const action of ACTIONS.filter((a) => allowed.includes(a))) {
        const now = await send(`/assignments/${id}/work`, token);
        const r = await attempt(action, now.body, token);
        const ok = r !== null && (r.status < 300 || (!first && r.status === 409));
        if (!ok) wrong.push(`${name}: ${action} listed, but the command answered ${r?.status} ${JSON.stringify(r?.body?.code ?? '')}`);
        first = false;
      }
    }
    // The lists name only what the account sees.
    for (const path of ['/my/work?limit=100', `/execution/work?planId=${g.planId}&limit=100`, '/execution/verification-queue?limit=100']) {
      const r = await send(path, token);
      if (r.status === 200) {
        const outside = (r.body.items as { assignmentId: string; planId: string }[]).filter((i) => i.planId === g.planId && !visible.has(i.assignmentId));
        if (outside.length) wrong.push(`${path}: lists ${outside.length} assignment(s) the account does not see`);
      } else if (r.status !== 403) wrong.push(`${path}: ${r.status}`);
    }
    expect(wrong).toEqual([]);
  });
});
