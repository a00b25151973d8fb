import { ChangeDetectionStrategy, Component, inject, input, signal, effect } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { SuccessorChainDto, UnitDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { forkJoin } from 'rxjs';

/** One unit: names, kind, validity and, for merged units, who is responsible now. */
@Component({
  selector: 'dh-unit-detail',
  imports: [RouterLink, TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="..">← {{ 'dir.back' | t }}</a>
    @if (missing()) {
      <p role="alert">{{ 'dir.notFound' | t }}</p>
    }
    @if (unit(); as u) {
      <h1 class="dh-page-title">{{ u.officialName }}</h1>
      <dl class="dh-facts">
        <dt>{{ 'dir.code' | t }}</dt><dd><code>{{ u.code }}</code></dd>
        <dt>{{ 'dir.kind' | t }}</dt><dd>{{ 'kind.' + u.kind | t }}</dd>
        <dt>{{ 'dir.tier' | t }}</dt><dd>{{ (u.tier === 1 ? 'auth.tier1' : 'auth.tier2') | t }}</dd>
        <dt>{{ 'dir.validFrom' | t }}</dt><dd>{{ u.validFrom | dmy }}@if (u.validTo) { – {{ u.validTo | dmy }} }</dd>
        @if (u.aliases.length) {
          <dt>{{ 'dir.aliases' | t }}</dt>
          <dd>@for (a of u.aliases; track a) {<span class="dh-chip">{{ a }}</span>}</dd>
        }
      </dl>
      @if (chain()?.chain?.length) {
        <h2>{{ 'dir.successors' | t }}</h2>
        <ol>
          @for (l of chain()!.chain; track l.predecessorCode) {
            <li>{{ l.predecessorCode }} → <a [routerLink]="['..', l.successorCode]">{{ l.successorCode }}</a> ({{ l.effectiveDate | dmy }})</li>
          }
        </ol>
        <p>{{ 'dir.current' | t }}: <strong>{{ chain()!.currentUnitCode }}</strong></p>
      }
    }
  `,
  styles: `
    .dh-facts { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; background: #fff; padding: 1rem; border: 1px solid var(--dh-line); border-radius: 8px; }
    dt { font-weight: 600; color: var(--dh-muted); }
    dd { margin: 0; }
    h2 { font-size: 1.05rem; color: var(--dh-primary); }
  `,
})
export class UnitDetail {
  private readonly api = inject(ApiClient);
  readonly code = input.required<string>();
  protected readonly unit = signal<UnitDto | null>(null);
  protected readonly chain = signal<SuccessorChainDto | null>(null);
  protected readonly missing = signal(false);

  constructor() {
    effect(() => {
      const code = this.code();
      forkJoin([this.api.unit(code), this.api.successors(code)]).subscribe({
        next: ([u, c]) => {
          this.missing.set(false);
          this.unit.set(u);
          this.chain.set(c);
        },
        error: () => {
          this.unit.set(null);
          this.missing.set(true);
        },
      });
    });
  }
}
