import { TestBed } from '@angular/core/testing';
import { TimeframePreview } from './timeframe-preview';

describe('TimeframePreview', () => {
  function render(text: string, year = 2025): string {
    const fixture = TestBed.createComponent(TimeframePreview);
    fixture.componentRef.setInput('text', text);
    fixture.componentRef.setInput('year', year);
    fixture.detectChanges();
    return fixture.nativeElement.textContent.replace(/\s+/g, ' ').trim();
  }

  it('reads a quarter as its last day, dd/MM/yyyy', () => {
    expect(render('Quý IV/2025')).toContain('31/12/2025');
  });

  it('reads "Thường xuyên" as ongoing', () => {
    expect(render('Thường xuyên')).toContain('Thường xuyên');
  });

  it('completes a range written without a year from the plan year', () => {
    const text = render('05/10 - 31/10', 2025);
    expect(text).toContain('05/10/2025');
    expect(text).toContain('31/10/2025');
  });

  it('warns, visibly, when it does not understand the timeframe', () => {
    const fixture = TestBed.createComponent(TimeframePreview);
    fixture.componentRef.setInput('text', 'khi nào xong thì thôi');
    fixture.componentRef.setInput('year', 2025);
    fixture.detectChanges();
    const p: HTMLElement = fixture.nativeElement.querySelector('[data-testid=timeframe-preview]');
    expect(p.textContent).toContain('Chưa hiểu mốc thời gian — sẽ được giữ nguyên để người duyệt xem');
    expect(p.classList).toContain('dh-tf-unknown');
  });

  it('shows nothing for an empty timeframe', () => {
    expect(render('  ')).toBe('');
  });
});
