import { type DomainEvent, domainEvent } from '@dieu-hanh/api/shared/kernel';
import type { WorkStatus } from '@dieu-hanh/shared/contracts';

/**
 * Execution's published events. Every one is recorded on the assignment it concerns
 * (`aggregateType: 'assignment'`, `aggregateId`: the assignment id — the same stream as planning's
 * assignment events, so an assignment's timeline is one read of the log). Notifications, the live
 * push, e-mail, the progress read models and reporting read these; payloads only grow.
 */
export const ExecutionEventType = {
  ProgressReported: 'execution.progress-reported',
  WorkVerified: 'execution.work-verified',
  WorkReturned: 'execution.work-returned',
  ObstacleRaised: 'execution.obstacle-raised',
  ObstacleAnswered: 'execution.obstacle-answered',
  ObstacleEscalated: 'execution.obstacle-escalated',
  DirectiveGiven: 'execution.directive-given',
  ExtensionRequested: 'execution.extension-requested',
  ExtensionDecided: 'execution.extension-decided',
  Urged: 'execution.urged',
  ReminderDue: 'execution.reminder-due',
} as const;

/** What every execution event says: the assignment's plan (title for messages), task and holder unit. */
export interface WorkFacts {
  planId: string;
  planTitle: string;
  taskId: string;
  /** The assignee unit (the holder of the assignment). */
  unitCode: string;
}

export interface ProgressReportedPayload extends WorkFacts {
  status: WorkStatus;
  percent: number;
  previousStatus: WorkStatus;
  note: string | null;
  result: string | null;
  evidenceIds: string[];
  /** The assignment's version after the update. */
  version: number;
  /** Set when the update asks for verification (done or unable): the units that will verify it. */
  verifierUnitCodes: string[];
}

export interface WorkVerifiedPayload extends WorkFacts {
  verifierUnitCode: string;
  note: string | null;
  version: number;
}

export interface WorkReturnedPayload extends WorkFacts {
  verifierUnitCode: string;
  reason: string;
  version: number;
}

export interface ObstacleRaisedPayload extends WorkFacts {
  obstacleId: string;
  description: string;
  proposal: string | null;
  /** The unit it goes to: the plan's focal unit, or the issuing committee where none is named. */
  handlerUnitCode: string;
}

export interface ObstacleAnsweredPayload extends WorkFacts {
  obstacleId: string;
  answer: string;
  answeredByUnitCode: string;
}

export interface ObstacleEscalatedPayload extends WorkFacts {
  obstacleId: string;
  /** The task's directing leader as the plan writes it ("Phó Chủ tịch UBND Thành phố…"), if any. */
  directingLeader: string | null;
  /** The issuing committee whose leaders receive it. */
  leaderUnitCode: string;
  note: string | null;
}

export interface DirectiveGivenPayload extends WorkFacts {
  obstacleId: string | null;
  directive: string;
  /** Every unit concerned: the task's lead and coordinating units, the focal unit. */
  concernedUnitCodes: string[];
}

export interface ExtensionRequestedPayload extends WorkFacts {
  extensionId: string;
  currentDue: string | null;
  requestedDue: string;
  reason: string;
  deciderUnitCodes: string[];
}

export interface ExtensionDecidedPayload extends WorkFacts {
  extensionId: string;
  approved: boolean;
  /** Both dates stay in the history: the one in force before, and the one asked for. */
  previousDue: string | null;
  requestedDue: string;
  note: string | null;
  decidedByUnitCode: string;
}

export interface UrgedPayload extends WorkFacts {
  byUnitCode: string;
  message: string | null;
  due: string | null;
}

/** A scheduled reminder fired (before the due date, or on becoming overdue); one per assignment, kind and due date. */
export interface ReminderDuePayload extends WorkFacts {
  kind: 'before-due' | 'overdue';
  /** Days before the due date (before-due) or after it (overdue). */
  offsetDays: number;
  due: string;
}

export interface ExecutionEventPayloads {
  [ExecutionEventType.ProgressReported]: ProgressReportedPayload;
  [ExecutionEventType.WorkVerified]: WorkVerifiedPayload;
  [ExecutionEventType.WorkReturned]: WorkReturnedPayload;
  [ExecutionEventType.ObstacleRaised]: ObstacleRaisedPayload;
  [ExecutionEventType.ObstacleAnswered]: ObstacleAnsweredPayload;
  [ExecutionEventType.ObstacleEscalated]: ObstacleEscalatedPayload;
  [ExecutionEventType.DirectiveGiven]: DirectiveGivenPayload;
  [ExecutionEventType.ExtensionRequested]: ExtensionRequestedPayload;
  [ExecutionEventType.ExtensionDecided]: ExtensionDecidedPayload;
  [ExecutionEventType.Urged]: UrgedPayload;
  [ExecutionEventType.ReminderDue]: ReminderDuePayload;
}

export type ExecutionEventTypeName = keyof ExecutionEventPayloads;

/** Builds an execution event on the assignment's stream. */
export function executionEvent<T extends ExecutionEventTypeName>(
  type: T,
  assignmentId: string,
  payload: ExecutionEventPayloads[T],
): DomainEvent<ExecutionEventPayloads[T]> {
  return domainEvent(type, 'assignment', assignmentId, payload);
}

/** Narrows a stored event to one execution event type, with its typed payload. */
export function isExecutionEvent<T extends ExecutionEventTypeName>(
  event: DomainEvent,
  type: T,
): event is DomainEvent<ExecutionEventPayloads[T]> & { type: T } {
  return event.type === type;
}

export const EXECUTION_EVENT_TYPES: readonly ExecutionEventTypeName[] = Object.values(ExecutionEventType);
