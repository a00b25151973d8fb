import { ChangeDetectionStrategy, Component, DestroyRef, InjectionToken, computed, inject, input, signal } from '@angular/core';
import type { ExportFormat, ExportJobDto, ExportSubject } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { ReportingApi, reportingProblem } from '../data-access';
import { say } from '../shared/format';
import { ReportTextPipe, useReportText } from '../reports.messages';

/** How often a running export is asked for its progress. */
export const EXPORT_POLL_MS = new InjectionToken<number>('EXPORT_POLL_MS', { providedIn: 'root', factory: () => 700 });
/** After this long without a finished file, the button gives up and says so. */
export const EXPORT_GIVE_UP_MS = new InjectionToken<number>('EXPORT_GIVE_UP_MS', { providedIn: 'root', factory: () => 5 * 60_000 });

/** Saves a blob under a name through a temporary object URL and an `<a download>`. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/**
 * One export (DOCX, PDF, XLSX) run as a job: POST /reporting/exports, then GET /reporting/exports/:id every
 * EXPORT_POLL_MS with a progress bar, then the file from /reporting/exports/:id/file through the
 * authenticated client (the API wants the bearer token), saved under the job's file name.
 */
@Component({
  selector: 'dh-export-button',
  imports: [ReportTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <span class="dh-export" [attr.data-testid]="'export-' + format()">
      <button type="button" class="dh-button dh-secondary" (click)="start()" [disabled]="running()" [attr.aria-label]="aria()" data-testid="export-start">
        {{ label() || ('export.' + format() | rt) }}
      </button>
      @if (job(); as j) {
        @if (running()) {
          <span class="dh-progress" role="status" data-testid="export-progress">
            <progress max="100" [value]="j.progress" [attr.aria-label]="'export.progress' | rt: { percent: j.progress }"></progress>
            {{ 'export.progress' | rt: { percent: j.progress } }}
          </span>
        }
      }
      @if (done(); as d) { <span class="dh-notice" role="status" data-testid="export-done">{{ 'export.done' | rt: { name: d } }}</span> }
      @if (error(); as e) { <span class="dh-alert" role="alert" data-testid="export-error">{{ e }}</span> }
    </span>
  `,
  styles: `
    :host { display: inline-block; }
    .dh-export { display: inline-flex; flex-wrap: wrap; align-items: center; gap: .4rem; }
    .dh-button { font: inherit; font-size: .9rem; border: 1px solid var(--dh-primary); background: #fff; color: var(--dh-primary); border-radius: 6px; padding: .4rem .9rem; cursor: pointer; min-height: 2.4rem; }
    .dh-button:disabled { opacity: .6; cursor: default; }
    .dh-progress { display: inline-flex; align-items: center; gap: .35rem; font-size: .85rem; }
    progress { width: 7rem; height: .7rem; }
    .dh-notice { color: var(--dh-ok); font-size: .85rem; }
    .dh-alert { color: #8c1d18; font-size: .85rem; }
  `,
})
export class ExportButton {
  private readonly api = inject(ReportingApi);
  private readonly i18n = inject(I18nService);
  private readonly t = useReportText();
  private readonly pollMs = inject(EXPORT_POLL_MS);
  private readonly giveUpMs = inject(EXPORT_GIVE_UP_MS);

  readonly subject = input.required<ExportSubject>();
  /** The report's id, the plan's id (assignments) or the period's id (indicator values). */
  readonly targetId = input.required<string>();
  readonly format = input.required<ExportFormat>();
  /** The button's text; "Tải DOCX" etc. by default. */
  readonly label = input<string>('');
  /** What is exported, for screen readers ("Báo cáo Quý IV/2025"). */
  readonly describe = input<string>('');

  protected readonly job = signal<ExportJobDto | null>(null);
  protected readonly running = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly done = signal<string | null>(null);
  protected readonly aria = computed(() => {
    const what = this.describe();
    const base = this.label() || this.t(`export.${this.format()}`);
    return what ? `${base}: ${what}` : base;
  });

  private timer: ReturnType<typeof setTimeout> | null = null;
  private startedAt = 0;
  private destroyed = false;

  constructor() {
    inject(DestroyRef).onDestroy(() => {
      this.destroyed = true;
      if (this.timer) clearTimeout(this.timer);
    });
  }

  start(): void {
    if (this.running()) return;
    this.error.set(null);
    this.done.set(null);
    this.running.set(true);
    this.startedAt = Date.now();
    this.api.startExport({ subject: this.subject(), id: this.targetId(), format: this.format() }).subscribe({
      next: (j) => this.onJob(j),
      error: (e) => this.fail(say(this.i18n.lang(), reportingProblem(e).message)),
    });
  }

  private onJob(j: ExportJobDto): void {
    if (this.destroyed) return;
    this.job.set(j);
    if (j.status === 'done') return this.download(j);
    if (j.status === 'failed') return this.fail(j.error ? say(this.i18n.lang(), j.error) : this.t('export.failed'));
    if (Date.now() - this.startedAt > this.giveUpMs) return this.fail(this.t('export.tooLong'));
    this.timer = setTimeout(() => {
      this.timer = null;
      this.api.exportJob(j.id).subscribe({
        next: (next) => this.onJob(next),
        error: (e) => this.fail(say(this.i18n.lang(), reportingProblem(e).message)),
      });
    }, this.pollMs);
  }

  private download(j: ExportJobDto): void {
    const name = j.fileName ?? `bao-cao.${j.format}`;
    this.api.exportFile(j.id).subscribe({
      next: (blob) => {
        this.running.set(false);
        saveBlob(blob, name);
        this.done.set(name);
      },
      error: (e) => this.fail(say(this.i18n.lang(), reportingProblem(e).message)),
    });
  }

  private fail(message: string): void {
    this.running.set(false);
    this.error.set(this.t('export.error', { detail: message }));
  }
}
