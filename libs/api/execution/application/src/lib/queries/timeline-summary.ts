import { ExecutionEventType, isExecutionEvent } from '@dieu-hanh/api/execution/contracts';
import { AssignmentEventType, isAssignmentEvent } from '@dieu-hanh/api/planning/contracts';
import type { DomainEvent } from '@dieu-hanh/api/shared/kernel';
import type { WorkStatus } from '@dieu-hanh/shared/contracts';

const STATUS_VI: Record<WorkStatus, string> = {
  'not-started': 'chưa thực hiện',
  'in-progress': 'đang thực hiện',
  done: 'hoàn thành',
  unable: 'không thực hiện được',
};
const ROLE_VI = { lead: 'chủ trì', coordinator: 'phối hợp' } as const;

/** yyyy-MM-dd → dd/MM/yyyy (as the shells show dates). */
export const viDate = (iso: string | null | undefined) => (iso && /^\d{4}-\d{2}-\d{2}/.test(iso) ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : 'không có hạn');

const withText = (head: string, text: string | null | undefined, label?: string) => (text ? `${head}${label ? ` ${label}` : ''}: ${text}` : head);

/** Unit codes an event names (for their names in its summary). */
export function unitCodesOf(e: DomainEvent): string[] {
  const p = e.payload as Record<string, unknown>;
  return ['unitCode', 'succeeds', 'successorCode', 'verifierUnitCode', 'answeredByUnitCode', 'decidedByUnitCode', 'byUnitCode', 'handlerUnitCode', 'leaderUnitCode']
    .map((k) => p[k])
    .concat(...['verifierUnitCodes', 'deciderUnitCodes', 'concernedUnitCodes'].map((k) => (Array.isArray(p[k]) ? (p[k] as unknown[]) : [])))
    .filter((c): c is string => typeof c === 'string');
}

/**
 * The Vietnamese line an assignment's timeline shows for one event, built from its typed payload
 * (planning's assignment events, execution's events); an event of another kind shows its type.
 */
export function timelineSummary(e: DomainEvent, name: (code: string) => string): string {
  if (isAssignmentEvent(e, AssignmentEventType.Created)) {
    const p = e.payload;
    let s = `Giao ${ROLE_VI[p.role]} nhiệm vụ cho ${name(p.unitCode)}`;
    if (p.succeeds) s += ` (tiếp nhận từ ${name(p.succeeds)})`;
    if (p.amendment !== undefined) s += ` theo sửa đổi lần ${p.amendment}`;
    return s;
  }
  if (isAssignmentEvent(e, AssignmentEventType.Changed)) {
    const p = e.payload;
    const parts: string[] = [];
    if (p.role) parts.push(`Vai trò đổi từ ${ROLE_VI[p.role.from]} sang ${ROLE_VI[p.role.to]}`);
    if (p.taskChanged) parts.push('Nội dung nhiệm vụ được sửa đổi');
    if (p.succeeds) parts.push(`tiếp nhận vai trò của ${name(p.succeeds)}`);
    const s = parts.length ? parts.join('; ') : 'Giao việc được điều chỉnh';
    return p.amendment !== undefined ? `${s} (sửa đổi lần ${p.amendment})` : s;
  }
  if (isAssignmentEvent(e, AssignmentEventType.Withdrawn)) {
    const p = e.payload;
    const s = p.successorCode ? `Thu hồi giao việc, chuyển cho ${name(p.successorCode)}` : 'Thu hồi giao việc';
    return withText(s, p.reason, '— lý do');
  }
  if (isExecutionEvent(e, ExecutionEventType.ProgressReported)) {
    const p = e.payload;
    let s = `Cập nhật tiến độ: ${STATUS_VI[p.status] ?? p.status}, ${p.percent}%`;
    if (p.evidenceIds?.length) s += `, kèm ${p.evidenceIds.length} minh chứng`;
    if (p.note) s += `. Ghi chú: ${p.note}`;
    if (p.result) s += `. Kết quả: ${p.result}`;
    if (p.verifierUnitCodes?.length) s += `. Chờ ${p.verifierUnitCodes.map(name).join(', ')} thẩm định`;
    return s;
  }
  if (isExecutionEvent(e, ExecutionEventType.WorkVerified)) {
    return withText(`${name(e.payload.verifierUnitCode)} xác nhận kết quả`, e.payload.note, '— ý kiến');
  }
  if (isExecutionEvent(e, ExecutionEventType.WorkReturned)) {
    return withText(`${name(e.payload.verifierUnitCode)} trả lại kết quả`, e.payload.reason, '— lý do');
  }
  if (isExecutionEvent(e, ExecutionEventType.ObstacleRaised)) {
    const p = e.payload;
    let s = `Báo khó khăn, vướng mắc tới ${name(p.handlerUnitCode)}: ${p.description}`;
    if (p.proposal) s += `. Đề xuất: ${p.proposal}`;
    return s;
  }
  if (isExecutionEvent(e, ExecutionEventType.ObstacleAnswered)) {
    return `${name(e.payload.answeredByUnitCode)} trả lời vướng mắc: ${e.payload.answer}`;
  }
  if (isExecutionEvent(e, ExecutionEventType.ObstacleEscalated)) {
    const p = e.payload;
    return withText(`Vướng mắc được báo cáo ${p.directingLeader ?? `lãnh đạo ${name(p.leaderUnitCode)}`}`, p.note, '— ý kiến');
  }
  if (isExecutionEvent(e, ExecutionEventType.DirectiveGiven)) {
    return `Ý kiến chỉ đạo: ${e.payload.directive}`;
  }
  if (isExecutionEvent(e, ExecutionEventType.ExtensionRequested)) {
    const p = e.payload;
    return `Đề nghị gia hạn đến ${viDate(p.requestedDue)} (hạn hiện tại ${viDate(p.currentDue)}): ${p.reason}`;
  }
  if (isExecutionEvent(e, ExecutionEventType.ExtensionDecided)) {
    const p = e.payload;
    const s = p.approved
      ? `${name(p.decidedByUnitCode)} đồng ý gia hạn từ ${viDate(p.previousDue)} đến ${viDate(p.requestedDue)}`
      : `${name(p.decidedByUnitCode)} không đồng ý gia hạn đến ${viDate(p.requestedDue)} (hạn giữ nguyên ${viDate(p.previousDue)})`;
    return withText(s, p.note, '— ý kiến');
  }
  if (isExecutionEvent(e, ExecutionEventType.Urged)) {
    const p = e.payload;
    return withText(`${name(p.byUnitCode)} đôn đốc thực hiện (hạn ${viDate(p.due)})`, p.message);
  }
  if (isExecutionEvent(e, ExecutionEventType.ReminderDue)) {
    const p = e.payload;
    return p.kind === 'overdue'
      ? `Nhắc việc: đã quá hạn ${p.offsetDays} ngày (hạn ${viDate(p.due)})`
      : `Nhắc việc: còn ${p.offsetDays} ngày đến hạn (${viDate(p.due)})`;
  }
  return e.type;
}
