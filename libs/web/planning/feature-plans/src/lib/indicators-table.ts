import { ChangeDetectionStrategy, Component, inject, input } from '@angular/core';
import type { PlanIndicatorDto, UnitRefDto } from '@dieu-hanh/shared/contracts';
import type { IndicatorTarget } from '@dieu-hanh/shared/util-indicator-target';
import { I18nService, TranslatePipe, formatNumberVi } from '@dieu-hanh/web/shared/i18n';
import { UnitRefs } from './unit-refs';

const CMP: Record<string, string> = { '=': '=', '>': '>', '>=': '≥', '<': '<', '<=': '≤', '~': '≈' };

/** A parsed target in a compact form: "≥ 85 %", "7–7,5 %", "tốp 5"; the warning when not understood. */
export function describeTarget(t: IndicatorTarget, top: (n: number) => string): string | null {
  const unit = (u: string | null) => (u ? (u === '%' ? '%' : ` ${u}`) : '');
  switch (t.kind) {
    case 'value':
      return `${CMP[t.comparator] ?? t.comparator} ${formatNumberVi(t.value, 2)}${unit(t.unit)}`;
    case 'range':
      return `${formatNumberVi(t.min, 2)}–${formatNumberVi(t.max, 2)}${unit(t.unit)}`;
    case 'rank':
      return top(t.top);
    case 'multi':
      return t.parts.map((p) => `${p.label}: ${describeTarget(p.target, top) ?? p.target.text}`).join('; ');
    default:
      return null;
  }
}

/**
 * The plan's indicators: name, section, yearly targets (as written and as read), focal and implementing units.
 * A table on wide screens; on a phone (≤ 600 px) each indicator is a card whose fields carry their column's name.
 */
@Component({
  selector: 'dh-indicators-table',
  imports: [TranslatePipe, UnitRefs],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dh-scroll">
      <table class="dh-table" data-testid="indicators">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{{ 'viewer.indicator.name' | t }}</th>
            <th scope="col">{{ 'viewer.indicator.targets' | t }}</th>
            <th scope="col">{{ 'viewer.indicator.focal' | t }}</th>
            <th scope="col">{{ 'viewer.indicator.implementing' | t }}</th>
          </tr>
        </thead>
        <tbody>
          @for (ind of indicators(); track ind.id) {
            <tr>
              <td class="dh-ord">{{ ind.section ?? '' }} {{ ind.ordinal }}</td>
              <td class="dh-name">{{ ind.name }}</td>
              <td [attr.data-label]="'viewer.indicator.targets' | t">
                <ul>
                  @for (x of ind.targets; track x.year) {
                    <li>
                      <strong>{{ x.year }}:</strong> {{ x.text }}
                      @if (read(x.parsed); as r) {
                        <span class="dh-read">({{ r }})</span>
                      } @else {
                        <span class="dh-warn">⚠ {{ 'target.unknown' | t }}</span>
                      }
                    </li>
                  }
                </ul>
              </td>
              <td [attr.data-label]="'viewer.indicator.focal' | t"><dh-unit-refs [refs]="refs(ind.focal)" [names]="names()" /></td>
              <td [attr.data-label]="'viewer.indicator.implementing' | t"><dh-unit-refs [refs]="refs(ind.implementing)" [names]="names()" /></td>
            </tr>
          }
        </tbody>
      </table>
    </div>
  `,
  styles: `
    .dh-scroll { overflow-x: auto; }
    .dh-table { width: 100%; border-collapse: collapse; background: #fff; font-size: .86rem; }
    .dh-table th, .dh-table td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--dh-line); }
    .dh-table th { background: #e9eff5; }
    .dh-table td.dh-ord { white-space: nowrap; }
    ul { list-style: none; margin: 0; padding: 0; }
    .dh-read { color: var(--dh-ok); }
    .dh-warn { color: var(--dh-warn); }
    @media (max-width: 600px) {
      .dh-table, .dh-table tbody, .dh-table tr, .dh-table td { display: block; width: auto; }
      .dh-table { background: transparent; font-size: .9rem; }
      .dh-table thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
      .dh-table tr { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; margin: 0 0 .6rem; padding: .5rem .75rem; }
      .dh-table td { border: 0; padding: .2rem 0; overflow-wrap: anywhere; }
      /* Number and name open the card on one line. */
      .dh-table td.dh-ord, .dh-table td.dh-name { display: inline; padding: 0; }
      .dh-table td.dh-ord { font-weight: 600; color: var(--dh-muted); margin-right: .35rem; }
      .dh-table td.dh-name { font-weight: 600; }
      .dh-table td.dh-name::after { content: ''; display: block; margin-bottom: .25rem; }
      .dh-table td[data-label]::before { content: attr(data-label); display: block; font-size: .78rem; font-weight: 600; color: var(--dh-muted); }
    }
  `,
})
export class IndicatorsTable {
  private readonly i18n = inject(I18nService);
  readonly indicators = input<PlanIndicatorDto[]>([]);
  readonly names = input<Record<string, string>>({});

  protected read(t: IndicatorTarget | null | undefined): string | null {
    return t ? describeTarget(t, (n) => this.i18n.t('target.top', { n })) : null;
  }
  protected refs(list: UnitRefDto[] | null | undefined): UnitRefDto[] {
    return list ?? [];
  }
}
