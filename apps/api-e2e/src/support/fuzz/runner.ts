import { randomUUID } from 'node:crypto';
import type { FuzzCase } from './cases';
import type { DbProbe } from './db-probe';
import { type RawResponse, send } from './http';
import { type Finding, checkResponse, checkResponseSchema, checkWrites } from './oracle';
import type { Operation, SchemaResolver } from './openapi';
import { serverErrorFor } from './own-api';

export interface FuzzAccount {
  name: string;
  token?: string;
}

/** Where a request came from, to replay it. */
export interface Origin {
  phase: string;
  seed?: number;
  /** fast-check path of the run (its index in the run). */
  path?: string;
}

interface Occurrence {
  origin: Origin;
  c: FuzzCase;
  account: string;
  res: RawResponse;
  requestId: string;
  finding: Finding;
}

export interface FailureGroup {
  key: string;
  rule: string;
  labels: Set<string>;
  count: number;
  ops: Set<string>;
  accounts: Set<string>;
  phases: Set<string>;
  first: Occurrence;
  /** The first occurrence in each phase (a random run's failure replays with its own seed). */
  firstIn: Map<string, Occurrence>;
  warning: boolean;
}

const statusClass = (s: number) => (s === 0 ? 'no answer' : `${Math.floor(s / 100)}xx`);
const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);

/** Sends cases one at a time, checks every answer and what it wrote, and keeps the statistics. */
export class FuzzRunner {
  readonly stats = {
    requests: 0,
    byClass: new Map<string, number>(),
    byOp: new Map<string, Map<string, number>>(),
    byVariant: new Map<string, number>(),
    /** `variant: label` → `status code` → count, to see what each kind of request gets. */
    byLabel: new Map<string, Map<string, number>>(),
    asyncEventsSeen: 0,
    /** Successful writes whose events carried their request id: proof the write check can see writes. */
    writesSeen: 0,
    ms: 0,
  };
  private readonly groups = new Map<string, FailureGroup>();
  /** One line per request (FUZZ_TRACE): to compare two runs of the same seed. */
  readonly trace: string[] = [];

  constructor(
    private readonly apiUrl: string,
    readonly accounts: FuzzAccount[],
    private readonly probe: DbProbe,
    private readonly ops: Map<string, Operation>,
    private readonly resolver: SchemaResolver,
    private readonly strictResponses: boolean,
  ) {}

  async execute(c: FuzzCase, origin: Origin): Promise<{ findings: Finding[]; res: RawResponse }> {
    const account = this.accounts[c.account] ?? this.accounts[this.accounts.length - 1];
    const requestId = randomUUID();
    const headers: Record<string, string> = {
      ...(c.headers ?? {}),
      accept: 'application/json, application/problem+json',
      'x-request-id': requestId,
    };
    if (account.token) headers['authorization'] = `Bearer ${account.token}`;
    if (c.contentType) headers['content-type'] = c.contentType;
    const before = await this.probe.snapshot();
    const res = await send(this.apiUrl, { method: c.method, url: c.url, headers, body: c.body });
    const change = await this.probe.changeSince(before, requestId);
    this.count(c, res, change.otherEvents);
    if (process.env['FUZZ_TRACE'])
      this.trace.push(
        `${origin.phase}#${origin.path ?? '-'} ${account.name} ${c.method} ${c.op} ${c.variant}:${c.label}@${c.where} → ${res.status}`,
      );
    if (res.status >= 200 && res.status < 300 && change.ownEvents.length) this.stats.writesSeen++;

    const op = this.ops.get(c.op);
    const anonymousIn =
      !account.token && op?.secured && c.method === op.method && res.status >= 200 && res.status < 300
        ? [{ rule: 'anonymous request answered 2xx on a secured operation', message: res.text.slice(0, 200) }]
        : [];
    const findings = [
      ...anonymousIn,
      ...checkResponse(res),
      ...checkWrites(c.method, res, change),
      ...(op && c.method === op.method
        ? checkResponseSchema(op, res, this.resolver, this.strictResponses)
        : []),
    ];
    for (const finding of findings)
      this.record({ origin, c, account: account.name, res, requestId, finding });
    return { findings, res };
  }

  private count(c: FuzzCase, res: RawResponse, otherEvents: number): void {
    const s = this.stats;
    const cls = statusClass(res.status);
    s.requests++;
    s.ms += res.ms;
    s.asyncEventsSeen += otherEvents;
    s.byClass.set(cls, (s.byClass.get(cls) ?? 0) + 1);
    s.byVariant.set(c.variant, (s.byVariant.get(c.variant) ?? 0) + 1);
    const problem =
      res.status >= 400
        ? (res.json as { code?: string; errors?: { field?: string; code?: string }[] } | undefined)
        : undefined;
    // With FUZZ_VERBOSE, the first field at fault too (what keeps valid-ish requests from going deeper).
    const first = problem?.errors?.[0];
    const firstError = process.env['FUZZ_VERBOSE'] && first ? ` ${first.field}:${first.code}` : '';
    const answer = `${res.status} ${problem?.code ?? ''}${firstError}`.trim();
    const label = `${c.variant}: ${c.label}`;
    const answers = s.byLabel.get(label) ?? new Map<string, number>();
    s.byLabel.set(label, answers.set(answer, (answers.get(answer) ?? 0) + 1));
    const op = s.byOp.get(c.op) ?? new Map<string, number>();
    s.byOp.set(c.op, op.set(cls, (op.get(cls) ?? 0) + 1));
  }

  private record(o: Occurrence): void {
    const p = o.res.json as { code?: string } | undefined;
    // A schema warning is grouped by operation and mismatch; a server error or a write on refusal by what
    // was planted too (different inputs, different causes); any other broken rule by rule, status and code.
    const byInput =
      o.res.status >= 500 ||
      o.res.status === 0 ||
      o.finding.rule.startsWith('written') ||
      o.finding.rule.includes('wrote');
    const key = o.finding.warning
      ? [o.finding.rule, o.c.op, o.finding.message].join(' | ')
      : [o.finding.rule, o.res.status, p?.code ?? '-', byInput ? o.c.label : ''].join(' | ');
    const g = this.groups.get(key);
    if (g) {
      g.count++;
      g.labels.add(o.c.label);
      g.ops.add(o.c.op);
      g.accounts.add(o.account);
      g.phases.add(o.origin.phase);
      if (!g.firstIn.has(o.origin.phase)) g.firstIn.set(o.origin.phase, o);
      return;
    }
    this.groups.set(key, {
      key,
      rule: o.finding.rule,
      labels: new Set([o.c.label]),
      count: 1,
      ops: new Set([o.c.op]),
      accounts: new Set([o.account]),
      phases: new Set([o.origin.phase]),
      first: o,
      firstIn: new Map([[o.origin.phase, o]]),
      warning: !!o.finding.warning,
    });
  }

  failures(phase?: string, warnings = false): FailureGroup[] {
    return [...this.groups.values()].filter((g) => g.warning === warnings && (!phase || g.phases.has(phase)));
  }

  /** A readable account of failure groups, with what it takes to replay the first occurrence of each. */
  describe(groups: FailureGroup[], logText: string, phase?: string): string {
    return groups
      .map((g, i) => {
        const f = (phase && g.firstIn.get(phase)) || g.first;
        const problem = f.res.json as { code?: string } | undefined;
        const ops = [...g.ops];
        const serverSays = f.res.status >= 500 ? serverErrorFor(logText, f.requestId) : undefined;
        const replay =
          f.origin.seed !== undefined
            ? `FUZZ_SEED=${f.origin.seed} FUZZ_PATH=${f.origin.path}`
            : `(${f.origin.phase}, not a fast-check run)`;
        return [
          `${i + 1}. ${g.rule} (${f.res.status} ${problem?.code ?? ''}) — ${g.count}× on ${ops.length} operation(s) [${clip(ops.join(', '), 300)}] as ${[...g.accounts].join(', ')}`,
          `   inputs: ${clip([...g.labels].join('; '), 300)}`,
          `   first: ${f.c.op} as ${f.account}, ${f.c.variant} at ${f.c.where}${f.c.detail ? ` (${clip(f.c.detail, 120)})` : ''}; replay: ${replay}`,
          `   sent: ${f.c.method} ${clip(f.c.url, 160)}${f.c.contentType ? ` [${f.c.contentType}]` : ''}${f.c.body !== undefined ? ` body ${clip(Buffer.isBuffer(f.c.body) ? `<bytes ${f.c.body.toString('hex')}>` : f.c.body, 200)}` : ''}`,
          `   got: ${f.res.status} ${problem?.code ?? ''} ${clip(f.res.networkError ?? f.res.text, 300)}`,
          `   rule: ${clip(f.finding.message, 300)}`,
          ...(serverSays ? [`   server log: ${serverSays}`] : []),
        ].join('\n');
      })
      .join('\n');
  }

  summaryLine(elapsedMs: number): string {
    const s = this.stats;
    const classes = [...s.byClass.entries()]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    const variants = [...s.byVariant.entries()]
      .sort()
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    return `fuzz: ${s.requests} requests over ${s.byOp.size} operations × ${this.accounts.length} accounts in ${(elapsedMs / 1000).toFixed(1)} s (${classes}; ${variants}; ${s.writesSeen} successful writes seen in event_log); ${this.failures(undefined, false).length} distinct failures, ${this.failures(undefined, true).length} warnings`;
  }

  perLabel(): string {
    return [...this.stats.byLabel.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(
        ([label, m]) =>
          `${label}: ${[...m.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([k, v]) => `${k} ×${v}`)
            .join(', ')}`,
      )
      .join('\n');
  }

  perOperation(): string {
    return [...this.stats.byOp.entries()]
      .map(
        ([op, m]) =>
          `${op}: ${[...m.entries()]
            .sort()
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
      )
      .join('\n');
  }
}
