import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ImportUnitDirectoryCommand, type ImportUnitDirectoryResult } from '@dieu-hanh/api/organization/application';
import { ApprovePlanCommand, DraftPlanCommand, IssuePlanCommand, SubmitPlanCommand } from '@dieu-hanh/api/planning/application';
import { type CommandMetadata, scopeFor, systemActor } from '@dieu-hanh/api/shared/kernel';
import { type DirectorySeed, findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { loadPlanSeeds } from '@dieu-hanh/shared/util-seed-plans';
import { DataSource } from 'typeorm';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { type DemoActivityResult, seedDemoActivity } from './seed-demo-activity';
import { loadDemoActivity } from './seed-demo-activity.script';
import { type DemoReportingResult, seedDemoReporting } from './seed-demo-reporting';

const seedsDir = () => process.env['SEEDS_DIR'] ?? findSeedsDir();

/** Loads the versioned seed files through the import command (one transaction, events logged). */
export async function seedDirectory(
  app: INestApplicationContext,
  scope: 'demo' | 'national',
  seed: DirectorySeed = loadDirectorySeed({ seedsDir: seedsDir(), scope }),
): Promise<ImportUnitDirectoryResult> {
  return app
    .get(CommandBus)
    .execute(new ImportUnitDirectoryCommand(seed, scope, { actor: systemActor('seed'), correlationId: randomUUID() }));
}

/**
 * The whole seed (the `seed` command and SEED_ON_START): the directory, then the plans, from one reading
 * of the files, then the demo's execution activity on those plans (both scopes: the national directory
 * holds the demo one), then the demo's reporting (periods, unit reports, an approved consolidated report).
 */
export async function seedAll(
  app: INestApplicationContext,
  scope: 'demo' | 'national',
): Promise<{ directory: ImportUnitDirectoryResult; plans: PlanSeedResult; activity: DemoActivityResult; reporting: DemoReportingResult }> {
  // The national directory holds the demo one, so it checks the plans' units as well.
  const seed = loadDirectorySeed({ seedsDir: seedsDir(), scope });
  const directory = await seedDirectory(app, scope, seed);
  const plans = await seedPlans(app, seed);
  const activity = await seedDemoActivity(app, seed, plans.planIds, loadDemoActivity(seedsDir()));
  // Reporting reads the progress tallies (an event-feed projection): let the feed catch up with the activity first.
  await app.get(EventFeed, { strict: false })?.drain({ timeoutMs: 10 * 60_000 });
  return { directory, plans, activity, reporting: await seedDemoReporting(app, seed, plans.planIds) };
}

/** What loading the seed plans did: plans issued now, plans already there, assignments made, and each plan's id by seed key. */
export interface PlanSeedResult {
  issued: string[];
  alreadyThere: string[];
  assignments: number;
  pendingReferences: number;
  planIds: Record<string, string>;
}

/**
 * Loads the real plans of seeds/planning through the same commands people use — drafted by the
 * drafting unit, submitted, approved and issued by the issuing committee — so the event log tells
 * their story and the fan-out is the real one. Acting "as" those units is what a seed is for; the
 * events name the actor `seed:<plan key>`. Idempotent: a plan already issued under its number is skipped.
 */
export async function seedPlans(
  app: INestApplicationContext,
  directory: DirectorySeed = loadDirectorySeed({ seedsDir: seedsDir(), scope: 'demo' }),
): Promise<PlanSeedResult> {
  const seeds = loadPlanSeeds({ seedsDir: seedsDir(), directory });
  const commands = app.get(CommandBus);
  const db = app.get(DataSource);
  const unitOf = new Map(directory.units.map((u) => [u.code, u]));
  const realmOf = new Map(directory.provinces.map((p) => [p.code, p.realm]));
  const result: PlanSeedResult = { issued: [], alreadyThere: [], assignments: 0, pendingReferences: 0, planIds: {} };
  for (const seed of seeds) {
    const issuer = unitOf.get(seed.issuerUnitCode);
    if (!issuer) throw new Error(`${seed.key}: unknown issuer ${seed.issuerUnitCode}`);
    const existing: { id: string }[] = await db.query(`SELECT id FROM plan WHERE issuer_unit_code = $1 AND year = $2 AND number = $3`, [
      seed.issuerUnitCode,
      seed.plan.year,
      seed.number,
    ]);
    if (existing.length) {
      result.planIds[seed.key] = existing[0].id;
      result.alreadyThere.push(seed.key);
      continue;
    }
    const tier = issuer.tier;
    const communeCode = tier === 2 ? seed.issuerUnitCode : null;
    const person = (unitCode: string, roles: string[]): CommandMetadata => ({
      actor: scopeFor({
        username: `seed:${seed.key}`,
        name: 'Dữ liệu mẫu / Seed',
        realm: realmOf.get(seed.provinceCode) ?? seed.provinceCode,
        provinceCode: seed.provinceCode,
        unitCode,
        tier,
        roles,
        communeCode,
      }),
      correlationId: randomUUID(),
    });
    const drafter = person(seed.draftingUnitCode, tier === 1 ? ['department-officer'] : ['commune-officer']);
    const leader = person(seed.issuerUnitCode, tier === 1 ? ['leader'] : ['commune-leader']);
    const parentPlanId = seed.parentKey ? (result.planIds[seed.parentKey] ?? null) : null;
    const legalBases = seed.parentDocument && !(seed.plan.legalBases ?? []).includes(seed.parentDocument) ? [seed.parentDocument, ...(seed.plan.legalBases ?? [])] : seed.plan.legalBases;
    const { id } = await commands.execute(new DraftPlanCommand({ ...seed.plan, legalBases, parentPlanId }, drafter));
    await commands.execute(new SubmitPlanCommand(id, drafter));
    await commands.execute(new ApprovePlanCommand(id, leader));
    const issued = await commands.execute(new IssuePlanCommand(id, seed.number, seed.issueDate, leader));
    result.planIds[seed.key] = id;
    result.issued.push(seed.key);
    result.assignments += issued.assignments;
    result.pendingReferences += issued.pending;
  }
  // Thousands of rows just arrived: fresh statistics keep the planner on the read models' indexes.
  if (result.issued.length) await db.query('ANALYZE plan, plan_task, plan_indicator, assignment, notification');
  return result;
}
