/**
 * JSON values as the fuzzer builds them, serialised exactly: objects may carry own keys such as
 * `__proto__` (kept as data, never as a prototype), and `Raw` splices text JSON.stringify cannot make
 * (5,000 levels of nesting, `1e999`, 2^53 + 1 written out).
 */
export class Raw {
  constructor(
    readonly text: string,
    readonly label: string,
  ) {}
}

export type Json = null | boolean | number | string | Raw | Json[] | { [key: string]: Json };

/** An object without a prototype, so that any key (even `__proto__`) is an ordinary own property. */
export function obj(entries: [string, Json][] = []): { [key: string]: Json } {
  const o = Object.create(null) as { [key: string]: Json };
  for (const [k, v] of entries) o[k] = v;
  return o;
}

export function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Raw);
}

/** A deep copy in which every object is prototype-less (so later key writes stay data). */
export function clone(v: Json): Json {
  if (Array.isArray(v)) return v.map(clone);
  if (isObject(v)) return obj(Object.keys(v).map((k) => [k, clone(v[k])]));
  return v;
}

/** JSON text; strings go through JSON.stringify, which escapes NUL as \u0000 and lone surrogates as \ud800. */
export function toJsonText(v: Json | undefined): string {
  if (v === undefined) return '';
  if (v instanceof Raw) return v.text;
  if (Array.isArray(v)) return `[${v.map((x) => toJsonText(x)).join(',')}]`;
  if (isObject(v))
    return `{${Object.keys(v)
      .map((k) => `${JSON.stringify(k)}:${toJsonText(v[k])}`)
      .join(',')}}`;
  if (typeof v === 'number' && !Number.isFinite(v)) return 'null';
  return JSON.stringify(v);
}

/** Nesting written as text: `[[[…]]]` or `{"a":{"a":…}}`, `depth` levels. */
export function deepNesting(depth: number, shape: 'array' | 'object'): Raw {
  const text =
    shape === 'array'
      ? '['.repeat(depth) + ']'.repeat(depth)
      : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
  return new Raw(text, `${depth} levels of nested ${shape}s`);
}

export type PathKey = string | number;

export function getAt(root: Json, path: PathKey[]): Json | undefined {
  let node: Json | undefined = root;
  for (const k of path) {
    if (Array.isArray(node) && typeof k === 'number') node = node[k];
    else if (isObject(node) && typeof k === 'string') node = node[k];
    else return undefined;
  }
  return node;
}

/** Replaces the value at `path` (root when empty); returns the new root. */
export function setAt(root: Json, path: PathKey[], value: Json): Json {
  if (!path.length) return value;
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent[last] = value;
  else if (isObject(parent)) parent[String(last)] = value;
  return root;
}

export function deleteAt(root: Json, path: PathKey[]): Json {
  const parent = getAt(root, path.slice(0, -1));
  const last = path[path.length - 1];
  if (Array.isArray(parent) && typeof last === 'number') parent.splice(last, 1);
  else if (isObject(parent)) delete parent[String(last)];
  return root;
}

/** `body.tasks[0].leads` */
export function describePath(path: PathKey[], root = 'body'): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${k}`), root);
}
