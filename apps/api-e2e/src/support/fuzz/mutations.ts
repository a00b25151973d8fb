import {
  type Json,
  type PathKey,
  Raw,
  clone,
  deepNesting,
  deleteAt,
  describePath,
  getAt,
  isObject,
  obj,
  setAt,
} from './json-text';
import { type Schema, typesOf } from './openapi';
import type { Location } from './schema-arbitraries';

/** A value the fuzzer plants, with the label failures are grouped by. */
export interface Planted {
  label: string;
  value: Json;
}

export const NASTY_STRINGS: Planted[] = [
  { label: 'string with NUL', value: '\u0000' },
  { label: 'string with NUL', value: 'Kế hoạch\u0000 năm 2025' },
  { label: 'lone surrogate', value: '\ud800' },
  { label: 'lone surrogate', value: 'a\udc00b' },
  { label: 'lone surrogate', value: '\udc00\ud800' },
  { label: 'emoji', value: '📋✅ 👨‍👩‍👧‍👦 🇻🇳' },
  { label: 'RTL text', value: 'مرحبا بالعالم \u202eabc\u202c שלום' },
  { label: 'zero-width and BOM', value: '\u200b\u200d\ufeff' },
  { label: 'combining marks', value: 'Ho\u0300a\u0300n Kie\u0302\u0301m' },
  { label: 'line and paragraph separators', value: 'a\u2028b\u2029c\r\n\td' },
  { label: 'whitespace only', value: '   ' },
  { label: 'empty string', value: '' },
  { label: 'SQL text', value: "' OR 1=1; DROP TABLE plan; --" },
  { label: 'markup', value: '<script>alert(1)</script>' },
  { label: 'template text', value: '${7*7}{{7*7}}#{7*7}' },
  { label: 'path traversal', value: '../../../etc/passwd' },
  { label: 'percent escapes as text', value: '%00%ED%A0%80%' },
  { label: 'C0/C1 controls', value: '\u0001\u001b[31m\u007f\u0085\u009f' },
  { label: 'noncharacters', value: '\uffff\ufffe\ufdd0' },
  { label: 'astral characters', value: '𝕏𠀀𝌆' },
  { label: 'lookalike of null', value: 'null' },
  { label: 'number as text', value: '1e999' },
];

const WRONG_TYPES: { type: string; value: Json }[] = [
  { type: 'integer', value: 42 },
  { type: 'number', value: -1.5 },
  { type: 'boolean', value: true },
  { type: 'string', value: 'x' },
  { type: 'array', value: [] },
  { type: 'array', value: ['x', 1, null] },
  { type: 'object', value: {} },
  { type: 'object', value: { a: 1 } },
  { type: 'null', value: null },
];

const OUT_OF_RANGE = [
  '1e999',
  '-1e999',
  '9007199254740993',
  '2147483648',
  '-2147483649',
  '1e308',
  '-1',
  '0',
  '0.5',
  '-0',
  '1e-400',
  '123456789012345678901234567890',
];

const UNKNOWN_KEYS = [
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  'isAdmin',
  'id',
  'a\u0000b',
  '\ud800',
  '',
  'x'.repeat(2000),
];
const UNKNOWN_VALUES: Json[] = [
  obj([['polluted', true]]),
  obj([['prototype', obj([['polluted', true]])]]),
  1,
  'x',
  null,
  [],
];

export interface BodyMutation {
  label: string;
  where: string;
  detail: string;
  body: Json | undefined;
}

export const BODY_MUTATIONS = [
  'wrong type',
  'null',
  'missing required field',
  'null for optional field',
  'unknown field',
  'huge string',
  'nasty string',
  'deep nesting',
  'number out of range',
  'big array',
  'enum look-alike',
] as const;
export type BodyMutationKind = (typeof BODY_MUTATIONS)[number];

const pick = <T>(xs: readonly T[], n: number): T => xs[Math.abs(n) % xs.length];
const isType = (s: Schema, t: string) =>
  typesOf(s).includes(t) || (t === 'number' && typesOf(s).includes('integer'));

/**
 * One mutation of a valid body, at one of its places. `at` and `n` are fast-check naturals, so the same
 * seed gives the same mutation at the same place.
 */
export function mutateBody(
  valid: Json,
  locations: Location[],
  kind: BodyMutationKind,
  at: number,
  n: number,
): BodyMutation {
  const body = clone(valid);
  const nonRoot = locations.filter((l) => l.path.length > 0);
  const objects = locations.filter((l) => isObject(l.value));
  const anyPlace = (
    filter: (l: Location) => boolean,
    fallback: Location[] = nonRoot.length ? nonRoot : locations,
  ) => {
    const fit = locations.filter(filter);
    return pick(fit.length ? fit : fallback, at);
  };
  const done = (
    label: string,
    path: PathKey[],
    detail: string,
    b: Json | undefined = body,
  ): BodyMutation => ({ label, where: describePath(path), detail, body: b });

  switch (kind) {
    case 'wrong type': {
      const loc = anyPlace((l) => l.path.length > 0);
      const candidates = WRONG_TYPES.filter((w) => !isType(loc.schema, w.type) && w.type !== 'null');
      const w = pick(candidates.length ? candidates : WRONG_TYPES, n);
      return done(
        `wrong type: ${w.type} instead of ${typesOf(loc.schema).join('|') || 'untyped'}`,
        loc.path,
        JSON.stringify(w.value),
        setAt(body, loc.path, clone(w.value)),
      );
    }
    case 'null': {
      const loc = anyPlace((l) => l.path.length > 0);
      const t = typesOf(loc.schema).filter((x) => x !== 'null')[0] ?? 'value';
      return done(`null for a ${t}`, loc.path, 'null', setAt(body, loc.path, null));
    }
    case 'missing required field': {
      const withRequired = objects.filter((l) =>
        (l.schema.required ?? []).some((k) => k in (l.value as object)),
      );
      const loc = pick(withRequired.length ? withRequired : objects, at);
      if (!loc) return done('missing required field', [], 'body without fields', obj());
      const keys = (loc.schema.required ?? []).filter((k) => k in (loc.value as object));
      const key = pick(keys.length ? keys : Object.keys(loc.value as object).concat('-'), n);
      const target = [...loc.path, key];
      if (getAt(body, target) !== undefined) deleteAt(body, target);
      return done('missing required field', target, `without ${key}`);
    }
    case 'null for optional field': {
      const withOptional = objects.filter((l) =>
        Object.keys(l.schema.properties ?? {}).some((k) => !(l.schema.required ?? []).includes(k)),
      );
      const loc = pick(withOptional.length ? withOptional : objects, at);
      if (!loc) return done('null for optional field', [], 'null body', null);
      const optional = Object.keys(loc.schema.properties ?? {}).filter(
        (k) => !(loc.schema.required ?? []).includes(k),
      );
      const key = pick(optional.length ? optional : ['optional'], n);
      const propType = typesOf(loc.schema.properties?.[key] ?? {}).filter((x) => x !== 'null')[0] ?? 'value';
      setAt(body, [...loc.path, key], null);
      return done(`null for optional ${propType}`, [...loc.path, key], 'null');
    }
    case 'unknown field': {
      const loc = pick(objects.length ? objects : locations, at);
      const key = pick(UNKNOWN_KEYS, n);
      const value = clone(pick(UNKNOWN_VALUES, Math.floor(n / UNKNOWN_KEYS.length)));
      const container = isObject(loc?.value) ? getAt(body, loc.path) : undefined;
      if (isObject(container)) container[key] = value;
      const shown = key.length > 40 ? `${key.slice(0, 8)}…(${key.length} chars)` : JSON.stringify(key);
      const label = ['__proto__', 'constructor', 'prototype'].includes(key)
        ? `unknown field ${key}`
        : 'unknown field';
      return done(
        label,
        [...(loc?.path ?? []), key.length > 40 ? `${key.slice(0, 8)}…` : key],
        `${shown}: ${JSON.stringify(value)}`,
      );
    }
    case 'huge string': {
      const loc = anyPlace((l) => isType(l.schema, 'string') || typeof l.value === 'string');
      const max = loc.schema.maxLength;
      const lengths = max !== undefined ? [max + 1, max * 10 + 1, 100_000] : [10_000, 100_000, 900_000];
      const oversized = n % 17 === 0; // now and then, past the 1 MB body limit
      const length = oversized ? 1_100_000 : pick(lengths, n);
      const unit = pick(['a', 'Kế', '😀', ' '], Math.floor(n / 3));
      const text = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
      return done(
        oversized
          ? 'body over the size limit'
          : max !== undefined
            ? 'string beyond maxLength'
            : 'huge string (no maxLength documented)',
        loc.path,
        `${length} chars of ${JSON.stringify(unit)}`,
        setAt(body, loc.path, text),
      );
    }
    case 'nasty string': {
      const loc = anyPlace((l) => isType(l.schema, 'string') || typeof l.value === 'string');
      const s = pick(NASTY_STRINGS, n);
      return done(s.label, loc.path, JSON.stringify(s.value), setAt(body, loc.path, s.value));
    }
    case 'deep nesting': {
      const loc = pick(locations, at);
      const depth = pick([64, 1000, 5000, 5000], n);
      const shape = n % 2 ? 'object' : 'array';
      const raw = deepNesting(depth, shape);
      return done(`deep nesting (${depth} ${shape}s)`, loc.path, raw.label, setAt(body, loc.path, raw));
    }
    case 'number out of range': {
      const loc = anyPlace((l) => isType(l.schema, 'number') || typeof l.value === 'number');
      const s = loc.schema;
      const bounds = [
        s.minimum !== undefined ? String(s.minimum - 1) : undefined,
        s.maximum !== undefined ? String(s.maximum + 1) : undefined,
      ].filter((x): x is string => !!x);
      const text = pick([...bounds, ...OUT_OF_RANGE], n);
      return done(`number out of range: ${text}`, loc.path, text, setAt(body, loc.path, new Raw(text, text)));
    }
    case 'big array': {
      const loc = anyPlace((l) => Array.isArray(l.value));
      const item = Array.isArray(loc.value) && loc.value.length ? loc.value[0] : 'x';
      const count = pick([1000, 5000], n);
      return done(
        'big array',
        loc.path,
        `${count} items`,
        setAt(
          body,
          loc.path,
          Array.from({ length: count }, () => clone(item)),
        ),
      );
    }
    case 'enum look-alike': {
      const loc = anyPlace((l) => !!l.schema.enum?.length);
      const e = loc.schema.enum?.length
        ? String(pick(loc.schema.enum, n))
        : typeof loc.value === 'string'
          ? loc.value
          : 'x';
      const variants = [e.toUpperCase(), ` ${e}`, `${e}\u0000`, `${e}s`, e.normalize('NFD'), `${e}\u200b`];
      const v = pick(variants, Math.floor(n / 7));
      return done('enum look-alike', loc.path, JSON.stringify(v), setAt(body, loc.path, v));
    }
  }
}

/** Whole bodies that are not what the operation wants, as raw bytes. */
export const RAW_BODIES: { label: string; contentType?: string; body: string | Buffer }[] = [
  { label: 'empty body', contentType: 'application/json', body: '' },
  { label: 'no body, no content type', body: '' },
  { label: 'malformed JSON', contentType: 'application/json', body: '{' },
  { label: 'malformed JSON', contentType: 'application/json', body: '{"title":' },
  { label: 'malformed JSON', contentType: 'application/json', body: '{"a":1,}' },
  { label: 'malformed JSON', contentType: 'application/json', body: "{'a':1}" },
  { label: 'malformed JSON', contentType: 'application/json', body: '{"a":NaN}' },
  { label: 'malformed JSON', contentType: 'application/json', body: '{"a":1}garbage' },
  { label: 'malformed JSON', contentType: 'application/json', body: '\u0000' },
  { label: 'BOM before JSON', contentType: 'application/json', body: '\ufeff{}' },
  {
    label: 'invalid UTF-8',
    contentType: 'application/json',
    body: Buffer.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
  },
  {
    label: 'surrogate as raw bytes (CESU-8)',
    contentType: 'application/json',
    body: Buffer.concat([Buffer.from('{"title":"'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('"}')]),
  },
  { label: 'JSON that is not an object', contentType: 'application/json', body: '[]' },
  { label: 'JSON that is not an object', contentType: 'application/json', body: '[{}]' },
  { label: 'JSON that is not an object', contentType: 'application/json', body: '"x"' },
  { label: 'JSON that is not an object', contentType: 'application/json', body: '1' },
  { label: 'JSON that is not an object', contentType: 'application/json', body: 'null' },
  { label: 'JSON that is not an object', contentType: 'application/json', body: 'true' },
  {
    label: 'deep nesting (5000 arrays)',
    contentType: 'application/json',
    body: deepNesting(5000, 'array').text,
  },
  {
    label: 'deep nesting (5000 objects)',
    contentType: 'application/json',
    body: deepNesting(5000, 'object').text,
  },
  {
    label: 'body over the size limit',
    contentType: 'application/json',
    body: `{"x":"${'a'.repeat(1_100_000)}"}`,
  },
];

/** Content types to send a valid body under. */
export const CONTENT_TYPES = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=xyz',
  'application/xml',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/merge-patch+json',
  'APPLICATION/JSON',
  'application/octet-stream',
  '*/*',
];

/** Percent-encodes a string as UTF-8, writing a lone surrogate as its 3-byte (WTF-8) form, which is invalid UTF-8. */
export function encodeComponent(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (/[A-Za-z0-9\-._~]/.test(s[i])) out += s[i];
    else if (
      c >= 0xd800 &&
      c <= 0xdbff &&
      i + 1 < s.length &&
      s.charCodeAt(i + 1) >= 0xdc00 &&
      s.charCodeAt(i + 1) <= 0xdfff
    ) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff)
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(s[i]);
  }
  return out;
}

/** Path segments that are already encoded (what a client might send). */
export const RAW_SEGMENTS: Planted[] = [
  { label: 'percent-encoded lone surrogate', value: '%ED%A0%80' },
  { label: 'percent-encoded NUL', value: 'abc%00def' },
  { label: 'encoded slash', value: 'a%2Fb' },
  { label: 'dot segment', value: '%2e%2e' },
  { label: 'broken percent escape', value: '%zz' },
  { label: 'broken percent escape', value: '%' },
  { label: 'overlong UTF-8', value: '%C0%AE%C0%AE' },
];

export const SEGMENT_TEXTS: Planted[] = [
  { label: 'nil UUID', value: '00000000-0000-0000-0000-000000000000' },
  { label: 'UUID in upper case', value: 'FFFFFFFF-FFFF-4FFF-BFFF-FFFFFFFFFFFF' },
  { label: 'almost a UUID', value: '00000000-0000-4000-8000-00000000000g' },
  { label: 'number', value: '-1' },
  { label: 'number', value: '99999999999999999999' },
  { label: 'very long segment', value: 'x'.repeat(3000) },
  { label: 'prototype name', value: '__proto__' },
  { label: 'prototype name', value: 'constructor' },
  ...NASTY_STRINGS.filter((s) => s.value !== ''),
];

/** Query-string additions and replacements, already encoded. */
export function queryMutations(known: string[]): { label: string; pairs: [string, string | null][] }[] {
  const k = known[0] ?? 'q';
  return [
    { label: 'unknown query parameter', pairs: [['fuzzUnknown', '1']] },
    { label: 'unknown query parameter', pairs: [['__proto__', 'x']] },
    { label: 'unknown query parameter', pairs: [['constructor[prototype][polluted]', '1']] },
    { label: 'query NUL', pairs: [[k, '%00']] },
    { label: 'query NUL', pairs: [[k, 'a%00b']] },
    { label: 'query lone surrogate %ED%A0%80', pairs: [[k, '%ED%A0%80']] },
    { label: 'query overlong UTF-8', pairs: [[k, '%C0%80']] },
    { label: 'query broken escape', pairs: [[k, '%zz%']] },
    { label: 'very long query value', pairs: [[k, 'a'.repeat(6000)]] },
    {
      label: 'query array q[]=',
      pairs: [
        [`${k}[]`, 'a'],
        [`${k}[]`, 'b'],
      ],
    },
    {
      label: 'query repeated',
      pairs: [
        [k, '1'],
        [k, '2'],
      ],
    },
    { label: 'query object q[a]=', pairs: [[`${k}[a]`, 'b']] },
    { label: 'query empty value', pairs: [[k, '']] },
    { label: 'query without value', pairs: [[k, null]] },
    { label: 'query wrong type', pairs: [[k, 'abc']] },
    { label: 'query number out of range', pairs: [[k, '1e309']] },
    { label: 'query number out of range', pairs: [[k, '99999999999999999999']] },
    { label: 'query number out of range', pairs: [[k, '-1']] },
    { label: 'query number', pairs: [[k, '1.5']] },
    { label: 'query number', pairs: [[k, '0x10']] },
    { label: 'query emoji', pairs: [[k, encodeComponent('😀')]] },
    { label: 'query RTL', pairs: [[k, encodeComponent('\u202eمرحبا')]] },
    { label: 'query empty name', pairs: [['', 'x']] },
  ];
}
