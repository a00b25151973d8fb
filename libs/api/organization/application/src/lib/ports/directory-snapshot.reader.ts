import type { DirectorySnapshot } from '@dieu-hanh/api/shared/kernel';

export abstract class DirectorySnapshotReader {
  abstract snapshot(provinceCode: string, asOf: string, unitCodes: string[], groupCodes: string[]): Promise<DirectorySnapshot>;
}
