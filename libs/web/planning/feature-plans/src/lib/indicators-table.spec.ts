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
});
