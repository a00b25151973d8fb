import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { isClosedWork, urged, urgeInvalid, workAssignmentNotFound, workTransitionRefused } from '@dieu-hanh/api/execution/domain';
import { Clock, UnitOfWork } from '@dieu-hanh/api/shared/kernel';
import type { UrgeResultDto } from '@dieu-hanh/shared/contracts';
import { isOpenForWork, mayUrge, mayViewWork, workVisibility } from '../access/work-access.policy';
import { WorkRepository, eventFactsOf } from '../ports/work.repository';
import { assignmentInSight, personOf, refuse } from './work-command.support';
import { UrgeCommand } from './work.commands';

const NOT_URGER = {
  vi: 'Chỉ đơn vị chủ trì (với đơn vị phối hợp), cơ quan đầu mối, lãnh đạo và Văn phòng UBND cấp ban hành được đôn đốc.',
  en: 'Only the task’s lead unit (for its coordinators), the focal unit, and the issuing committee’s leaders and office may urge.',
};

/**
 * Urging (đôn đốc): one assignment, or every late unit of a task — those the caller may urge whose due
 * date in force is past and whose work is neither done nor verified. One event per unit urged, in one
 * transaction.
 */
@CommandHandler(UrgeCommand)
export class UrgeHandler implements ICommandHandler<UrgeCommand> {
  constructor(private readonly uow: UnitOfWork, private readonly works: WorkRepository, private readonly clock: Clock) {}

  async execute({ body, metadata }: UrgeCommand): Promise<UrgeResultDto> {
    const scope = personOf(metadata);
    const one = body.assignmentId ?? null;
    const task = body.taskId ?? null;
    if ((one === null) === (task === null)) {
      throw urgeInvalid('Cần chọn đúng một: một nhiệm vụ được giao, hoặc một nhiệm vụ để đôn đốc mọi đơn vị trễ hạn.', 'Give exactly one of assignmentId or taskId.');
    }
    return this.uow.run(metadata, async (tx) => {
      if (one !== null) {
        const a = await assignmentInSight(this.works, one, scope);
        if (!mayUrge(scope, a.access)) refuse(NOT_URGER.vi, NOT_URGER.en);
        const work = await this.works.find(a.assignmentId);
        if (!isOpenForWork(a.access) || work?.verification === 'verified') {
          throw workTransitionRefused('Nhiệm vụ không còn cần đôn đốc.', 'This assignment needs no urging any more.');
        }
        tx.record(urged(a.assignmentId, eventFactsOf(a), { byUnitCode: scope.unitCode, message: body.message, due: work?.dueOverride ?? a.taskDue }));
        return { urged: 1 };
      }
      const v = workVisibility(scope);
      const visible = (await this.works.assignmentsOfTask(task as string)).filter((a) => mayViewWork(v, a.access));
      if (!visible.length) throw workAssignmentNotFound(task as string);
      const mine = visible.filter((a) => mayUrge(scope, a.access) && isOpenForWork(a.access));
      if (!mine.length) refuse(NOT_URGER.vi, NOT_URGER.en);
      const works = new Map((await this.works.findMany(mine.map((a) => a.assignmentId))).map((w) => [w.assignmentId, w]));
      const today = this.clock.today();
      let count = 0;
      for (const a of mine) {
        const w = works.get(a.assignmentId);
        const due = w?.dueOverride ?? a.taskDue;
        const state = { status: w?.status ?? 'not-started', verification: w?.verification ?? 'none' } as const;
        if (!due || due >= today || isClosedWork(state)) continue;
        tx.record(urged(a.assignmentId, eventFactsOf(a), { byUnitCode: scope.unitCode, message: body.message, due }));
        count++;
      }
      return { urged: count };
    });
  }
}
