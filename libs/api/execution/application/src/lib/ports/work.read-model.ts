import type {
  ExtensionRequestDto,
  ObstacleDto,
  PlanProgressDto,
  Urgency,
  Verification,
  WorkItemDto,
  WorkListDto,
  WorkStatus,
} from '@dieu-hanh/shared/contracts';
import type { WorkFacts, WorkVisibility } from '../access/work-access.policy';

/** The filters of a work list (validated by the controller). */
export interface WorkListFilter {
  /** Raw text; the read model folds it (diacritics and case ignored). */
  q?: string;
  planId?: string;
  taskId?: string;
  unitCode?: string;
  status?: WorkStatus;
  urgency?: Urgency;
  verification?: Verification;
  role?: 'lead' | 'coordinator';
}

export interface WorkPage {
  limit: number;
  offset: number;
}

/**
 * Whose work a list shows: `mine` the caller's unit (a commune account: every unit of its commune);
 * `visible` everything the caller sees (`visibleWorkSql`).
 */
export type WorkListReach = 'mine' | 'visible';

/** One work item with what access needs to decide, in TypeScript, whether the caller verifies it. */
export interface WorkItemWithFacts {
  item: WorkItemDto;
  facts: WorkFacts;
}

export type WaitingObstacle = ObstacleDto & { assignmentId: string; planTitle: string; taskContent: string; unitName: string; facts: WorkFacts };
export type WaitingExtension = ExtensionRequestDto & { assignmentId: string; planTitle: string; taskContent: string; unitName: string; facts: WorkFacts };

/** One event of an assignment's stream, as the timeline reads it from the event log. */
export interface AssignmentStreamEvent {
  id: string;
  type: string;
  occurredAt: Date;
  actorUsername: string;
  actorUnitCode: string | null;
  payload: Record<string, unknown>;
}

/**
 * Execution's read side: work lists, the progress roll-up from the tallies, an assignment's stream, and
 * what waits for verifiers and leaders. Every list is one SQL statement over planning's published view
 * `planning_assignment` ⋈ `work_state` (no N+1); urgency and overdue come from the due date in force
 * and `today` (Vietnam's day, from the Clock), never from a stored status.
 */
export abstract class WorkReadModel {
  /** A page of work with the total and the chip counts (counts ignore the status, urgency and verification filters). */
  abstract list(v: WorkVisibility, reach: WorkListReach, filter: WorkListFilter, page: WorkPage, today: string): Promise<WorkListDto>;
  /** Every visible work item waiting for verification (pending) that matches the filter, with its access facts. */
  abstract pendingVerification(v: WorkVisibility, filter: WorkListFilter, today: string): Promise<WorkItemWithFacts[]>;
  /**
   * The plan's roll-up from the tallies, in one statement; null when the caller sees none of the plan's
   * assignments (the plan's progress is then 404). `byUnit` keeps a commune account's own units only.
   */
  abstract planProgress(v: WorkVisibility, planId: string, today: string, asOf: string): Promise<PlanProgressDto | null>;
  /** Every event on the assignment's stream (planning's and execution's), in log order. */
  abstract assignmentEvents(assignmentId: string): Promise<AssignmentStreamEvent[]>;
  /** Escalated obstacles and pending extension requests of the province, with access facts. */
  abstract waitingForDecision(provinceCode: string): Promise<{ escalations: WaitingObstacle[]; extensions: WaitingExtension[] }>;
}
