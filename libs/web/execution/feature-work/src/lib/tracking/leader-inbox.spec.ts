import { TestBed } from '@angular/core/testing';
import type { LeaderInboxDto } from '@dieu-hanh/shared/contracts';
import { LeaderInbox } from './leader-inbox';
import { settle, setupTracking } from './testing';

const inbox: LeaderInboxDto = {
  escalations: [
    {
      id: 'o1', assignmentId: 'a1', planTitle: 'Kế hoạch chuyển đổi số', taskContent: 'Tuyên truyền chuyển đổi số', unitName: 'Phường Hoàn Kiếm',
      description: 'Thiếu kinh phí in tài liệu', proposal: 'Bổ sung kinh phí', status: 'escalated', raisedAt: '2025-11-01T02:00:00Z', raisedBy: 'u',
      answer: 'Đề nghị lãnh đạo cho ý kiến', answeredBy: 'skhcn', escalatedAt: '2025-11-03T02:00:00Z', directive: null, directedBy: null, directedAt: null,
    },
  ],
  extensions: [
    {
      id: 'x1', assignmentId: 'a2', planTitle: 'Kế hoạch chuyển đổi số', taskContent: 'Đào tạo kỹ năng số', unitName: 'Sở Giáo dục và Đào tạo',
      currentDue: '2025-12-31', requestedDue: '2026-03-31', reason: 'Chờ phân bổ ngân sách', status: 'pending', requestedAt: '2025-11-20T02:00:00Z',
      requestedBy: 'u', decidedAt: null, decidedBy: null, decisionNote: null,
    },
  ],
};

async function open() {
  const http = setupTracking([LeaderInbox], { username: 'lanhdao', unit: '01-UBND', roles: ['leader'] });
  const fixture = TestBed.createComponent(LeaderInbox);
  fixture.detectChanges();
  http.expectOne('http://api/execution/leader-inbox').flush(inbox);
  await settle(fixture);
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

describe('LeaderInbox', () => {
  it('shows escalations and extension requests with their dates as dd/MM/yyyy', async () => {
    const { el } = await open();
    const esc = el.querySelector('[data-testid=inbox-escalation]')?.textContent ?? '';
    expect(esc).toContain('Thiếu kinh phí in tài liệu');
    expect(esc).toContain('Bổ sung kinh phí');
    expect(esc).toContain('Chuyển lên ngày 03/11/2025');
    const ext = el.querySelector('[data-testid=inbox-extension]')?.textContent ?? '';
    expect(ext).toContain('31/12/2025');
    expect(ext).toContain('31/03/2026');
    expect(ext).toContain('Chờ phân bổ ngân sách');
    expect(el.textContent).toContain('Vướng mắc xin ý kiến chỉ đạo (1)');
    expect(el.textContent).toContain('Đề nghị gia hạn (1)');
  });

  it('gives a directive (required) and reloads', async () => {
    const { http, fixture, el } = await open();
    (el.querySelector('[data-testid=inbox-directive-send]') as HTMLButtonElement).click();
    await settle(fixture);
    http.expectNone('http://api/obstacles/o1/directive');
    expect(el.textContent).toContain('Nhập ý kiến chỉ đạo.');
    const text = el.querySelector('[data-testid=inbox-directive]') as HTMLTextAreaElement;
    text.value = 'Sở Tài chính bố trí kinh phí trong tháng 12';
    text.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=inbox-directive-send]') as HTMLButtonElement).click();
    const req = http.expectOne('http://api/obstacles/o1/directive');
    expect(req.request.body).toEqual({ directive: 'Sở Tài chính bố trí kinh phí trong tháng 12' });
    req.flush({});
    http.expectOne('http://api/execution/leader-inbox').flush({ escalations: [], extensions: inbox.extensions });
    await settle(fixture);
    expect(el.querySelector('[data-testid=inbox-notice]')?.textContent).toContain('Đã gửi ý kiến chỉ đạo');
    expect(el.querySelector('[data-testid=inbox-escalation]')).toBeNull();
  });

  it('approves an extension with an optional note, and rejects only with a note', async () => {
    const { http, fixture, el } = await open();
    (el.querySelector('[data-testid=inbox-reject]') as HTMLButtonElement).click();
    await settle(fixture);
    http.expectNone('http://api/extensions/x1/decision');
    expect(el.textContent).toContain('Nêu lý do không đồng ý.');
    (el.querySelector('[data-testid=inbox-approve]') as HTMLButtonElement).click();
    const req = http.expectOne('http://api/extensions/x1/decision');
    expect(req.request.body).toEqual({ approve: true, note: null });
    req.flush({});
    http.expectOne('http://api/execution/leader-inbox').flush({ escalations: inbox.escalations, extensions: [] });
    await settle(fixture);
    expect(el.querySelector('[data-testid=inbox-notice]')?.textContent).toContain('Đã đồng ý gia hạn.');
  });

  it('searches without diacritics and filters by kind', async () => {
    const { fixture, el } = await open();
    const q = el.querySelector('[data-testid=inbox-q]') as HTMLInputElement;
    q.value = 'ngan sach';
    q.dispatchEvent(new Event('input'));
    await settle(fixture);
    expect(el.querySelectorAll('[data-testid=inbox-escalation]').length).toBe(0);
    expect(el.querySelectorAll('[data-testid=inbox-extension]').length).toBe(1);
    q.value = '';
    q.dispatchEvent(new Event('input'));
    const kind = el.querySelector('[data-testid=inbox-kind]') as HTMLSelectElement;
    kind.value = 'escalations';
    kind.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(el.querySelector('[data-testid=inbox-extensions]')).toBeNull();
    expect(el.querySelectorAll('[data-testid=inbox-escalation]').length).toBe(1);
  });
});
