import type { ExtensionProps } from '@dieu-hanh/api/execution/domain';
import type { ExtensionRequestDto } from '@dieu-hanh/shared/contracts';

/** Extension requests (table `extension_request`). Joins the unit of work's transaction. */
export abstract class ExtensionRepository {
  /** One request; with `lock`, locked for the transaction. */
  abstract find(id: string, options?: { lock?: boolean }): Promise<ExtensionProps | null>;
  abstract insert(extension: ExtensionProps): Promise<void>;
  abstract update(extension: ExtensionProps): Promise<void>;
  /** An assignment's requests, oldest first. */
  abstract ofAssignment(assignmentId: string): Promise<ExtensionRequestDto[]>;
}
