// Fan-out benchmark: time to issue a plan whose tasks go to every commune of Hà Nội (one task → 126
// assignments, in one command and one transaction), through the running API with real tokens.
// Usage: start the system (`npm start`), then `node tools/bench/fan-out.mjs [runs]`.
// Figures go to the benchmark report (docs/benchmarks.md), never into timed tests.
// It also times "until every unit is told": from sending the issue until the database holds one notification
// per assignment (notifications are written by the event feed after the commit), read with `pg` on
// BENCH_DATABASE_URL (default: the embedded database of `npm start`).
import pg from 'pg';
const API = process.env.API_URL ?? 'http://localhost:3000';
const IDP = process.env.IDP_URL ?? 'http://localhost:8080';
const RUNS = Number(process.argv[2] ?? 5);
const db = new pg.Client({ connectionString: process.env.BENCH_DATABASE_URL ?? 'postgres://postgres:postgres@127.0.0.1:54329/dieu_hanh' });
await db.connect();

async function toldAfter(planId, expected, t0) {
  for (;;) {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM notification WHERE plan_id = $1', [planId]);
    if (rows[0].n >= expected) return Number(process.hrtime.bigint() - t0) / 1e6;
    await new Promise((r) => setTimeout(r, 2));
  }
}
const stats = (xs) => {
  xs.sort((a, b) => a - b);
  return { medianMs: +xs[Math.floor(xs.length / 2)].toFixed(1), minMs: +xs[0].toFixed(1), maxMs: +xs.at(-1).toFixed(1) };
};

async function token(username) {
  const res = await fetch(`${IDP}/realms/ha-noi/protocol/openid-connect/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'cli', client_secret: 'dieu-hanh-cli-secret', username, password: 'Demo@2025' }),
  });
  if (!res.ok) throw new Error(`token ${username}: ${res.status}`);
  return (await res.json()).access_token;
}

async function call(path, tok, body) {
  const res = await fetch(`${API}${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tok}`, 'content-type': 'application/json' },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const dept = await token('skhcn.daumoi');
const leader = await token('lanhdao');
const results = {};
for (const tasks of [1, 10]) {
  const times = [];
  const told = [];
  for (let i = 0; i < RUNS; i++) {
    const plan = await call('/plans', dept, {
      title: `Bench fan-out ${tasks} task(s) #${i} ${Date.now()}`,
      year: 2025,
      tasks: Array.from({ length: tasks }, (_, t) => ({ content: `Nhiệm vụ ${t + 1}`, leads: [{ group: '01-G-XA-PHUONG' }], coordinators: [{ unit: '01-SKHCN' }] })),
    });
    await call(`/plans/${plan.id}/submit`, dept);
    await call(`/plans/${plan.id}/approve`, leader);
    // A random plan number (unique per issuer and year): the bench may run many times on one database.
    const number = 10000 + Math.floor(Math.random() * 89999);
    const t0 = process.hrtime.bigint();
    const issued = await call(`/plans/${plan.id}/issue`, leader, { number, issueDate: '2025-10-02' });
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    if (issued.assignments !== tasks * 127) throw new Error(`expected ${tasks * 127} assignments, got ${issued.assignments}`);
    told.push(await toldAfter(plan.id, tasks * 127, t0));
  }
  results[`${tasks} task(s) → ${tasks * 127} assignments`] = { issue: stats(times), everyUnitTold: stats(told), runs: RUNS };
}
await db.end();
console.log(JSON.stringify(results, null, 2));
