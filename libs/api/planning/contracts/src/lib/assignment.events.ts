import { type DomainEvent, domainEvent } from '@dieu-hanh/api/shared/kernel';

/**
 * Planning's published assignment events: an issued plan fans out into one assignment per unit and
 * task (chủ trì / phối hợp); amendments and successions change them. Execution, notifications and
 * reporting read these; payloads only grow.
 */
export const AssignmentEventType = {
  Created: 'planning.assignment-created',
  Changed: 'planning.assignment-changed',
  Withdrawn: 'planning.assignment-withdrawn',
} as const;

export type AssignmentRole = 'lead' | 'coordinator';

/** What every assignment event says: which plan (its title, for messages), task and unit. */
export interface AssignmentFacts {
  planId: string;
  planTitle: string;
  taskId: string;
  unitCode: string;
}

export interface AssignmentCreatedPayload extends AssignmentFacts {
  role: AssignmentRole;
  /** The group the unit was reached through ("các sở, ban, ngành"), if any. */
  viaGroup: string | null;
  /** The unit this one took the work over from (a succession), if any. */
  succeeds: string | null;
  /** Number of the amendment that added it; absent when made at issue or by a succession. */
  amendment?: number;
}

export interface AssignmentChangedPayload extends AssignmentFacts {
  amendment?: number;
  /** The unit's role changed (e.g. a coordinator became the lead). */
  role?: { from: AssignmentRole; to: AssignmentRole };
  /** The task itself was amended; the assignment stays. */
  taskChanged?: true;
  /** The role changed because this unit took over the predecessor's lead. */
  succeeds?: string;
}

export interface AssignmentWithdrawnPayload extends AssignmentFacts {
  reason: string;
  amendment?: number;
  /** Withdrawn because the unit was succeeded: the successor holds the work now. */
  successorCode?: string;
}

export interface AssignmentEventPayloads {
  [AssignmentEventType.Created]: AssignmentCreatedPayload;
  [AssignmentEventType.Changed]: AssignmentChangedPayload;
  [AssignmentEventType.Withdrawn]: AssignmentWithdrawnPayload;
}

export type AssignmentEventTypeName = keyof AssignmentEventPayloads;

export const assignmentCreated = (assignmentId: string, payload: AssignmentCreatedPayload) =>
  domainEvent(AssignmentEventType.Created, 'assignment', assignmentId, payload);

export const assignmentChanged = (assignmentId: string, payload: AssignmentChangedPayload) =>
  domainEvent(AssignmentEventType.Changed, 'assignment', assignmentId, payload);

export const assignmentWithdrawn = (assignmentId: string, payload: AssignmentWithdrawnPayload) =>
  domainEvent(AssignmentEventType.Withdrawn, 'assignment', assignmentId, payload);

/** Narrows a stored event to one assignment event type, with its typed payload. */
export function isAssignmentEvent<T extends AssignmentEventTypeName>(
  event: DomainEvent,
  type: T,
): event is DomainEvent<AssignmentEventPayloads[T]> & { type: T } {
  return event.type === type;
}
