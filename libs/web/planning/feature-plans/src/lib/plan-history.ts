import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import type { PlanHistoryEntryDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { I18nService, TranslatePipe, formatDmy } from '@dieu-hanh/web/shared/i18n';

/** The plan's history from the event log: when, what, who, from which unit. */
@Component({
  selector: 'dh-plan-history',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (failed()) {
      <p role="alert">{{ 'error.load' | t }}</p>
    } @else if (entries(); as list) {
      @if (list.length === 0) {
        <p class="dh-empty">{{ 'history.none' | t }}</p>
      } @else {
        <table class="dh-table" data-testid="plan-history">
          <thead>
            <tr>
              <th scope="col">{{ 'history.at' | t }}</th>
              <th scope="col">{{ 'history.event' | t }}</th>
              <th scope="col">{{ 'history.actor' | t }}</th>
              <th scope="col">{{ 'history.unit' | t }}</th>
              <th scope="col">{{ 'history.detail' | t }}</th>
            </tr>
          </thead>
          <tbody>
            @for (e of list; track $index) {
              <tr>
                <td>{{ when(e.at) }}</td>
                <td>{{ label(e.type) }}</td>
                <td>{{ e.actor }}</td>
                <td>{{ unitName(e.unitCode) }}</td>
                <td>{{ detail(e) }}</td>
              </tr>
            }
          </tbody>
        </table>
      }
    } @else {
      <p role="status">…</p>
    }
  `,
  styles: `
    .dh-table { width: 100%; border-collapse: collapse; background: #fff; font-size: .88rem; }
    .dh-table th, .dh-table td { text-align: left; padding: .4rem .6rem; border-bottom: 1px solid var(--dh-line); }
    .dh-table th { background: #e9eff5; }
  `,
})
export class PlanHistory {
  private readonly api = inject(ApiClient);
  private readonly i18n = inject(I18nService);
  readonly planId = input.required<string>();
  readonly names = input<Record<string, string>>({});
  protected readonly entries = signal<PlanHistoryEntryDto[] | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      this.api.planHistory(this.planId()).subscribe({
        next: (h) => this.entries.set(h),
        error: () => this.failed.set(true),
      });
    });
  }

  protected unitName(code: string | null): string {
    return code ? (this.names()[code] as string | undefined) ?? code : '';
  }

  /** What the entry says beyond its type: an amendment's reason, a return's comments, an issue's number. */
  protected detail(e: PlanHistoryEntryDto): string {
    const p = e.payload as { reason?: unknown; comments?: { text?: unknown }[]; symbol?: unknown; from?: unknown; to?: unknown };
    if (e.type.endsWith('plan-amended') && typeof p.reason === 'string') return p.reason;
    if (e.type.endsWith('plan-returned') && Array.isArray(p.comments)) return p.comments.map((c) => String(c.text ?? '')).join('; ');
    if (e.type.endsWith('plan-issued') && typeof p.symbol === 'string') return p.symbol;
    if (e.type.endsWith('plan-focal-unit-succeeded') && typeof p.to === 'string') return `${this.unitName(String(p.from))} → ${this.unitName(p.to)}`;
    return '';
  }

  /** dd/MM/yyyy HH:mm in the browser's time zone. */
  protected when(at: string): string {
    const d = new Date(at);
    if (Number.isNaN(d.getTime())) return at;
    return `${formatDmy(d)} ${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
  }

  /** A Vietnamese label for the event type ("PlanIssued", "plan.issued" → "Ban hành"); the type itself when unknown. */
  protected label(type: string): string {
    // Event types name their context first ("planning.plan-issued"): the label is about the plan.
    const pascal = type
      .replace(/^planning\./, '')
      .split(/[._-]/)
      .filter(Boolean)
      .map((w) => w[0].toUpperCase() + w.slice(1))
      .join('');
    const key = `history.type.${pascal}`;
    const text = this.i18n.t(key);
    return text === key ? type : text;
  }
}
