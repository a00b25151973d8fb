import { TestBed } from '@angular/core/testing';
import { vietnamDate } from '@dieu-hanh/shared/util-timeframe';
import { IssueForm, defaultIssueDate, issueDateRange } from './issue-form';
import { plan, settle, setup } from './testing/plan-fixture';

describe('IssueForm', () => {
  it('accepts, like the API, any day of the plan’s year or the year before; defaults to the nearest accepted day', () => {
    expect(issueDateRange(2025)).toEqual({ min: '2024-01-01', max: '2025-12-31' });
    expect(defaultIssueDate(2025, '2025-10-02')).toBe('2025-10-02');
    expect(defaultIssueDate(2025, '2024-12-31')).toBe('2024-12-31');
    expect(defaultIssueDate(2025, '2026-11-28')).toBe('2025-12-31');
    expect(defaultIssueDate(2027, '2025-03-01')).toBe('2026-01-01');
  });

  it('defaults to a date the API accepts for a plan of an earlier year, says which dates are allowed and refuses others', async () => {
    const http = setup([IssueForm]);
    const fixture = TestBed.createComponent(IssueForm);
    fixture.componentRef.setInput('plan', plan({ status: 'approved', year: 2023 }));
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const date = el.querySelector('[data-testid=issue-date]') as HTMLInputElement;
    // Today is past 2023 on any machine running this: the last accepted day.
    expect(date.value).toBe('31/12/2023');
    const hint = el.querySelector('[data-testid=issue-date-hint]') as HTMLElement;
    expect(hint.textContent).toContain('từ 01/01/2022 đến 31/12/2023');
    expect(date.getAttribute('aria-describedby')).toBe(hint.id);
    const number = el.querySelector('[data-testid=issue-number]') as HTMLInputElement;
    number.value = '7';
    number.dispatchEvent(new Event('input'));
    date.value = '02/01/2024';
    date.dispatchEvent(new Event('input'));
    (el.querySelector('[data-testid=issue-send]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('từ 01/01/2022 đến 31/12/2023');
    http.expectNone('http://api/plans/p1/issue');
    // A refreshed plan of the same year keeps what the user typed.
    fixture.componentRef.setInput('plan', plan({ status: 'approved', year: 2023, version: 2 }));
    await settle(fixture);
    expect(date.value).toBe('02/01/2024');
  });

  it('checks the number, sends the date as ISO and shows the API’s refusal', async () => {
    const http = setup([IssueForm]);
    const fixture = TestBed.createComponent(IssueForm);
    fixture.componentRef.setInput('plan', plan({ status: 'approved' }));
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    const [y, m, d] = defaultIssueDate(2025, vietnamDate(new Date())).split('-');
    expect((el.querySelector('[data-testid=issue-date]') as HTMLInputElement).value).toBe(`${d}/${m}/${y}`);
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
