import type { WorkProps } from '@dieu-hanh/api/execution/domain';
import type { WorkFacts as WorkEventFacts } from '@dieu-hanh/api/execution/contracts';
import type { ExtensionRequestDto, ObstacleDto, WorkStatus } from '@dieu-hanh/shared/contracts';
import type { WorkFacts, WorkStanding } from '../access/work-access.policy';

/** One assignment as execution sees it: planning's published row, the holder's commune and name, the task's lead units. */
export interface AssignmentOfWork {
  assignmentId: string;
  planId: string;
  planTitle: string;
  /** "402/KH-UBND" */
  planSymbol: string;
  taskId: string;
  taskOrdinal: number;
  taskContent: string;
  /** The task's own due date (yyyy-MM-dd), if any. */
  taskDue: string | null;
  directingLeader: string | null;
  unitName: string;
  /** What access needs (work-access.policy). */
  access: WorkFacts;
}

/** What every execution event repeats about the assignment. */
export const eventFactsOf = (a: AssignmentOfWork): WorkEventFacts => ({ planId: a.planId, planTitle: a.planTitle, taskId: a.taskId, unitCode: a.access.unitCode });

/** One stored progress report (table `progress_update`). */
export interface ProgressUpdateRecord {
  id: string;
  assignmentId: string;
  version: number;
  status: WorkStatus;
  percent: number;
  note: string | null;
  result: string | null;
  evidenceIds: string[];
  principal: string;
  requestKey: string | null;
  createdBy: string;
}

/** What the assignment page shows besides the work itself, read in one round trip. */
export interface WorkPageParts {
  standing: WorkStanding;
  obstacles: ObstacleDto[];
  extensions: ExtensionRequestDto[];
  /** Names of the units asked for (directory); unknown codes are missing. */
  unitNames: Map<string, string>;
}

/**
 * Execution's write store for the work on assignments (`work_state`, `progress_update`) and its reads of
 * planning's published `planning_assignment` and the directory's `directory_unit`. Joins the unit of
 * work's transaction.
 */
export abstract class WorkRepository {
  /** The assignment with its plan's and task's facts, or null when there is none. */
  abstract assignment(assignmentId: string): Promise<AssignmentOfWork | null>;
  /** Every assignment in force of a task (for urging its late units). */
  abstract assignmentsOfTask(taskId: string): Promise<AssignmentOfWork[]>;
  /** The stored work, or null (not started). */
  abstract find(assignmentId: string): Promise<WorkProps | null>;
  /** The stored works of these assignments (for lists of a task). */
  abstract findMany(assignmentIds: string[]): Promise<WorkProps[]>;
  /**
   * The work, locked for the transaction (`SELECT … FOR UPDATE`); the not-started row is made first when
   * there is none (so two first writers queue on the same row instead of racing to insert).
   */
  abstract lock(assignment: AssignmentOfWork): Promise<WorkProps>;
  /** Writes the work's state (after lock). */
  abstract save(work: WorkProps): Promise<void>;
  /** Appends a progress report; with a request key, unique per principal. */
  abstract recordUpdate(update: ProgressUpdateRecord): Promise<void>;
  /** The report a principal already made with this Idempotency-Key, or null. */
  abstract updateByRequestKey(principal: string, requestKey: string): Promise<ProgressUpdateRecord | null>;
  /** Waiting obstacles and extensions: what actions depend on besides the work's status. */
  abstract standing(assignmentId: string, work: Pick<WorkProps, 'status' | 'verification'>): Promise<WorkStanding>;
  /** Names of units (directory), by code; unknown codes are missing. */
  abstract unitNames(codes: string[]): Promise<Map<string, string>>;
  /** The page's other parts (standing, obstacles, extensions, the names of these units), in one query. */
  abstract pageParts(assignmentId: string, work: Pick<WorkProps, 'status' | 'verification'>, unitCodes: string[]): Promise<WorkPageParts>;
}
