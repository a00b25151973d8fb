// Reporting phases of the benchmark harness (issue 12), imported by harness.mjs:
//
//  (e) consolidation of plan 402 for one quarter, as its focal unit: set-up (untimed) opens the quarter (or reuses
//      it), has every expected unit with a bench account — all 126 communes, the departments — start, fill
//      (indicator values) and submit its report; then times the consolidated report composed live
//      (GET /reporting/consolidated/:id, N runs), its DOCX (export job requested → polled every 20 ms → file
//      downloaded, N runs), the submission (once: composes and freezes the figures) and the DOCX of the
//      submitted report (figures frozen: rendering alone).
//  (f) the dashboards as the leader: GET /reporting/dashboard/plans/<402> and GET /reporting/dashboard/portfolio
//      with autocannon at concurrency 8 and 32.
//
// The data set is reused from run to run: a consolidated report left submitted (or approved, as the demo seed
// leaves 402's Quý IV/2025) is returned (or reopened) by the leader first, so it is composed live again.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';

const TARGET_CONSOLIDATION_MS = 2000;
const TARGET_DASHBOARD_P99_MS = 50;

/**
 * Bench accounts for every Hà Nội tier-1 unit valid today (bench.<code>, department officer and focal officer):
 * they write the departments' reports and act for 402's focal unit when no demo account does.
 */
export function tierOneAccounts(root) {
  const dir = JSON.parse(readFileSync(join(root, 'seeds/organization/directory/ha-noi.json'), 'utf8'));
  const today = new Date().toISOString().slice(0, 10);
  return dir.units
    .filter((u) => u.tier === 1 && (u.validFrom ?? '0000') <= today && (!u.validTo || u.validTo >= today))
    .map((u) => ({
      realm: 'ha-noi', username: `bench.${u.code}`, password: 'Demo@2025', firstName: 'Bench', lastName: u.code,
      email: `bench.${u.code.toLowerCase()}@hanoi.demo`, unit: u.code, tier: 1, roles: ['department-officer', 'focal-officer'], title: 'Bench department officer',
    }));
}

const hash = (s) => createHash('sha1').update(s).digest().readUInt32BE(0);

/** A unit's figure for an indicator: a rate as numerator/denominator, a value, a rank. */
function figure(unitCode, i) {
  const h = hash(`${unitCode}/${i.indicatorId}`);
  if (i.kind === 'rate') {
    const denominator = 100 + (h % 4900);
    return { indicatorId: i.indicatorId, numerator: Math.round(denominator * (0.6 + ((h >> 8) % 41) / 100)), denominator, evidence: 'Số liệu đo hiệu năng / benchmark' };
  }
  if (i.kind === 'value') return { indicatorId: i.indicatorId, value: 1 + (h % 90), evidence: 'Số liệu đo hiệu năng / benchmark' };
  return { indicatorId: i.indicatorId, rank: 1 + (h % 20), evidence: 'Số liệu đo hiệu năng / benchmark' };
}

/** Runs `fn` over `items`, `width` at a time. */
async function pool(items, width, fn) {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(width, items.length) }, async () => {
    while (next < items.length) await fn(items[next++]);
  }));
}

/**
 * Waits until every event-feed subscriber (tallies, notifications, the trend…) has read the last event logged:
 * the set-up's hundreds of submissions are projected after their commits, and would otherwise run inside the
 * timed requests. Returns how long it took.
 */
async function feedCaughtUp(db, timeoutMs = 180_000) {
  const t0 = Date.now();
  for (;;) {
    const { rows } = await db.query(
      `SELECT count(*)::int AS behind
         FROM event_feed_checkpoint c,
              (SELECT transaction_id, sequence FROM event_log ORDER BY transaction_id DESC, sequence DESC LIMIT 1) head
        WHERE (c.transaction_id, c.sequence) < (head.transaction_id, head.sequence)`,
    );
    if (rows[0].behind === 0) return Date.now() - t0;
    if (Date.now() - t0 > timeoutMs) throw new Error(`the event feed did not catch up in ${timeoutMs} ms (${rows[0].behind} subscribers behind)`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const stats = (times) => {
  const s = [...times].sort((a, b) => a - b);
  const mid = s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  return { runs: s.length, p50_ms: +mid.toFixed(1), min_ms: +s[0].toFixed(1), max_ms: +s.at(-1).toFixed(1) };
};

/**
 * (e) Consolidation of plan `planId` for the plan year's fourth quarter.
 * ctx: { API, api(method, path, tok, body), token(username), db, log, emit(line), communes, accounts (usernames that exist), demoAccounts, runs }
 */
export async function measureConsolidation(ctx, planId) {
  const { API, api, token, db, log, emit, runs } = ctx;
  const leader = await token('lanhdao');
  const plan = await api('GET', `/plans/${planId}`, leader);
  const focalUnit = plan.focalUnitCode ?? plan.issuerUnitCode;
  // The focal officer: a demo account of the focal unit with the right roles, else the bench account.
  const demo = ctx.demoAccounts.find((a) => a.realm === 'ha-noi' && a.unit === focalUnit && a.roles.includes('focal-officer'));
  const focalUser = demo?.username ?? `bench.${focalUnit}`;
  const focal = await token(focalUser);
  log(`(e) plan ${plan.number}/${plan.symbol} (${planId}): focal unit ${focalUnit}, acting as ${focalUser}`);

  // The quarter: Q4 of the plan's year, opened unless it is there already.
  const year = plan.year;
  const { items } = await api('GET', `/reporting/periods?planId=${planId}`, focal);
  let period = items.find((p) => p.kind === 'quarter' && p.startDate === `${year}-10-01`);
  if (!period) {
    period = await api('POST', `/plans/${planId}/periods`, focal, { kind: 'quarter', reference: `${year}-11-15` });
    log(`(e) opened ${period.label}`);
  } else log(`(e) reusing ${period.label} (${period.status})`);
  if (period.status !== 'open') throw new Error(`period ${period.label} of plan ${planId} is closed: the units cannot submit any more`);

  // Every expected unit with a bench account starts, fills and submits its report (untimed set-up).
  const tracker = await api('GET', `/reporting/periods/${period.id}/tracker`, focal);
  const writers = tracker.rows.filter((r) => ctx.accounts.has(`bench.${r.unitCode}`));
  const tally = { submitted: 0, already: 0, skipped: 0 };
  const t0 = process.hrtime.bigint();
  await pool(writers, 8, async (row) => {
    const tok = await token(`bench.${row.unitCode}`);
    let r = await api('POST', `/reporting/periods/${period.id}/my-report`, tok);
    if (r.status === 'submitted' || r.status === 'accepted') return void tally.already++;
    if (r.status !== 'draft' && r.status !== 'returned') return void tally.skipped++;
    r = await api('PUT', `/reporting/reports/${r.id}`, tok, {
      version: r.version,
      sections: {
        results: `Đã triển khai ${r.tasks.length} nhiệm vụ được giao; ${r.tasks.filter((t) => t.status === 'done').length} nhiệm vụ hoàn thành trong quý.`,
        difficulties: hash(`${row.unitCode}/d`) % 3 === 0 ? 'Kinh phí bố trí chậm; thiếu nhân lực chuyên trách.' : '',
        proposals: hash(`${row.unitCode}/p`) % 4 === 0 ? 'Đề nghị hỗ trợ đào tạo kỹ năng số cho cán bộ cơ sở.' : '',
      },
      indicators: r.indicators.map((i) => figure(row.unitCode, i)),
    });
    await api('POST', `/reporting/reports/${r.id}/submit`, tok, { version: r.version });
    tally.submitted++;
  });
  const after = await api('GET', `/reporting/periods/${period.id}/tracker`, focal);
  const communesIn = after.rows.filter((r) => r.tier === 2 && ctx.communes.has(r.unitCode));
  const communesDone = communesIn.filter((r) => r.status === 'submitted' || r.status === 'accepted').length;
  log(
    `(e) set-up in ${(ms(t0) / 1000).toFixed(1)} s: ${tally.submitted} reports submitted now, ${tally.already} already in, ${tally.skipped} skipped; ` +
      `completeness ${after.completeness.submitted}/${after.completeness.expected} (communes ${communesDone}/${communesIn.length})`,
  );

  // The consolidated report, composed live: a draft, or brought back to one.
  let c;
  const existing = (await api('GET', `/reporting/periods/${period.id}`, focal)).consolidated;
  if (!existing) {
    const t = process.hrtime.bigint();
    c = await api('POST', `/reporting/periods/${period.id}/consolidated`, focal);
    emit({ op: 'e0: create the consolidated report (POST …/consolidated, composes)', concurrency: 1, runs: 1, p50_ms: +ms(t).toFixed(1), max_ms: +ms(t).toFixed(1), errors: 0 });
  } else {
    c = await api('GET', `/reporting/consolidated/${existing.id}`, focal);
    if (c.status === 'submitted') c = await api('POST', `/reporting/consolidated/${c.id}/return`, leader, { version: c.version, reason: 'Đo hiệu năng: trả lại để tổng hợp lại / benchmark: returned to compose again' });
    else if (c.status === 'approved') c = await api('POST', `/reporting/consolidated/${c.id}/reopen`, leader, { version: c.version, reason: 'Đo hiệu năng: mở lại để tổng hợp lại / benchmark: reopened to compose again' });
    log(`(e) consolidated report ${c.id} is ${c.status} (revision ${c.revision}): composed live`);
  }
  log(`(e) event feed caught up in ${await feedCaughtUp(db)} ms`);
  const unitReports = c.unitReports.length;
  const facts = { units: unitReports, reporting: c.completeness.submitted, expected: c.completeness.expected, tasks: c.taskRows.length, indicators: c.indicators.length };

  // (e1) composed live, every time (one untimed run first: the first request after a start compiles the path).
  const compose = [];
  let bytes = 0;
  for (let i = -1; i < runs; i++) {
    const t = process.hrtime.bigint();
    const res = await fetch(`${API}/reporting/consolidated/${c.id}`, { headers: { authorization: `Bearer ${focal}` } });
    const body = await res.arrayBuffer();
    if (i >= 0) compose.push(ms(t));
    else log(`(e) first compose after the start (untimed): ${ms(t).toFixed(0)} ms`);
    if (!res.ok) throw new Error(`GET consolidated: ${res.status} ${Buffer.from(body).toString()}`);
    bytes = body.byteLength;
  }
  const e1 = { op: 'e1: consolidated report composed live (GET /reporting/consolidated/:id)', concurrency: 1, ...stats(compose), errors: 0, bytes, ...facts };
  emit(e1);

  // (e2) the DOCX of the draft: request → poll every 20 ms → file received.
  const docx = async (label, warmUp) => {
    const times = [];
    const server = [];
    let size = 0;
    let first = null;
    for (let i = warmUp ? -1 : 0; i < runs; i++) {
      const t = process.hrtime.bigint();
      let job = await api('POST', '/reporting/exports', focal, { subject: 'consolidated-report', id: c.id, format: 'docx' });
      while (job.status === 'queued' || job.status === 'running') {
        await new Promise((r) => setTimeout(r, 20));
        job = await api('GET', `/reporting/exports/${job.id}`, focal);
      }
      if (job.status !== 'done') throw new Error(`export ${job.id}: ${job.status} ${JSON.stringify(job.error)}`);
      const res = await fetch(`${API}/reporting/exports/${job.id}/file`, { headers: { authorization: `Bearer ${focal}` } });
      const file = await res.arrayBuffer();
      if (!res.ok) throw new Error(`export file: ${res.status}`);
      size = file.byteLength;
      if (i < 0) {
        first = +ms(t).toFixed(1);
        log(`(e) first DOCX after the start (untimed): ${first} ms`);
        continue;
      }
      times.push(ms(t));
      server.push(new Date(job.finishedAt) - new Date(job.createdAt));
    }
    const line = { op: label, concurrency: 1, ...stats(times), errors: 0, bytes: size, job_ms_p50: stats(server).p50_ms, ...(first !== null ? { first_ms: first } : {}) };
    emit(line);
    return line;
  };
  const e2 = await docx('e2: DOCX of the draft (export requested → polled every 20 ms → downloaded)', true);

  // (e3) submitted once: composes in the command's transaction and freezes the figures.
  const t = process.hrtime.bigint();
  c = await api('POST', `/reporting/consolidated/${c.id}/submit`, focal, { version: c.version });
  const submitMs = +ms(t).toFixed(1);
  emit({ op: 'e3: submit the consolidated report (composes and freezes)', concurrency: 1, runs: 1, p50_ms: submitMs, max_ms: submitMs, errors: 0 });
  await feedCaughtUp(db);
  const e4 = await docx('e4: DOCX of the submitted report (figures frozen: rendering only)', false);

  const total = { p50: +(e1.p50_ms + e2.p50_ms).toFixed(1), max: +(e1.max_ms + e2.max_ms).toFixed(1) };
  emit({
    op: 'e1+e2: consolidation composed + its DOCX',
    concurrency: 1,
    runs,
    p50_ms: total.p50,
    max_ms: total.max,
    errors: 0,
    target_ms: TARGET_CONSOLIDATION_MS,
    met: total.max <= TARGET_CONSOLIDATION_MS,
  });
  return { period, consolidatedId: c.id, e4, ...facts };
}

/** (f) The leader's dashboards under load. ctx: { API, token, cannon, record } */
export async function measureDashboards(ctx, planId) {
  const { API, token, cannon, record } = ctx;
  const leader = await token('lanhdao');
  for (const [op, path] of [
    ['f: plan 402 dashboard (leader)', `/reporting/dashboard/plans/${planId}`],
    ['f: portfolio dashboard (leader)', '/reporting/dashboard/portfolio'],
  ]) {
    const probe = await fetch(`${API}${path}`, { headers: { authorization: `Bearer ${leader}` } });
    const body = Buffer.from(await probe.arrayBuffer());
    if (!probe.ok) throw new Error(`${op}: ${probe.status}`);
    // What the answer holds: the portfolio's plans grow with the data set ((d) issues 7 plans a run).
    const dto = JSON.parse(body.toString('utf8'));
    const shape = dto.plans ? { plans: dto.plans.length } : { units: dto.departments.length + dto.communes.length, indicators: dto.indicators.length, overdueTotal: dto.overdueTotal };
    for (const c of [8, 32]) {
      const r = await cannon({ url: `${API}${path}`, connections: c, headers: { authorization: `Bearer ${leader}` } });
      record(op, c, r, { bytes: body.byteLength, ...shape, target_p99_ms: TARGET_DASHBOARD_P99_MS, met: r.latency.p99 <= TARGET_DASHBOARD_P99_MS });
    }
  }
}

/** The reporting table for docs/benchmarks.md (between its markers). */
export function reportingSection(lines, meta) {
  const notes = (r) =>
    [
      r.plans !== undefined ? `${r.plans} plans` : '',
      r.units !== undefined && r.op.startsWith('f') ? `${r.units} units, ${r.indicators} indicators, ${r.overdueTotal} overdue` : '',
      r.units !== undefined && r.op.startsWith('e1:') ? `${r.units} unit reports, ${r.tasks} tasks, ${r.indicators} indicators` : '',
      r.job_ms_p50 !== undefined ? `job ${r.job_ms_p50} ms on the server (median)` : '',
      r.first_ms !== undefined ? `first after the start ${r.first_ms} ms (untimed)` : '',
      r.met !== undefined ? (r.met ? 'target met' : 'target missed') : '',
    ]
      .filter(Boolean)
      .join('; ');
  const row = (r) =>
    `| ${r.op} | ${r.concurrency} | ${r.runs ?? '–'} | ${r.rps ?? '–'} | ${r.p50_ms} | ${r.p99_ms ?? '–'} | ${r.max_ms ?? '–'} | ${r.bytes ?? '–'} | ${r.errors} | ${notes(r)} |`;
  return `Measured ${meta.date} on this machine (${meta.cpus} cores shared by the load generator, the API and PostgreSQL), API workers: ${meta.workers}, data set: ${meta.assignments} assignments in force; (f) ${meta.duration} s per measurement after a 2 s warm-up; (e) ${meta.runs} runs each, one after the other.

| measurement | concurrency | runs | requests/s | p50 / median ms | p99 ms | max ms | bytes | errors | notes |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${lines.map(row).join('\n')}

Targets (issue 12): consolidation of 402 for one quarter, DOCX included (e1 + e2), ≤ ${TARGET_CONSOLIDATION_MS} ms; the dashboard's queries (f) p99 ≤ ${TARGET_DASHBOARD_P99_MS} ms.`;
}
