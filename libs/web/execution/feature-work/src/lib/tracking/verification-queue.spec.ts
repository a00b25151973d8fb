import { TestBed } from '@angular/core/testing';
import { VerificationQueue } from './verification-queue';
import { item, list, settle, setupTracking } from './testing';

async function open() {
  const http = setupTracking([VerificationQueue]);
  const fixture = TestBed.createComponent(VerificationQueue);
  fixture.detectChanges();
  http.expectOne((r) => r.url === 'http://api/plans').flush({ items: [], total: 0, limit: 100, offset: 0, allowedActions: [] });
  await settle(fixture, 200);
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

const reported = item({ assignmentId: 'a1', status: 'done', percent: 100, verification: 'pending', urgency: 'closed', days: null, version: 3 });

describe('VerificationQueue', () => {
  it('lists what waits for verification and verifies one with its version', async () => {
    const { http, fixture, el } = await open();
    const first = http.expectOne((r) => r.url === 'http://api/execution/verification-queue');
    expect(first.request.params.get('limit')).toBe('25');
    first.flush(list([reported]));
    await settle(fixture);
    expect(el.querySelector('[data-testid=queue-item]')?.textContent).toContain('Hoàn thành · 100%');
    expect(el.querySelector('[data-testid=queue-item]')?.textContent).toContain('Chờ thẩm định');
    (el.querySelector('[data-testid=queue-verify]') as HTMLButtonElement).click();
    const verify = http.expectOne('http://api/assignments/a1/verify');
    expect(verify.request.body).toEqual({ version: 3 });
    verify.flush({ ...reported, verification: 'verified', version: 4 });
    await settle(fixture, 200);
    expect(el.querySelector('[data-testid=queue-notice]')?.textContent).toContain('Đã xác nhận kết quả của Phường Hoàn Kiếm.');
    http.expectOne((r) => r.url === 'http://api/execution/verification-queue').flush(list([]));
    await settle(fixture);
    expect(el.querySelector('[data-testid=queue-none]')?.textContent).toContain('Không có kết quả nào chờ thẩm định.');
  });

  it('returns a result only with a reason', async () => {
    const { http, fixture, el } = await open();
    http.expectOne((r) => r.url === 'http://api/execution/verification-queue').flush(list([reported]));
    await settle(fixture);
    (el.querySelector('[data-testid=queue-return]') as HTMLButtonElement).click();
    await settle(fixture);
    (el.querySelector('[data-testid=queue-return-send]') as HTMLButtonElement).click();
    await settle(fixture);
    http.expectNone('http://api/assignments/a1/return');
    expect(el.querySelector('[data-testid=queue-return-form] [role=alert]')?.textContent).toContain('Nhập lý do trả lại.');
    const reason = el.querySelector('[data-testid=queue-reason]') as HTMLTextAreaElement;
    reason.value = 'Thiếu biên bản nghiệm thu';
    reason.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=queue-return-send]') as HTMLButtonElement).click();
    const ret = http.expectOne('http://api/assignments/a1/return');
    expect(ret.request.body).toEqual({ version: 3, reason: 'Thiếu biên bản nghiệm thu' });
    ret.flush({ ...reported, verification: 'returned' });
    await settle(fixture);
    expect(el.querySelector('[data-testid=queue-notice]')?.textContent).toContain('Đã trả lại kết quả của Phường Hoàn Kiếm.');
  });

  it('reloads and says so when the unit updated meanwhile (409)', async () => {
    const { http, fixture, el } = await open();
    http.expectOne((r) => r.url === 'http://api/execution/verification-queue').flush(list([reported]));
    await settle(fixture);
    (el.querySelector('[data-testid=queue-verify]') as HTMLButtonElement).click();
    http.expectOne('http://api/assignments/a1/verify').flush({ code: 'EXECUTION.VERSION_CONFLICT', message: { vi: 'Xung đột', en: 'Conflict' } }, { status: 409, statusText: 'Conflict' });
    await settle(fixture, 200);
    expect(el.querySelector('[data-testid=queue-error]')?.textContent).toContain('Đơn vị vừa cập nhật lại');
    http.expectOne((r) => r.url === 'http://api/execution/verification-queue').flush(list([{ ...reported, version: 5 }]));
  });

  it('shows the reported result and evidence on demand, and searches through the API', async () => {
    const { http, fixture, el } = await open();
    http.expectOne((r) => r.url === 'http://api/execution/verification-queue').flush(list([reported]));
    await settle(fixture);
    (el.querySelector('[data-testid=queue-details]') as HTMLButtonElement).click();
    http.expectOne('http://api/assignments/a1/work').flush({
      ...reported, note: 'Đã phát 30 buổi', result: 'Báo cáo kết quả', evidence: [{ id: 'e1', fileName: 'bien-ban.pdf', mediaType: 'application/pdf', size: 100, sha256: 'x', uploadedAt: '2025-11-02T03:00:00Z', uploadedBy: 'u' }],
    });
    await settle(fixture);
    const detail = el.querySelector('[data-testid=queue-detail]')?.textContent ?? '';
    expect(detail).toContain('Đã phát 30 buổi');
    expect(detail).toContain('bien-ban.pdf (02/11/2025)');
    const q = el.querySelector('[data-testid=queue-q]') as HTMLInputElement;
    q.value = 'ba dinh';
    q.dispatchEvent(new Event('input'));
    await settle(fixture, 200);
    expect(http.expectOne((r) => r.url === 'http://api/execution/verification-queue').request.params.get('q')).toBe('ba dinh');
  });
});
