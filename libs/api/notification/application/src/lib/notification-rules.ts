import {
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
  const eventId = event.id;
  if (isAssignmentEvent(event, AssignmentEventType.Created)) {
    const p = event.payload;
    const [vi, en] = p.role === 'lead' ? ['chủ trì', 'lead'] : ['phối hợp', 'coordinator'];
    return [
      {
        eventId,
        planId: p.planId,
        unitCode: p.unitCode,
        kind: 'assignment-created',
        assignmentId: event.aggregateId,
        titleVi: `Nhiệm vụ mới (${vi}): ${p.planTitle}`,
        titleEn: `New assignment (${en}): ${p.planTitle}`,
      },
    ];
  }
  if (isAssignmentEvent(event, AssignmentEventType.Changed)) {
    const p = event.payload;
    return [
      {
        eventId,
        planId: p.planId,
        unitCode: p.unitCode,
        kind: 'assignment-changed',
        assignmentId: event.aggregateId,
        titleVi: `Nhiệm vụ được điều chỉnh: ${p.planTitle}`,
        titleEn: `Assignment amended: ${p.planTitle}`,
      },
    ];
  }
  if (isAssignmentEvent(event, AssignmentEventType.Withdrawn)) {
    const p = event.payload;
    return [
      {
        eventId,
        planId: p.planId,
        unitCode: p.unitCode,
        kind: 'assignment-withdrawn',
        assignmentId: event.aggregateId,
        titleVi: `Nhiệm vụ được rút khỏi đơn vị: ${p.planTitle}`,
        titleEn: `Assignment withdrawn: ${p.planTitle}`,
      },
    ];
  }
  const plan = { eventId, planId: event.aggregateId, assignmentId: null };
  if (isPlanEvent(event, PlanEventType.Submitted)) {
    return [
      {
        ...plan,
        unitCode: event.payload.issuerUnitCode,
        kind: 'plan-submitted',
        titleVi: `Kế hoạch trình duyệt: ${event.payload.title}`,
        titleEn: `Plan submitted for approval: ${event.payload.title}`,
      },
    ];
  }
  if (isPlanEvent(event, PlanEventType.Returned)) {
    return [
      {
        ...plan,
        unitCode: event.payload.draftingUnitCode,
        kind: 'plan-returned',
        titleVi: `Dự thảo bị trả lại kèm ý kiến: ${event.payload.title}`,
        titleEn: `Draft returned with comments: ${event.payload.title}`,
      },
    ];
  }
  if (isPlanEvent(event, PlanEventType.Approved)) {
    return [
      {
        ...plan,
        unitCode: event.payload.draftingUnitCode,
        kind: 'plan-approved',
        titleVi: `Kế hoạch đã được phê duyệt: ${event.payload.title}`,
        titleEn: `Plan approved: ${event.payload.title}`,
      },
    ];
  }
  return [];
}
