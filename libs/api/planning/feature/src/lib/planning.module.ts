import { Module, type OnModuleInit } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { AssignmentRepository, PLANNING_COMMAND_HANDLERS, PLANNING_QUERY_HANDLERS, PlanReadModel, PlanRepository } from '@dieu-hanh/api/planning/application';
import { PlanSqlReadModel, SqlAssignmentRepository, SqlPlanRepository } from '@dieu-hanh/api/planning/infrastructure';
import { EventFeed } from '@dieu-hanh/api/shared/database';
import { JobsModule } from '@dieu-hanh/api/shared/jobs';
import { AssignmentsController, MyWorkController } from './assignments.controller';
import { PlansController } from './plans.controller';
import { SuccessionCatchUp } from './succession-catch-up';
import { SuccessionSaga } from './succession.saga';

/** Bounded context: planning (plans, tasks, fan-out to assignments). */
@Module({
  // JobsModule (global; also fine to import in AppModule): the scheduler SuccessionCatchUp runs on.
  imports: [CqrsModule, JobsModule],
  controllers: [PlansController, AssignmentsController, MyWorkController],
  providers: [
    ...PLANNING_COMMAND_HANDLERS,
    ...PLANNING_QUERY_HANDLERS,
    SuccessionSaga,
    SuccessionCatchUp,
    { provide: PlanRepository, useClass: SqlPlanRepository },
    { provide: AssignmentRepository, useClass: SqlAssignmentRepository },
    { provide: PlanReadModel, useClass: PlanSqlReadModel },
  ],
})
export class PlanningModule implements OnModuleInit {
  constructor(private readonly feed: EventFeed, private readonly succession: SuccessionSaga) {}

  /** The directory's successions reach planning through the event feed (a checkpointed subscriber). */
  onModuleInit(): void {
    this.feed.register(this.succession);
  }
}
