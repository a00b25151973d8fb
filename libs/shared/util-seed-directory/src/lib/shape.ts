/** Small helpers to check the shape of parsed JSON, collecting problems instead of throwing. */

export type Json = Record<string, unknown>;

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** True for a real calendar date written yyyy-MM-dd. */
export function isIsoDate(v: unknown): v is string {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Plain code-point order, the same on every machine and locale. */
export function compareCodes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export class ShapeChecker {
  constructor(private readonly problems: string[]) {}

  problem(at: string, message: string): void {
    this.problems.push(`${at}: ${message}`);
  }

  /** Reports keys outside `allowed` (catches misspelt field names). */
  onlyKeys(o: Json, allowed: readonly string[], at: string): void {
    for (const k of Object.keys(o)) if (!allowed.includes(k)) this.problem(at, `unknown field "${k}"`);
  }

  string(
    o: Json,
    key: string,
    at: string,
    opts: { max?: number; optional?: boolean } = {},
  ): string | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (typeof v !== 'string' || !v.trim()) {
      this.problem(at, `${key} must be a non-empty string, got ${show(v)}`);
      return undefined;
    }
    if (v !== v.trim()) this.problem(at, `${key} has leading or trailing spaces: ${show(v)}`);
    if (opts.max && v.length > opts.max) this.problem(at, `${key} is longer than ${opts.max} characters`);
    return v;
  }

  date(
    o: Json,
    key: string,
    at: string,
    opts: { nullable?: boolean; optional?: boolean } = {},
  ): string | null | undefined {
    const v = o[key];
    if (v === undefined && opts.optional) return undefined;
    if (v === null && opts.nullable) return null;
    if (!isIsoDate(v)) {
      this.problem(at, `${key} must be a date yyyy-MM-dd${opts.nullable ? ' or null' : ''}, got ${show(v)}`);
      return undefined;
    }
    return v;
  }

  oneOf<T>(o: Json, key: string, allowed: readonly T[], at: string): T | undefined {
    const v = o[key] as T;
    if (!allowed.includes(v)) {
      this.problem(
        at,
        `${key} must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}, got ${show(v)}`,
      );
      return undefined;
    }
    return v;
  }

  array(o: Json, key: string, at: string): unknown[] | undefined {
    const v = o[key];
    if (!Array.isArray(v)) {
      this.problem(at, `${key} must be an array, got ${show(v)}`);
      return undefined;
    }
    return v;
  }

  stringArray(o: Json, key: string, at: string, opts: { max?: number } = {}): string[] | undefined {
    const v = this.array(o, key, at);
    if (!v) return undefined;
    const out: string[] = [];
    v.forEach((s, i) => {
      if (typeof s !== 'string' || !s.trim())
        this.problem(at, `${key}[${i}] must be a non-empty string, got ${show(s)}`);
      else if (s !== s.trim()) this.problem(at, `${key}[${i}] has leading or trailing spaces: ${show(s)}`);
      else if (opts.max && s.length > opts.max)
        this.problem(at, `${key}[${i}] is longer than ${opts.max} characters`);
      else out.push(s);
    });
    return out.length === v.length ? out : undefined;
  }
}

export function show(v: unknown): string {
  const s = JSON.stringify(v);
  if (s === undefined) return String(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}
