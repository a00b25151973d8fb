import { ExecutionEventType, executionEvent } from '@dieu-hanh/api/execution/contracts';
import { assignmentChanged, assignmentCreated, assignmentWithdrawn } from '@dieu-hanh/api/planning/contracts';
import { domainEvent } from '@dieu-hanh/api/shared/kernel';
import { timelineSummary, unitCodesOf, viDate } from './timeline-summary';

const NAMES: Record<string, string> = { '00070': 'UBND phường Hoàn Kiếm', '01-SGDDT': 'Sở Giáo dục và Đào tạo', '01-SKHCN': 'Sở Khoa học và Công nghệ', '01-UBND': 'UBND Thành phố' };
const name = (code: string) => NAMES[code] ?? code;
const facts = { planId: 'p', planTitle: 'Kế hoạch', taskId: 't', unitCode: '00070' };
const A = 'a1';

describe('timelineSummary: one Vietnamese line per event, from its typed payload', () => {
  it.each([
    [assignmentCreated(A, { ...facts, role: 'coordinator', viaGroup: null, succeeds: null }), 'Giao phối hợp nhiệm vụ cho UBND phường Hoàn Kiếm'],
    [assignmentCreated(A, { ...facts, role: 'lead', viaGroup: null, succeeds: '01-SGDDT', amendment: 2 }), 'Giao chủ trì nhiệm vụ cho UBND phường Hoàn Kiếm (tiếp nhận từ Sở Giáo dục và Đào tạo) theo sửa đổi lần 2'],
    [assignmentChanged(A, { ...facts, role: { from: 'coordinator', to: 'lead' }, amendment: 1 }), 'Vai trò đổi từ phối hợp sang chủ trì (sửa đổi lần 1)'],
    [assignmentChanged(A, { ...facts, taskChanged: true }), 'Nội dung nhiệm vụ được sửa đổi'],
    [assignmentWithdrawn(A, { ...facts, reason: 'Sáp nhập', successorCode: '01-SKHCN' }), 'Thu hồi giao việc, chuyển cho Sở Khoa học và Công nghệ — lý do: Sáp nhập'],
    [
      executionEvent(ExecutionEventType.ProgressReported, A, { ...facts, status: 'done', percent: 100, previousStatus: 'in-progress', note: 'Xong', result: 'Báo cáo', evidenceIds: ['e1', 'e2'], version: 3, verifierUnitCodes: ['01-SGDDT'] }),
      'Cập nhật tiến độ: hoàn thành, 100%, kèm 2 minh chứng. Ghi chú: Xong. Kết quả: Báo cáo. Chờ Sở Giáo dục và Đào tạo thẩm định',
    ],
    [executionEvent(ExecutionEventType.WorkVerified, A, { ...facts, verifierUnitCode: '01-SGDDT', note: null, version: 4 }), 'Sở Giáo dục và Đào tạo xác nhận kết quả'],
    [executionEvent(ExecutionEventType.WorkReturned, A, { ...facts, verifierUnitCode: '01-SGDDT', reason: 'Thiếu biên bản', version: 4 }), 'Sở Giáo dục và Đào tạo trả lại kết quả — lý do: Thiếu biên bản'],
    [
      executionEvent(ExecutionEventType.ObstacleRaised, A, { ...facts, obstacleId: 'o', description: 'Thiếu kinh phí', proposal: 'Bổ sung', handlerUnitCode: '01-SKHCN' }),
      'Báo khó khăn, vướng mắc tới Sở Khoa học và Công nghệ: Thiếu kinh phí. Đề xuất: Bổ sung',
    ],
    [executionEvent(ExecutionEventType.ObstacleAnswered, A, { ...facts, obstacleId: 'o', answer: 'Quý III', answeredByUnitCode: '01-SKHCN' }), 'Sở Khoa học và Công nghệ trả lời vướng mắc: Quý III'],
    [
      executionEvent(ExecutionEventType.ObstacleEscalated, A, { ...facts, obstacleId: 'o', directingLeader: 'Phó Chủ tịch UBND Thành phố', leaderUnitCode: '01-UBND', note: null }),
      'Vướng mắc được báo cáo Phó Chủ tịch UBND Thành phố',
    ],
    [executionEvent(ExecutionEventType.DirectiveGiven, A, { ...facts, obstacleId: 'o', directive: 'Bố trí ngay', concernedUnitCodes: ['00070'] }), 'Ý kiến chỉ đạo: Bố trí ngay'],
    [
      executionEvent(ExecutionEventType.ExtensionRequested, A, { ...facts, extensionId: 'x', currentDue: '2025-03-31', requestedDue: '2025-06-30', reason: 'Chờ vốn', deciderUnitCodes: ['01-SKHCN'] }),
      'Đề nghị gia hạn đến 30/06/2025 (hạn hiện tại 31/03/2025): Chờ vốn',
    ],
    [
      executionEvent(ExecutionEventType.ExtensionDecided, A, { ...facts, extensionId: 'x', approved: true, previousDue: '2025-03-31', requestedDue: '2025-06-30', note: null, decidedByUnitCode: '01-SKHCN' }),
      'Sở Khoa học và Công nghệ đồng ý gia hạn từ 31/03/2025 đến 30/06/2025',
    ],
    [
      executionEvent(ExecutionEventType.ExtensionDecided, A, { ...facts, extensionId: 'x', approved: false, previousDue: null, requestedDue: '2025-06-30', note: 'Không đủ căn cứ', decidedByUnitCode: '01-SKHCN' }),
      'Sở Khoa học và Công nghệ không đồng ý gia hạn đến 30/06/2025 (hạn giữ nguyên không có hạn) — ý kiến: Không đủ căn cứ',
    ],
    [executionEvent(ExecutionEventType.Urged, A, { ...facts, byUnitCode: '01-SGDDT', message: 'Khẩn trương', due: '2025-03-31' }), 'Sở Giáo dục và Đào tạo đôn đốc thực hiện (hạn 31/03/2025): Khẩn trương'],
    [executionEvent(ExecutionEventType.ReminderDue, A, { ...facts, kind: 'overdue', offsetDays: 3, due: '2025-03-31' }), 'Nhắc việc: đã quá hạn 3 ngày (hạn 31/03/2025)'],
    [executionEvent(ExecutionEventType.ReminderDue, A, { ...facts, kind: 'before-due', offsetDays: 7, due: '2025-03-31' }), 'Nhắc việc: còn 7 ngày đến hạn (31/03/2025)'],
    [domainEvent('planning.something-else', 'assignment', A, {}), 'planning.something-else'],
  ])('%#: %s', (event, line) => {
    expect(timelineSummary(event, name)).toBe(line);
  });

  it('names every unit an event mentions, arrays included', () => {
    const e = executionEvent(ExecutionEventType.ProgressReported, A, { ...facts, status: 'done', percent: 100, previousStatus: 'in-progress', note: null, result: null, evidenceIds: [], version: 1, verifierUnitCodes: ['01-SGDDT'] });
    expect(unitCodesOf(e).sort()).toEqual(['00070', '01-SGDDT']);
    expect(viDate('2025-12-31')).toBe('31/12/2025');
  });
});
