import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { AssignmentWorkDto } from '@dieu-hanh/shared/contracts';
import { WorkRepository } from '../ports/work.repository';
import { AssignmentWorkView } from './assignment-work.view';
import { assignmentInSight } from './work-command.support';
import { GetAssignmentWorkQuery } from './work.commands';

/** GET /assignments/:id/work — the write page's model; 404 when the caller does not see the assignment. */
@QueryHandler(GetAssignmentWorkQuery)
export class GetAssignmentWorkHandler implements IQueryHandler<GetAssignmentWorkQuery> {
  constructor(private readonly works: WorkRepository, private readonly view: AssignmentWorkView) {}

  async execute({ assignmentId, scope }: GetAssignmentWorkQuery): Promise<AssignmentWorkDto> {
    const a = await assignmentInSight(this.works, assignmentId, scope);
    return this.view.build(scope, a);
  }
}
