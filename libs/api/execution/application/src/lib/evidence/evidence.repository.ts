import type { EvidenceDto } from '@dieu-hanh/shared/contracts';

/** What is stored about one evidence file: its metadata (the content lives in the content store, by hash). */
export interface EvidenceRecord extends EvidenceDto {
  assignmentId: string;
  /** The unit that uploaded it (the assignee unit, or the commune acting for its office). */
  uploaderUnitCode: string;
}

/** A new evidence file's metadata, written once its content is safely in the store. */
export interface NewEvidence {
  id: string;
  assignmentId: string;
  sha256: string;
  mediaType: string;
  size: number;
  fileName: string;
  uploadedBy: string;
  uploaderUnitCode: string;
  /** Who sent the request and its Idempotency-Key: a retried upload finds the first one. */
  principal: string;
  requestKey: string;
}

/**
 * Evidence metadata (the files themselves are in the content store). Joins the unit of work's
 * transaction. The progress command attaches evidence by id through `attachable`.
 */
export abstract class EvidenceRepository {
  /** Of the given ids, those that are evidence of this assignment (in the order given, without duplicates). */
  abstract attachable(assignmentId: string, ids: string[]): Promise<string[]>;
  /** Every evidence file of an assignment, oldest first. */
  abstract ofAssignment(assignmentId: string): Promise<EvidenceDto[]>;
  /** The evidence files with these ids (any assignment), in no particular order. */
  abstract byIds(ids: string[]): Promise<EvidenceDto[]>;
  /** One evidence file with its assignment, or null. */
  abstract find(id: string): Promise<EvidenceRecord | null>;
  /** The evidence a principal already uploaded with this Idempotency-Key, or null. */
  abstract byRequestKey(principal: string, requestKey: string): Promise<EvidenceRecord | null>;
  /**
   * Inserts the metadata; when the same (principal, key) already exists (a concurrent retry), inserts
   * nothing and returns the first one.
   */
  abstract insert(evidence: NewEvidence): Promise<EvidenceRecord>;
}
