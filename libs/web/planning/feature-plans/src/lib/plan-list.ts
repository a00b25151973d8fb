import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { catchError, of } from 'rxjs';

/** The plans the caller may see (the API decides), newest first. */
@Component({
  selector: 'dh-plan-list',
  imports: [RouterLink, TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <h1 class="dh-page-title">{{ 'plans.title' | t }}</h1>
    @if (plans(); as res) {
      @if (res.items.length === 0) {
        <p class="dh-empty">{{ 'plans.none' | t }}</p>
      } @else {
        <ul class="dh-plans" data-testid="plan-list">
          @for (p of res.items; track p.id) {
            <li>
              <a [routerLink]="[p.id]">{{ p.title }}</a>
              <span class="dh-meta">
                @if (p.number) { <strong>{{ p.number }}/{{ p.symbol }}</strong> · }
                <span class="dh-chip">{{ 'plans.status.' + p.status | t }}</span>
                {{ 'plans.tasks' | t: { count: p.taskCount } }}
                @if (p.issueDate) { · {{ 'plans.issued' | t: { date: (p.issueDate | dmy) } }} }
              </span>
            </li>
          }
        </ul>
      }
    } @else {
      <p role="status">…</p>
    }
  `,
  styles: `
    .dh-plans { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
    .dh-plans li { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .8rem 1rem; }
    .dh-plans a { font-weight: 600; }
    .dh-meta { display: block; margin-top: .35rem; color: var(--dh-muted); font-size: .85rem; }
  `,
})
export class PlanList {
  protected readonly plans = toSignal(inject(ApiClient).plans().pipe(catchError(() => of({ items: [], total: 0, limit: 0, offset: 0 }))));
}
