/**
 * Fan-out to every commune of the country (3,321), measured on the issue command itself, in-process,
 * on a fresh database loaded with the national directory. Plans belong to one province, so "to all
 * communes" is 34 provincial plans, each issued to its "UBND các xã, phường" group; the report also
 * gives one command that creates ≈3,400 assignments at once (27 tasks × Hà Nội's 126 communes).
 */
import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { NestFactory } from '@nestjs/core';
import { ApprovePlanCommand, DraftPlanCommand, IssuePlanCommand, SubmitPlanCommand } from '@dieu-hanh/api/planning/application';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { type CommandMetadata, scopeFor } from '@dieu-hanh/api/shared/kernel';
import { createTestDatabase, type TestDatabase } from '@dieu-hanh/api/shared/testing';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { apiConfigFromEnv } from '../../apps/api/src/app/api.config';
import { AppModule } from '../../apps/api/src/app/app.module';
import { ALL_MIGRATIONS } from '../../apps/api/src/app/migrations';
import { seedDirectory } from '../../apps/api/src/app/seed';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);

describe('bench: fan-out to every commune of the country', () => {
  let db: TestDatabase;
  let app: INestApplicationContext;
  beforeAll(async () => {
    db = await createTestDatabase(ALL_MIGRATIONS);
    app = await NestFactory.createApplicationContext(AppModule.forRoot({ ...apiConfigFromEnv({}), databaseUrl: db.url }, 'external'), { logger: false });
    await app.init();
    await seedDirectory(app, 'national');
  });
  afterAll(async () => {
    await app?.close();
    await db?.drop();
  });

  const person = (provinceCode: string, unitCode: string, roles: string[]): CommandMetadata => ({
    actor: scopeFor({ username: 'bench', provinceCode, unitCode, tier: 1, roles }),
    correlationId: randomUUID(),
  });

  /**
   * Drafts, submits and approves a plan, lets the event feed finish what earlier commands started (so
   * their reactions do not run inside this measurement), then times the issue command alone, and apart
   * from it the feed catching up after it (progress tallies, notifications): the read models' share.
   */
  async function timeIssue(provinceCode: string, committee: string, tasks: { content: string; leads: { group: string }[]; coordinators: [] }[], number: number) {
    const bus = app.get(CommandBus);
    const officer = person(provinceCode, committee, ['department-officer']);
    const leader = person(provinceCode, committee, ['leader']);
    const { id } = await bus.execute(new DraftPlanCommand({ title: `Bench ${number}`, year: 2026, tasks }, officer));
    await bus.execute(new SubmitPlanCommand(id, officer));
    await bus.execute(new ApprovePlanCommand(id, leader));
    const feed = app.get(EventFeed);
    await feed.drain({ timeoutMs: 120_000 });
    const t0 = process.hrtime.bigint();
    const issued = await bus.execute(new IssuePlanCommand(id, number, '2026-01-05', { ...leader, correlationId: randomUUID() }));
    const t1 = process.hrtime.bigint();
    await feed.drain({ timeoutMs: 120_000 });
    return { ms: Number(t1 - t0) / 1e6, readModelsMs: Number(process.hrtime.bigint() - t1) / 1e6, assignments: issued.assignments };
  }

  it('measures', async () => {
    const seed = loadDirectorySeed({ seedsDir: findSeedsDir(), scope: 'national' });
    const committees = new Map(seed.units.filter((u) => u.kind === 'people-committee').map((u) => [u.provinceCode, u.code]));
    const communeGroups = seed.groups.filter((g) => g.provinceCode && g.memberCodes.length && g.memberCodes.every((c) => seed.units.find((u) => u.code === c)?.kind === 'commune'));
    const report: Record<string, unknown> = {};
    let number = 1;

    const totals: number[] = [];
    const readModelTotals: number[] = [];
    let assignments = 0;
    let largest = { province: '', ms: 0, assignments: 0 };
    const hanoiTimes: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      let total = 0;
      let readModels = 0;
      assignments = 0;
      for (const g of communeGroups) {
        const r = await timeIssue(g.provinceCode, committees.get(g.provinceCode) as string, [{ content: 'Nhiệm vụ toàn quốc', leads: [{ group: g.code }], coordinators: [] }], number++);
        total += r.ms;
        readModels += r.readModelsMs;
        if (g.provinceCode === '01') hanoiTimes.push(r.ms);
        assignments += r.assignments;
        if (run === RUNS - 1 && r.assignments > largest.assignments) largest = { province: g.provinceCode, ms: +r.ms.toFixed(1), assignments: r.assignments };
      }
      totals.push(total);
      readModelTotals.push(readModels);
    }
    totals.sort((a, b) => a - b);
    readModelTotals.sort((a, b) => a - b);
    report['34 provincial plans, 1 task each → every commune'] = {
      provinces: communeGroups.length,
      assignments,
      totalMsMedian: +totals[Math.floor(totals.length / 2)].toFixed(1),
      totalMsMin: +totals[0].toFixed(1),
      totalMsMax: +totals.at(-1)!.toFixed(1),
      readModelsCaughtUpMsMedian: +readModelTotals[Math.floor(readModelTotals.length / 2)].toFixed(1),
      largestProvince: largest,
      runs: RUNS,
    };
    hanoiTimes.sort((a, b) => a - b);
    report['Hà Nội: 1 task → its 126 communes'] = { medianMs: +hanoiTimes[Math.floor(hanoiTimes.length / 2)].toFixed(1), runs: hanoiTimes.length };

    const hanoi = communeGroups.find((g) => g.provinceCode === '01');
    if (hanoi) {
      const times: number[] = [];
      const caughtUp: number[] = [];
      let count = 0;
      for (let run = 0; run < RUNS; run++) {
        const tasks = Array.from({ length: 27 }, (_, i) => ({ content: `Nhiệm vụ ${i + 1}`, leads: [{ group: hanoi.code }], coordinators: [] as [] }));
        const r = await timeIssue('01', committees.get('01') as string, tasks, number++);
        times.push(r.ms);
        caughtUp.push(r.readModelsMs);
        count = r.assignments;
      }
      times.sort((a, b) => a - b);
      caughtUp.sort((a, b) => a - b);
      report['one command: 27 tasks × Hà Nội communes'] = { assignments: count, medianMs: +times[Math.floor(times.length / 2)].toFixed(1), minMs: +times[0].toFixed(1), maxMs: +times.at(-1)!.toFixed(1), readModelsCaughtUpMsMedian: +caughtUp[Math.floor(caughtUp.length / 2)].toFixed(1), runs: RUNS };
    }
    console.log(JSON.stringify(report, null, 2));
    expect(assignments).toBeGreaterThan(3000);
  });
});
