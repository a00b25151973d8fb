import { TestBed } from '@angular/core/testing';
import { UnitRefs } from './unit-refs';

describe('UnitRefs', () => {
  it('names units and groups from the names map and marks pending references', () => {
    const fixture = TestBed.createComponent(UnitRefs);
    fixture.componentRef.setInput('refs', [{ group: '01-G-XA-PHUONG' }, { unit: '01-XYZ', asWritten: 'Sở XYZ' }, { pending: 'UBND các xã, phường đã đề xuất' }]);
    fixture.componentRef.setInput('names', { '01-G-XA-PHUONG': 'UBND các xã, phường' });
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.textContent).toContain('UBND các xã, phường');
    expect(el.textContent).toContain('Sở XYZ');
    const pending = el.querySelector('[data-testid=pending-ref]') as HTMLElement;
    expect(pending.textContent).toContain('Chờ xác định: UBND các xã, phường đã đề xuất');
    expect(pending.className).toContain('dh-pending');
  });
});
