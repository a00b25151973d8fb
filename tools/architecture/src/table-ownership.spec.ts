import { join } from 'node:path';
import {
  apiSources,
  crossContextTableUses,
  isMigration,
  isSpec,
  missingExtensions,
  schemaObjectsOf,
  type SourceFile,
} from './table-ownership';

const workspaceRoot = join(__dirname, '..', '..', '..');

describe('each bounded context names only its own tables in SQL', () => {
  const sources = apiSources(workspaceRoot);
  const migrations = sources.filter(isMigration);
  const objects = migrations.flatMap(schemaObjectsOf);

  it('finds every context and its tables (guards the scan itself)', () => {
    const owners = new Set(objects.map((o) => o.owner));
    expect([...owners]).toEqual(expect.arrayContaining(['shared', 'organization', 'planning', 'notification', 'execution', 'reporting']));
    expect(objects).toEqual(
      expect.arrayContaining([
        { name: 'org_unit', kind: 'table', owner: 'organization' },
        { name: 'directory_unit', kind: 'view', owner: 'organization' },
        { name: 'plan', kind: 'table', owner: 'planning' },
        { name: 'assignment', kind: 'table', owner: 'planning' },
        // Planning publishes its assignments to execution and reporting as a view.
        { name: 'planning_assignment', kind: 'view', owner: 'planning' },
        { name: 'work_state', kind: 'table', owner: 'execution' },
        // Execution publishes its work and tallies to reporting; reporting owns its reports.
        { name: 'execution_work', kind: 'view', owner: 'execution' },
        { name: 'report_period', kind: 'table', owner: 'reporting' },
        { name: 'unit_report', kind: 'table', owner: 'reporting' },
        { name: 'notification', kind: 'table', owner: 'notification' },
        { name: 'event_log', kind: 'table', owner: 'shared' },
      ]),
    );
  });

  it('no infrastructure file or migration of one context names another context’s tables (views it publishes are fine)', () => {
    // Specs seed fixtures across contexts on purpose; production code and migrations may not.
    const violations = sources.filter((f) => !isSpec(f)).flatMap((f) => crossContextTableUses(f, objects));
    expect(violations.map((v) => `${v.path}:${v.line} (${v.context}) names ${v.names}, owned by ${v.owner}`)).toEqual([]);
  });

  it('each context’s migrations create the extensions its SQL relies on', () => {
    const contexts = [...new Set(sources.map((s) => s.context))];
    const missing = contexts.flatMap((c) =>
      missingExtensions(
        c,
        sources.filter((s) => s.context === c && !isSpec(s)),
        migrations.filter((m) => m.context === c),
      ),
    );
    expect(missing).toEqual([]);
  });
});

describe('the rule catches what it should (synthetic sources)', () => {
  const objects = [
    { name: 'org_unit', kind: 'table' as const, owner: 'organization' },
    { name: 'directory_unit', kind: 'view' as const, owner: 'organization' },
    { name: 'plan', kind: 'table' as const, owner: 'planning' },
    { name: 'assignment', kind: 'table' as const, owner: 'planning' },
    { name: 'planning_assignment', kind: 'view' as const, owner: 'planning' },
    { name: 'event_log', kind: 'table' as const, owner: 'shared' },
  ];
  const file = (context: string, text: string): SourceFile => ({ context, path: `libs/api/${context}/infrastructure/src/x.ts`, text });

  it('flags a join, a foreign key and an insert into another context’s table', () => {
    expect(crossContextTableUses(file('notification', 'SELECT 1 FROM x JOIN org_unit u ON u.code = x.unit_code'), objects)).toHaveLength(1);
    expect(crossContextTableUses(file('planning', 'unit_code text REFERENCES org_unit(code)'), objects)).toHaveLength(1);
    expect(crossContextTableUses(file('notification', 'INSERT INTO plan (id) VALUES ($1)'), objects)).toHaveLength(1);
  });

  it('lets a context use its own tables, published views, shared tables and prose', () => {
    expect(crossContextTableUses(file('planning', 'SELECT * FROM plan p JOIN directory_unit u ON u.code = p.focal_unit_code'), objects)).toEqual([]);
    expect(crossContextTableUses(file('notification', 'REFERENCES event_log(event_id)'), objects)).toEqual([]);
    expect(crossContextTableUses(file('notification', '// tells the drafting unit of the plan'), objects)).toEqual([]);
    expect(crossContextTableUses(file('execution', 'SELECT 1 FROM planning_assignment pa JOIN work_state w ON w.assignment_id = pa.assignment_id'), objects)).toEqual([]);
  });

  it('execution reads planning’s assignments only through the published view', () => {
    expect(crossContextTableUses(file('execution', 'SELECT 1 FROM assignment a WHERE a.id = $1'), objects)).toHaveLength(1);
    expect(crossContextTableUses(file('execution', 'SELECT 1 FROM planning_assignment a JOIN plan p ON p.id = a.plan_id'), objects)).toHaveLength(1);
  });

  it('reads what migrations create', () => {
    const m = file('organization', 'CREATE TABLE org_unit (code text); CREATE VIEW directory_unit AS SELECT 1; CREATE TABLE IF NOT EXISTS "x_y" ()');
    expect(schemaObjectsOf(m).map((o) => `${o.kind}:${o.name}`)).toEqual(['table:org_unit', 'view:directory_unit', 'table:x_y']);
  });

  it('asks for pg_trgm where trigram operators are used', () => {
    const sql = [file('planning', 'CREATE INDEX i ON plan USING gin (search_text gin_trgm_ops)')];
    expect(missingExtensions('planning', sql, [])).toHaveLength(1);
    expect(missingExtensions('planning', sql, [file('planning', 'CREATE EXTENSION IF NOT EXISTS pg_trgm')])).toEqual([]);
  });
});
