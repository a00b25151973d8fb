import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { ImplementingPlansDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/** For the plan's focal unit and leaders: which assigned units have issued their implementing plans (x/y). */
@Component({
  selector: 'dh-implementing-panel',
  imports: [RouterLink, TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <section class="dh-panel" aria-labelledby="dh-impl-h" data-testid="implementing-panel">
      <h2 id="dh-impl-h">{{ 'impl.title' | t }}</h2>
      @if (failed()) {
        <p class="dh-empty">{{ 'error.load' | t }}</p>
      } @else if (data(); as d) {
        <p data-testid="implementing-count"><strong>{{ 'impl.count' | t: { issued: d.issuedCount, total: d.total } }}</strong></p>
        <progress [value]="d.issuedCount" [max]="d.total || 1" [attr.aria-label]="'impl.count' | t: { issued: d.issuedCount, total: d.total }"></progress>
        <details [open]="d.units.length <= 10">
          <summary>{{ 'impl.unit' | t }} ({{ d.units.length }})</summary>
          <ul>
            @for (u of d.units; track u.unitCode) {
              <li>
                {{ u.unitName }}:
                @if (u.plan; as pl) {
                  <a [routerLink]="['..', pl.id]">@if (pl.number) { {{ pl.number }}/{{ pl.symbol }} — }{{ pl.title }}</a>
                  <span class="dh-chip">{{ 'plans.status.' + pl.status | t }}</span>
                  @if (pl.issueDate) { {{ pl.issueDate | dmy }} }
                } @else {
                  <span class="dh-muted">{{ 'impl.notYet' | t }}</span>
                }
              </li>
            }
          </ul>
        </details>
      } @else {
        <p role="status">…</p>
      }
    </section>
  `,
  styles: `
    .dh-panel { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .5rem 1rem; margin: 0 0 1rem; }
    h2 { font-size: 1rem; margin: .3rem 0; }
    progress { width: 100%; max-width: 24rem; }
    ul { padding-left: 1.1rem; font-size: .88rem; max-height: 20rem; overflow: auto; }
    .dh-muted { color: var(--dh-muted); }
  `,
})
export class ImplementingPanel {
  private readonly api = inject(ApiClient);
  readonly planId = input.required<string>();
  protected readonly data = signal<ImplementingPlansDto | null>(null);
  protected readonly failed = signal(false);

  constructor() {
    effect(() => {
      this.api.implementingPlans(this.planId()).subscribe({
        next: (d) => this.data.set(d),
        error: () => this.failed.set(true),
      });
    });
  }
}
