import { ChangeDetectionStrategy, Component, type OnDestroy, computed, effect, inject, input, output, signal, untracked } from '@angular/core';
import type { AssignmentWorkDto, BilingualMessage, WorkStatus } from '@dieu-hanh/shared/contracts';
import { WORK_STATUSES } from '@dieu-hanh/shared/contracts';
import { I18nService } from '@dieu-hanh/web/shared/i18n';
import { useWorkText, WorkTextPipe } from '../my-work/work-text';
import { OfflineQueue, type QueuedUpdate, UpdateRefused } from '../offline';

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;
/** What the file pickers offer; the API checks the type on the content. */
export const EVIDENCE_ACCEPT = 'image/*,application/pdf,.docx,.xlsx';
const ALLOWED_EXT = /\.(pdf|docx|xlsx|jpe?g|png|webp|heic|heif)$/i;
const ALLOWED_TYPE = /^(image\/|application\/pdf$|application\/vnd\.openxmlformats-officedocument\.(wordprocessingml\.document|spreadsheetml\.sheet)$)/;

interface Picked {
  file: File;
  /** A preview for photos. */
  url: string | null;
}

/**
 * The progress update form: status, percent, note, result and evidence files (any file, or a photo
 * straight from the phone's camera). The update goes through the offline queue: sent now when there is a
 * connection, kept on the phone and sent later when there is none. A refusal shows the API's field
 * errors next to the fields; a stale version (409) hands the current state to the page.
 */
@Component({
  selector: 'dh-progress-form',
  imports: [WorkTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: './work-forms.css',
  template: `
    <form novalidate (submit)="$event.preventDefault(); send()" data-testid="progress-form" [attr.aria-busy]="busy()">
      <fieldset>
        <legend>{{ 'form.status' | wt }}</legend>
        <div class="dh-radios" role="radiogroup">
          @for (s of statuses; track s) {
            <label>
              <input type="radio" name="status" [value]="s" [checked]="status() === s" (change)="setStatus(s)" [attr.data-testid]="'progress-status-' + s" />
              {{ 'status.' + s | wt }}
            </label>
          }
        </div>
        @if (fieldError('status'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }
      </fieldset>

      <div>
        <label class="dh-l" for="dh-percent-{{ uid }}">{{ 'form.percent' | wt }}</label>
        <div class="dh-percent">
          <input id="dh-percent-{{ uid }}" type="number" inputmode="numeric" min="0" max="100" step="5" [value]="percent()" [disabled]="percentFixed()"
            (input)="setPercent($any($event.target).value)" [attr.aria-invalid]="!!fieldError('percent')" [attr.aria-describedby]="fieldError('percent') ? 'dh-percent-err-' + uid : null" data-testid="progress-percent" />
          <input type="range" min="0" max="100" step="5" [value]="percent()" [disabled]="percentFixed()" (input)="setPercent($any($event.target).value)" aria-hidden="true" tabindex="-1" />
        </div>
        @if (fieldError('percent'); as e) { <p class="dh-field-error" id="dh-percent-err-{{ uid }}" role="alert">{{ e }}</p> }
      </div>

      <label class="dh-l">{{ 'form.note' | wt }}
        <textarea maxlength="4000" [value]="note()" (input)="note.set($any($event.target).value)" [attr.aria-invalid]="!!fieldError('note')" data-testid="progress-note"></textarea>
      </label>
      @if (fieldError('note'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }

      <label class="dh-l">{{ 'form.result' | wt }}
        <textarea maxlength="4000" [value]="result()" (input)="result.set($any($event.target).value)" [attr.aria-invalid]="!!fieldError('result')" data-testid="progress-result"></textarea>
      </label>
      @if (fieldError('result'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }

      <div>
        <p class="dh-l" id="dh-files-label-{{ uid }}">{{ 'form.files' | wt }}</p>
        <div class="dh-files">
          <button type="button" class="dh-button dh-secondary" (click)="files.click()" [attr.aria-describedby]="'dh-files-label-' + uid" data-testid="progress-files-button">{{ 'form.chooseFiles' | wt }}</button>
          <input #files class="dh-visually-hidden" type="file" multiple [accept]="accept" tabindex="-1" aria-hidden="true" (change)="pick($event)" data-testid="progress-files" />
          <button type="button" class="dh-button dh-secondary" (click)="camera.click()" [attr.aria-label]="'form.cameraLabel' | wt" data-testid="progress-camera-button"><svg class="dh-svg" viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false"><path fill="currentColor" d="M9 3 7.2 5H4a2 2 0 0 0-2 2v11a2 2 0 0 0 2 2h16a2 2 0 0 0 2-2V7a2 2 0 0 0-2-2h-3.2L15 3H9zm3 4.5a5 5 0 1 1 0 10 5 5 0 0 1 0-10zm0 2a3 3 0 1 0 0 6 3 3 0 0 0 0-6z"/></svg> {{ 'form.camera' | wt }}</button>
          <input #camera class="dh-visually-hidden" type="file" accept="image/*" capture="environment" tabindex="-1" aria-hidden="true" (change)="pick($event)" data-testid="progress-camera" />
        </div>
        @if (fileErrors().length) {
          @for (e of fileErrors(); track e) { <p class="dh-field-error" role="alert">{{ e }}</p> }
        }
        @if (fieldError('evidenceIds'); as e) { <p class="dh-field-error" role="alert">{{ e }}</p> }
        @if (picked().length) {
          <ul class="dh-picked" data-testid="progress-picked">
            @for (p of picked(); track p.file) {
              <li>
                @if (p.url) { <img [src]="p.url" alt="" /> }
                <span class="dh-name">{{ p.file.name }} ({{ size(p.file.size) }})</span>
                <button type="button" class="dh-icon" (click)="unpick(p)" [attr.aria-label]="'form.removeFile' | wt: { name: p.file.name }">✕</button>
              </li>
            }
          </ul>
        }
      </div>

      @if (error(); as e) { <p class="dh-alert" role="alert" data-testid="progress-error">{{ e }}</p> }
      @if (notice(); as n) { <p [class]="queuedNotice() ? 'dh-queued' : 'dh-notice'" role="status" data-testid="progress-notice">{{ n }}</p> }
      <div class="dh-actions">
        <button type="submit" class="dh-button" [disabled]="busy()" data-testid="progress-send">{{ (busy() ? 'form.sending' : 'form.send') | wt }}</button>
      </div>
    </form>
  `,
})
export class ProgressForm implements OnDestroy {
  private readonly queue = inject(OfflineQueue);
  private readonly i18n = inject(I18nService);
  private readonly t = useWorkText();
  protected readonly uid = Math.random().toString(36).slice(2, 8);
  protected readonly statuses = WORK_STATUSES;
  protected readonly accept = EVIDENCE_ACCEPT;

  readonly work = input.required<AssignmentWorkDto>();
  /** The API accepted the update: its new state. */
  readonly updated = output<AssignmentWorkDto>();
  /** The update was kept on the phone. */
  readonly queued = output<QueuedUpdate>();
  /** 409: someone changed the assignment; the page reloads (with `current` when the API sent it). */
  readonly conflict = output<AssignmentWorkDto | null>();

  protected readonly status = signal<WorkStatus>('in-progress');
  protected readonly percent = signal(0);
  protected readonly note = signal('');
  protected readonly result = signal('');
  protected readonly picked = signal<Picked[]>([]);
  protected readonly fileErrors = signal<string[]>([]);
  protected readonly fields = signal<Record<string, BilingualMessage>>({});
  protected readonly error = signal<string | null>(null);
  protected readonly notice = signal<string | null>(null);
  protected readonly queuedNotice = signal(false);
  protected readonly busy = signal(false);
  protected readonly percentFixed = computed(() => this.status() === 'done' || this.status() === 'not-started');
  /** Files already uploaded by an attempt the API refused: the next attempt reuses their keys and ids. */
  private readonly uploaded = new Map<File, { key: string; evidenceId: string | null }>();
  private prefilledFor: string | null = null;

  constructor() {
    // Start from what the assignee last reported (once per assignment: a reload keeps what is typed).
    effect(() => {
      const w = this.work();
      untracked(() => this.prefill(w));
    });
  }

  ngOnDestroy(): void {
    for (const p of this.picked()) if (p.url) URL.revokeObjectURL(p.url);
  }

  private prefill(w: AssignmentWorkDto): void {
    if (this.prefilledFor === w.assignmentId) return;
    this.prefilledFor = w.assignmentId;
    this.status.set(w.status === 'not-started' ? 'in-progress' : w.status);
    this.percent.set(w.status === 'not-started' ? 0 : w.percent);
    this.result.set(w.result ?? '');
    this.note.set('');
  }

  protected setStatus(s: WorkStatus): void {
    this.status.set(s);
    if (s === 'done') this.percent.set(100);
    if (s === 'not-started') this.percent.set(0);
    this.clearField('status');
  }

  protected setPercent(v: string): void {
    const n = Number(v);
    this.percent.set(Number.isFinite(n) ? Math.round(n) : 0);
    this.clearField('percent');
  }

  protected pick(ev: Event): void {
    const input = ev.target as HTMLInputElement;
    const files = Array.from(input.files ?? []);
    const errors: string[] = [];
    const ok: Picked[] = [];
    for (const file of files) {
      if (file.size > MAX_EVIDENCE_BYTES) errors.push(this.t('form.fileTooBig', { name: file.name }));
      else if (!ALLOWED_EXT.test(file.name) && !ALLOWED_TYPE.test(file.type)) errors.push(this.t('form.fileType', { name: file.name }));
      else ok.push({ file, url: file.type.startsWith('image/') && typeof URL.createObjectURL === 'function' ? URL.createObjectURL(file) : null });
    }
    this.fileErrors.set(errors);
    this.picked.update((l) => [...l, ...ok]);
    input.value = '';
    this.clearField('evidenceIds');
  }

  protected unpick(p: Picked): void {
    if (p.url) URL.revokeObjectURL(p.url);
    this.picked.update((l) => l.filter((x) => x !== p));
    this.uploaded.delete(p.file);
  }

  protected fieldError(name: string): string | null {
    const m = this.fields()[name];
    return m ? this.say(m) : null;
  }

  protected size(bytes: number): string {
    return bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
  }

  async send(): Promise<void> {
    if (this.busy()) return;
    this.error.set(null);
    this.notice.set(null);
    const percent = this.percent();
    if (!Number.isInteger(percent) || percent < 0 || percent > 100) {
      this.fields.set({ percent: { vi: this.t('form.percentRange'), en: this.t('form.percentRange') } });
      return;
    }
    this.fields.set({});
    const w = this.work();
    const files = this.picked().map((p) => p.file);
    const update = this.queue.create(
      w.assignmentId,
      w.taskContent,
      { version: w.version, status: this.status(), percent, note: this.note().trim() || null, result: this.result().trim() || null },
      files,
    );
    // Reuse what an attempt the API refused already uploaded (same keys: no second file).
    update.files.forEach((f, i) => {
      const prior = this.uploaded.get(files[i]);
      if (prior) Object.assign(f, prior);
    });
    this.busy.set(true);
    try {
      const outcome = await this.queue.submit(update);
      this.reset();
      if (outcome.kind === 'sent') {
        this.queuedNotice.set(false);
        this.notice.set(this.t('form.sent'));
        this.updated.emit(outcome.result);
      } else {
        this.queuedNotice.set(true);
        this.notice.set(this.t('form.queued'));
        this.queued.emit(outcome.update);
      }
    } catch (err) {
      if (!(err instanceof UpdateRefused)) {
        this.error.set(this.t('form.failed', { detail: String(err) }));
        return;
      }
      err.update.files.forEach((f, i) => this.uploaded.set(files[i], { key: f.key, evidenceId: f.evidenceId }));
      const p = err.problem;
      if (p.status === 409 && p.code !== 'REQUEST.IDEMPOTENCY_IN_PROGRESS') {
        this.error.set(this.t('form.conflict'));
        this.conflict.emit(p.current);
        return;
      }
      this.fields.set(p.fields);
      this.error.set(this.t('form.failed', { detail: this.say(p.message) }));
    } finally {
      this.busy.set(false);
    }
  }

  private reset(): void {
    for (const p of this.picked()) if (p.url) URL.revokeObjectURL(p.url);
    this.picked.set([]);
    this.uploaded.clear();
    this.note.set('');
    this.fileErrors.set([]);
  }

  private clearField(name: string): void {
    if (this.fields()[name]) this.fields.update(({ [name]: _, ...rest }) => rest);
  }

  private say(m: BilingualMessage): string {
    return this.i18n.lang() === 'en' ? m.en : m.vi;
  }
}
