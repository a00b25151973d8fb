import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { workAssignmentNotFound } from '@dieu-hanh/api/execution/domain';
import { type AccessScope, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { EvidenceDto } from '@dieu-hanh/shared/contracts';
import { EvidenceAccess } from './evidence-access';
import { EvidenceContentStore } from './evidence-content.store';
import { evidenceKeyReused, evidenceTypeRefused, evidenceUploadRefused } from './evidence.errors';
import { evidenceFileName } from './evidence-file-name';
import { EvidenceRepository, type EvidenceRecord } from './evidence.repository';
import { EvidenceTypeDetector } from './evidence-type.detector';
import { UploadEvidenceCommand } from './upload-evidence.command';

/** The key's owner, as the idempotency interceptor names it. */
export function evidencePrincipal(scope: AccessScope): string {
  return `${scope.realm}:${scope.subject}`;
}

export function toEvidenceDto(r: EvidenceRecord): EvidenceDto {
  return { id: r.id, fileName: r.fileName, mediaType: r.mediaType, size: r.size, sha256: r.sha256, uploadedAt: r.uploadedAt, uploadedBy: r.uploadedBy };
}

/**
 * Uploads one evidence file to an assignment, in one transaction: a replayed Idempotency-Key returns
 * the first upload; otherwise the caller must see the assignment (404) and be allowed to upload (403),
 * the content must be an accepted type (415 at the edge) — and only then are the bytes stored (by hash,
 * atomically) and the metadata inserted. A refused upload leaves nothing behind. No event is recorded:
 * the progress update that attaches the file records it (execution.progress-reported, evidenceIds).
 */
@CommandHandler(UploadEvidenceCommand)
export class UploadEvidenceHandler implements ICommandHandler<UploadEvidenceCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly evidence: EvidenceRepository,
    private readonly access: EvidenceAccess,
    private readonly detector: EvidenceTypeDetector,
    private readonly store: EvidenceContentStore,
  ) {}

  async execute({ assignmentId, content, fileName, requestKey, metadata }: UploadEvidenceCommand): Promise<EvidenceDto> {
    const actor = metadata.actor;
    if (actor.subject === 'system' || actor.unitCode === null) throw evidenceUploadRefused();
    const scope = actor as AccessScope;
    const principal = evidencePrincipal(scope);
    return this.uow.run(metadata, async () => {
      const first = await this.evidence.byRequestKey(principal, requestKey);
      if (first) {
        if (first.assignmentId !== assignmentId.toLowerCase()) throw evidenceKeyReused();
        return toEvidenceDto(first);
      }
      const decision = await this.access.of(scope, assignmentId);
      // Out of the caller's sight: the same 404 as an assignment that does not exist (and as every other verb).
      if (!decision?.visible) throw workAssignmentNotFound(assignmentId);
      if (!decision.mayUpload) throw evidenceUploadRefused();
      const type = await this.detector.detect(content);
      if (!type) throw evidenceTypeRefused();
      // Inside the transaction, after every check: if the insert then fails, the stored bytes are an
      // unreferenced file under their hash (harmless, reused by the next identical upload).
      const stored = await this.store.put(content);
      const record = await this.evidence.insert({
        id: randomUUID(),
        assignmentId: assignmentId.toLowerCase(),
        sha256: stored.sha256,
        mediaType: type.mediaType,
        size: stored.size,
        fileName: evidenceFileName(fileName, type.extension),
        uploadedBy: scope.username,
        uploaderUnitCode: scope.unitCode,
        principal,
        requestKey,
      });
      return toEvidenceDto(record);
    });
  }
}
