import { TestBed } from '@angular/core/testing';
import { ReturnForm } from './return-form';
import { plan, settle, setup } from './testing/plan-fixture';

describe('ReturnForm', () => {
  it('asks for at least one comment, then sends every comment with its field (null for the whole plan)', async () => {
    const http = setup([ReturnForm]);
    const fixture = TestBed.createComponent(ReturnForm);
    fixture.componentRef.setInput('plan', plan());
    let returned = 0;
    fixture.componentInstance.returned.subscribe(() => returned++);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    (el.querySelector('[data-testid=return-send]') as HTMLButtonElement).click();
    await settle(fixture);
    expect(el.querySelector('[role=alert]')?.textContent).toContain('Nhập ít nhất một ý kiến');
    const text = el.querySelector('[data-testid=return-text-0]') as HTMLTextAreaElement;
    text.value = 'Bổ sung căn cứ';
    text.dispatchEvent(new Event('input'));
    (el.querySelector('.dh-secondary') as HTMLButtonElement).click();
    await settle(fixture);
    const second = el.querySelector('[data-testid=return-text-1]') as HTMLTextAreaElement;
    second.value = 'Sửa tên';
    second.dispatchEvent(new Event('input'));
    const field = el.querySelector('[data-testid=return-field-1]') as HTMLSelectElement;
    field.value = 'title';
    field.dispatchEvent(new Event('change'));
    (el.querySelector('[data-testid=return-send]') as HTMLButtonElement).click();
    const req = http.expectOne('http://api/plans/p1/return');
    expect(req.request.body).toEqual({ comments: [{ text: 'Bổ sung căn cứ', field: null }, { text: 'Sửa tên', field: 'title' }] });
    req.flush({ id: 'p1', version: 3 });
    expect(returned).toBe(1);
  });
});
