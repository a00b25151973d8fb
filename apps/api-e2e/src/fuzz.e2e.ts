import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { Client } from 'pg';
import { DEMO_ACCOUNTS, sharedApiEnv, tokenFor, urls } from '@dieu-hanh/testing/e2e-support';
import { type CaseContext, type FuzzCase, casesFor } from './support/fuzz/cases';
import { DbProbe } from './support/fuzz/db-probe';
import { send } from './support/fuzz/http';
import { IdPools } from './support/fuzz/ids';
import { type OpenApiDocument, type Operation, SchemaResolver, operationsOf } from './support/fuzz/openapi';
import { type OwnApi, startOwnApi } from './support/fuzz/own-api';
import { type FuzzAccount, FuzzRunner } from './support/fuzz/runner';

/**
 * Property-based fuzzing of the whole API from its own OpenAPI document (GET /api/docs-json): for every
 * operation, as every demo account (real tokens) and anonymously, valid-ish requests built from the
 * documented schemas, mutated bodies, raw and malformed bodies, wrong content types, fuzzed path
 * parameters (real ids of other provinces and communes among them) and fuzzed query strings.
 * Every answer: no 5xx; every 4xx is problem+json with status, code, message.vi/en; a 400 names the
 * field at fault; a refused request (and any read) leaves event_log and the main tables as they were.
 *
 * The fuzzer runs against its own API process on its own database (seeded with the demo directory),
 * so the valid writes it makes never touch the data of the other suites.
 *
 * Replay: FUZZ_SEED=<seed> replays a whole run (the fixed-seed run always runs first, so the state
 * matches); FUZZ_SEED=<seed> FUZZ_PATH=<path> sends only that request (without the state earlier
 * requests made). FUZZ_RUNS / FUZZ_RANDOM_RUNS change the budget; FUZZ_STRICT_RESPONSES=1 turns
 * response-schema mismatches from warnings into failures.
 */
const FIXED_SEED = 20251122;
const FIXED_RUNS = Number(process.env['FUZZ_RUNS'] ?? 1800);
const RANDOM_RUNS = Number(process.env['FUZZ_RANDOM_RUNS'] ?? 600);
const RANDOM_SEED = process.env['FUZZ_SEED']
  ? Number(process.env['FUZZ_SEED'])
  : (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) >>> 0;
if (!Number.isInteger(RANDOM_SEED))
  throw new Error(`FUZZ_SEED must be an integer, not "${process.env['FUZZ_SEED']}"`);
const REPLAY_PATH = process.env['FUZZ_PATH'];
const STRICT_RESPONSES = process.env['FUZZ_STRICT_RESPONSES'] === '1';
const COMMAND = 'npx jest -c apps/api-e2e/jest.e2e.config.cjs --runInBand apps/api-e2e/src/fuzz.e2e.ts';

describe('fuzz: every operation of the OpenAPI document × every demo account and anonymous', () => {
  const started = Date.now();
  let own: OwnApi | undefined;
  let db: Client | undefined;
  let runner: FuzzRunner;
  let ops: Operation[] = [];
  let ctx: CaseContext;
  let arbitrary: fc.Arbitrary<FuzzCase>;

  beforeAll(async () => {
    const { idpUrl, databaseUrl } = urls();
    const t0 = Date.now();
    own = await startOwnApi(databaseUrl, sharedApiEnv());
    const t1 = Date.now();
    db = new Client({ connectionString: own.databaseUrl });
    await db.connect();
    const probe = new DbProbe(db);
    await probe.init();

    const accounts: FuzzAccount[] = [];
    for (const a of DEMO_ACCOUNTS) accounts.push({ name: a.username, token: await tokenFor(idpUrl, a) });
    accounts.push({ name: 'anonymous' });

    const docRes = await send(own.url, { method: 'GET', url: '/api/docs-json', headers: {} });
    if (docRes.status !== 200 || !docRes.json)
      throw new Error(`GET /api/docs-json: ${docRes.status} ${docRes.text.slice(0, 200)}`);
    const doc = docRes.json as OpenApiDocument;
    const resolver = new SchemaResolver(doc);
    // The live notification stream (Server-Sent Events) answers by never ending until its token expires:
    // a fuzzed request there would only wait for the timeout. notification-stream.int.spec.ts covers it.
    ops = operationsOf(doc).filter((o) => o.path !== '/notifications/stream');
    runner = new FuzzRunner(
      own.url,
      accounts,
      probe,
      new Map(ops.map((o) => [o.key, o])),
      resolver,
      STRICT_RESPONSES,
    );

    await makeFixtures(runner, ops);
    const ids = new IdPools(new Set(DEMO_ACCOUNTS.map((a) => a.unit)));
    await crawl(runner, ops, ids);
    const t2 = Date.now();

    const methodsByPath = new Map<string, Set<string>>();
    for (const o of ops) methodsByPath.set(o.path, new Set([...(methodsByPath.get(o.path) ?? []), o.method]));
    ctx = { resolver, ids, accountCount: accounts.length, methodsByPath };
    const perOp = ops.map((o) => casesFor(o, ctx));
    // Operations that take a body have more ways to go wrong: they get twice the share.
    arbitrary = fc.oneof(...perOp.map((a, i) => ({ arbitrary: a, weight: ops[i].body ? 2 : 1 })));
    console.log(
      `fuzz: own API and database ready in ${t1 - t0} ms, tokens, document, fixtures and crawl in ${t2 - t1} ms; ${ops.length} operations; ids seen: ${ids.describe()}`,
    );
  }, 180_000);

  afterAll(async () => {
    if (runner && process.env['FUZZ_TRACE'])
      writeFileSync(process.env['FUZZ_TRACE'], `${runner.trace.join('\n')}\n`);
    if (runner) {
      const warnings = runner.failures(undefined, true);
      if (warnings.length)
        console.log(`fuzz warnings (not failures):\n${runner.describe(warnings, own?.log.join('') ?? '')}`);
      console.log(`fuzz per operation:\n${runner.perOperation()}`);
      if (process.env['FUZZ_VERBOSE']) console.log(`fuzz answers per kind of request:\n${runner.perLabel()}`);
      console.log(runner.summaryLine(Date.now() - started));
    }
    await db?.end();
    await own?.stop();
  }, 60_000);

  /** A run of the property; every distinct failure is collected, then reported at once with its replay. */
  async function phase(name: string, seed: number, numRuns: number, sweep: boolean): Promise<void> {
    const examples = sweep ? sweepExamples(seed) : [];
    let index = 0;
    const replay = REPLAY_PATH !== undefined;
    await fc.assert(
      fc.asyncProperty(arbitrary, async (c) => {
        const path = String(index++);
        const { findings, res } = await runner.execute(c, { phase: name, seed, path });
        // A dead API fails everything after it: stop here (fast-check prints the case, seed and path).
        if (res.networkError && !own?.alive())
          throw new Error(
            `the API process died (${res.networkError}); its log ends:\n${own?.log.join('').slice(-2000)}`,
          );
        const failed = findings.filter((f) => !f.warning);
        // Replaying one request: fail the property, so fast-check prints the case, seed and path.
        if (replay && failed.length) throw new Error(failed.map((f) => `${f.rule}: ${f.message}`).join('\n'));
      }),
      {
        seed,
        numRuns: replay ? 1 : Math.max(numRuns, examples.length),
        examples: examples.map((e) => [e] as [FuzzCase]),
        ...(replay ? { path: REPLAY_PATH } : {}),
      },
    );
    const groups = runner.failures(name).concat(name === 'fixed' ? runner.failures('crawl') : []);
    // The no-write-on-refusal rule is only as good as the probe: it must have seen successful writes.
    if (!replay && runner.stats.writesSeen === 0)
      throw new Error(
        'the database probe saw no successful write carry its request id: the write checks would be blind',
      );
    if (groups.length) {
      throw new Error(
        `Fuzzer, ${name} run with seed ${seed} (${numRuns} runs): ${groups.length} distinct failure(s).\n` +
          `Replay the run: FUZZ_SEED=${seed} ${COMMAND}\n` +
          `Replay one request: FUZZ_SEED=${seed} FUZZ_PATH=<path> ${COMMAND} (without the state earlier requests made)\n\n` +
          runner.describe(groups, own?.log.join('') ?? '', name),
      );
    }
  }

  /** One valid-ish request per operation and account, first in the fixed run, so every pair is covered. */
  function sweepExamples(seed: number): FuzzCase[] {
    return ops.flatMap((op, i) =>
      runner.accounts.map(
        (_, a) =>
          fc.sample(casesFor(op, ctx, { valid: true, account: a }), {
            seed: seed + i * 31 + a,
            numRuns: 1,
          })[0],
      ),
    );
  }

  const only = REPLAY_PATH !== undefined ? (RANDOM_SEED === FIXED_SEED ? 'fixed' : 'random') : undefined;

  (only === 'random' ? it.skip : it)(
    `fixed seed ${FIXED_SEED}: ${FIXED_RUNS} requests (the same every time)`,
    () => phase('fixed', FIXED_SEED, FIXED_RUNS, true),
    300_000,
  );

  (only === 'fixed' ? it.skip : it)(
    `random seed ${RANDOM_SEED}: ${RANDOM_RUNS} requests (replay with FUZZ_SEED=${RANDOM_SEED})`,
    () => phase('random', RANDOM_SEED, RANDOM_RUNS, false),
    300_000,
  );
});

/**
 * State worth fuzzing against, beyond the seed: a draft plan of each account that may draft (communes
 * among them), one of them submitted. Refusals here are fine: the fuzzer only needs some ids.
 */
async function makeFixtures(runner: FuzzRunner, ops: Operation[]): Promise<void> {
  if (!ops.some((o) => o.key === 'POST /plans')) return;
  for (const [i, a] of DEMO_ACCOUNTS.entries()) {
    const body = JSON.stringify({
      title: `Kế hoạch kiểm thử fuzz của ${a.username}`,
      year: 2025,
      tasks: [
        {
          content: 'Nhiệm vụ kiểm thử',
          timeframe: 'Quý IV/2025',
          leads: [{ unit: a.unit }],
          coordinators: [],
        },
      ],
    });
    const { res } = await runner.execute(fixtureCase('POST /plans', i, 'POST', '/plans', body), {
      phase: 'crawl',
    });
    const id = (res.json as { id?: string } | undefined)?.id;
    if (res.status < 300 && id && i % 2 === 0 && ops.some((o) => o.key === 'POST /plans/{id}/submit')) {
      await runner.execute(fixtureCase('POST /plans/{id}/submit', i, 'POST', `/plans/${id}/submit`), {
        phase: 'crawl',
      });
    }
  }
}

/** Reads every list the document offers, as every account, then a few details, to learn real ids. */
async function crawl(runner: FuzzRunner, ops: Operation[], ids: IdPools): Promise<void> {
  const gets = ops.filter((o) => o.method === 'GET');
  const accounts = runner.accounts.map((a, i) => ({ ...a, i })).filter((a) => a.token);
  for (const op of gets.filter((o) => !o.pathParams.length)) {
    const limit = op.queryParams.find((p) => p.name === 'limit');
    const url = op.path + (limit ? `?limit=${Math.min(limit.schema.maximum ?? 200, 200)}` : '');
    for (const a of accounts) {
      const { res } = await runner.execute(fixtureCase(op.key, a.i, 'GET', url), { phase: 'crawl' });
      if (res.status === 200) ids.collect(op.path, res.json);
    }
  }
  // Details, by increasing number of parameters (a plan's tasks give the task ids of the next level).
  const firstOfRealm = DEMO_ACCOUNTS.map((a, i) => ({ realm: a.realm, i })).filter(
    (x, k, all) => all.findIndex((y) => y.realm === x.realm) === k,
  );
  for (const op of gets
    .filter((o) => o.pathParams.length)
    .sort((x, y) => x.pathParams.length - y.pathParams.length)) {
    for (let n = 0; n < 3; n++) {
      const values = op.pathParams.map((p) => ids.realValues(op, p.name)[n]);
      if (values.some((v) => v === undefined)) break;
      let k = 0;
      const url = op.path.replace(/\{[^}]+\}/g, () => encodeURIComponent(values[k++]));
      for (const { i } of firstOfRealm) {
        const { res } = await runner.execute(fixtureCase(op.key, i, 'GET', url), { phase: 'crawl' });
        if (res.status === 200) ids.collect(op.path, res.json);
      }
    }
  }
}

function fixtureCase(op: string, account: number, method: string, url: string, body?: string): FuzzCase {
  return {
    op,
    account,
    method,
    url,
    ...(body !== undefined ? { contentType: 'application/json', body } : {}),
    variant: 'crawl',
    label: 'crawl or fixture',
    where: '-',
    detail: '',
  };
}
