import { AnswerObstacleHandler } from './answer-obstacle.handler';
import { AssignmentWorkView } from './assignment-work.view';
import { DecideExtensionHandler } from './decide-extension.handler';
import { EscalateObstacleHandler } from './escalate-obstacle.handler';
import { GetAssignmentWorkHandler } from './get-assignment-work.handler';
import { GiveDirectiveHandler } from './give-directive.handler';
import { RaiseObstacleHandler } from './raise-obstacle.handler';
import { ReportProgressHandler } from './report-progress.handler';
import { RequestExtensionHandler } from './request-extension.handler';
import { ReturnWorkHandler } from './return-work.handler';
import { UrgeHandler } from './urge.handler';
import { VerifyWorkHandler } from './verify-work.handler';

/** Execution's command handlers (and the assignment page's query), for the module's providers. */
export const WORK_HANDLERS = [
  AssignmentWorkView,
  ReportProgressHandler,
  VerifyWorkHandler,
  ReturnWorkHandler,
  RaiseObstacleHandler,
  AnswerObstacleHandler,
  EscalateObstacleHandler,
  GiveDirectiveHandler,
  RequestExtensionHandler,
  DecideExtensionHandler,
  UrgeHandler,
  GetAssignmentWorkHandler,
];
