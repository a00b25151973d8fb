import { ChangeDetectionStrategy, Component, inject, input, output, signal } from '@angular/core';
import type { IndicatorImportResultDto } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { ReportingApi, reportingProblem } from '../data-access';
import { ReportTextPipe, useReportText } from '../reports.messages';
import { say } from '../shared/format';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The focal unit imports the indicator values of a period from an XLSX file laid out as the
 * indicator-values export (multipart POST), and sees what was applied, unchanged and rejected (row, field, why).
 */
@Component({
  selector: 'dh-indicator-import',
  imports: [ReportTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../shared/reports.css',
  template: `
    <form class="dh-form" novalidate (submit)="$event.preventDefault(); send()" data-testid="import-form">
      <label class="dh-l">{{ 'import.file' | rt }}
        <input type="file" [accept]="accept" (change)="pick($any($event.target).files)" data-testid="import-file" />
      </label>
      <p class="dh-muted">{{ 'import.hint' | rt }}</p>
      @if (error(); as e) { <p class="dh-alert" role="alert" data-testid="import-error">{{ e }}</p> }
      <div class="dh-row-actions">
        <button type="submit" class="dh-button" [disabled]="busy() || !file()" data-testid="import-send">{{ 'import.send' | rt }}</button>
        @if (busy()) { <span role="status">{{ 'import.sending' | rt }}</span> }
      </div>
    </form>
    @if (result(); as res) {
      <div role="status" data-testid="import-result">
        <p class="dh-notice">{{ 'import.summary' | rt: { applied: res.applied, unchanged: res.unchanged, rejected: res.rejected.length } }}</p>
        @if (res.rejected.length) {
          <div class="dh-table-wrap">
            <table class="dh-table dh-stack" data-testid="import-rejected">
              <caption class="dh-visually-hidden">{{ 'import.rejected' | rt }}</caption>
              <thead><tr><th scope="col" class="dh-n">{{ 'import.row' | rt }}</th><th scope="col">{{ 'import.unit' | rt }}</th><th scope="col">{{ 'import.field' | rt }}</th><th scope="col">{{ 'import.message' | rt }}</th></tr></thead>
              <tbody>
                @for (x of res.rejected; track $index) {
                  <tr data-testid="import-rejected-row">
                    <td class="dh-n" [attr.data-label]="'import.row' | rt">{{ x.row }}</td>
                    <td [attr.data-label]="'import.unit' | rt">{{ x.unitCode ?? '—' }}</td>
                    <td [attr.data-label]="'import.field' | rt">{{ x.field }}</td>
                    <td [attr.data-label]="'import.message' | rt">{{ text(x.message) }}</td>
                  </tr>
                }
              </tbody>
            </table>
          </div>
        }
      </div>
    }
  `,
})
export class IndicatorImport {
  private readonly api = inject(ReportingApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();
  readonly periodId = input.required<string>();
  readonly imported = output<IndicatorImportResultDto>();
  protected readonly accept = `.xlsx,${XLSX}`;
  protected readonly file = signal<File | null>(null);
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly result = signal<IndicatorImportResultDto | null>(null);

  protected pick(files: FileList | null): void {
    const f = files?.[0] ?? null;
    this.error.set(null);
    this.result.set(null);
    if (f && !/\.xlsx$/i.test(f.name)) {
      this.file.set(null);
      this.error.set(this.t('import.notXlsx'));
      return;
    }
    this.file.set(f);
  }

  protected text(m: { vi: string; en: string }): string {
    return say(this.i18n.lang(), m);
  }

  send(): void {
    const f = this.file();
    if (!f || this.busy()) return;
    this.busy.set(true);
    this.error.set(null);
    this.api.importIndicatorValues(this.periodId(), f, f.name).subscribe({
      next: (res) => {
        this.busy.set(false);
        this.result.set(res);
        this.imported.emit(res);
      },
      error: (e) => {
        this.busy.set(false);
        this.error.set(this.t('action.failed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }));
      },
    });
  }
}
