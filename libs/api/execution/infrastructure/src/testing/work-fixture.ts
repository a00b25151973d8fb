import { randomUUID } from 'node:crypto';
import { CreateEventLog1732300000000 } from '@dieu-hanh/api/shared/database';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { CreateWork1732300007010 } from '../lib/migrations/1732300007010-create-work.migration';
import { CreateEvidence1732300007020 } from '../lib/migrations/1732300007020-evidence.migration';

/**
 * Test support for execution's integration specs: a fresh PostgreSQL database with the event log and
 * execution's write-side migrations; the published views execution reads — planning's
 * `planning_assignment` and the directory's `directory_unit` — stood in by tables of the same columns
 * (execution's tests do not run the other contexts' migrations, as planning's do not run the directory's).
 */
export interface WorkFixture {
  db: TestDatabase;
  ds: DataSource;
  unit(code: string, name: string, tier: 1 | 2, communeCode: string | null, provinceCode?: string): Promise<void>;
  assignment(row: AssignmentFixture): Promise<string>;
  close(): Promise<void>;
}

export interface AssignmentFixture {
  assignmentId?: string;
  planId: string;
  taskId: string;
  unitCode: string;
  role: 'lead' | 'coordinator';
  assignmentStatus?: 'assigned' | 'withdrawn';
  provinceCode?: string;
  planTitle?: string;
  planSymbol?: string;
  planStatus?: string;
  issuerUnitCode?: string;
  issuerTier?: 1 | 2;
  draftingUnitCode?: string;
  focalUnitCode?: string | null;
  taskOrdinal?: number;
  taskContent?: string;
  directingLeader?: string | null;
  taskDue?: string | null;
  taskRemoved?: boolean;
}

export async function startWorkFixture(): Promise<WorkFixture> {
  const db = await createTestDatabase([CreateEventLog1732300000000, CreateWork1732300007010, CreateEvidence1732300007020]);
  const ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  await ds.query(`CREATE TABLE directory_unit (code text PRIMARY KEY, official_name text NOT NULL, short_name text NOT NULL, kind text NOT NULL,
    tier smallint NOT NULL, parent_code text NULL, province_code text NOT NULL, commune_code text NULL, valid_from date NOT NULL, valid_to date NULL)`);
  await ds.query(`CREATE TABLE planning_assignment (
    assignment_id uuid PRIMARY KEY, plan_id uuid NOT NULL, task_id uuid NOT NULL, unit_code text NOT NULL, role text NOT NULL,
    assignment_status text NOT NULL, via_group text NULL, province_code text NOT NULL, plan_title text NOT NULL, plan_symbol text NOT NULL,
    plan_status text NOT NULL, plan_year int NOT NULL, issuer_unit_code text NOT NULL, issuer_tier int NOT NULL, drafting_unit_code text NOT NULL,
    focal_unit_code text NULL, parent_plan_id uuid NULL, task_ordinal int NOT NULL, task_section text NULL, task_content text NOT NULL,
    task_expected_result text NULL, directing_leader text NULL, timeframe text NULL, task_due date NULL, task_removed boolean NOT NULL)`);
  return {
    db,
    ds,
    unit: async (code, name, tier, communeCode, provinceCode = '01') => {
      await ds.query(`INSERT INTO directory_unit VALUES ($1, $2, $2, 'x', $3, NULL, $4, $5, '2025-07-01', NULL)`, [code, name, tier, provinceCode, communeCode]);
    },
    assignment: async (a) => {
      const id = a.assignmentId ?? randomUUID();
      await ds.query(
        `INSERT INTO planning_assignment (assignment_id, plan_id, task_id, unit_code, role, assignment_status, province_code, plan_title, plan_symbol,
           plan_status, plan_year, issuer_unit_code, issuer_tier, drafting_unit_code, focal_unit_code, task_ordinal, task_content, directing_leader,
           task_due, task_removed)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 2025, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
        [
          id, a.planId, a.taskId, a.unitCode, a.role, a.assignmentStatus ?? 'assigned', a.provinceCode ?? '01', a.planTitle ?? 'Kế hoạch chuyển đổi số',
          a.planSymbol ?? '402/KH-UBND', a.planStatus ?? 'issued', a.issuerUnitCode ?? '01-UBND', a.issuerTier ?? 1, a.draftingUnitCode ?? '01-SKHCN',
          a.focalUnitCode === undefined ? '01-SKHCN' : a.focalUnitCode, a.taskOrdinal ?? 1, a.taskContent ?? 'Nhiệm vụ', a.directingLeader ?? null,
          a.taskDue ?? null, a.taskRemoved ?? false,
        ],
      );
      return id;
    },
    close: async () => {
      await ds.destroy();
      await db.drop();
    },
  };
}
