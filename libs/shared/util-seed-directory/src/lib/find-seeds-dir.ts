import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { SeedError } from './seed-error';

/** Walks up from `startDir` to the folder holding `seeds/organization/provinces.csv`; returns `<root>/seeds`. */
export function findSeedsDir(startDir: string = process.cwd()): string {
  let dir = resolve(startDir);
  for (;;) {
    if (existsSync(join(dir, 'seeds', 'organization', 'provinces.csv'))) return join(dir, 'seeds');
    const up = dirname(dir);
    if (up === dir)
      throw new SeedError(`No seeds/organization/provinces.csv in ${resolve(startDir)} or above it`);
    dir = up;
  }
}
