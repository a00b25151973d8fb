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

type Payload = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : '');

/**
 * Which events tell whom what. Pure: the projector stores what this returns, in the command's own
 * transaction. Events not listed notify nobody.
 */
export function notificationsFor(event: RecordedEvent): NotificationDraft[] {
  const p = event.payload as Payload;
  const base = { eventId: event.id, planId: str(p['planId']) || (event.aggregateType === 'plan' ? event.aggregateId : null) };
  const plan = str(p['planTitle']) || str(p['title']);
  switch (event.type) {
    case 'planning.assignment-created':
      return [{ ...base, unitCode: str(p['unitCode']), kind: 'assignment-created', assignmentId: event.aggregateId,
        titleVi: `Nhiệm vụ mới (${p['role'] === 'lead' ? 'chủ trì' : 'phối hợp'}): ${plan}`, titleEn: `New assignment (${p['role'] === 'lead' ? 'lead' : 'coordinator'}): ${plan}` }];
    case 'planning.assignment-changed':
      return [{ ...base, unitCode: str(p['unitCode']), kind: 'assignment-changed', assignmentId: event.aggregateId,
        titleVi: `Nhiệm vụ được điều chỉnh: ${plan}`, titleEn: `Assignment amended: ${plan}` }];
    case 'planning.assignment-withdrawn':
      return [{ ...base, unitCode: str(p['unitCode']), kind: 'assignment-withdrawn', assignmentId: event.aggregateId,
        titleVi: `Nhiệm vụ được rút khỏi đơn vị: ${plan}`, titleEn: `Assignment withdrawn: ${plan}` }];
    case 'planning.plan-submitted':
      return [{ ...base, unitCode: str(p['issuerUnitCode']), kind: 'plan-submitted', assignmentId: null,
        titleVi: `Kế hoạch trình duyệt: ${plan}`, titleEn: `Plan submitted for approval: ${plan}` }];
    case 'planning.plan-returned':
      return [{ ...base, unitCode: str(p['draftingUnitCode']), kind: 'plan-returned', assignmentId: null,
        titleVi: `Dự thảo bị trả lại kèm ý kiến: ${plan}`, titleEn: `Draft returned with comments: ${plan}` }];
    case 'planning.plan-approved':
      return [{ ...base, unitCode: str(p['draftingUnitCode']), kind: 'plan-approved', assignmentId: null,
        titleVi: `Kế hoạch đã được phê duyệt: ${plan}`, titleEn: `Plan approved: ${plan}` }];
    default:
      return [];
  }
}
