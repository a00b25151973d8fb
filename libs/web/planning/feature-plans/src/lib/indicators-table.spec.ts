import { TestBed } from '@angular/core/testing';
import { IndicatorsTable, describeTarget } from './indicators-table';

describe('IndicatorsTable', () => {
  it('reads targets compactly', () => {
    const top = (n: number) => `tốp ${n}`;
    expect(describeTarget({ kind: 'value', comparator: '>=', value: 95, unit: '%', text: '≥ 95%' }, top)).toBe('≥ 95%');
    expect(describeTarget({ kind: 'range', min: 7, max: 7.5, unit: '%', text: '7% - 7,5%' }, top)).toBe('7–7,5%');
    expect(describeTarget({ kind: 'rank', top: 5, text: 'Tốp 5' }, top)).toBe('tốp 5');
    expect(describeTarget({ kind: 'unknown', text: '?', reason: 'x' }, top)).toBeNull();
  });

  it('shows each yearly target as written, and a warning for one not understood', () => {
    const fixture = TestBed.createComponent(IndicatorsTable);
    fixture.componentRef.setInput('indicators', [
      { id: 'i1', ordinal: 1, section: null, name: 'Tỷ lệ hồ sơ trực tuyến', directingLeader: null, focal: [{ unit: '01-SKHCN' }], implementing: [], coordinators: [],
        targets: [{ year: 2025, text: 'Khoảng 30%', parsed: { kind: 'unknown', text: 'Khoảng 30%', reason: 'not implemented yet' } }] },
    ]);
    fixture.componentRef.setInput('names', { '01-SKHCN': 'Sở Khoa học và Công nghệ' });
    fixture.detectChanges();
    const text = fixture.nativeElement.textContent;
    expect(text).toContain('Khoảng 30%');
    expect(text).toContain('chưa đọc được');
    expect(text).toContain('Sở Khoa học và Công nghệ');
  });

  it('on a phone, names each field of an indicator card after its column', () => {
    const fixture = TestBed.createComponent(IndicatorsTable);
    fixture.componentRef.setInput('indicators', [
      { id: 'i1', ordinal: 2, section: 'I', name: 'Tỷ lệ hồ sơ trực tuyến', directingLeader: null, focal: [{ unit: '01-SKHCN' }], implementing: [{ group: '01-G-XA-PHUONG' }], coordinators: [],
        targets: [{ year: 2025, text: '≥ 95%', parsed: { kind: 'value', comparator: '>=', value: 95, unit: '%', text: '≥ 95%' } }] },
    ]);
    fixture.componentRef.setInput('names', { '01-SKHCN': 'Sở Khoa học và Công nghệ', '01-G-XA-PHUONG': 'UBND các xã, phường' });
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    const headers = [...el.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
    const cells = [...el.querySelectorAll('tbody tr:first-child td')] as HTMLElement[];
    // Number and name head the card; every other field carries its column's name (shown above it by CSS on phones).
    expect(cells[0].className).toContain('dh-ord');
    expect(cells[1].className).toContain('dh-name');
    expect(cells.slice(2).map((td) => td.dataset['label'])).toEqual(headers.slice(2));
    expect(headers.slice(2).every(Boolean)).toBe(true);
    expect(cells[4].textContent).toContain('UBND các xã, phường');
  });
});
