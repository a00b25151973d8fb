import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { formatTimeframeVi, parseTimeframe } from '@dieu-hanh/shared/util-timeframe';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/** A timeframe as the platform reads it, shown back while it is typed (dd/MM/yyyy, "Thường xuyên", …). */
@Component({
  selector: 'dh-timeframe-preview',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <p class="dh-tf" [class.dh-tf-unknown]="read()?.unknown" aria-live="polite" data-testid="timeframe-preview">
      @if (read(); as r) {
        @if (r.unknown) {
          <span aria-hidden="true">⚠ </span>{{ 'timeframe.unknown' | t }}
        } @else {
          {{ 'timeframe.read' | t }}: <strong>{{ r.text }}</strong>
        }
      }
    </p>
  `,
  styles: `
    .dh-tf { margin: .2rem 0 0; font-size: .82rem; color: var(--dh-ok); min-height: 1em; }
    .dh-tf-unknown { color: var(--dh-warn); background: #fff4e0; border-left: 3px solid var(--dh-warn); padding: .2rem .5rem; }
  `,
})
export class TimeframePreview {
  readonly text = input<string | null | undefined>('');
  readonly year = input<number | null | undefined>(null);
  protected readonly read = computed(() => {
    const text = (this.text() ?? '').trim();
    if (!text) return null;
    const planYear = Number(this.year()) || new Date().getFullYear();
    const t = parseTimeframe(text, { planYear });
    return t.kind === 'unknown' ? { unknown: true, text } : { unknown: false, text: formatTimeframeVi(t) };
  });
}
