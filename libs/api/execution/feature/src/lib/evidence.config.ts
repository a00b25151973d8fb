import { type EvidenceConfig, evidenceConfigFromEnv } from '@dieu-hanh/api/execution/infrastructure';

/** Injection token of the evidence settings (folder, size limit), read from the environment at start. */
export const EVIDENCE_CONFIG = Symbol('EVIDENCE_CONFIG');

export const evidenceConfigProvider = { provide: EVIDENCE_CONFIG, useFactory: (): EvidenceConfig => evidenceConfigFromEnv() };
