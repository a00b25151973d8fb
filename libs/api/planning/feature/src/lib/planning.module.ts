import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { PLANNING_COMMAND_HANDLERS, PLANNING_QUERY_HANDLERS, PlanReadModel, PlanRepository } from '@dieu-hanh/api/planning/application';
import { PlanSqlReadModel, SqlPlanRepository } from '@dieu-hanh/api/planning/infrastructure';
import { AssignmentsController, MyWorkController } from './assignments.controller';
import { PlansController } from './plans.controller';
import { SuccessionCatchUp } from './succession-catch-up';
import { SuccessionSaga } from './succession.saga';

/** Bounded context: planning (plans, tasks, fan-out to assignments). */
@Module({
  imports: [CqrsModule],
  controllers: [PlansController, AssignmentsController, MyWorkController],
  providers: [
    ...PLANNING_COMMAND_HANDLERS,
    ...PLANNING_QUERY_HANDLERS,
    SuccessionSaga,
    SuccessionCatchUp,
    { provide: PlanRepository, useClass: SqlPlanRepository },
    { provide: PlanReadModel, useClass: PlanSqlReadModel },
  ],
})
export class PlanningModule {}
