import { Injectable } from '@nestjs/common';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import { NOT_STARTED, mayViewWork, workActions, workVisibility } from '../access/work-access.policy';
import { WorkRepository } from '../ports/work.repository';
import { EvidenceAccess, type EvidenceAccessDecision } from './evidence-access';

/**
 * Evidence follows its assignment: the facts execution's commands use (`WorkRepository.assignment`, from
 * planning's published `planning_assignment`), the work's standing (`work_state`), and the one access
 * policy — `mayViewWork` to see it, `workActions(...)` ∋ 'upload-evidence' to upload (the assignee
 * unit's officers, while the work is open and not verified).
 */
@Injectable()
export class WorkEvidenceAccess extends EvidenceAccess {
  constructor(private readonly works: WorkRepository) {
    super();
  }

  async of(scope: AccessScope, assignmentId: string): Promise<EvidenceAccessDecision | null> {
    const a = await this.works.assignment(assignmentId);
    if (!a) return null;
    if (!mayViewWork(workVisibility(scope), a.access)) return { visible: false, mayUpload: false, unitCode: a.access.unitCode };
    const work = await this.works.find(a.assignmentId);
    const standing = work ? { ...NOT_STARTED, status: work.status, verification: work.verification } : NOT_STARTED;
    return { visible: true, mayUpload: workActions(scope, a.access, standing).includes('upload-evidence'), unitCode: a.access.unitCode };
  }
}
