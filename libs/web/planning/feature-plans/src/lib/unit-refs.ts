import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import type { UnitRefDto } from '@dieu-hanh/shared/contracts';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/** Units and groups by name (the plan's names map); a pending reference as "Chờ xác định: …", in a warning style. */
@Component({
  selector: 'dh-unit-refs',
  imports: [TranslatePipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @for (r of refs(); track $index; let last = $last) {
      @if (pending(r); as text) {
        <span class="dh-pending" data-testid="pending-ref"><span aria-hidden="true">⚠ </span>{{ 'units.pending' | t: { text } }}</span>
      } @else {
        <span>{{ name(r) }}</span>
      }
      @if (!last) { <span aria-hidden="true">; </span> }
    }
  `,
  styles: `.dh-pending { color: var(--dh-warn); background: #fff4e0; border: 1px solid var(--dh-warn); border-radius: 4px; padding: 0 .3rem; }`,
})
export class UnitRefs {
  readonly refs = input<UnitRefDto[]>([]);
  readonly names = input<Record<string, string>>({});

  protected pending(r: UnitRefDto): string | null {
    return 'pending' in r ? r.pending : null;
  }
  protected name(r: UnitRefDto): string {
    if ('pending' in r) return r.pending;
    const code = 'unit' in r ? r.unit : r.group;
    return this.names()[code] ?? r.asWritten ?? code;
  }
}
