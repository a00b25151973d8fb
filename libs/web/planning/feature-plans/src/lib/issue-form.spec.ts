import { TestBed } from '@angular/core/testing';
import { IssueForm } from './issue-form';
import { plan, settle, setup } from './testing/plan-fixture';

describe('IssueForm', () => {
  it('checks the number, sends the date as ISO and shows the API’s refusal', async () => {
    const http = setup([IssueForm]);
    const fixture = TestBed.createComponent(IssueForm);
    fixture.componentRef.setInput('plan', plan({ status: 'approved' }));
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect((el.querySelector('[data-testid=issue-date]') as HTMLInputElement).value).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
    (el.querySelector('[data-testid=issue-send]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Số văn bản phải là số nguyên dương');
    const number = el.querySelector('[data-testid=issue-number]') as HTMLInputElement;
    number.value = '12';
    number.dispatchEvent(new Event('input'));
    const date = el.querySelector('[data-testid=issue-date]') as HTMLInputElement;
    date.value = '1/9/2025';
    date.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=issue-send]') as HTMLButtonElement).click();
    const req = http.expectOne('http://api/plans/p1/issue');
    expect(req.request.body).toEqual({ number: 12, issueDate: '2025-09-01' });
    req.flush({ type: 'about:blank', title: 'Conflict', status: 409, detail: 'Số đã dùng', message: { vi: 'Số văn bản đã được dùng', en: 'Number already used' } }, { status: 409, statusText: 'Conflict' });
    await settle(fixture);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Số văn bản đã được dùng');
  });
});
