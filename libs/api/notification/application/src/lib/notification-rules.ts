import {
  type AssignmentFacts,
  AssignmentEventType,
  isAssignmentEvent,
  isPlanEvent,
  PlanEventType,
} from '@dieu-hanh/api/planning/contracts';
import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import type { NotificationDto } from '@dieu-hanh/shared/contracts';

/** A notification to be stored: to a unit (everyone working for it sees it), from one event. */
export interface NotificationDraft {
  eventId: string;
  unitCode: string;
  kind: NotificationDto['kind'];
  planId: string | null;
  assignmentId: string | null;
  titleVi: string;
  titleEn: string;
}

/**
 * Which events tell whom what. Pure: the projection stores what this returns. Events not listed
 * notify nobody. Payloads are read through planning's published event types, so a renamed field fails
 * to compile here instead of sending "undefined" to every commune.
 */
export function notificationsFor(event: RecordedEvent): NotificationDraft[] {
  // To the unit holding an assignment: about that assignment, in its plan.
  const toHolder = (
    p: AssignmentFacts,
    kind: NotificationDraft['kind'],
    titleVi: string,
    titleEn: string,
  ): NotificationDraft[] => [
    {
      eventId: event.id,
      planId: p.planId,
      unitCode: p.unitCode,
      kind,
      assignmentId: event.aggregateId,
      titleVi,
      titleEn,
    },
  ];
  // To a unit concerned by a plan's move: the issuing committee or the drafting unit.
  const toUnit = (
    unitCode: string,
    kind: NotificationDraft['kind'],
    titleVi: string,
    titleEn: string,
  ): NotificationDraft[] => [
    { eventId: event.id, planId: event.aggregateId, unitCode, kind, assignmentId: null, titleVi, titleEn },
  ];

  if (isAssignmentEvent(event, AssignmentEventType.Created)) {
    const p = event.payload;
    const [vi, en] = p.role === 'lead' ? ['chủ trì', 'lead'] : ['phối hợp', 'coordinator'];
    return toHolder(
      p,
      'assignment-created',
      `Nhiệm vụ mới (${vi}): ${p.planTitle}`,
      `New assignment (${en}): ${p.planTitle}`,
    );
  }
  if (isAssignmentEvent(event, AssignmentEventType.Changed)) {
    const p = event.payload;
    return toHolder(
      p,
      'assignment-changed',
      `Nhiệm vụ được điều chỉnh: ${p.planTitle}`,
      `Assignment amended: ${p.planTitle}`,
    );
  }
  if (isAssignmentEvent(event, AssignmentEventType.Withdrawn)) {
    const p = event.payload;
    return toHolder(
      p,
      'assignment-withdrawn',
      `Nhiệm vụ được rút khỏi đơn vị: ${p.planTitle}`,
      `Assignment withdrawn: ${p.planTitle}`,
    );
  }
  if (isPlanEvent(event, PlanEventType.Submitted)) {
    const p = event.payload;
    return toUnit(
      p.issuerUnitCode,
      'plan-submitted',
      `Kế hoạch trình duyệt: ${p.title}`,
      `Plan submitted for approval: ${p.title}`,
    );
  }
  if (isPlanEvent(event, PlanEventType.Returned)) {
    const p = event.payload;
    return toUnit(
      p.draftingUnitCode,
      'plan-returned',
      `Dự thảo bị trả lại kèm ý kiến: ${p.title}`,
      `Draft returned with comments: ${p.title}`,
    );
  }
  if (isPlanEvent(event, PlanEventType.Approved)) {
    const p = event.payload;
    return toUnit(
      p.draftingUnitCode,
      'plan-approved',
      `Kế hoạch đã được phê duyệt: ${p.title}`,
      `Plan approved: ${p.title}`,
    );
  }
  return [];
}
