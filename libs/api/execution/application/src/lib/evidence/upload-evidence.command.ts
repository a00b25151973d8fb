import { Command } from '@nestjs/cqrs';
import type { CommandMetadata } from '@dieu-hanh/api/shared/kernel';
import type { EvidenceDto } from '@dieu-hanh/shared/contracts';

/** POST /assignments/:id/evidence: one file, its Idempotency-Key required. */
export class UploadEvidenceCommand extends Command<EvidenceDto> {
  constructor(
    readonly assignmentId: string,
    readonly content: Uint8Array,
    /** The name the client gave (display only, never a path). */
    readonly fileName: string | null,
    readonly requestKey: string,
    readonly metadata: CommandMetadata,
  ) {
    super();
  }
}
