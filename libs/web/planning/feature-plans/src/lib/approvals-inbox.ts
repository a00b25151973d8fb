import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { catchError, map, of } from 'rxjs';
import { PlanCard } from './plan-card';

/** The leader's approvals inbox: plans submitted for approval, oldest first, each opening the viewer. */
@Component({
  selector: 'dh-approvals-inbox',
  imports: [RouterLink, TranslatePipe, PlanCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="..">← {{ 'plans.back' | t }}</a>
    <h1 class="dh-page-title">{{ 'inbox.title' | t }}</h1>
    @if (plans(); as list) {
      @if (list.length === 0) {
        <p class="dh-empty">{{ 'inbox.none' | t }}</p>
      } @else {
        <ul class="dh-plans" data-testid="approvals">
          @for (p of list; track p.id) {
            <li><dh-plan-card [plan]="p" [link]="['..', p.id]" /></li>
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
  `,
})
export class ApprovalsInbox {
  protected readonly plans = toSignal(
    inject(ApiClient)
      .plans({ status: 'submitted' })
      .pipe(
        map((r) => r.items),
        catchError(() => of([])),
      ),
  );
}
