// Execution and reporting benchmark harness (issues 10 and 12). Builds a data set, starts the built API against
// it, and measures with autocannon; prints one JSON line per measurement and writes docs/benchmarks.md.
//
//   node tools/bench/harness.mjs [--national] [--only a,b,c,d,e,f] [--duration 10] [--workers N] [--runs 5]
//                                [--min-assignments 30000] [--no-build] [--no-report] [--profile DIR]
//
//  (a) a progress update on a random open assignment, as its commune's officer
//  (b) one commune's open-assignment list, first page of 25          GET /my/work?limit=25
//  (c) a plan's progress summary by unit and status, as the leader    GET /plans/:id/progress
//  (d) fan-out of one new task to all 126 communes (HTTP, wall time of the issue command) and, with
//      --national, to all 3,321 (the in-process national bench: 34 provincial plans)
//  (e) consolidation of plan 402 for its year's Quý IV as its focal unit, after every commune (and department)
//      submitted its report with indicator values (untimed set-up): the consolidated report composed live
//      (GET, --runs times), its DOCX (export → poll every 20 ms → download, --runs times), the submission (once)
//      and the DOCX of the submitted report (tools/bench/reporting-bench.mjs)
//  (f) the leader's dashboards: GET /reporting/dashboard/plans/<402> and /reporting/dashboard/portfolio
//      ((e) and (f) on the demo data set only: --national skips them)
//
// The data set lives in its own folder (.data/bench or .data/bench-national) with its own embedded
// PostgreSQL port, so it never touches `npm start`'s database; it is built once and reused. It holds
// the demo directory (or the national one), the four seed plans, and copies of plan 402 issued through
// the API until there are at least --min-assignments assignments. A login server with one officer
// account per Hà Nội commune (bench.<code>) and one per Hà Nội tier-1 unit (bench.<code>, department and focal
// officer) is started from a copy of seeds/ so (a) acts as each assignment's own commune and (e) as each unit
// and as 402's focal unit. Figures go to the benchmark report, never into timed tests.
import { log, root, run, start, stopAll, waitFor } from './processes.mjs';
import { measureConsolidation, measureDashboards, reportingSection, tierOneAccounts } from './reporting-bench.mjs';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

const args = process.argv.slice(2);
const flag = (name) => args.includes(`--${name}`);
const option = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const national = flag('national');
const only = new Set(option('only', 'a,b,c,d,e,f').split(','));
const duration = Number(option('duration', 10));
const workers = Number(option('workers', process.env.API_WORKERS ?? 1));
const minAssignments = Number(option('min-assignments', 30000));
// (e): how many times each consolidation measurement runs.
const runs = Number(option('runs', 5));
// --profile DIR: the API writes a V8 CPU profile (.cpuprofile, open in Chrome DevTools) there on exit.
const profileDir = option('profile', '');
const dataDir = join(root, '.data', national ? 'bench-national' : 'bench');
const pgPort = national ? 54341 : 54340;
const apiPort = 3190;
const idpPort = 8190;
const API = `http://127.0.0.1:${apiPort}`;
const IDP = `http://127.0.0.1:${idpPort}`;
const databaseUrl = `postgres://postgres:postgres@127.0.0.1:${pgPort}/dieu_hanh`;
const results = [];





// ── The login server: the repo's seeds plus one officer per Hà Nội commune ──────────────────────────
function benchSeeds(communes) {
  const dir = join(dataDir, 'seeds');
  mkdirSync(dir, { recursive: true });
  cpSync(join(root, 'seeds'), dir, { recursive: true });
  const file = join(dir, 'identity', 'demo-accounts.json');
  const accounts = JSON.parse(readFileSync(file, 'utf8'));
  for (const code of communes) {
    accounts.accounts.push({
      realm: 'ha-noi', username: `bench.${code}`, password: 'Demo@2025', firstName: 'Bench', lastName: code,
      email: `bench.${code}@hanoi.demo`, unit: code, tier: 2, roles: ['commune-officer'], title: 'Bench commune officer',
    });
  }
  accounts.accounts.push(...tierOneAccounts(root));
  writeFileSync(file, JSON.stringify(accounts, null, 2));
  return { dir, accounts: accounts.accounts };
}

async function token(username) {
  const res = await fetch(`${IDP}/realms/ha-noi/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'cli', client_secret: 'dieu-hanh-cli-secret', username, password: 'Demo@2025' }),
  });
  if (!res.ok) throw new Error(`token ${username}: ${res.status} ${await res.text()}`);
  return (await res.json()).access_token;
}

async function api(method, path, tok, body) {
  const res = await fetch(`${API}${path}`, {
    method,
    headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json().catch(() => null);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

// ── Data set ─────────────────────────────────────────────────────────────────────────────────────────
async function assignmentCount(db) {
  const { rows } = await db.query(`SELECT count(*)::int AS n FROM planning_assignment WHERE assignment_status = 'assigned' AND plan_status = 'issued'`);
  return rows[0].n;
}

/** Issues copies of plan 402 (same tasks, same units) through the API until the data set is big enough. */
async function topUp(db) {
  let n = await assignmentCount(db);
  if (n >= minAssignments) return n;
  const dept = await token('skhcn.daumoi');
  const leader = await token('lanhdao');
  const { rows } = await db.query(`SELECT DISTINCT plan_id FROM planning_assignment WHERE plan_symbol LIKE '402/%' LIMIT 1`);
  if (!rows.length) throw new Error('plan 402 is not in the data set (seed the demo plans first)');
  const source = await api('GET', `/plans/${rows[0].plan_id}`, dept);
  // Tasks whose lead is still an unresolved reference ("pending") cannot be issued: the copies leave them out.
  const tasks = source.tasks.filter((t) => t.leads.some((l) => l.unit || l.group)).map((t) => ({
    content: t.content,
    expectedResult: t.expectedResult ?? undefined,
    timeframe: t.timeframe ?? undefined,
    leads: t.leads.filter((l) => l.unit || l.group).map((l) => (l.group ? { group: l.group } : { unit: l.unit })),
    coordinators: t.coordinators.filter((l) => l.unit || l.group).map((l) => (l.group ? { group: l.group } : { unit: l.unit })),
  }));
  for (let copy = 1; n < minAssignments; copy++) {
    const plan = await api('POST', '/plans', dept, { title: `${source.title} (bản sao đo hiệu năng ${copy})`, year: source.year, focalUnitCode: source.focalUnitCode ?? undefined, tasks });
    await api('POST', `/plans/${plan.id}/submit`, dept);
    await api('POST', `/plans/${plan.id}/approve`, leader);
    const issued = await api('POST', `/plans/${plan.id}/issue`, leader, { number: 20000 + copy + Math.floor(Math.random() * 1000) * 100, issueDate: source.issueDate ?? `${source.year}-10-02` });
    n += issued.assignments;
    log(`copy ${copy} of 402 issued: +${issued.assignments} → ${n} assignments`);
  }
  return n;
}

// ── Measurements ─────────────────────────────────────────────────────────────────────────────────────
function record(op, concurrency, r, extra = {}) {
  const line = {
    op,
    concurrency,
    rps: Math.round(r.requests.average),
    p50_ms: r.latency.p50,
    p99_ms: r.latency.p99,
    errors: r.errors + r.timeouts + (r.non2xx ?? 0),
    // Which answers the errors were (status → count), so a refusal is told from a failure.
    ...(r.non2xx ? { non2xx: Object.fromEntries(Object.entries(r.statusCodeStats ?? {}).filter(([code]) => !code.startsWith('2')).map(([code, v]) => [code, v.count])) } : {}),
    ...extra,
  };
  results.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

async function cannon(opts) {
  // Warm up the path (JIT, plan cache), then measure.
  await autocannon({ ...opts, duration: 2 });
  return autocannon({ ...opts, duration });
}

/** (a) Each connection owns a slice of the open assignments (no two connections write the same one) and keeps their versions from the answers. */
async function measureUpdates(db) {
  const { rows } = await db.query(
    `SELECT pa.assignment_id AS id, pa.unit_code AS unit, coalesce(w.version, 0) AS version
       FROM planning_assignment pa
       JOIN directory_unit u ON u.code = pa.unit_code AND u.kind = 'commune'
       LEFT JOIN work_state w ON w.assignment_id = pa.assignment_id
      WHERE pa.province_code = '01' AND pa.assignment_status = 'assigned' AND pa.plan_status = 'issued'
        AND coalesce(w.status, 'not-started') IN ('not-started', 'in-progress')`,
  );
  const tokens = new Map();
  for (const unit of new Set(rows.map((r) => r.unit))) tokens.set(unit, await token(`bench.${unit}`));
  for (const c of [8, 32]) {
    const slices = Array.from({ length: c }, () => []);
    // The rows themselves, not copies: the versions learnt at one concurrency carry over to the next.
    rows.forEach((r, i) => slices[i % c].push(r));
    let next = 0;
    const r = await cannon({
      url: API,
      connections: c,
      requests: [
        {
          method: 'POST',
          setupRequest(req, ctx) {
            ctx.slice ??= slices[next++ % c];
            const a = ctx.slice[Math.floor(Math.random() * ctx.slice.length)];
            ctx.current = a;
            return {
              ...req,
              path: `/assignments/${a.id}/progress`,
              headers: { authorization: `Bearer ${tokens.get(a.unit)}`, 'content-type': 'application/json', 'idempotency-key': randomUUID() },
              body: JSON.stringify({ version: a.version, status: 'in-progress', percent: 1 + Math.floor(Math.random() * 98), note: 'Đo hiệu năng / benchmark' }),
            };
          },
          onResponse(status, body, ctx) {
            if (status < 300) ctx.current.version = JSON.parse(body).version;
            else if (status === 409) {
              const current = JSON.parse(body).current;
              if (current) ctx.current.version = current.version;
            }
          },
        },
      ],
    });
    record('a: progress update', c, r, { assignments: rows.length });
  }
}

async function measureGet(op, path, username) {
  const tok = await token(username);
  const probe = await fetch(`${API}${path}`, { headers: { authorization: `Bearer ${tok}` } });
  const bytes = (await probe.arrayBuffer()).byteLength;
  if (!probe.ok) throw new Error(`${op}: ${probe.status}`);
  for (const c of [8, 32]) {
    const r = await cannon({ url: `${API}${path}`, connections: c, headers: { authorization: `Bearer ${tok}` } });
    record(op, c, r, { bytes });
  }
}

async function measureFanOut() {
  const dept = await token('skhcn.daumoi');
  const leader = await token('lanhdao');
  const times = [];
  for (let i = 0; i < 7; i++) {
    const plan = await api('POST', '/plans', dept, {
      title: `Bench fan-out #${i} ${Date.now()}`,
      year: 2026,
      tasks: [{ content: 'Nhiệm vụ mới cho mọi xã, phường', leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [] }],
    });
    await api('POST', `/plans/${plan.id}/submit`, dept);
    await api('POST', `/plans/${plan.id}/approve`, leader);
    const t0 = process.hrtime.bigint();
    const issued = await api('POST', `/plans/${plan.id}/issue`, leader, { number: 50000 + Math.floor(Math.random() * 49999), issueDate: '2026-01-05' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (issued.assignments !== 126) throw new Error(`expected 126 assignments, got ${issued.assignments}`);
  }
  times.sort((a, b) => a - b);
  const line = { op: 'd: fan-out 1 task → 126 communes (HTTP issue)', concurrency: 1, runs: times.length, p50_ms: +times[3].toFixed(1), min_ms: +times[0].toFixed(1), max_ms: +times.at(-1).toFixed(1), errors: 0 };
  results.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

function measureNationalFanOut() {
  const r = spawnSync('npx', ['jest', '-c', 'tools/bench/jest.bench.config.cjs'], { cwd: root, encoding: 'utf8', env: { ...process.env, BENCH_RUNS: '3' } });
  const out = `${r.stdout}\n${r.stderr}`;
  const start = out.indexOf('"34 provincial plans');
  const tail = start >= 0 ? out.slice(start) : '';
  const median = Number(/"totalMsMedian": ([\d.]+)/.exec(tail)?.[1]);
  const min = Number(/"totalMsMin": ([\d.]+)/.exec(tail)?.[1]);
  const max = Number(/"totalMsMax": ([\d.]+)/.exec(tail)?.[1]);
  const line = { op: 'd: fan-out 1 task → 3,321 communes (34 provincial issues, in-process)', concurrency: 1, runs: 3, p50_ms: median, min_ms: min, max_ms: max, errors: r.status === 0 ? 0 : 1 };
  results.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
}

// ── Report ───────────────────────────────────────────────────────────────────────────────────────────
const isReporting = (r) => /^[ef]/.test(r.op);

function writeReport(meta) {
  const file = join(root, 'docs', 'benchmarks.md');
  const reporting = results.filter(isReporting);
  const execution = results.filter((r) => !isReporting(r));
  let text = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const put = (begin, end, section) => {
    text = text.includes(begin) ? text.replace(new RegExp(`${begin}[\\s\\S]*?${end}`), () => section) : `${text.trimEnd()}\n\n${section}\n`;
  };
  // Each section is replaced only by a run that measured it: `--only e,f` leaves issue 10's table as it was.
  if (reporting.length && !national) {
    put('<!-- reporting-harness:begin -->', '<!-- reporting-harness:end -->', `<!-- reporting-harness:begin -->\n${reportingSection(reporting, { ...meta, workers, duration, runs })}\n<!-- reporting-harness:end -->`);
  }
  if (execution.length) put(...executionSection(execution, meta));
  writeFileSync(file, text);
  log(`report written to docs/benchmarks.md`);
}

function executionSection(results, meta) {
  const begin = `<!-- execution-harness${national ? '-national' : ''}:begin -->`;
  const end = `<!-- execution-harness${national ? '-national' : ''}:end -->`;
  const rows = results.map((r) => `| ${r.op} | ${r.concurrency} | ${r.rps ?? '–'} | ${r.p50_ms} | ${r.p99_ms ?? r.max_ms ?? '–'} | ${r.errors} |`).join('\n');
  const section = `${begin}
## Execution harness${national ? ' (--national)' : ''} (\`node tools/bench/harness.mjs${national ? ' --national' : ''}\`)

Measured ${meta.date} on this machine (${meta.cpus} cores, load generator included), API workers: ${workers}, data set: ${meta.assignments} assignments in force${national ? ', national directory' : ''}, ${duration} s per measurement after a 2 s warm-up.
For (d) the p99 column holds the slowest run.

| measurement | concurrency | requests/s | p50 ms | p99 ms | errors |
| --- | --- | --- | --- | --- | --- |
${rows}

Targets (issue 10): (a) ≥ 2,000 req/s at concurrency 32, p99 ≤ 100 ms; (b), (c) ≥ 2,000 req/s, p99 ≤ 50 ms; (d) ≤ 50 ms for 126 communes, ≤ 1 s for 3,321.
${end}`;
  return [begin, end, section];
}

// ── Main ─────────────────────────────────────────────────────────────────────────────────────────────
if (!flag('no-build')) run('npx', ['nx', 'run-many', '-t', 'build', '-p', 'api', 'dev-idp', '--output-style=static'], { NX_DAEMON: 'false' });
mkdirSync(dataDir, { recursive: true });
const apiEnv = {
  DIEU_HANH_DATA_DIR: dataDir,
  EMBEDDED_PG_PORT: String(pgPort),
  LOG_LEVEL: 'warn',
  AUTH_ISSUERS: `${IDP}/realms/ha-noi,${IDP}/realms/hai-phong`,
  PORT: String(apiPort),
};
log(`seeding the data set in ${dataDir} (${national ? 'national' : 'demo'} directory and the seed plans)`);
run(process.execPath, ['dist/apps/api/main.js', 'seed', ...(national ? ['--national'] : [])], apiEnv);

const db = new pg.Client({ connectionString: databaseUrl });
// The seed stops its embedded server; the API started below brings it back.
const hanoiCommunes = readFileSync(join(root, 'seeds/organization/communes-2025.csv'), 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => line.split(','))
  .filter(([province]) => province === '01')
  .map(([, , code]) => code);
const { dir: seedsDir, accounts: benchAccounts } = benchSeeds(hanoiCommunes);
start('login', ['dist/apps/dev-idp/main.js'], { PORT: String(idpPort), DEV_IDP_PUBLIC_URL: IDP, SEEDS_DIR: seedsDir, DEV_IDP_DATA_DIR: join(dataDir, 'dev-idp') });
start('api', [...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []), 'dist/apps/api/main.js'], { ...apiEnv, API_WORKERS: String(workers) });
await Promise.all([waitFor(`${IDP}/health`, 60_000), waitFor(`${API}/health`, 120_000)]);
await db.connect();
const assignments = await topUp(db);
log(`data set ready: ${assignments} assignments in force`);
const { rows: plan402 } = await db.query(`SELECT DISTINCT plan_id FROM planning_assignment WHERE plan_symbol LIKE '402/%' ORDER BY 1 LIMIT 1`);

if (only.has('a')) await measureUpdates(db);
if (only.has('b')) await measureGet('b: commune work list, first 25', '/my/work?limit=25', 'hoankiem.canbo');
if (only.has('c')) await measureGet('c: plan 402 progress summary (leader)', `/plans/${plan402[0].plan_id}/progress`, 'lanhdao');
if (only.has('d')) await measureFanOut();
const emit = (line) => {
  results.push(line);
  process.stdout.write(`${JSON.stringify(line)}\n`);
};
if (only.has('e') && !national) {
  await measureConsolidation(
    { API, api, token, db, log, emit, runs, communes: new Set(hanoiCommunes), accounts: new Set(benchAccounts.map((a) => a.username)), demoAccounts: benchAccounts },
    plan402[0].plan_id,
  );
}
if (only.has('f') && !national) await measureDashboards({ API, token, cannon, record }, plan402[0].plan_id);
await db.end();
// Let them finish (the API stops its database and writes its profile) before anything else runs.
await stopAll();
if (only.has('d') && national) measureNationalFanOut();
if (!flag('no-report')) writeReport({ date: new Date().toISOString().slice(0, 10).split('-').reverse().join('/'), cpus: cpus().length, assignments });
process.exit(0);
