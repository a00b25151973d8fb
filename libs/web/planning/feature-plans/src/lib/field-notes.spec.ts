import { TestBed } from '@angular/core/testing';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { FieldNotes } from './field-notes';

describe('FieldNotes', () => {
  it('shows comments and errors, errors in the chosen language', () => {
    const fixture = TestBed.createComponent(FieldNotes);
    fixture.componentRef.setInput('comments', [{ by: 'Lãnh đạo', at: '2025-10-01T08:00:00Z', text: 'Ghi rõ thời hạn', field: 'tasks.0.timeframe' }]);
    fixture.componentRef.setInput('errors', [{ vi: 'Bắt buộc', en: 'Required' }]);
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=field-comment]')?.textContent).toContain('Ghi rõ thời hạn');
    expect(el.querySelector('[data-testid=field-comment]')?.textContent).toContain('01/10/2025');
    expect(el.querySelector('[data-testid=field-error]')?.textContent).toContain('Bắt buộc');
    TestBed.inject(I18nService).lang.set('en');
    fixture.detectChanges();
    expect(el.querySelector('[data-testid=field-error]')?.textContent).toContain('Required');
    TestBed.inject(I18nService).lang.set('vi');
  });
});
