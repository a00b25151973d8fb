import type { IdSource } from './cases';
import type { Operation } from './openapi';

const singular = (s: string) => s.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');

/**
 * Identifiers seen in the API's answers, by kind: `plan.id`, `task.id`, `unit.code`… The kind of an
 * array is its key (or the path it came from); `planId`/`unitCode` fields count for `plan`/`unit` too.
 */
export class IdPools implements IdSource {
  private readonly byKind = new Map<string, Map<string, Set<string>>>();

  constructor(
    /** Values never used as a path parameter of a write (the demo accounts' own units). */
    private readonly protectedForWrites: Set<string> = new Set(),
  ) {}

  /** Takes the identifiers out of a GET answer. */
  collect(path: string, body: unknown): void {
    const segments = path.split('?')[0].split('/').filter(Boolean);
    const staticSegments = segments.filter((s) => !s.startsWith('{'));
    const last = segments[segments.length - 1] ?? '';
    const kind = last.startsWith('{')
      ? (segments[segments.length - 2] ?? 'item')
      : (staticSegments[staticSegments.length - 1] ?? 'item');
    if (Array.isArray(body)) this.walkArray(body, kind);
    else if (body && typeof body === 'object') {
      const o = body as Record<string, unknown>;
      if (Array.isArray(o['items'])) this.walkArray(o['items'], kind);
      else this.walkObject(o, kind);
    }
  }

  private add(kind: string, field: string, value: string): void {
    const k = singular(kind);
    const fields = this.byKind.get(k) ?? new Map<string, Set<string>>();
    this.byKind.set(k, fields);
    const values = fields.get(field) ?? new Set<string>();
    fields.set(field, values);
    values.add(value);
  }

  private walkArray(xs: unknown[], kind: string, depth = 0): void {
    for (const x of xs.slice(0, 200))
      if (x && typeof x === 'object' && !Array.isArray(x))
        this.walkObject(x as Record<string, unknown>, kind, depth);
  }

  private walkObject(o: Record<string, unknown>, kind: string, depth = 0): void {
    if (depth > 6) return;
    for (const [key, v] of Object.entries(o)) {
      if (typeof v === 'string' && v.length <= 100) {
        if (key === 'id' || key === 'code') this.add(kind, key, v);
        const ref = /^(.+?)(Id|Code)$/.exec(key);
        if (ref) this.add(ref[1], ref[2].toLowerCase(), v);
      } else if (Array.isArray(v)) this.walkArray(v, key, depth + 1);
      else if (v && typeof v === 'object') this.walkObject(v as Record<string, unknown>, key, depth + 1);
    }
  }

  realValues(op: Operation, param: string): string[] {
    const segments = op.path.split('/').filter(Boolean);
    const i = segments.indexOf(`{${param}}`);
    const before = i > 0 && !segments[i - 1].startsWith('{') ? segments[i - 1] : undefined;
    const ref = /^(.+?)(Id|Code)$/.exec(param);
    const candidates: [string, string][] = [
      ...(before ? ([[before, param]] as [string, string][]) : []),
      ...(ref ? ([[ref[1], ref[2].toLowerCase()]] as [string, string][]) : []),
      ...(before && ref ? ([[before, ref[2].toLowerCase()]] as [string, string][]) : []),
    ];
    for (const [kind, field] of candidates) {
      const found = this.byKind.get(singular(kind))?.get(field);
      if (found?.size) {
        const values = [...found];
        return op.method === 'GET' ? values : values.filter((v) => !this.protectedForWrites.has(v));
      }
    }
    return [];
  }

  allValues(): string[] {
    const all = new Set<string>();
    for (const fields of this.byKind.values())
      for (const values of fields.values()) for (const v of [...values].slice(0, 20)) all.add(v);
    return [...all];
  }

  describe(): string {
    return [...this.byKind.entries()]
      .map(([k, fields]) => `${k}{${[...fields.entries()].map(([f, v]) => `${f}:${v.size}`).join(',')}}`)
      .join(' ');
  }
}
