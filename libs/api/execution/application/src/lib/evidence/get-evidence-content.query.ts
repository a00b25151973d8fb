import type { Readable } from 'node:stream';
import { Query } from '@nestjs/cqrs';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { EvidenceDto } from '@dieu-hanh/shared/contracts';

export interface EvidenceContent {
  evidence: EvidenceDto;
  stream: Readable;
  size: number;
}

/** GET /evidence/:id/content: the file, for whoever sees its assignment. */
export class GetEvidenceContentQuery extends Query<EvidenceContent> {
  constructor(
    readonly scope: AccessScope,
    readonly evidenceId: string,
  ) {
    super();
  }
}
