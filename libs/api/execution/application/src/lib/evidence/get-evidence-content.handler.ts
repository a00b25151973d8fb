import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { EvidenceAccess } from './evidence-access';
import { EvidenceContentStore } from './evidence-content.store';
import { evidenceNotFound } from './evidence.errors';
import { EvidenceRepository } from './evidence.repository';
import { type EvidenceContent, GetEvidenceContentQuery } from './get-evidence-content.query';
import { toEvidenceDto } from './upload-evidence.handler';

/**
 * An evidence file's bytes, scope-checked with the same visibility as its assignment: a file of an
 * assignment the caller does not see is 404, exactly like one that does not exist.
 */
@QueryHandler(GetEvidenceContentQuery)
export class GetEvidenceContentHandler implements IQueryHandler<GetEvidenceContentQuery> {
  constructor(
    private readonly evidence: EvidenceRepository,
    private readonly access: EvidenceAccess,
    private readonly store: EvidenceContentStore,
  ) {}

  async execute({ scope, evidenceId }: GetEvidenceContentQuery): Promise<EvidenceContent> {
    const record = await this.evidence.find(evidenceId);
    if (!record) throw evidenceNotFound();
    const decision = await this.access.of(scope, record.assignmentId);
    if (!decision?.visible) throw evidenceNotFound();
    const content = await this.store.open(record.sha256);
    // Metadata without its bytes is our fault (a lost folder), not the caller's: a 500 that gets logged.
    if (!content) throw new Error(`Evidence ${record.id}: content ${record.sha256} is missing from the store`);
    return { evidence: toEvidenceDto(record), stream: content.stream, size: content.size };
  }
}
