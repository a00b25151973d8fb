import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ImportUnitDirectoryCommand, type ImportUnitDirectoryResult } from '@dieu-hanh/api/organization/application';
import { systemActor } from '@dieu-hanh/api/shared/kernel';
import { findSeedsDir, loadDirectorySeed } from '@dieu-hanh/shared/util-seed-directory';

/** Loads the versioned seed files through the import command (one transaction, events logged). */
export async function seedDirectory(app: INestApplicationContext, scope: 'demo' | 'national'): Promise<ImportUnitDirectoryResult> {
  const seedsDir = process.env['SEEDS_DIR'] ?? findSeedsDir();
  const seed = loadDirectorySeed({ seedsDir, scope });
  return app
    .get(CommandBus)
    .execute(new ImportUnitDirectoryCommand(seed, scope, { actor: systemActor('seed'), correlationId: randomUUID() }));
}
