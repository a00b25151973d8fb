import { randomUUID } from 'node:crypto';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Work, evidenceNotAttachable, workVersionConflict } from '@dieu-hanh/api/execution/domain';
import { Clock, DomainError, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { actsForAssignee, verifierOf } from '../access/work-access.policy';
import { EvidenceRepository } from '../evidence/evidence.repository';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { NOT_ASSIGNEE, assertOpenForWork, assignmentInSight, personOf, principalOf, refuse } from './work-command.support';
import { ReportProgressCommand } from './work.commands';

/**
 * The assignee reports progress (status, percent, note, result, evidence). One transaction: the work row
 * is locked, the report checked against its version, stored with the caller's Idempotency-Key and its
 * event recorded. A retry with the same key — after a lost answer or a crash — finds the stored report
 * (under the same lock) and answers the state without recording anything again.
 */
@CommandHandler(ReportProgressCommand)
export class ReportProgressHandler implements ICommandHandler<ReportProgressCommand> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly works: WorkRepository,
    private readonly evidence: EvidenceRepository,
    private readonly view: AssignmentWorkView,
    private readonly clock: Clock,
  ) {}

  async execute({ assignmentId, body, requestKey, metadata }: ReportProgressCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    const principal = principalOf(scope);
    return this.uow.run(metadata, async (tx) => {
      const a = await assignmentInSight(this.works, assignmentId, scope);
      if (!actsForAssignee(scope, a.access)) refuse(NOT_ASSIGNEE.vi, NOT_ASSIGNEE.en);
      const props = await this.works.lock(a);
      const first = await this.works.updateByRequestKey(principal, requestKey);
      if (first) {
        if (first.assignmentId !== a.assignmentId) {
          throw new DomainError(
            'REQUEST.IDEMPOTENCY_KEY_REUSED',
            'conflict',
            'Khóa Idempotency-Key đã được dùng cho một yêu cầu khác.',
            'This Idempotency-Key was already used for a different request.',
            [{ field: 'header.idempotency-key', code: 'reused', vi: 'Khóa đã dùng cho yêu cầu khác', en: 'Key used for another request' }],
          );
        }
        return this.view.build(scope, a, props);
      }
      assertOpenForWork(a);
      if (body.version !== props.version) throw workVersionConflict(props.version, await this.view.build(scope, a, props));
      const wanted = [...new Set((body.evidenceIds ?? []).map((id) => String(id).toLowerCase()))];
      const attachable = wanted.length ? await this.evidence.attachable(a.assignmentId, wanted) : [];
      const missing = wanted.filter((id) => !attachable.includes(id));
      if (missing.length) throw evidenceNotAttachable(missing);

      const work = Work.restore(props, eventFactsOf(a));
      const at = this.clock.now();
      work.reportProgress(
        {
          version: body.version,
          status: body.status,
          percent: body.percent,
          note: body.note,
          result: body.result,
          evidenceIds: attachable,
          verifierUnitCodes: verifierOf(a.access).units.map((u) => u.unitCode),
        },
        scope.username,
        at,
      );
      const saved = work.snapshot();
      await this.works.save(saved);
      await this.works.recordUpdate({
        id: randomUUID(),
        assignmentId: a.assignmentId,
        version: saved.version,
        status: saved.status,
        percent: saved.percent,
        note: saved.note,
        result: saved.result,
        evidenceIds: attachable,
        principal,
        requestKey,
        createdBy: scope.username,
      });
      tx.record(...work.pullEvents());
      return this.view.build(scope, a, saved);
    });
  }
}
