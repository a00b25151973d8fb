import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import type { MyAssignmentsDto, PlanSummaryDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { catchError, map, of } from 'rxjs';
import { PlanCard } from './plan-card';

/** What concerns my unit (a commune first): my assignments, and the plans where it leads or coordinates tasks. */
@Component({
  selector: 'dh-my-work',
  imports: [RouterLink, TranslatePipe, DmyPipe, PlanCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="..">← {{ 'plans.back' | t }}</a>
    <h1 class="dh-page-title">{{ 'my.title' | t }}</h1>
    <section aria-labelledby="dh-my-a">
      <h2 id="dh-my-a">{{ 'my.assignments' | t }} @if (assignments(); as a) { ({{ a.total }}) }</h2>
      @if (assignments(); as a) {
        @if (a.items.length === 0) {
          <p class="dh-empty">{{ 'my.none' | t }}</p>
        } @else {
          <ul class="dh-cards" data-testid="my-assignments">
            @for (x of a.items; track x.id) {
              <li>
                <a [routerLink]="['..', x.planId, 'giao-viec', x.id]">{{ x.taskContent }}</a>
                <span class="dh-meta">
                  <span class="dh-chip">{{ (x.role === 'lead' ? 'plans.lead' : 'plans.coordinator') | t }}</span>
                  <a [routerLink]="['..', x.planId]">{{ x.planSymbol ? x.planSymbol + ' — ' : '' }}{{ x.planTitle }}</a>
                  @if (x.due) { · {{ 'my.due' | t: { date: (x.due | dmy) } }} } @else if (x.timeframe) { · {{ x.timeframe }} }
                </span>
              </li>
            }
          </ul>
        }
      } @else {
        <p role="status">…</p>
      }
    </section>
    @for (g of groups; track g.role) {
      <section [attr.aria-labelledby]="'dh-my-' + g.role">
        <h2 [id]="'dh-my-' + g.role">{{ g.key | t }}</h2>
        @if (g.plans(); as list) {
          @if (list.length === 0) {
            <p class="dh-empty">{{ 'my.none' | t }}</p>
          } @else {
            <ul class="dh-cards" [attr.data-testid]="'my-plans-' + g.role">
              @for (p of list; track p.id) {
                <li><dh-plan-card [plan]="p" [link]="['..', p.id]" /></li>
              }
            </ul>
          }
        } @else {
          <p role="status">…</p>
        }
      </section>
    }
  `,
  styles: `
    h2 { font-size: 1.05rem; color: var(--dh-primary); margin: 1rem 0 .5rem; }
    .dh-cards { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem; }
    .dh-cards li { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .7rem 1rem; }
    .dh-cards > li > a { font-weight: 600; }
    .dh-meta { display: block; margin-top: .3rem; color: var(--dh-muted); font-size: .85rem; }
  `,
})
export class MyWork {
  private readonly api = inject(ApiClient);
  protected readonly assignments = toSignal(this.api.myAssignments().pipe(catchError(() => of<MyAssignmentsDto>({ items: [], total: 0 }))));
  private readonly byRole = (role: 'lead' | 'coordinator') =>
    toSignal(
      this.api.plans({ role }).pipe(
        map((r) => r.items),
        catchError(() => of([] as PlanSummaryDto[])),
      ),
    );
  protected readonly groups = [
    { role: 'lead', key: 'my.lead', plans: this.byRole('lead') },
    { role: 'coordinator', key: 'my.coordinator', plans: this.byRole('coordinator') },
  ];
}
