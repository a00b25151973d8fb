import { randomUUID } from 'node:crypto';
import { type INestApplicationContext, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CommandBus, CqrsModule, type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import {
  type DirectorySnapshot,
  DirectorySnapshotQuery,
  type SuccessionInForce,
  SuccessionsInForceQuery,
} from '@dieu-hanh/api/organization/contracts';
import { AssignmentRepository, PLANNING_COMMAND_HANDLERS, PlanReadModel, PlanRepository } from '@dieu-hanh/api/planning/application';
import { Plan, type PlanProps, type PlanTask } from '@dieu-hanh/api/planning/domain';
import { CreateEventLog1732300000000, TransactionContext, TypeOrmUnitOfWork } from '@dieu-hanh/api/shared/database';
import { type AccessScope, Clock, type CommandMetadata, UnitOfWork, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { DataSource } from 'typeorm';
import { PLANNING_MIGRATIONS } from '../lib/planning.migrations';
import { SqlAssignmentRepository } from '../lib/sql-assignment.repository';
import { SqlPlanRepository } from '../lib/sql-plan.repository';

/**
 * Test support for planning's integration specs: a fresh PostgreSQL database with planning's own
 * migrations and the event log (planning's tables name no directory table), the real repositories and
 * unit of work, a fixed clock, and the directory answered from a fixture through the directory's
 * published queries (DirectorySnapshotQuery, SuccessionsInForceQuery) on a real QueryBus.
 * The read model is not under test here: every plan is visible.
 */

export interface FixtureUnit {
  state: 'valid' | 'closed';
  tier: 1 | 2;
  communeCode: string | null;
  shortName: string;
}

/** The directory as the fixture tells it; tests change it between commands (a group gains members…). */
export class FixtureDirectory {
  units: Record<string, FixtureUnit> = {};
  groups: Record<string, string[]> = {};
  successors: Record<string, string> = {};
  successions: SuccessionInForce[] = [];
  peopleCommitteeCode = '01-UBND';

  unit(code: string, over: Partial<FixtureUnit> = {}): this {
    this.units[code] = { state: 'valid', tier: 1, communeCode: null, shortName: code, ...over };
    return this;
  }

  group(code: string, members: string[]): this {
    this.groups[code] = members;
    return this;
  }

  snapshot(): DirectorySnapshot {
    return { peopleCommitteeCode: this.peopleCommitteeCode, units: { ...this.units }, successors: { ...this.successors }, groups: { ...this.groups } };
  }
}

const directory = { current: new FixtureDirectory() };

@QueryHandler(DirectorySnapshotQuery)
class FixtureDirectorySnapshotHandler implements IQueryHandler<DirectorySnapshotQuery, DirectorySnapshot> {
  async execute(): Promise<DirectorySnapshot> {
    return directory.current.snapshot();
  }
}

@QueryHandler(SuccessionsInForceQuery)
class FixtureSuccessionsHandler implements IQueryHandler<SuccessionsInForceQuery, SuccessionInForce[]> {
  async execute(q: SuccessionsInForceQuery): Promise<SuccessionInForce[]> {
    return directory.current.successions.filter((s) => s.effectiveDate <= q.asOf && q.predecessorCodes.includes(s.predecessorCode));
  }
}

class FixedClock extends Clock {
  at = new Date('2025-03-10T03:00:00Z');
  now(): Date {
    return this.at;
  }
}

export interface PlanningTestContext {
  db: TestDatabase;
  ds: DataSource;
  app: INestApplicationContext;
  commands: CommandBus;
  plans: SqlPlanRepository;
  assignments: SqlAssignmentRepository;
  tx: TransactionContext;
  clock: FixedClock;
  directory: FixtureDirectory;
  close(): Promise<void>;
}

export async function startPlanningTestContext(): Promise<PlanningTestContext> {
  const db = await createTestDatabase([CreateEventLog1732300000000, ...PLANNING_MIGRATIONS]);
  const ds = await new DataSource({ type: 'postgres', url: db.url }).initialize();
  const clock = new FixedClock();
  directory.current = new FixtureDirectory();

  @Module({
    imports: [CqrsModule.forRoot()],
    providers: [
      { provide: DataSource, useValue: ds },
      { provide: Clock, useValue: clock },
      TransactionContext,
      { provide: UnitOfWork, useClass: TypeOrmUnitOfWork },
      { provide: PlanRepository, useClass: SqlPlanRepository },
      { provide: AssignmentRepository, useClass: SqlAssignmentRepository },
      { provide: PlanReadModel, useValue: { isVisible: async () => true } },
      ...PLANNING_COMMAND_HANDLERS,
      FixtureDirectorySnapshotHandler,
      FixtureSuccessionsHandler,
    ],
  })
  class PlanningTestModule {}

  const app = await NestFactory.createApplicationContext(PlanningTestModule, { logger: false });
  const tx = app.get(TransactionContext);
  return {
    db,
    ds,
    app,
    commands: app.get(CommandBus),
    plans: app.get(PlanRepository) as SqlPlanRepository,
    assignments: app.get(AssignmentRepository) as SqlAssignmentRepository,
    tx,
    clock,
    directory: directory.current,
    close: async () => {
      await app.close();
      await ds.destroy();
      await db.drop();
    },
  };
}

/** The city's leader (UBND TP, Hà Nội): may issue and amend city plans. */
export const LEADER: AccessScope = scopeFor({ provinceCode: '01', unitCode: '01-UBND', tier: 1, roles: ['leader'], username: 'lanhdao' });

export const asLeader = (): CommandMetadata => ({ actor: LEADER, correlationId: randomUUID() });

export type TaskSpec = Pick<PlanTask, 'leads' | 'coordinators'> & Partial<PlanTask>;

/** An approved city plan with these tasks, stored as the planning context stores it. */
export async function givenApprovedPlan(ctx: PlanningTestContext, tasks: TaskSpec[], over: Partial<PlanProps> = {}): Promise<Plan> {
  const plan = Plan.restore({
    id: randomUUID(),
    provinceCode: '01',
    issuerUnitCode: '01-UBND',
    draftingUnitCode: '01-SKHCN',
    issuerTier: 1,
    title: 'Kế hoạch chuyển đổi số năm 2025',
    symbol: 'KH-UBND',
    year: 2025,
    focalUnitCode: null,
    parentPlanId: null,
    document: { theme: null, legalBases: [], purposes: [], directingLeaders: [], reportingDuties: [], sections: [] },
    indicators: [],
    status: 'approved',
    version: 3,
    number: null,
    issueDate: null,
    reviewComments: [],
    amendmentCount: 0,
    ...over,
    tasks: tasks.map((t, i) => ({
      id: randomUUID(),
      parentTaskId: null,
      ordinal: i + 1,
      section: null,
      content: `Nhiệm vụ ${i + 1}`,
      expectedResult: null,
      directingLeader: null,
      timeframe: null,
      timeframeNormalized: null,
      notes: null,
      ...t,
    })),
  });
  await ctx.plans.insert(plan);
  return plan;
}

/** The request an amendment sends: the plan's current content, with the tasks given. */
export function amendmentRequest(plan: Readonly<PlanProps>, tasks: (Pick<PlanTask, 'leads' | 'coordinators' | 'content'> & { id?: string })[]) {
  return {
    title: plan.title,
    symbol: plan.symbol,
    year: plan.year,
    focalUnitCode: plan.focalUnitCode ?? undefined,
    tasks: tasks.map((t) => ({ id: t.id, content: t.content, leads: t.leads, coordinators: t.coordinators })),
    indicators: [],
  };
}

export interface AssignmentRow {
  id: string;
  taskId: string;
  unitCode: string;
  role: 'lead' | 'coordinator';
  viaGroup: string | null;
  succeeds: string | null;
  status: 'assigned' | 'withdrawn';
}

export async function assignmentRows(ctx: PlanningTestContext, planId: string): Promise<AssignmentRow[]> {
  return ctx.ds.query(
    `SELECT id, task_id AS "taskId", unit_code AS "unitCode", role, via_group AS "viaGroup", succeeds, status
       FROM assignment WHERE plan_id = $1 ORDER BY unit_code, task_id`,
    [planId],
  );
}

export interface LoggedEvent {
  type: string;
  aggregateId: string;
  payload: Record<string, unknown>;
}

/** The events one command recorded (by its correlation id), in log order. */
export async function eventsOf(ctx: PlanningTestContext, correlationId: string): Promise<LoggedEvent[]> {
  return ctx.ds.query(
    `SELECT type, aggregate_id AS "aggregateId", payload FROM event_log WHERE correlation_id = $1 ORDER BY sequence`,
    [correlationId],
  );
}
