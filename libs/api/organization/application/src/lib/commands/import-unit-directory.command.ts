import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { DirectoryImportData } from '../ports/directory-importer';

export interface ImportUnitDirectoryResult {
  provinces: number;
  unitsCreated: number;
  unitsUpdated: number;
  groups: number;
  successions: number;
}

/** Loads the versioned directory seed; idempotent (a second run changes nothing and logs nothing). */
export class ImportUnitDirectoryCommand extends Command<ImportUnitDirectoryResult> {
  constructor(
    readonly data: DirectoryImportData,
    readonly scope: 'demo' | 'national',
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
