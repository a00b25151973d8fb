import { MemorySnapshotStore, WORK_SNAPSHOT_STORE } from '../my-work/last-work-lists';
import { TestBed } from '@angular/core/testing';
import { MemoryOfflineStore } from '../offline/offline-store';
import type { QueuedUpdate } from '../offline/offline-queue';
import { assignmentWork, evidence, nextRequest, setOnline, setupWork, tick } from '../offline/testing';
import { Subject } from 'rxjs';
import { AssignmentWork, WORK_LIVE_CHANGES, formatDmyTime } from './assignment-work';

const isWork = (r: { url: string; method: string }) => r.method === 'GET' && r.url === 'http://api/assignments/a1/work';
const isTimeline = (r: { url: string }) => r.url === 'http://api/assignments/a1/timeline';
const isUpload = (r: { url: string; method: string }) => r.method === 'POST' && r.url === 'http://api/assignments/a1/evidence';
const isProgress = (r: { url: string; method: string }) => r.method === 'POST' && r.url === 'http://api/assignments/a1/progress';

async function open(work = assignmentWork(), store = new MemoryOfflineStore<unknown>()) {
  const { http } = setupWork([AssignmentWork], store);
  const fixture = TestBed.createComponent(AssignmentWork);
  fixture.componentRef.setInput('assignmentId', 'a1');
  fixture.detectChanges();
  (await nextRequest(http, isWork)).flush(work);
  (await nextRequest(http, isTimeline)).flush([
    { at: '2026-11-20T03:00:00Z', type: 'ProgressReported', actor: 'hoankiem.canbo', unitCode: '00070', summary: 'Cập nhật: đang thực hiện 40%', evidence: [evidence()], payload: {} },
  ]);
  const el = fixture.nativeElement as HTMLElement;
  const settle = async () => {
    fixture.detectChanges();
    await fixture.whenStable();
    await tick(1);
    fixture.detectChanges();
  };
  await settle();
  return { http, fixture, el, settle };
}

function type(el: HTMLElement, selector: string, value: string): void {
  const input = el.querySelector(selector) as HTMLInputElement | HTMLTextAreaElement;
  input.value = value;
  input.dispatchEvent(new Event('input'));
}

function pickFiles(el: HTMLElement, selector: string, files: File[]): void {
  const input = el.querySelector(selector) as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: files, configurable: true });
  input.dispatchEvent(new Event('change'));
}

afterEach(() => jest.restoreAllMocks());

describe('AssignmentWork', () => {
  beforeEach(() => setOnline(true));

  it('shows the task, plan, dates, status, verifier, directives, obstacles, extensions, evidence and timeline', async () => {
    const { el } = await open(
      assignmentWork({
        due: '2026-12-31',
        originalDue: '2025-12-31',
        evidence: [evidence()],
        obstacles: [{ id: 'o1', description: 'Thiếu kinh phí', proposal: 'Bổ sung kinh phí', status: 'directed', raisedAt: '2026-11-01T02:00:00Z', raisedBy: 'x', answer: null, answeredBy: null, escalatedAt: '2026-11-02T02:00:00Z', directive: 'Sở Tài chính bố trí kinh phí', directedBy: 'Chủ tịch', directedAt: '2026-11-03T02:00:00Z' }],
        extensions: [{ id: 'x1', currentDue: '2025-12-31', requestedDue: '2026-12-31', reason: 'Chờ kinh phí', status: 'approved', requestedAt: '2026-11-01T02:00:00Z', requestedBy: 'x', decidedAt: null, decidedBy: null, decisionNote: null }],
      }),
    );
    expect(el.querySelector('[data-testid=work-task]')?.textContent).toContain('Tuyên truyền về chuyển đổi số');
    expect(el.querySelector('[data-testid=work-plan]')?.textContent).toContain('402/KH-UBND — Kế hoạch chuyển đổi số năm 2025 · Nhiệm vụ 3');
    expect(el.querySelector('[data-testid=work-due]')?.textContent).toContain('31/12/2026');
    expect(el.querySelector('[data-testid=work-overdue]')?.textContent).toContain('Quá hạn 332 ngày');
    expect(el.querySelector('[data-testid=work-original-due]')?.textContent).toContain('31/12/2025');
    expect(el.querySelector('[data-testid=work-status]')?.textContent).toContain('Đang thực hiện');
    expect(el.querySelector('[data-testid=work-verifier]')?.textContent).toContain('Cơ quan đầu mối: Sở Khoa học và Công nghệ');
    expect(el.querySelector('[data-testid=work-directive]')?.textContent).toContain('Sở Tài chính bố trí kinh phí');
    expect(el.querySelector('[data-testid=work-obstacle]')?.textContent).toContain('Bổ sung kinh phí');
    expect(el.querySelector('[data-testid=work-extension]')?.textContent).toContain('Xin gia hạn từ 31/12/2025 đến 31/12/2026');
    expect(el.querySelector('[data-testid=work-evidence-item]')?.textContent).toContain('anh-hien-truong.jpg');
    expect(el.querySelector('[data-testid=work-timeline-entry]')?.textContent).toContain('20/11/2026 10:00');
    expect(el.querySelector('[data-testid=work-timeline-entry]')?.textContent).toContain('Cập nhật: đang thực hiện 40%');
    // The forms the API allows.
    expect(el.querySelector('[data-testid=progress-form]')).not.toBeNull();
    expect(el.querySelector('[data-testid=work-obstacle-panel]')).not.toBeNull();
    expect(el.querySelector('[data-testid=work-extension-panel]')).not.toBeNull();
  });

  it('shows no form the API does not allow', async () => {
    const { el } = await open(assignmentWork({ allowedActions: [], verification: 'returned', returnReason: 'Thiếu biên bản' }));
    expect(el.querySelector('[data-testid=progress-form]')).toBeNull();
    expect(el.querySelector('[data-testid=work-obstacle-panel]')).toBeNull();
    expect(el.querySelector('[data-testid=work-extension-panel]')).toBeNull();
    expect(el.querySelector('[data-testid=work-returned]')?.textContent).toContain('Thiếu biên bản');
  });

  it('sends an update with a photo: the upload first (its own key), then the update with the evidence id', async () => {
    const { http, el, settle } = await open();
    (el.querySelector('[data-testid=progress-status-done]') as HTMLInputElement).click();
    await settle();
    expect((el.querySelector('[data-testid=progress-percent]') as HTMLInputElement).value).toBe('100');
    expect((el.querySelector('[data-testid=progress-percent]') as HTMLInputElement).disabled).toBe(true);
    type(el, '[data-testid=progress-note]', 'Đã phát 30 buổi');
    type(el, '[data-testid=progress-result]', 'Báo cáo số 12/BC-UBND');
    const camera = el.querySelector('[data-testid=progress-camera]') as HTMLInputElement;
    expect(camera.getAttribute('capture')).toBe('environment');
    expect(camera.getAttribute('accept')).toBe('image/*');
    expect(el.querySelector('[data-testid=progress-files]')?.getAttribute('accept')).toBe('image/*,application/pdf,.docx,.xlsx');
    pickFiles(el, '[data-testid=progress-camera]', [new File([new Uint8Array([0xff, 0xd8, 0xff])], 'IMG_0001.jpg', { type: 'image/jpeg' })]);
    await settle();
    expect(el.querySelector('[data-testid=progress-picked]')?.textContent).toContain('IMG_0001.jpg');
    (el.querySelector('[data-testid=progress-send]') as HTMLButtonElement).click();
    const upload = await nextRequest(http, isUpload);
    const fileKey = upload.request.headers.get('Idempotency-Key');
    expect(fileKey).toMatch(/^[0-9a-f-]{36}$/);
    upload.flush(evidence({ id: 'ev-9', fileName: 'IMG_0001.jpg' }));
    const progress = await nextRequest(http, isProgress);
    expect(progress.request.headers.get('Idempotency-Key')).not.toBe(fileKey);
    expect(progress.request.body).toEqual({ version: 2, status: 'done', percent: 100, note: 'Đã phát 30 buổi', result: 'Báo cáo số 12/BC-UBND', evidenceIds: ['ev-9'] });
    progress.flush(assignmentWork({ status: 'done', percent: 100, verification: 'pending', version: 3, evidence: [evidence({ id: 'ev-9', fileName: 'IMG_0001.jpg' })] }));
    (await nextRequest(http, isTimeline)).flush([]);
    await settle();
    expect(el.querySelector('[data-testid=progress-notice]')?.textContent).toContain('Đã gửi cập nhật.');
    expect(el.querySelector('[data-testid=work-verification]')?.textContent).toContain('Chờ thẩm định');
    expect(el.querySelector('[data-testid=work-evidence-item]')?.textContent).toContain('IMG_0001.jpg');
    expect(el.querySelector('[data-testid=progress-picked]')).toBeNull();
  });

  it('refuses files that are too big or of another type before sending', async () => {
    const { el, settle, http } = await open();
    const big = new File(['x'], 'video.mp4', { type: 'video/mp4' });
    const huge = new File(['x'], 'scan.pdf', { type: 'application/pdf' });
    Object.defineProperty(huge, 'size', { value: 21 * 1024 * 1024 });
    pickFiles(el, '[data-testid=progress-files]', [big, huge]);
    await settle();
    const errors = [...el.querySelectorAll('[data-testid=progress-form] .dh-field-error')].map((e) => e.textContent?.trim());
    expect(errors).toEqual(['Tệp video.mp4 không phải PDF, DOCX, XLSX hoặc ảnh.', 'Tệp scan.pdf lớn hơn 20 MB.']);
    expect(el.querySelector('[data-testid=progress-picked]')).toBeNull();
    http.expectNone(isUpload);
  });

  it('a 409 shows the conflict clearly with the current state', async () => {
    const { http, el, settle } = await open();
    (el.querySelector('[data-testid=progress-send]') as HTMLButtonElement).click();
    (await nextRequest(http, isProgress)).flush(
      { status: 409, code: 'EXECUTION.VERSION_CONFLICT', message: { vi: 'Xung đột phiên bản', en: 'Version conflict' }, current: assignmentWork({ status: 'unable', percent: 20, version: 5, note: 'Người khác vừa cập nhật' }) },
      { status: 409, statusText: 'Conflict' },
    );
    (await nextRequest(http, isTimeline)).flush([]);
    await settle();
    expect(el.querySelector('[data-testid=work-conflict]')?.textContent).toContain('Nhiệm vụ vừa được cập nhật bởi người khác');
    expect(el.querySelector('[data-testid=work-status]')?.textContent).toContain('Không thực hiện được');
    expect(el.querySelector('[data-testid=work-note]')?.textContent).toContain('Người khác vừa cập nhật');
    // Sending again starts from the current version, with a new key.
    (el.querySelector('[data-testid=progress-send]') as HTMLButtonElement).click();
    const again = await nextRequest(http, isProgress);
    expect(again.request.body).toMatchObject({ version: 5 });
    again.flush(assignmentWork({ version: 6 }));
    (await nextRequest(http, isTimeline)).flush([]);
  });

  it('field errors from the API appear next to their fields', async () => {
    const { http, el, settle } = await open();
    (el.querySelector('[data-testid=progress-send]') as HTMLButtonElement).click();
    (await nextRequest(http, isProgress)).flush(
      { status: 400, code: 'REQUEST.VALIDATION_FAILED', message: { vi: 'Dữ liệu không hợp lệ', en: 'Invalid input' }, errors: [{ field: 'body.note', code: 'maxLength', message: { vi: 'Nội dung quá dài', en: 'Too long' } }] },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    const note = el.querySelector('[data-testid=progress-note]') as HTMLTextAreaElement;
    expect(note.getAttribute('aria-invalid')).toBe('true');
    expect(note.closest('label')?.nextElementSibling?.textContent).toContain('Nội dung quá dài');
    expect(el.querySelector('[data-testid=progress-error]')?.textContent).toContain('Dữ liệu không hợp lệ');
  });

  it('offline, the update is kept and shown as waiting; it is sent by itself when the connection returns', async () => {
    const store = new MemoryOfflineStore<unknown>();
    const { http, el, settle } = await open(assignmentWork(), store);
    setOnline(false);
    type(el, '[data-testid=progress-percent]', '60');
    type(el, '[data-testid=progress-note]', 'Cập nhật khi mất mạng');
    (el.querySelector('[data-testid=progress-send]') as HTMLButtonElement).click();
    await tick(5);
    await settle();
    http.expectNone(isProgress);
    expect(el.querySelector('[data-testid=progress-notice]')?.textContent).toContain('Chưa có mạng');
    expect(el.querySelector('[data-testid=work-pending-state]')?.textContent).toContain('Đang chờ gửi');
    expect(((await store.all()) as QueuedUpdate[]).map((u) => u.request)).toEqual([{ version: 2, status: 'in-progress', percent: 60, note: 'Cập nhật khi mất mạng', result: null }]);

    setOnline(true);
    const req = await nextRequest(http, isProgress);
    req.flush(assignmentWork({ percent: 60, version: 3, note: 'Cập nhật khi mất mạng' }));
    (await nextRequest(http, isTimeline)).flush([]);
    await settle();
    expect(el.querySelector('[data-testid=work-pending]')).toBeNull();
    expect(el.querySelector('[data-testid=work-queue-notice]')?.textContent).toContain('Đã gửi cập nhật đang chờ.');
    expect(el.querySelector('[data-testid=work-note]')?.textContent).toContain('Cập nhật khi mất mạng');
  });

  it('downloads evidence through the authenticated client, as a blob', async () => {
    const { http, el } = await open(assignmentWork({ evidence: [evidence()] }));
    const created = jest.fn(() => 'blob:x');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: jest.fn() });
    const click = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    (el.querySelector('[data-testid=work-evidence-download]') as HTMLButtonElement).click();
    const req = await nextRequest(http, (r) => r.url === 'http://api/evidence/e1/content');
    expect(req.request.responseType).toBe('blob');
    req.flush(new Blob(['jpeg']));
    await tick(1);
    expect(created).toHaveBeenCalled();
    expect(click).toHaveBeenCalledTimes(1);
    expect((click.mock.contexts[0] as HTMLAnchorElement).download).toBe('anh-hien-truong.jpg');
  });

  it('raises an obstacle with a proposal, and asks for an extension with a dd/mm/yyyy date', async () => {
    const { http, el, settle } = await open();
    (el.querySelector('[data-testid=obstacle-send]') as HTMLButtonElement).click();
    await settle();
    expect(el.querySelector('[data-testid=obstacle-form] .dh-field-error')?.textContent).toContain('Nêu khó khăn, vướng mắc.');
    type(el, '[data-testid=obstacle-description]', 'Thiếu loa truyền thanh');
    type(el, '[data-testid=obstacle-proposal]', 'Đề nghị hỗ trợ thiết bị');
    (el.querySelector('[data-testid=obstacle-send]') as HTMLButtonElement).click();
    const ob = await nextRequest(http, (r) => r.url === 'http://api/assignments/a1/obstacles');
    expect(ob.request.body).toEqual({ description: 'Thiếu loa truyền thanh', proposal: 'Đề nghị hỗ trợ thiết bị' });
    ob.flush(assignmentWork({ openObstacles: 1, obstacles: [{ id: 'o1', description: 'Thiếu loa truyền thanh', proposal: 'Đề nghị hỗ trợ thiết bị', status: 'open', raisedAt: '2026-11-28T02:00:00Z', raisedBy: 'x', answer: null, answeredBy: null, escalatedAt: null, directive: null, directedBy: null, directedAt: null }] }));
    (await nextRequest(http, isTimeline)).flush([]);
    await settle();
    expect(el.querySelector('[data-testid=work-obstacle]')?.textContent).toContain('Thiếu loa truyền thanh');

    type(el, '[data-testid=extension-date]', '31/02/2027');
    type(el, '[data-testid=extension-reason]', 'Chờ kinh phí');
    (el.querySelector('[data-testid=extension-send]') as HTMLButtonElement).click();
    await settle();
    expect(el.querySelector('[data-testid=extension-form] .dh-field-error')?.textContent).toContain('Nhập ngày dạng dd/mm/yyyy.');
    type(el, '[data-testid=extension-date]', '15/3/2027');
    (el.querySelector('[data-testid=extension-send]') as HTMLButtonElement).click();
    const ext = await nextRequest(http, (r) => r.url === 'http://api/assignments/a1/extensions');
    expect(ext.request.body).toEqual({ requestedDue: '2027-03-15', reason: 'Chờ kinh phí' });
    ext.flush({ status: 400, code: 'EXECUTION.EXTENSION_INVALID', message: { vi: 'Ngày không hợp lệ', en: 'Bad date' }, errors: [{ field: 'body.requestedDue', code: 'x', message: { vi: 'Phải sau hạn hiện tại', en: 'After the due date' } }] }, { status: 400, statusText: 'x' });
    await settle();
    expect(el.querySelector('[data-testid=extension-form] .dh-field-error')?.textContent).toContain('Phải sau hạn hiện tại');
  });

  it('an unknown or hidden assignment says so', async () => {
    const { http } = setupWork([AssignmentWork]);
    const fixture = TestBed.createComponent(AssignmentWork);
    fixture.componentRef.setInput('assignmentId', 'a1');
    fixture.detectChanges();
    (await nextRequest(http, isWork)).flush({ status: 404, code: 'EXECUTION.ASSIGNMENT_NOT_FOUND', message: { vi: 'Không thấy', en: 'Not found' } }, { status: 404, statusText: 'x' });
    (await nextRequest(http, isTimeline)).flush({}, { status: 404, statusText: 'x' });
    fixture.detectChanges();
    expect((fixture.nativeElement as HTMLElement).querySelector('[data-testid=work-missing]')?.textContent).toContain('Không tìm thấy nhiệm vụ');
  });
});

describe('AssignmentWork live', () => {
  it('reloads when the shell’s live changes say so (the verifier verified)', async () => {
    setOnline(true);
    const changes = new Subject<unknown>();
    TestBed.overrideProvider(WORK_LIVE_CHANGES, { useValue: changes });
    const { http, el, settle } = await open(assignmentWork({ status: 'done', percent: 100, verification: 'pending', version: 3 }));
    expect(el.querySelector('[data-testid=work-verification]')?.textContent).toContain('Chờ thẩm định');
    changes.next({ reason: 'changed' });
    (await nextRequest(http, isWork)).flush(assignmentWork({ status: 'done', percent: 100, verification: 'verified', version: 4 }));
    (await nextRequest(http, isTimeline)).flush([]);
    await settle();
    expect(el.querySelector('[data-testid=work-verification]')?.textContent).toContain('Đã xác nhận');
  });
});

describe('formatDmyTime', () => {
  it('shows Vietnam’s clock', () => expect(formatDmyTime('2026-11-30T20:30:00Z')).toBe('01/12/2026 03:30'));
});

describe('AssignmentWork without a connection', () => {
  const startOffline = async (phone: MemorySnapshotStore) => {
    TestBed.resetTestingModule();
    const { http } = setupWork([AssignmentWork], undefined, [{ provide: WORK_SNAPSHOT_STORE, useValue: phone }]);
    const fixture = TestBed.createComponent(AssignmentWork);
    fixture.componentRef.setInput('assignmentId', 'a1');
    fixture.detectChanges();
    (await nextRequest(http, isWork)).error(new ProgressEvent('error'), { status: 0 });
    (await nextRequest(http, isTimeline)).error(new ProgressEvent('error'), { status: 0 });
    fixture.detectChanges();
    await fixture.whenStable();
    await tick(5);
    fixture.detectChanges();
    return fixture.nativeElement as HTMLElement;
  };

  it('shows the state kept on the phone from an earlier visit, with its time; says plainly when nothing is kept', async () => {
    setOnline(true);
    const phone = new MemorySnapshotStore();
    jest.spyOn(Date, 'now').mockReturnValue(Date.parse('2026-11-28T02:30:00Z'));
    TestBed.resetTestingModule();
    const { http } = setupWork([AssignmentWork], undefined, [{ provide: WORK_SNAPSHOT_STORE, useValue: phone }]);
    const online = TestBed.createComponent(AssignmentWork);
    online.componentRef.setInput('assignmentId', 'a1');
    online.detectChanges();
    (await nextRequest(http, isWork)).flush(assignmentWork({ status: 'in-progress', percent: 40 }));
    (await nextRequest(http, isTimeline)).flush([]);
    online.detectChanges();
    await tick(5);
    online.destroy();

    const el = await startOffline(phone);
    expect(el.querySelector('[data-testid=work-task]')).not.toBeNull();
    expect(el.querySelector('[data-testid=work-as-of]')?.textContent).toContain('Thông tin lúc 28/11/2026 09:30');

    const empty = await startOffline(new MemorySnapshotStore());
    expect(empty.querySelector('[data-testid=work-missing]')?.textContent).toContain('chưa từng được mở khi có mạng');
    jest.restoreAllMocks();
  });
});
