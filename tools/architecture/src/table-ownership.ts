import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Who owns which table. A bounded context creates its tables and views in its own migrations; another
 * context may read the views it publishes (the directory's `directory_unit`, …) but never name its
 * tables in SQL. `shared` holds common infrastructure (event log, idempotency keys, the event feed's
 * checkpoints) that every context may use.
 */
export interface SchemaObject {
  name: string;
  kind: 'table' | 'view';
  owner: string;
}

export interface SourceFile {
  /** Context the file belongs to (`planning`), or `shared`. */
  context: string;
  path: string;
  text: string;
}

export interface Violation {
  path: string;
  line: number;
  context: string;
  names: string;
  owner: string;
}

const CREATES = /\bCREATE\s+(?:UNLOGGED\s+)?(TABLE|(?:MATERIALIZED\s+)?VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?"?([a-z_][a-z0-9_]*)"?/gi;

/** Tables and views a context's migrations create. */
export function schemaObjectsOf(migration: SourceFile): SchemaObject[] {
  return [...migration.text.matchAll(CREATES)].map((m) => ({
    name: m[2].toLowerCase(),
    kind: m[1].toUpperCase() === 'TABLE' ? 'table' : 'view',
    owner: migration.context,
  }));
}

/**
 * Places in a file's SQL where it names another context's table: after FROM, JOIN, INTO, UPDATE,
 * REFERENCES, TABLE or TRUNCATE (so prose like "the plan" in a comment is not a hit).
 */
export function crossContextTableUses(file: SourceFile, objects: readonly SchemaObject[]): Violation[] {
  const foreign = objects.filter((o) => o.kind === 'table' && o.owner !== file.context && o.owner !== 'shared');
  if (!foreign.length) return [];
  const names = foreign.map((o) => o.name).join('|');
  const use = new RegExp(`\\b(?:FROM|JOIN|INTO|UPDATE|REFERENCES|TABLE|TRUNCATE)\\s+(?:ONLY\\s+)?"?(${names})"?\\b`, 'gi');
  const violations: Violation[] = [];
  file.text.split('\n').forEach((line, i) => {
    for (const m of line.matchAll(use)) {
      const name = m[1].toLowerCase();
      const owner = foreign.find((o) => o.name === name)?.owner ?? 'another context';
      violations.push({ path: file.path, line: i + 1, context: file.context, names: name, owner });
    }
  });
  return violations;
}

/** A context whose SQL uses trigram operators must create pg_trgm in its own migrations. */
export function missingExtensions(context: string, sources: readonly SourceFile[], migrations: readonly SourceFile[]): string[] {
  const uses = sources.some((s) => /gin_trgm_ops|\bsimilarity\s*\(|\bword_similarity\s*\(/.test(s.text));
  const creates = migrations.some((m) => /CREATE\s+EXTENSION\s+IF\s+NOT\s+EXISTS\s+pg_trgm/i.test(m.text));
  return uses && !creates ? [`${context}: uses pg_trgm but none of its migrations creates it`] : [];
}

/** Every TypeScript source under libs/api, by context (`libs/api/<context>/…`). */
export function apiSources(workspaceRoot: string): SourceFile[] {
  const root = join(workspaceRoot, 'libs', 'api');
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir)) {
      if (entry === 'node_modules') continue;
      const path = join(dir, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry.endsWith('.ts')) {
        const rel = relative(workspaceRoot, path).split(sep).join('/');
        files.push({ context: rel.split('/')[2], path: rel, text: readFileSync(path, 'utf8') });
      }
    }
  };
  walk(root);
  return files;
}

export const isMigration = (f: SourceFile) => f.path.endsWith('.migration.ts');
export const isSpec = (f: SourceFile) => /\.spec\.ts$/.test(f.path);
