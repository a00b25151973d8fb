import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, ReactiveFormsModule } from '@angular/forms';
import type { UnitRefDto } from '@dieu-hanh/shared/contracts';
import { settle, setup } from './testing/plan-fixture';
import { UnitPicker } from './unit-picker';

@Component({
  selector: 'dh-host',
  imports: [UnitPicker, ReactiveFormsModule],
  template: `<dh-unit-picker [formControl]="ctl" label="Đơn vị chủ trì" [names]="names()" [single]="single()" />`,
})
class Host {
  readonly ctl = new FormControl<UnitRefDto[]>([{ unit: '01-SKHCN' }, { pending: 'các cơ quan báo chí' }], { nonNullable: true });
  readonly names = signal({ '01-SKHCN': 'Sở Khoa học và Công nghệ' });
  readonly single = signal(false);
}

describe('UnitPicker', () => {
  it('shows chosen units by name, pending references as a warning, and adds a whole group', async () => {
    const http = setup([Host]);
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    http.expectOne('http://api/unit-groups').flush([{ code: '01-G-XA-PHUONG', name: 'UBND các xã, phường', provinceCode: '01', memberCount: 126 }]);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=picked-01-SKHCN]')?.textContent).toContain('Sở Khoa học và Công nghệ');
    expect(el.querySelector('[data-testid=picked-pending]')?.textContent).toContain('Chờ xác định: các cơ quan báo chí');
    const select = el.querySelector('[data-testid=unit-picker-group]') as HTMLSelectElement;
    expect(select.options[1].textContent).toContain('126 đơn vị');
    select.value = '01-G-XA-PHUONG';
    select.dispatchEvent(new Event('change'));
    await settle(fixture);
    expect(fixture.componentInstance.ctl.value).toEqual([{ unit: '01-SKHCN' }, { pending: 'các cơ quan báo chí' }, { group: '01-G-XA-PHUONG' }]);
    (el.querySelector('[data-testid=picked-01-SKHCN] button') as HTMLButtonElement).click();
    expect(fixture.componentInstance.ctl.value).toEqual([{ pending: 'các cơ quan báo chí' }, { group: '01-G-XA-PHUONG' }]);
  });

  it('labels every input and button', async () => {
    const http = setup([Host]);
    const fixture = TestBed.createComponent(Host);
    fixture.detectChanges();
    http.expectOne('http://api/unit-groups').flush([{ code: 'G', name: 'Nhóm', provinceCode: '01', memberCount: 2 }]);
    await settle(fixture);
    const el: HTMLElement = fixture.nativeElement;
    for (const input of el.querySelectorAll('input, select')) expect(el.querySelector(`label[for="${input.id}"]`)?.textContent?.trim()).toBeTruthy();
    for (const b of el.querySelectorAll('button')) expect(b.getAttribute('aria-label') || b.textContent?.trim()).toBeTruthy();
  });
});
