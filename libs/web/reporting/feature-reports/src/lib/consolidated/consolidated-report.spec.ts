import { TestBed } from '@angular/core/testing';
import type { ConsolidatedReportDto } from '@dieu-hanh/shared/contracts';
import { click, consolidated, settle, setupReports, type } from '../testing';
import { ConsolidatedReport } from './consolidated-report';
import { consolidatedDraft, consolidatedSaveRequest, recipientLines } from './consolidated-draft';

async function open(c: ConsolidatedReportDto = consolidated()) {
  const http = setupReports([ConsolidatedReport]);
  const fixture = TestBed.createComponent(ConsolidatedReport);
  fixture.componentRef.setInput('id', c.id);
  fixture.detectChanges();
  http.expectOne(`http://api/reporting/consolidated/${c.id}`).flush(c);
  await settle(fixture);
  return { http, fixture, el: fixture.nativeElement as HTMLElement };
}

const q = (el: HTMLElement, id: string) => el.querySelector(`[data-testid=${id}]`);

describe('consolidated draft', () => {
  it('keeps recipients one per line and dates as dd/MM/yyyy', () => {
    expect(recipientLines(' Như trên;\n\n UBND Thành phố \r\nLưu: VT')).toEqual(['Như trên;', 'UBND Thành phố', 'Lưu: VT']);
    const c = consolidated({ documentDate: '2026-01-05' });
    const d = consolidatedDraft(c);
    expect(d.documentDate).toBe('05/01/2026');
    expect(d.recipients).toBe('UBND Thành phố\nLưu: VT');
    d.documentNumber = '125/BC-SKHCN';
    d.recipients += '\nBộ KH&CN';
    expect(consolidatedSaveRequest(c, d)).toEqual({
      req: { version: 5, sections: c.sections, documentNumber: '125/BC-SKHCN', place: 'Hà Nội', documentDate: '2026-01-05', recipients: ['UBND Thành phố', 'Lưu: VT', 'Bộ KH&CN'], signerTitle: 'Giám đốc', signerName: null },
    });
    d.documentDate = '5/13/2026';
    expect(consolidatedSaveRequest(c, d)).toEqual({ errors: { documentDate: 'open.badDate' } });
  });
});

describe('ConsolidatedReport', () => {
  it('shows the aggregated tables, attainment, completeness and the unit reports', async () => {
    const { el } = await open();
    expect(el.querySelector('h1')?.textContent).toContain('Báo cáo tổng hợp — Quý IV/2025');
    expect(q(el, 'cons-task-counts')?.textContent).toContain('10 nhiệm vụ · 4 hoàn thành · 3 đang thực hiện · 2 chưa thực hiện · 1 không thực hiện được · 2 quá hạn');
    expect(q(el, 'cons-task-row')?.textContent).toContain('Tuyên truyền');
    const attainment = [...el.querySelectorAll('[data-testid=cons-attainment]')].map((a) => a.textContent?.trim());
    expect(attainment).toEqual(['Đạt', 'Chưa có số liệu']);
    expect(q(el, 'cons-indicator')?.textContent).toContain('850 / 1000 = 85%');
    expect(q(el, 'cons-completeness')?.textContent).toContain('Đã nộp 12/30 đơn vị (40%)');
    expect(q(el, 'cons-unit-report')?.querySelector('a')?.getAttribute('href')).toBe('/bao-cao/don-vi/r4');
    expect(q(el, 'cons-submit')?.textContent).toContain('Trình lãnh đạo');
    expect(q(el, 'cons-approve')).toBeNull();
    expect(q(el, 'cons-return')).toBeNull();
  });

  it('saves the document fields with the version read', async () => {
    const { http, fixture, el } = await open();
    type(q(el, 'cons-documentNumber'), '125/BC-SKHCN');
    type(q(el, 'cons-documentDate'), '05/01/2026');
    type(q(el, 'cons-recipients'), 'UBND Thành phố\nLưu: VT, KHTH');
    type(q(el, 'cons-signerName'), 'Nguyễn Văn A');
    click(q(el, 'cons-save'));
    const put = http.expectOne('http://api/reporting/consolidated/c1');
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toMatchObject({ version: 5, documentNumber: '125/BC-SKHCN', documentDate: '2026-01-05', recipients: ['UBND Thành phố', 'Lưu: VT, KHTH'], signerName: 'Nguyễn Văn A' });
    put.flush(consolidated({ version: 6 }));
    await settle(fixture);
    expect(q(el, 'cons-notice')?.textContent).toContain('Đã lưu báo cáo.');
  });

  it('the leader returns it only with a reason; the form is read-only outside draft and returned', async () => {
    const { http, fixture, el } = await open(consolidated({ status: 'submitted', allowedActions: ['approve', 'return', 'export'] }));
    expect(q(el, 'cons-save')).toBeNull();
    expect(q(el, 'cons-doc')?.textContent).toContain('UBND Thành phố');
    expect(q(el, 'cons-exports')?.querySelectorAll('dh-export-button')).toHaveLength(2);
    click(q(el, 'cons-return'));
    await settle(fixture);
    click(q(el, 'reason-confirm'));
    await settle(fixture);
    expect(q(el, 'reason-required')).not.toBeNull();
    http.expectNone('http://api/reporting/consolidated/c1/return');
    type(q(el, 'reason-text'), 'Bổ sung kiến nghị');
    click(q(el, 'reason-confirm'));
    const req = http.expectOne('http://api/reporting/consolidated/c1/return');
    expect(req.request.body).toEqual({ version: 5, reason: 'Bổ sung kiến nghị' });
    req.flush(consolidated({ status: 'returned', returnReason: 'Bổ sung kiến nghị', allowedActions: [] }));
    await settle(fixture);
    expect(q(el, 'cons-status')?.textContent).toContain('Bị trả lại');
    expect(q(el, 'cons-return-reason')?.textContent).toContain('Bổ sung kiến nghị');
  });

  it('approves with the version read', async () => {
    const { http, fixture, el } = await open(consolidated({ status: 'submitted', allowedActions: ['approve', 'return'] }));
    click(q(el, 'cons-approve'));
    const req = http.expectOne('http://api/reporting/consolidated/c1/approve');
    expect(req.request.body).toEqual({ version: 5 });
    req.flush(consolidated({ status: 'approved', approvedAt: '2026-01-05T02:00:00Z', allowedActions: ['reopen', 'export'] }));
    await settle(fixture);
    expect(q(el, 'cons-status')?.textContent).toContain('Đã duyệt');
    expect(q(el, 'cons-reopen')).not.toBeNull();
  });
});

describe('ConsolidatedReport submission', () => {
  it('submits at once when nothing changed, and saves first when something did', async () => {
    const { http, fixture, el } = await open();
    click(q(el, 'cons-submit'));
    http.expectOne('http://api/reporting/consolidated/c1/submit').flush(consolidated({ version: 6 }));
    await settle(fixture);
    type(q(el, 'section-proposals'), 'Đề nghị UBND Thành phố bổ sung kinh phí');
    click(q(el, 'cons-submit'));
    const put = http.expectOne('http://api/reporting/consolidated/c1');
    expect(put.request.body.sections.proposals).toBe('Đề nghị UBND Thành phố bổ sung kinh phí');
    put.flush(consolidated({ version: 7 }));
    expect(http.expectOne('http://api/reporting/consolidated/c1/submit').request.body).toEqual({ version: 7 });
  });
});
