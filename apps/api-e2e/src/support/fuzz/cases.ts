import fc from 'fast-check';
import { toJsonText } from './json-text';
import {
  BODY_MUTATIONS,
  CONTENT_TYPES,
  RAW_BODIES,
  RAW_SEGMENTS,
  SEGMENT_TEXTS,
  encodeComponent,
  mutateBody,
  queryMutations,
} from './mutations';
import { type Operation, SchemaResolver, WRITE_METHODS } from './openapi';
import { ValidArbitraries, locationsOf } from './schema-arbitraries';

/** One request the fuzzer sends, fully decided by fast-check (so a seed and a path replay it). */
export interface FuzzCase {
  op: string;
  /** Index into the fuzzer's accounts; the last one is anonymous. */
  account: number;
  method: string;
  /** Encoded path and query, as sent. */
  url: string;
  contentType?: string;
  /** Documented headers (e.g. an idempotency key), valid-ish or planted. */
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** valid | body | raw-body | content-type | path | query | method */
  variant: string;
  /** What was planted, without where: failures are grouped by it. */
  label: string;
  where: string;
  detail: string;
}

/** Real identifiers by path parameter, read from the running API before fuzzing. */
export interface IdSource {
  /** Values that fit this parameter of this operation (real ids of the right kind, from every account's view). */
  realValues(op: Operation, param: string): string[];
  /** Every real identifier seen (ids of other kinds, for confusion). */
  allValues(): string[];
}

export interface CaseContext {
  resolver: SchemaResolver;
  ids: IdSource;
  accountCount: number;
  /** Methods declared per path template, to send one that is not. */
  methodsByPath: Map<string, Set<string>>;
}

const summarize = (c: FuzzCase) => {
  const body = c.body === undefined ? '' : ` body(${c.body.length}): ${String(c.body).slice(0, 200)}`;
  return `${c.method} ${c.url.slice(0, 200)} [${c.label} at ${c.where}]${body}`;
};

function withToString(c: FuzzCase): FuzzCase {
  Object.defineProperty(c, fc.toStringMethod, { value: () => summarize(c), enumerable: false });
  return c;
}

const fill = (template: string, values: string[]) => {
  let i = 0;
  return template.replace(/\{[^}]+\}/g, () => values[i++] ?? '');
};

const queryText = (pairs: [string, string | null][]) =>
  pairs.map(([k, v]) => (v === null ? k : `${k}=${v}`)).join('&');

function scalarText(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

/** What an HTTP/1.1 header value can carry at all (Node refuses the rest before sending). */
const headerSafe = (s: string) => s.replace(/[^\t\x20-\x7e\x80-\xff]/g, '?');

const HEADER_VALUES: { label: string; value: string }[] = [
  { label: 'empty header', value: '' },
  { label: 'blank header', value: ' ' },
  { label: 'very long header', value: 'k'.repeat(8000) },
  { label: 'latin-1 header', value: '\u00ff\u00fe\u00e9' },
  { label: 'header with tab', value: 'a\tb' },
  { label: 'header SQL text', value: "' OR 1=1 --" },
  { label: 'header percent escapes', value: '%00%ED%A0%80' },
];

/** The arbitrary of every request the fuzzer may send for one operation. */
export function casesFor(
  op: Operation,
  ctx: CaseContext,
  only?: { valid: true; account: number },
): fc.Arbitrary<FuzzCase> {
  const valid = new ValidArbitraries(ctx.resolver);
  const write = WRITE_METHODS.has(op.method);
  const account = only ? fc.constant(only.account) : fc.integer({ min: 0, max: ctx.accountCount - 1 });

  const pathValues = fc.tuple(
    ...op.pathParams.map((p) => {
      const real = ctx.ids.realValues(op, p.name);
      const fromSchema = valid.of(p.schema).map(scalarText);
      return (
        real.length
          ? fc.oneof({ arbitrary: fc.constantFrom(...real), weight: 4 }, { arbitrary: fromSchema, weight: 1 })
          : fromSchema
      ).map(encodeComponent);
    }),
  );
  // Each declared parameter: present when required, now and then when optional.
  const optionalPairs = (params: typeof op.queryParams, render: (v: unknown) => string) =>
    fc
      .tuple(
        ...params.map((p) =>
          fc.option(
            valid.of(p.schema).map((v) => [p.name, render(v)] as [string, string]),
            { nil: undefined, freq: p.required ? 100 : 2 },
          ),
        ),
      )
      .map((pairs) => pairs.filter((x): x is [string, string] => !!x));
  const validQuery = optionalPairs(op.queryParams, (v) => encodeComponent(scalarText(v)));
  const validHeaders = optionalPairs(op.headerParams, (v) => headerSafe(scalarText(v))).map((pairs) =>
    Object.fromEntries(pairs),
  );
  const url = (segments: string[], query: [string, string | null][]) => {
    const q = queryText(query);
    return fill(op.path, segments) + (q ? `?${q}` : '');
  };
  const base = { op: op.key, method: op.method };
  const validBody = op.body ? valid.of(op.body) : fc.constant(undefined);

  const validCase = fc
    .record({ account, segments: pathValues, query: validQuery, body: validBody, headers: validHeaders })
    .map(({ account, segments, query, body, headers }) =>
      withToString({
        ...base,
        account,
        url: url(segments, query),
        ...(Object.keys(headers).length ? { headers } : {}),
        ...(body !== undefined ? { contentType: 'application/json', body: toJsonText(body) } : {}),
        variant: 'valid',
        label: 'valid-ish request',
        where: '-',
        detail: '',
      }),
    );
  if (only) return validCase;

  const variants: fc.WeightedArbitrary<FuzzCase>[] = [{ arbitrary: validCase, weight: 6 }];

  if (op.body) {
    const body = op.body;
    variants.push({
      weight: 20,
      arbitrary: fc
        .record({
          account,
          segments: pathValues,
          query: validQuery,
          body: validBody,
          kind: fc.constantFrom(...BODY_MUTATIONS),
          at: fc.nat(),
          n: fc.nat(),
        })
        .map(({ account, segments, query, body: b, kind, at, n }) => {
          const m = mutateBody(b ?? null, locationsOf(b ?? null, body, ctx.resolver), kind, at, n);
          return withToString({
            ...base,
            account,
            url: url(segments, query),
            contentType: 'application/json',
            body: toJsonText(m.body),
            variant: 'body',
            label: m.label,
            where: m.where,
            detail: m.detail,
          });
        }),
    });
    variants.push({
      weight: 2,
      arbitrary: fc
        .record({ account, segments: pathValues, body: validBody, ct: fc.constantFrom(...CONTENT_TYPES) })
        .map(({ account, segments, body: b, ct }) =>
          withToString({
            ...base,
            account,
            url: url(segments, []),
            contentType: ct,
            body: toJsonText(b),
            variant: 'content-type',
            label: `valid body as ${ct}`,
            where: 'header.content-type',
            detail: ct,
          }),
        ),
    });
  }
  if (op.body || write) {
    variants.push({
      weight: op.body ? 4 : 2,
      arbitrary: fc
        .record({ account, segments: pathValues, raw: fc.constantFrom(...RAW_BODIES) })
        .map(({ account, segments, raw }) =>
          withToString({
            ...base,
            account,
            url: url(segments, []),
            ...(raw.contentType ? { contentType: raw.contentType } : {}),
            body: raw.body,
            variant: 'raw-body',
            label: raw.label,
            where: 'body',
            detail: Buffer.isBuffer(raw.body)
              ? `bytes ${raw.body.toString('hex').slice(0, 60)}`
              : `${raw.body.length} chars`,
          }),
        ),
    });
  }
  if (op.pathParams.length) {
    const all = ctx.ids.allValues();
    const planted = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(...SEGMENT_TEXTS).map((s) => ({
          label: `path: ${s.label}`,
          value: encodeComponent(String(s.value)),
          detail: JSON.stringify(s.value).slice(0, 80),
        })),
      },
      {
        weight: 2,
        arbitrary: fc
          .constantFrom(...RAW_SEGMENTS)
          .map((s) => ({ label: `path: ${s.label}`, value: String(s.value), detail: String(s.value) })),
      },
      { weight: 2, arbitrary: fc.uuid().map((u) => ({ label: 'path: random UUID', value: u, detail: u })) },
      {
        weight: 2,
        arbitrary: fc
          .string({ unit: 'binary', maxLength: 30 })
          .filter((s) => s.length > 0)
          .map((s) => ({
            label: 'path: random string',
            value: encodeComponent(s),
            detail: JSON.stringify(s),
          })),
      },
      ...(all.length
        ? [
            {
              weight: 2,
              arbitrary: fc.constantFrom(...all).map((s) => ({
                label: 'path: real id of another kind',
                value: encodeComponent(s),
                detail: s,
              })),
            },
          ]
        : []),
    );
    variants.push({
      weight: 6,
      arbitrary: fc
        .record({
          account,
          segments: pathValues,
          query: validQuery,
          body: validBody,
          which: fc.nat(),
          planted,
        })
        .map(({ account, segments, query, body, which, planted }) => {
          const i = which % op.pathParams.length;
          const s = [...segments];
          s[i] = planted.value;
          return withToString({
            ...base,
            account,
            url: url(s, query),
            ...(body !== undefined ? { contentType: 'application/json', body: toJsonText(body) } : {}),
            variant: 'path',
            label: planted.label,
            where: `param.${op.pathParams[i].name}`,
            detail: planted.detail,
          });
        }),
    });
  }
  const names = op.queryParams.length ? op.queryParams.map((p) => p.name) : ['q'];
  const mutationCount = queryMutations(names).length;
  variants.push({
    weight: op.queryParams.length ? 6 : 2,
    arbitrary: fc
      .record({
        account,
        segments: pathValues,
        query: validQuery,
        body: validBody,
        mi: fc.nat(mutationCount - 1),
        target: fc.nat(),
      })
      .map(({ account, segments, query, body, mi, target }) => {
        // Aimed at one documented parameter (or `q` when none is documented).
        const m = queryMutations([names[target % names.length]])[mi];
        return withToString({
          ...base,
          account,
          url: url(segments, [...query.filter(([k]) => !m.pairs.some(([p]) => p === k)), ...m.pairs]),
          ...(body !== undefined ? { contentType: 'application/json', body: toJsonText(body) } : {}),
          variant: 'query',
          label: m.label,
          where: `query.${m.pairs[0]?.[0] ?? ''}`.slice(0, 60),
          detail: queryText(m.pairs).slice(0, 120),
        });
      }),
  });
  if (op.headerParams.length) {
    variants.push({
      weight: 3,
      arbitrary: fc
        .record({
          account,
          segments: pathValues,
          query: validQuery,
          body: validBody,
          headers: validHeaders,
          which: fc.nat(),
          planted: fc.constantFrom(...HEADER_VALUES),
        })
        .map(({ account, segments, query, body, headers, which, planted }) => {
          const name = op.headerParams[which % op.headerParams.length].name;
          return withToString({
            ...base,
            account,
            url: url(segments, query),
            headers: { ...headers, [name]: planted.value },
            ...(body !== undefined ? { contentType: 'application/json', body: toJsonText(body) } : {}),
            variant: 'header',
            label: planted.label,
            where: `header.${name}`,
            detail: planted.value.slice(0, 40),
          });
        }),
    });
  }
  const declared = ctx.methodsByPath.get(op.path) ?? new Set<string>();
  const undeclared = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !declared.has(m));
  if (undeclared.length) {
    variants.push({
      weight: 1,
      arbitrary: fc
        .record({ account, segments: pathValues, method: fc.constantFrom(...undeclared) })
        .map(({ account, segments, method }) =>
          withToString({
            ...base,
            account,
            method,
            url: url(segments, []),
            variant: 'method',
            label: 'undeclared method',
            where: 'method',
            detail: method,
          }),
        ),
    });
  }
  return fc.oneof(...variants);
}
