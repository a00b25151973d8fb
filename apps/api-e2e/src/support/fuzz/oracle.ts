import type { DbChange } from './db-probe';
import type { RawResponse } from './http';
import { type Schema, SchemaResolver, type Operation, typesOf } from './openapi';

export interface Finding {
  /** Stable name of the broken rule: failures are grouped by it. */
  rule: string;
  message: string;
  /** Warnings are reported but do not fail the run. */
  warning?: boolean;
}

const FIELD_LOCATION = /^(body|query|param|params|path|header|headers|input)(\.|\[|$)/;

/** What every answer of the API must satisfy, whatever was sent. */
export function checkResponse(res: RawResponse): Finding[] {
  if (res.networkError) return [{ rule: 'no HTTP answer', message: res.networkError }];
  const out: Finding[] = [];
  if (res.status >= 500) out.push({ rule: `${res.status} server error`, message: res.text.slice(0, 300) });
  if (res.status < 400) return out;
  if (!/^application\/problem\+json\b/i.test(res.contentType)) {
    out.push({
      rule: `${res.status} not problem+json`,
      message: `content-type "${res.contentType}": ${res.text.slice(0, 200)}`,
    });
    return out;
  }
  const p = res.json as
    | { status?: unknown; code?: unknown; message?: { vi?: unknown; en?: unknown }; errors?: unknown }
    | undefined;
  if (!p || typeof p !== 'object')
    return [...out, { rule: 'problem is not a JSON object', message: res.text.slice(0, 200) }];
  const missing = [
    p.status !== res.status && `status ${JSON.stringify(p.status)} (HTTP ${res.status})`,
    (typeof p.code !== 'string' || !p.code) && 'code',
    (typeof p.message?.vi !== 'string' || !p.message.vi) && 'message.vi',
    (typeof p.message?.en !== 'string' || !p.message.en) && 'message.en',
  ].filter(Boolean);
  if (missing.length)
    out.push({
      rule: 'problem without status/code/message',
      message: `missing or wrong: ${missing.join(', ')}`,
    });
  if (res.status === 400) {
    const errors = Array.isArray(p.errors) ? (p.errors as { field?: unknown }[]) : [];
    if (!errors.length)
      out.push({ rule: '400 names no field', message: `code ${String(p.code)} without errors[]` });
    const bad = errors.filter((e) => typeof e?.field !== 'string' || !FIELD_LOCATION.test(e.field));
    if (bad.length)
      out.push({
        rule: '400 field without location',
        message: `errors[].field ${JSON.stringify(bad.map((e) => e?.field)).slice(0, 200)} (expected body.…, query.…, param.…)`,
      });
  }
  return out;
}

/** A refused request and a read must leave the database as it was. */
export function checkWrites(method: string, res: RawResponse, change: DbChange): Finding[] {
  const refused = res.status >= 400;
  const safe = method === 'GET' || method === 'HEAD';
  if (!refused && !safe) return [];
  const wrote = change.ownEvents.length > 0 || change.counts.length > 0;
  if (!wrote) return [];
  const what = [
    ...change.counts,
    ...change.ownEvents.slice(0, 5).map((e) => `event ${e.type} on ${e.aggregate}`),
  ].join('; ');
  return [
    { rule: refused ? `written despite ${res.status}` : `${method} wrote to the database`, message: what },
  ];
}

/** 2xx bodies against the documented response schema (a warning while the document is being completed). */
export function checkResponseSchema(
  op: Operation,
  res: RawResponse,
  resolver: SchemaResolver,
  strict: boolean,
): Finding[] {
  if (res.status < 200 || res.status >= 300) return [];
  const schema = op.responses[String(res.status)] ?? op.responses['2XX'] ?? op.responses['default'];
  if (!schema || res.json === undefined) return [];
  const problems: string[] = [];
  conform(res.json, schema, resolver, '$', problems);
  return [...new Set(problems)]
    .slice(0, 5)
    .map((message) => ({ rule: 'response does not match its documented schema', message, warning: !strict }));
}

/** Mismatches of a value against a schema, with array indices written `[]` (one line per kind of mismatch). */
function conform(
  v: unknown,
  schema: Schema | undefined,
  resolver: SchemaResolver,
  at: string,
  out: string[],
  depth = 0,
): void {
  if (out.length >= 20 || depth > 30) return;
  const s = resolver.resolve(schema);
  const types = typesOf(s);
  if (v === null && types.includes('null')) return;
  const choices = s.oneOf ?? s.anyOf;
  if (choices?.length) {
    const results = choices.map((c) => {
      const o: string[] = [];
      conform(v, c, resolver, at, o, depth + 1);
      return o;
    });
    if (results.some((r) => !r.length)) return;
    // The closest branch says more than "none matched": the one whose own enums (a discriminator such as
    // `kind`) match, then the one with the fewest mismatches.
    const own = new RegExp(`^${at.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.[^.[]+: .* not in enum$`);
    const score = (r: string[]) => r.length + 100 * r.filter((m) => own.test(m)).length;
    const closest = results.reduce((a, b) => (score(b) < score(a) ? b : a));
    out.push(...closest.map((m) => `${m} (closest of oneOf/anyOf)`));
    return;
  }
  if (s.enum && !s.enum.some((e) => e === v))
    return void out.push(`${at}: ${JSON.stringify(v)?.slice(0, 40)} not in enum`);
  if (!types.length) return;
  const actual =
    v === null
      ? 'null'
      : Array.isArray(v)
        ? 'array'
        : typeof v === 'number'
          ? Number.isInteger(v)
            ? 'integer'
            : 'number'
          : typeof v;
  const ok = types.includes(actual) || (actual === 'integer' && types.includes('number'));
  if (!ok) return void out.push(`${at}: ${actual} where ${types.join('|')} documented`);
  if (actual === 'array')
    (v as unknown[]).slice(0, 20).forEach((x) => conform(x, s.items, resolver, `${at}[]`, out, depth + 1));
  if (actual === 'object') {
    const o = v as Record<string, unknown>;
    for (const r of s.required ?? []) if (!(r in o)) out.push(`${at}.${r}: required but absent`);
    for (const [k, ps] of Object.entries(s.properties ?? {}))
      if (k in o) conform(o[k], ps, resolver, `${at}.${k}`, out, depth + 1);
  }
}
