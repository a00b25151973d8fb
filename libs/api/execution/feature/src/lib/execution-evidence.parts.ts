import type { Provider, Type } from '@nestjs/common';
import { EVIDENCE_HANDLERS, EvidenceAccess, EvidenceContentStore, EvidenceRepository, EvidenceTypeDetector, WorkEvidenceAccess } from '@dieu-hanh/api/execution/application';
import { type EvidenceConfig, FileTypeEvidenceDetector, LocalFolderContentStore, SqlEvidenceRepository } from '@dieu-hanh/api/execution/infrastructure';
import { EVIDENCE_CONFIG, evidenceConfigProvider } from './evidence.config';
import { EvidenceController } from './evidence.controller';
import { EvidenceUploadInterceptor } from './evidence-upload.interceptor';

/** The evidence side of the execution context: its controllers and providers, spread into ExecutionModule. (Owner: B.) */
export const EXECUTION_EVIDENCE_CONTROLLERS: Type<unknown>[] = [EvidenceController];
export const EXECUTION_EVIDENCE_PROVIDERS: Provider[] = [
  ...EVIDENCE_HANDLERS,
  evidenceConfigProvider,
  EvidenceUploadInterceptor,
  { provide: EvidenceRepository, useClass: SqlEvidenceRepository },
  // Through the WorkRepository the commands side provides (execution-commands.parts.ts).
  { provide: EvidenceAccess, useClass: WorkEvidenceAccess },
  { provide: EvidenceTypeDetector, useClass: FileTypeEvidenceDetector },
  { provide: EvidenceContentStore, useFactory: (config: EvidenceConfig) => new LocalFolderContentStore(config.dir), inject: [EVIDENCE_CONFIG] },
];
