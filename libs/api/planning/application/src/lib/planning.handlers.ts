import { AmendPlanHandler } from './commands/amend-plan.handler';
import { ApprovePlanHandler } from './commands/approve-plan.handler';
import { ClosePlanHandler } from './commands/close-plan.handler';
import { DraftPlanHandler } from './commands/draft-plan.handler';
import { IssuePlanHandler } from './commands/issue-plan.handler';
import { ReturnPlanHandler } from './commands/return-plan.handler';
import { RevisePlanHandler } from './commands/revise-plan.handler';
import { SubmitPlanHandler } from './commands/submit-plan.handler';
import { TransferAssignmentsHandler } from './commands/transfer-assignments.handler';
import { GetAssignmentHandler } from './queries/get-assignment.handler';
import { GetImplementingPlansHandler } from './queries/get-implementing-plans.handler';
import { GetPlanHistoryHandler } from './queries/get-plan-history.handler';
import { GetPlanHandler } from './queries/get-plan.handler';
import { ListMyAssignmentsHandler } from './queries/list-my-assignments.handler';
import { ListPlansHandler } from './queries/list-plans.handler';
import { ListTaskAssignmentsHandler } from './queries/list-task-assignments.handler';

export const PLANNING_COMMAND_HANDLERS = [DraftPlanHandler, RevisePlanHandler, SubmitPlanHandler, ApprovePlanHandler, ReturnPlanHandler, IssuePlanHandler, AmendPlanHandler, ClosePlanHandler, TransferAssignmentsHandler];
export const PLANNING_QUERY_HANDLERS = [ListPlansHandler, GetPlanHandler, GetAssignmentHandler, GetPlanHistoryHandler, GetImplementingPlansHandler, ListMyAssignmentsHandler, ListTaskAssignmentsHandler];
