import type { AccessScope } from '@dieu-hanh/api/shared/kernel';

/** What the caller may do with an assignment's evidence. */
export interface EvidenceAccessDecision {
  /** Whether the caller sees the assignment (and so its evidence); false answers 404, as for no assignment. */
  visible: boolean;
  /** Whether the caller may upload evidence to it now (execution's `upload-evidence` action). */
  mayUpload: boolean;
  /** The assignee unit (kept with the upload as the uploader's unit where the caller acts for its office). */
  unitCode: string;
}

/**
 * Evidence follows its assignment's access: the work access policy (`workVisibility`/`mayViewWork`,
 * `workActions(...)` includes 'upload-evidence') over the assignment's facts and its work's standing
 * (`WorkEvidenceAccess`). Null when the assignment does not exist.
 */
export abstract class EvidenceAccess {
  abstract of(scope: AccessScope, assignmentId: string): Promise<EvidenceAccessDecision | null>;
}
