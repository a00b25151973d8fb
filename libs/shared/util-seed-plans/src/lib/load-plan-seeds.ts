import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { UnitRefDto } from '@dieu-hanh/shared/contracts';
import { type DirectorySeed, SeedError } from '@dieu-hanh/shared/util-seed-directory';
import type { PlanSeed } from './types';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The seed plans of `seedsDir/planning/*.json`, checked against the unit directory: every unit and
 * group code a plan names must exist, the counts the document declares must match the transcription,
 * and a parent plan comes before the plans implementing it. Throws a {@link SeedError} listing every problem.
 */
export function loadPlanSeeds(options: { seedsDir: string; directory: DirectorySeed }): PlanSeed[] {
  const dir = join(options.seedsDir, 'planning');
  const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
  const seeds = files.map((f) => ({ file: f, seed: JSON.parse(readFileSync(join(dir, f), 'utf8')) as PlanSeed }));
  const problems = seeds.flatMap(({ file, seed }) => validatePlanSeed(seed, options.directory).map((p) => `${file}: ${p}`));
  const keys = new Set(seeds.map((s) => s.seed.key));
  for (const { file, seed } of seeds) {
    if (seed.parentKey && !keys.has(seed.parentKey)) problems.push(`${file}: parentKey "${seed.parentKey}" is not a seed plan`);
  }
  if (keys.size !== seeds.length) problems.push('two seed plans share a key');
  if (problems.length) throw new SeedError(problems);
  // Parents first, so an implementing plan can link to an issued parent.
  return seeds.map((s) => s.seed).sort((a, b) => Number(!!a.parentKey) - Number(!!b.parentKey) || a.key.localeCompare(b.key));
}

/** Every problem of one seed plan, as readable sentences naming the entry at fault. */
export function validatePlanSeed(seed: PlanSeed, directory: DirectorySeed): string[] {
  const problems: string[] = [];
  const units = new Set(directory.units.map((u) => u.code));
  const groups = new Set(directory.groups.map((g) => g.code));
  const need = (ok: unknown, what: string) => {
    if (!ok) problems.push(what);
  };
  need(typeof seed.key === 'string' && /^[a-z0-9-]+$/.test(seed.key), 'key must be a lowercase slug');
  need(typeof seed.source === 'string' && seed.source.endsWith('.txt'), 'source must name the seed document');
  need(Number.isInteger(seed.number) && seed.number > 0, 'number must be a positive integer');
  need(typeof seed.issueDate === 'string' && ISO.test(seed.issueDate), 'issueDate must be yyyy-MM-dd');
  need(units.has(seed.issuerUnitCode), `issuerUnitCode ${seed.issuerUnitCode} is not in the directory`);
  need(units.has(seed.draftingUnitCode), `draftingUnitCode ${seed.draftingUnitCode} is not in the directory`);
  const plan = seed.plan;
  if (!plan || !Array.isArray(plan.tasks)) return [...problems, 'plan.tasks is missing'];
  need(typeof plan.title === 'string' && plan.title.trim().length > 0, 'plan.title is required');
  need(Number.isInteger(plan.year), 'plan.year must be an integer');
  if (plan.focalUnitCode) need(units.has(plan.focalUnitCode), `plan.focalUnitCode ${plan.focalUnitCode} is not in the directory`);
  const checkRefs = (refs: UnitRefDto[] | undefined, where: string) => {
    (refs ?? []).forEach((r, i) => {
      if ('unit' in r) need(units.has(r.unit), `${where}.${i}: unit ${r.unit} is not in the directory`);
      else if ('group' in r) need(groups.has(r.group), `${where}.${i}: group ${r.group} is not in the directory`);
      else need(typeof r.pending === 'string' && r.pending.trim().length > 0, `${where}.${i}: a pending reference keeps its text`);
    });
  };
  const sectionCodes = new Set((plan.sections ?? []).map((s) => s.code));
  plan.tasks.forEach((t, i) => {
    need(typeof t.content === 'string' && t.content.trim().length > 0, `tasks.${i}.content is required`);
    need(t.leads.length > 0, `tasks.${i}.leads needs at least one lead`);
    if (t.section) need(sectionCodes.has(t.section), `tasks.${i}.section ${t.section} is not among plan.sections`);
    checkRefs(t.leads, `tasks.${i}.leads`);
    checkRefs(t.coordinators, `tasks.${i}.coordinators`);
  });
  (plan.indicators ?? []).forEach((ind, i) => {
    need(typeof ind.name === 'string' && ind.name.trim().length > 0, `indicators.${i}.name is required`);
    need(ind.targets.length > 0, `indicators.${i}.targets needs at least one yearly target`);
    if (ind.section) need(sectionCodes.has(ind.section), `indicators.${i}.section ${ind.section} is not among plan.sections`);
    checkRefs(ind.focal, `indicators.${i}.focal`);
    checkRefs(ind.implementing, `indicators.${i}.implementing`);
    checkRefs(ind.coordinators, `indicators.${i}.coordinators`);
  });
  if (seed.declared?.tasks != null) need(plan.tasks.length === seed.declared.tasks, `the document declares ${seed.declared.tasks} tasks, the seed has ${plan.tasks.length}`);
  if (seed.declared?.indicators != null) {
    const n = plan.indicators?.length ?? 0;
    need(n === seed.declared.indicators, `the document declares ${seed.declared.indicators} indicators, the seed has ${n}`);
  }
  return problems;
}
