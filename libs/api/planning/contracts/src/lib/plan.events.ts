import { type DomainEvent, domainEvent } from '@dieu-hanh/api/shared/kernel';

/**
 * Planning's published plan events (kế hoạch): names and payloads are a contract for other contexts
 * (notifications now; execution and reporting next) and for the history the browser shows. Payloads
 * only grow: add a field, never rename or drop one that is stored in the event log.
 */
export const PlanEventType = {
  Drafted: 'planning.plan-drafted',
  Revised: 'planning.plan-revised',
  Submitted: 'planning.plan-submitted',
  Approved: 'planning.plan-approved',
  Returned: 'planning.plan-returned',
  Issued: 'planning.plan-issued',
  Closed: 'planning.plan-closed',
  Amended: 'planning.plan-amended',
  FocalUnitSucceeded: 'planning.plan-focal-unit-succeeded',
} as const;

export type PlanStatusName = 'draft' | 'submitted' | 'approved' | 'returned' | 'issued' | 'closed';

export interface PlanDraftedPayload {
  title: string;
  year: number;
  tasks: number;
  indicators: number;
  draftingUnitCode: string;
  parentPlanId: string | null;
}

export interface PlanRevisedPayload {
  version: number;
  tasks: number;
  indicators: number;
}

/** Every lifecycle move carries who is concerned, so a reader needs nothing else to tell them. */
export interface PlanMovedPayload {
  from: PlanStatusName;
  to: PlanStatusName;
  /** Username of the person who moved it. */
  by: string;
  title: string;
  issuerUnitCode: string;
  draftingUnitCode: string;
}

export type PlanSubmittedPayload = PlanMovedPayload;
export type PlanApprovedPayload = PlanMovedPayload;
export type PlanClosedPayload = PlanMovedPayload;

export interface PlanReturnedPayload extends PlanMovedPayload {
  comments: { text: string; field: string | null }[];
}

export interface PlanIssuedPayload extends PlanMovedPayload {
  number: number;
  /** Full symbol as printed: "402/KH-UBND". */
  symbol: string;
  issueDate: string;
  assignments: number;
  focalUnitCode: string | null;
  /** The focal unit named in the draft, when a succession replaced it at issue. */
  focalSucceeds: string | null;
}

export interface PlanAmendedPayload {
  by: string;
  reason: string;
  version: number;
  amendment: number;
  tasksChanged: number;
  tasksAdded: number;
  tasksRemoved: number;
}

export interface PlanFocalUnitSucceededPayload {
  from: string;
  to: string;
  by: string;
}

export interface PlanEventPayloads {
  [PlanEventType.Drafted]: PlanDraftedPayload;
  [PlanEventType.Revised]: PlanRevisedPayload;
  [PlanEventType.Submitted]: PlanSubmittedPayload;
  [PlanEventType.Approved]: PlanApprovedPayload;
  [PlanEventType.Returned]: PlanReturnedPayload;
  [PlanEventType.Issued]: PlanIssuedPayload;
  [PlanEventType.Closed]: PlanClosedPayload;
  [PlanEventType.Amended]: PlanAmendedPayload;
  [PlanEventType.FocalUnitSucceeded]: PlanFocalUnitSucceededPayload;
}

export type PlanEventTypeName = keyof PlanEventPayloads;

/** One factory for every plan event: the type decides the payload's shape. */
export function planEvent<T extends PlanEventTypeName>(type: T, planId: string, payload: PlanEventPayloads[T]): DomainEvent<PlanEventPayloads[T]> {
  return domainEvent(type, 'plan', planId, payload);
}

/** Narrows a stored event to one plan event type, with its typed payload. */
export function isPlanEvent<T extends PlanEventTypeName>(event: DomainEvent, type: T): event is DomainEvent<PlanEventPayloads[T]> & { type: T } {
  return event.type === type;
}
