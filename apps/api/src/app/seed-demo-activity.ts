import { createHash } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import {
  AnswerObstacleCommand, DecideExtensionCommand, EscalateObstacleCommand, GetAssignmentWorkQuery, GiveDirectiveCommand, RaiseObstacleCommand,
  ReportProgressCommand, RequestExtensionCommand, ReturnWorkCommand, UploadEvidenceCommand, UrgeCommand, VerifyWorkCommand, WorkRepository,
} from '@dieu-hanh/api/execution/application';
import { samplePdf, samplePng } from '@dieu-hanh/api/execution/infrastructure';
import { type AccessScope, Clock, type CommandMetadata, DomainError, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { type AssignmentWorkDto, Role } from '@dieu-hanh/shared/contracts';
import type { DirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { DataSource } from 'typeorm';
import type { DemoActivityScript, DemoEvidence, DemoStory } from './seed-demo-activity.script';

/** What the demo-activity step did: stories told now, stories found told before, stories skipped (and why), units urged. */
export interface DemoActivityResult {
  told: number;
  alreadyTold: number;
  skipped: string[];
  urged: number;
}

const SEED_ACTOR = 'seed:demo-activity';
const STORIES_AT_ONCE = 6;

/**
 * Execution activity on the demo plans (the script: seeds/execution/demo-activity.json), sent through the
 * execution commands people send — acting "as" each unit, like `seedPlans`; the events name the actor
 * `seed:demo-activity`. Run after the plans are issued (`planIds`: seed key → plan id).
 *
 * Idempotent, and cheap once done. Every command of one story (one assignment) carries the same
 * correlation id, derived from plan key, task ordinal and unit; the event log indexes correlation ids,
 * so a single look-up finds the stories already told, and a second run records nothing. (Only progress
 * reports take an Idempotency request key — the seed gives them deterministic ones too — but obstacles,
 * extensions and urges have none, so the story's correlation id is the guard.) A story whose assignment
 * already holds someone's work (the benchmark data set, a database people have used) is skipped rather
 * than overwritten; so is one whose assignment does not exist in this seed. Each command is its own
 * transaction: a story stopped by a refusal keeps what it did and the others go on.
 */
export async function seedDemoActivity(
  app: INestApplicationContext,
  directory: DirectorySeed,
  planIds: Readonly<Record<string, string>>,
  script: DemoActivityScript,
): Promise<DemoActivityResult> {
  const result: DemoActivityResult = { told: 0, alreadyTold: 0, skipped: [], urged: 0 };
  const db = app.get(DataSource);
  const stories = script.stories.map((s) => ({ ref: s, story: s, urge: null }));
  const urges = script.urges.map((u) => ({ ref: { plan: u.plan, task: u.task, unit: u.by }, story: null, urge: u }));
  const all = [...stories, ...urges].map((x) => ({ ...x, key: refKey(x.ref), correlationId: namedUuid(`${x.urge ? 'urge' : 'story'}/${refKey(x.ref)}`) }));
  const logged: { id: string }[] = await db.query(`SELECT DISTINCT correlation_id::text AS id FROM event_log WHERE correlation_id = ANY($1::uuid[])`, [
    all.map((x) => x.correlationId),
  ]);
  const told = new Set(logged.map((r) => r.id));
  const waiting = all.filter((x) => !told.has(x.correlationId));
  result.alreadyTold = all.length - waiting.length;
  if (!waiting.length) return result;

  const assignments = await assignmentsOf(db, planIds, waiting.map((x) => x.ref));
  // Any execution command leaves a work row: an assignment with one already holds someone's work.
  const worked = new Set((await app.get(WorkRepository, { strict: false }).findMany([...assignments.values()].map((a) => a.assignmentId))).map((w) => w.assignmentId));
  const actors = new DemoActors(directory);
  const runner = new StoryRunner(app, actors, app.get(Clock).today());
  const tell = async ({ key, story, urge, correlationId }: (typeof waiting)[number]) => {
    try {
      const a = assignments.get(key);
      if (!a) throw new SkipStory('no such assignment in this seed');
      if (story) {
        if (worked.has(a.assignmentId)) throw new SkipStory('already has work');
        await runner.tell(story, a, correlationId);
        result.told++;
      } else if (urge) {
        const meta = actors.meta(urge.by, 'officer', correlationId);
        result.urged += (await app.get(CommandBus).execute(new UrgeCommand({ taskId: a.taskId, message: urge.message }, meta))).urged;
      }
    } catch (e) {
      if (!(e instanceof SkipStory || e instanceof DomainError)) throw e;
      result.skipped.push(`${key}: ${e instanceof DomainError ? e.code : e.message}`);
    }
  };
  // Each story is one assignment of its own: a few at a time keep the first start short. The urges go
  // last, so they reach the units still late once the stories are told.
  const queue = waiting.filter((x) => x.story);
  await Promise.all(Array.from({ length: STORIES_AT_ONCE }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) await tell(next);
  }));
  for (const x of waiting.filter((w) => w.urge)) await tell(x);
  result.skipped.sort();
  return result;
}

/** An assignment as the script names it: plan (seed key), task ordinal, assignee unit. */
type AssignmentRef = Pick<DemoStory, 'plan' | 'task' | 'unit'>;

/** The facts of a story's assignment the runner needs, from planning's published view. */
interface StoryAssignment {
  assignmentId: string;
  taskId: string;
  unitCode: string;
  focalUnitCode: string | null;
  issuerUnitCode: string;
}

const refKey = (r: AssignmentRef) => `${r.plan}/${r.task}/${r.unit}`;

/** The assignments in force the script names, in one statement (a superset by plan, ordinal and unit, matched exactly here). */
async function assignmentsOf(db: DataSource, planIds: Readonly<Record<string, string>>, refs: AssignmentRef[]): Promise<Map<string, StoryAssignment>> {
  const keyOfPlan = new Map(Object.entries(planIds).map(([key, id]) => [id, key]));
  const distinct = <T>(xs: T[]) => [...new Set(xs)];
  const rows: (StoryAssignment & { planId: string; ordinal: number })[] = await db.query(
    `SELECT assignment_id AS "assignmentId", task_id AS "taskId", plan_id AS "planId", task_ordinal AS ordinal, unit_code AS "unitCode",
            focal_unit_code AS "focalUnitCode", issuer_unit_code AS "issuerUnitCode"
       FROM planning_assignment
      WHERE plan_id = ANY($1::uuid[]) AND task_ordinal = ANY($2::int[]) AND unit_code = ANY($3::text[])
        AND assignment_status = 'assigned' AND plan_status = 'issued' AND NOT task_removed`,
    [distinct(refs.map((r) => planIds[r.plan]).filter(Boolean)), distinct(refs.map((r) => r.task)), distinct(refs.map((r) => r.unit))],
  );
  return new Map(rows.map((r) => [refKey({ plan: keyOfPlan.get(r.planId) as string, task: r.ordinal, unit: r.unitCode }), r]));
}

/** A story not to tell here (its assignment missing or already worked on): skipped, not an error. */
class SkipStory extends Error {}

/** Tells one story: its steps in order, each as the unit it belongs to, each on the version the previous one left. */
class StoryRunner {
  private readonly commands: CommandBus;
  private readonly queries: QueryBus;

  constructor(app: INestApplicationContext, private readonly actors: DemoActors, private readonly today: string) {
    this.commands = app.get(CommandBus);
    this.queries = app.get(QueryBus);
  }

  /** Tells the story of an assignment no one has worked on yet (no work row: not started, version 0). */
  async tell(story: DemoStory, a: StoryAssignment, correlationId: string): Promise<void> {
    const as = (unitCode: string, kind: ActorKind) => this.actors.meta(unitCode, kind, correlationId);
    const assignee = as(a.unitCode, 'officer');
    // The assignment's state as the last command answered it; read only when a step needs it before any command did.
    let work: AssignmentWorkDto | null = null;
    const current = async () => (work ??= await this.queries.execute(new GetAssignmentWorkQuery(a.assignmentId, assignee.actor as AccessScope)));
    // The unit that verifies (and decides extensions) is the API's answer, not a second copy of the rule.
    const verifier = async () => {
      const { verifier: v } = await current();
      return as(v.unitCodes[0], v.kind === 'lead' || v.kind === 'focal' ? 'officer' : 'leader');
    };
    // Obstacles go to the focal unit, unless the assignee is the focal unit: then to the issuing committee (work-access.policy, obstacleHandlerOf).
    const handler = () => (a.focalUnitCode && a.focalUnitCode !== a.unitCode ? as(a.focalUnitCode, 'officer') : as(a.issuerUnitCode, 'leader'));
    let obstacleId = '';
    let extensionId = '';
    for (const [i, step] of story.steps.entries()) {
      const key = `${SEED_ACTOR}:${refKey(story)}:${i}`;
      const version: number = (work as AssignmentWorkDto | null)?.version ?? 0;
      if ('report' in step) {
        const evidenceIds = step.evidence ? [await this.upload(a.assignmentId, step.evidence, `${key}:evidence`, assignee)] : [];
        const body = { version, status: step.report, percent: step.percent, note: step.note, result: step.result ?? null, evidenceIds };
        work = await this.commands.execute(new ReportProgressCommand(a.assignmentId, body, key, assignee));
      } else if ('verify' in step) {
        work = await this.commands.execute(new VerifyWorkCommand(a.assignmentId, { version, note: step.verify }, await verifier()));
      } else if ('return' in step) {
        work = await this.commands.execute(new ReturnWorkCommand(a.assignmentId, { version, reason: step.return }, await verifier()));
      } else if ('obstacle' in step) {
        work = await this.commands.execute(new RaiseObstacleCommand(a.assignmentId, { description: step.obstacle, proposal: step.proposal }, assignee));
        obstacleId = work.obstacles.find((o) => o.description === step.obstacle)?.id ?? '';
      } else if ('answer' in step) {
        work = await this.commands.execute(new AnswerObstacleCommand(obstacleId, { answer: step.answer }, handler()));
      } else if ('escalate' in step) {
        work = await this.commands.execute(new EscalateObstacleCommand(obstacleId, { note: step.escalate }, handler()));
      } else if ('directive' in step) {
        work = await this.commands.execute(new GiveDirectiveCommand(obstacleId, { directive: step.directive }, as(a.issuerUnitCode, 'leader')));
      } else if ('extension' in step) {
        const { due } = await current();
        const requestedDue = endOfMonthAfter(due && due > this.today ? due : this.today, step.months);
        work = await this.commands.execute(new RequestExtensionCommand(a.assignmentId, { requestedDue, reason: step.extension }, assignee));
        extensionId = work.extensions.find((x) => x.status === 'pending')?.id ?? '';
      } else {
        work = await this.commands.execute(new DecideExtensionCommand(extensionId, { approve: true, note: step.approve }, await verifier()));
      }
    }
  }

  /** One evidence file through the upload command (content-type sniffed from the bytes), by a deterministic key: a re-run finds it. */
  private async upload(assignmentId: string, file: DemoEvidence, key: string, by: CommandMetadata): Promise<string> {
    const content = file.kind === 'pdf' ? samplePdf() : samplePng();
    return (await this.commands.execute(new UploadEvidenceCommand(assignmentId, content, file.name, key, by))).id;
  }
}

type ActorKind = 'officer' | 'leader';

/** Who acts for a unit in the seed: one of its officers, or its leader (the committee's, for decisions that are the issuer's). */
class DemoActors {
  private readonly units: Map<string, DirectorySeed['units'][number]>;
  private readonly realms: Map<string, string>;

  constructor(directory: DirectorySeed) {
    this.units = new Map(directory.units.map((u) => [u.code, u]));
    this.realms = new Map(directory.provinces.map((p) => [p.code, p.realm]));
  }

  meta(unitCode: string, kind: ActorKind, correlationId: string): CommandMetadata {
    const unit = this.units.get(unitCode);
    if (!unit) throw new SkipStory(`unit ${unitCode} is not in the directory`);
    const roles = unit.tier === 1 ? (kind === 'leader' ? [Role.Leader] : [Role.DepartmentOfficer]) : kind === 'leader' ? [Role.CommuneLeader] : [Role.CommuneOfficer];
    const actor = scopeFor({
      username: SEED_ACTOR,
      name: 'Dữ liệu mẫu / Seed',
      realm: this.realms.get(unit.provinceCode) ?? unit.provinceCode,
      provinceCode: unit.provinceCode,
      unitCode,
      tier: unit.tier,
      roles,
      communeCode: unit.tier === 2 ? (unit.kind === 'commune' ? unit.code : unit.parentCode) : null,
    });
    return { actor, correlationId };
  }
}

/** The last day of the month `months` after `day`'s month (yyyy-MM-dd): a requested due date later than both today and the date in force. */
function endOfMonthAfter(day: string, months: number): string {
  const [y, m] = day.split('-').map(Number);
  return new Date(Date.UTC(y, m + months, 0)).toISOString().slice(0, 10);
}

/** A UUID (version 5 layout) named by the story: the same story has the same correlation id in every database. */
function namedUuid(name: string): string {
  const b = createHash('sha1').update(`dieu-hanh:demo-activity:${name}`).digest();
  b[6] = (b[6] & 0x0f) | 0x50;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = b.subarray(0, 16).toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
