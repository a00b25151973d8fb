import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Work, workVersionConflict } from '@dieu-hanh/api/execution/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { mayVerify, verifierUnitFor } from '../access/work-access.policy';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { NOT_VERIFIER, assertOpenForWork, assignmentInSight, personOf, refuse } from './work-command.support';
import { VerifyWorkCommand } from './work.commands';

/** The verifying unit accepts work reported done or unable (chờ thẩm định → đã xác nhận). */
@CommandHandler(VerifyWorkCommand)
export class VerifyWorkHandler implements ICommandHandler<VerifyWorkCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly works: WorkRepository, private readonly view: AssignmentWorkView, private readonly clock: Clock) {}

  async execute({ assignmentId, body, metadata }: VerifyWorkCommand): Promise<AssignmentWorkDto> {
    const scope = personOf(metadata);
    return this.uow.run(metadata, async (tx) => {
      const a = await assignmentInSight(this.works, assignmentId, scope);
      if (!mayVerify(scope, a.access)) refuse(NOT_VERIFIER.vi, NOT_VERIFIER.en);
      assertOpenForWork(a);
      const props = await this.works.lock(a);
      if (body.version !== props.version) throw workVersionConflict(props.version, await this.view.build(scope, a, props));
      const work = Work.restore(props, eventFactsOf(a));
      work.verify({ version: body.version, note: body.note, verifierUnitCode: verifierUnitFor(scope, a.access) }, scope.username, this.clock.now());
      await this.works.save(work.snapshot());
      tx.record(...work.pullEvents());
      return this.view.build(scope, a, work.snapshot());
    });
  }
}
