import type { DirectorySnapshot, SuccessionInForce } from '@dieu-hanh/api/organization/contracts';

export abstract class DirectorySnapshotReader {
  abstract snapshot(provinceCode: string, asOf: string, unitCodes: string[], groupCodes: string[]): Promise<DirectorySnapshot>;
  abstract successionsInForce(asOf: string, predecessorCodes: string[]): Promise<SuccessionInForce[]>;
}
