import type { DirectorySeed } from '@dieu-hanh/shared/util-seed-directory';

/** What an import takes: the validated seed, exactly as `loadDirectorySeed` returns it. */
export type DirectoryImportData = DirectorySeed;

export interface DirectoryImportResult {
  provinces: number;
  unitsCreated: string[];
  unitsUpdated: string[];
  groups: number;
  successions: number;
}

/** Bulk, idempotent upsert of a versioned seed into the directory, inside the current transaction. */
export abstract class DirectoryImporter {
  abstract import(data: DirectoryImportData): Promise<DirectoryImportResult>;
}
