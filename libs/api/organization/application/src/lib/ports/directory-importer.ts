export interface DirectoryImportData {
  provinces: { code: string; name: string; realm: string }[];
  units: {
    code: string;
    officialName: string;
    shortName: string;
    kind: string;
    tier: 1 | 2;
    parentCode: string | null;
    provinceCode: string;
    validFrom: string;
    validTo: string | null;
    aliases: string[];
  }[];
  groups: { code: string; name: string; provinceCode: string; memberCodes: string[] }[];
  successions: { predecessorCode: string; successorCode: string; kind: string; effectiveDate: string; note?: string | null }[];
}

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
