import { GetAssignmentTimelineHandler } from './get-assignment-timeline.handler';
import { GetLeaderInboxHandler } from './get-leader-inbox.handler';
import { GetPlanProgressHandler } from './get-plan-progress.handler';
import { ListMyWorkHandler } from './list-my-work.handler';
import { ListVerificationQueueHandler } from './list-verification-queue.handler';
import { ListWorkHandler } from './list-work.handler';

/** Execution's query handlers (the read side), for the module's providers. */
export const WORK_READ_HANDLERS = [ListMyWorkHandler, ListWorkHandler, ListVerificationQueueHandler, GetPlanProgressHandler, GetAssignmentTimelineHandler, GetLeaderInboxHandler];
