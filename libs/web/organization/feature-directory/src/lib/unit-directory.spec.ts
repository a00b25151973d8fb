import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideNoopAnimations } from '@angular/platform-browser/animations';
import { provideRouter } from '@angular/router';
import { SHELL_CONFIG } from '@dieu-hanh/web/shared/auth';
import { UnitDirectory } from './unit-directory';

describe('UnitDirectory', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  it('searches as the user types and shows dates as dd/MM/yyyy', async () => {
    TestBed.configureTestingModule({
      imports: [UnitDirectory],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations(), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UnitDirectory);
    fixture.detectChanges();
    jest.advanceTimersByTime(250);
    http.expectOne((r) => r.url === 'http://api/units' && !r.params.has('q')).flush({ items: [], total: 0, limit: 100, offset: 0 });

    const input: HTMLInputElement = fixture.nativeElement.querySelector('[data-testid=unit-search]');
    input.value = 'phuong hoan kiem';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(250);
    http.expectOne((r) => r.params.get('q') === 'phuong hoan kiem').flush({
      items: [{ code: '00070', shortName: 'Phường Hoàn Kiếm', officialName: 'UBND phường Hoàn Kiếm', kind: 'commune', tier: 2, parentCode: '01-UBND', provinceCode: '01', validFrom: '2025-07-01', validTo: null, aliases: [], groupCodes: [] }],
      total: 1,
      limit: 100,
      offset: 0,
    });
    fixture.detectChanges();
    const text: string = fixture.nativeElement.textContent;
    expect(text).toContain('Phường Hoàn Kiếm');
    expect(text).toContain('01/07/2025');
    expect(text).toContain('1 đơn vị');
    http.verify();
  });

  it('says why a unit was found by a former unit’s name or another name', async () => {
    TestBed.configureTestingModule({
      imports: [UnitDirectory],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNoopAnimations(), { provide: SHELL_CONFIG, useValue: { apiUrl: 'http://api' } }],
    });
    const http = TestBed.inject(HttpTestingController);
    const fixture = TestBed.createComponent(UnitDirectory);
    fixture.detectChanges();
    jest.advanceTimersByTime(250);
    http.expectOne((r) => r.url === 'http://api/units' && !r.params.has('q')).flush({ items: [], total: 0, limit: 100, offset: 0 });
    const input: HTMLInputElement = fixture.nativeElement.querySelector('[data-testid=unit-search]');
    input.value = 'Sở TT&TT';
    input.dispatchEvent(new Event('input'));
    jest.advanceTimersByTime(250);
    const unit = { officialName: 'x', kind: 'department', tier: 1, parentCode: '01-UBND', provinceCode: '01', validFrom: '2008-08-01', validTo: null, aliases: [], groupCodes: [] };
    http.expectOne((r) => r.params.get('q') === 'Sở TT&TT').flush({
      items: [
        { ...unit, code: '01-SKHCN', shortName: 'Sở Khoa học và Công nghệ',
          matched: { via: 'predecessor', text: 'Sở TT&TT', predecessorCode: '01-STTTT', predecessorName: 'Sở Thông tin và Truyền thông', successionKind: 'merged-into', effectiveDate: '2025-03-01' } },
        { ...unit, code: '01-SGDDT', shortName: 'Sở Giáo dục và Đào tạo', matched: { via: 'alias', text: 'Sở GD&ĐT' } },
        { ...unit, code: '01-SXD', shortName: 'Sở Xây dựng' },
      ],
      total: 3,
      limit: 100,
      offset: 0,
    });
    fixture.detectChanges();
    const el: HTMLElement = fixture.nativeElement;
    expect(el.querySelector('[data-testid=unit-match-01-SKHCN]')?.textContent?.trim()).toBe(
      'Tìm thấy theo “Sở TT&TT”: kế thừa Sở Thông tin và Truyền thông từ 01/03/2025 (hợp nhất)',
    );
    expect(el.querySelector('[data-testid=unit-match-01-SGDDT]')?.textContent?.trim()).toBe('Tìm thấy theo tên gọi khác “Sở GD&ĐT”');
    expect(el.querySelector('[data-testid=unit-match-01-SXD]')).toBeNull();
    http.verify();
  });
});
