import { Directive, inject, signal } from '@angular/core';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import type { Observable } from 'rxjs';
import { isConflict, reportingProblem } from '../data-access';
import { useReportText } from '../reports.messages';
import { say } from './format';

/**
 * What a unit report's page and the consolidated report's page share: loading one report, the messages after an
 * action, and what a refused action does — a version conflict reloads the report and says so (the edits are not
 * kept), anything else says why with the fields at fault.
 */
@Directive()
export abstract class ReportPage<T> {
  protected readonly i18n = inject(I18nService);
  protected readonly t = useReportText();

  protected readonly missing = signal<string | null>(null);
  protected readonly errors = signal<Record<string, string>>({});
  protected readonly notice = signal<string | null>(null);
  protected readonly error = signal<string | null>(null);
  protected readonly conflict = signal(false);
  protected readonly busy = signal(false);
  protected readonly dialog = signal<'return' | 'reopen' | null>(null);

  /** The report shown now, if any. */
  protected abstract current(): T | null;
  /** Shows a report (and resets its draft). */
  protected abstract replace(report: T): void;
  /** Fetches the report with this id. */
  protected abstract fetch(id: string): Observable<T>;
  /** The id of the report on the page. */
  protected abstract currentId(): string;

  protected clearMessages(): void {
    this.notice.set(null);
    this.error.set(null);
    this.conflict.set(false);
  }

  protected fail(e: unknown): void {
    this.busy.set(false);
    if (isConflict(e)) {
      this.dialog.set(null);
      this.conflict.set(true);
      this.load(this.currentId());
      return;
    }
    const p = reportingProblem(e);
    const fields = Object.values(p.fields).map((m) => say(this.i18n.lang(), m));
    this.error.set(this.t('action.failed', { detail: [say(this.i18n.lang(), p.message), ...fields].join(' · ') }));
  }

  protected load(id: string): void {
    this.fetch(id).subscribe({
      next: (r) => {
        this.missing.set(null);
        this.replace(r);
      },
      error: (e) => {
        if (this.current()) return;
        this.missing.set(this.t('common.loadFailed', { detail: say(this.i18n.lang(), reportingProblem(e).message) }));
      },
    });
  }
}
