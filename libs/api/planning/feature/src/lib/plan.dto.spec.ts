import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';
import { loadPlanSeeds } from '@dieu-hanh/shared/util-seed-plans';
import { PlanDraftBody } from './plan.dto';

/** The request DTO against real plans: what a department types for 402/KH-UBND must get through. */
describe('PlanDraftBody', () => {
  const seedsDir = findSeedsDir(__dirname);
  const seeds = loadPlanSeeds({ seedsDir, directory: loadDirectorySeed({ seedsDir, scope: 'demo' }) });
  const check = (body: object) => validate(plainToInstance(PlanDraftBody, body), { whitelist: true, forbidNonWhitelisted: true });

  it.each(seeds.map((s) => [s.key, s] as const))('accepts the real plan %s as a request body', async (_key, seed) => {
    expect(await check(seed.plan)).toEqual([]);
  });

  it('refuses a reference naming two things at once, and an empty pending text', async () => {
    const task = { content: 'x', leads: [{ unit: '01-SKHCN', pending: 'các đơn vị liên quan' }], coordinators: [{ pending: '' }] };
    const errors = await check({ title: 't', year: 2025, tasks: [task] });
    expect(JSON.stringify(errors)).toContain('pending');
  });

  it('refuses unknown fields and impossible targets', async () => {
    const errors = await check({ title: 't', year: 2025, tasks: [], hacked: true, indicators: [{ name: 'n', targets: [{ year: 1800, text: '' }], focal: [], implementing: [] }] });
    const text = JSON.stringify(errors);
    expect(text).toContain('hacked');
    expect(text).toContain('year');
    expect(text).toContain('text');
  });
});
