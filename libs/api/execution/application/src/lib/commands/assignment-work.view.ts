import { Injectable } from '@nestjs/common';
import { Work, type WorkProps, urgencyOf } from '@dieu-hanh/api/execution/domain';
import { type AccessScope, Clock } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { verifierOf, workActions } from '../access/work-access.policy';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { type AssignmentOfWork, WorkRepository, eventFactsOf } from '../ports/work.repository';

/**
 * The assignment page's model (AssignmentWorkDto), built for one caller: the work's state, its verifier
 * with unit names, evidence, obstacles, extensions and the actions the caller may take now. The answer
 * of GET /assignments/:id/work and of every command (read inside the command's transaction), and the
 * `current` of a version conflict.
 */
@Injectable()
export class AssignmentWorkView {
  constructor(
    private readonly works: WorkRepository,
    private readonly evidence: EvidenceRepository,
    private readonly clock: Clock,
  ) {}

  async build(scope: AccessScope, a: AssignmentOfWork, stored?: WorkProps | null): Promise<AssignmentWorkDto> {
    const work = stored ?? (await this.works.find(a.assignmentId)) ?? Work.notStarted(a.assignmentId, eventFactsOf(a)).snapshot();
    const verifier = verifierOf(a.access);
    const verifierCodes = verifier.units.map((u) => u.unitCode);
    // Two round trips (inside a command they share the transaction's single connection).
    const { standing, obstacles, extensions, unitNames: names } = await this.works.pageParts(a.assignmentId, work, verifierCodes);
    const evidence = await this.evidence.ofAssignment(a.assignmentId);
    const due = work.dueOverride ?? a.taskDue;
    const { urgency, days } = urgencyOf(work, due, this.clock.today());
    return {
      assignmentId: a.assignmentId,
      planId: a.planId,
      planTitle: a.planTitle,
      planSymbol: a.planSymbol,
      taskId: a.taskId,
      taskOrdinal: a.taskOrdinal,
      taskContent: a.taskContent,
      unitCode: a.access.unitCode,
      unitName: a.unitName,
      role: a.access.role,
      status: work.status,
      percent: work.percent,
      verification: work.verification,
      due,
      originalDue: work.dueOverride ? a.taskDue : null,
      urgency,
      days,
      openObstacles: standing.openObstacles + standing.escalatedObstacles,
      pendingExtension: standing.pendingExtension,
      updatedAt: work.updatedAt ? new Date(work.updatedAt).toISOString() : null,
      version: work.version,
      note: work.note,
      result: work.result,
      verifier: { kind: verifier.kind, unitCodes: verifierCodes, unitNames: verifierCodes.map((c) => names.get(c) ?? c) },
      returnReason: work.returnReason,
      evidence,
      obstacles,
      extensions,
      directingLeader: a.directingLeader,
      allowedActions: workActions(scope, a.access, standing),
    };
  }
}
