import { resolve } from 'node:path';

export interface EvidenceConfig {
  /** The content store's folder: `EVIDENCE_DIR`, else `<data dir>/evidence` (`DIEU_HANH_DATA_DIR`, default `.data`). */
  dir: string;
  /** Largest accepted file in bytes: `EVIDENCE_MAX_BYTES`, default 20 MB. */
  maxBytes: number;
}

export const DEFAULT_EVIDENCE_MAX_BYTES = 20 * 1024 * 1024;

export function evidenceConfigFromEnv(env: NodeJS.ProcessEnv = process.env): EvidenceConfig {
  const max = Number(env['EVIDENCE_MAX_BYTES']);
  return {
    dir: resolve(env['EVIDENCE_DIR'] || resolve(env['DIEU_HANH_DATA_DIR'] ?? '.data', 'evidence')),
    maxBytes: Number.isSafeInteger(max) && max > 0 ? max : DEFAULT_EVIDENCE_MAX_BYTES,
  };
}
