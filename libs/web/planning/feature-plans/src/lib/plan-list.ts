import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toObservable, toSignal } from '@angular/core/rxjs-interop';
import { RouterLink } from '@angular/router';
import { PLAN_STATUSES, type PlanListAction, type PlanListDto, type PlanStatusDto, type PlanSummaryDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { catchError, debounceTime, of, switchMap, tap } from 'rxjs';
import { PlanCard } from './plan-card';

type Role = PlanSummaryDto['myRoles'][number];
const ROLES: Role[] = ['drafting', 'focal', 'lead', 'coordinator', 'issuer'];
const EMPTY: PlanListDto = { items: [], total: 0, limit: 0, offset: 0, allowedActions: [] };

/**
 * The plans the caller may see (the API decides), newest first, filtered by status, year and my unit's
 * role. The links to draft, to the approvals inbox and to the unit's work follow the list's
 * `allowedActions` (the API's access policy), never the account's roles.
 */
@Component({
  selector: 'dh-plan-list',
  imports: [RouterLink, TranslatePipe, PlanCard],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="dh-head">
      <h1 class="dh-page-title">{{ 'plans.title' | t }}</h1>
      <span class="dh-links">
        @if (may('review')) { <a routerLink="cho-duyet" data-testid="inbox-link">{{ 'plans.inbox' | t }}</a> }
        @if (may('my-work')) { <a routerLink="nhiem-vu" data-testid="my-work-link">{{ 'plans.myWork' | t }}</a> }
        @if (may('draft')) { <a class="dh-button" routerLink="moi" data-testid="new-plan">+ {{ 'plans.new' | t }}</a> }
      </span>
    </div>
    <div class="dh-filters" role="search">
      <label>{{ 'plans.filter.q' | t }}
        <input type="search" class="dh-q" [value]="q()" (input)="q.set($any($event.target).value)" [placeholder]="'plans.filter.qHint' | t" data-testid="filter-q" />
      </label>
      <label>{{ 'plans.filter.status' | t }}
        <select (change)="status.set($any($event.target).value)" data-testid="filter-status">
          <option value="">{{ 'plans.filter.all' | t }}</option>
          @for (s of statuses; track s) { <option [value]="s" [selected]="s === status()">{{ 'plans.status.' + s | t }}</option> }
        </select>
      </label>
      <label>{{ 'plans.filter.year' | t }}
        <input type="number" min="2000" max="2100" [value]="year() ?? ''" (input)="setYear($any($event.target).value)" data-testid="filter-year" />
      </label>
      <label>{{ 'plans.filter.role' | t }}
        <select (change)="role.set($any($event.target).value)" data-testid="filter-role">
          <option value="">{{ 'plans.filter.all' | t }}</option>
          @for (r of roles; track r) { <option [value]="r" [selected]="r === role()">{{ 'plans.role.' + r | t }}</option> }
        </select>
      </label>
    </div>
    @if (plans(); as res) {
      <p class="dh-total" aria-live="polite">{{ 'plans.total' | t: { count: res.total } }}</p>
      @if (res.items.length === 0) {
        <p class="dh-empty">{{ 'plans.none' | t }}</p>
      } @else {
        <ul class="dh-plans" data-testid="plan-list">
          @for (p of res.items; track p.id) {
            <li><dh-plan-card [plan]="p" [link]="[p.id]" [showRoles]="true" /></li>
          }
        </ul>
      }
    } @else {
      <p role="status">…</p>
    }
  `,
  styles: `
    .dh-head { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: .5rem; }
    .dh-links { display: flex; gap: 1rem; align-items: center; flex-wrap: wrap; }
    .dh-button { background: var(--dh-primary); color: #fff; border-radius: 6px; padding: .4rem .9rem; text-decoration: none; }
    .dh-filters { display: flex; flex-wrap: wrap; gap: .75rem 1.25rem; margin: 0 0 .75rem; }
    .dh-filters label { display: grid; gap: .2rem; font-size: .85rem; font-weight: 600; }
    .dh-filters select, .dh-filters input { font: inherit; font-weight: 400; padding: .35rem .5rem; border: 1px solid #8a97a5; border-radius: 4px; background: #fff; }
    .dh-filters input { width: 7rem; }
    .dh-filters input.dh-q { width: 16rem; }
    .dh-total { color: var(--dh-muted); font-size: .85rem; margin: 0 0 .5rem; }
    .dh-plans { list-style: none; padding: 0; margin: 0; display: grid; gap: .6rem; }
    .dh-plans li { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .8rem 1rem; }
  `,
})
export class PlanList {
  private readonly api = inject(ApiClient);
  protected readonly statuses = PLAN_STATUSES;
  protected readonly roles = ROLES;
  protected readonly status = signal<PlanStatusDto | ''>('');
  protected readonly year = signal<number | null>(null);
  protected readonly role = signal<Role | ''>('');
  protected readonly q = signal('');
  private readonly filter = computed(() => ({ status: this.status(), year: this.year(), role: this.role(), q: this.q().trim() }));
  protected readonly plans = toSignal(
    toObservable(this.filter).pipe(
      debounceTime(150),
      switchMap((f) =>
        this.api.plans(f).pipe(
          tap((res) => this.listActions.set(res.allowedActions ?? [])),
          catchError(() => of(EMPTY)),
        ),
      ),
    ),
  );

  /** The collection's actions the API allows the caller (kept from the last answer while a filter reloads). */
  private readonly listActions = signal<readonly PlanListAction[]>([]);
  protected may(action: PlanListAction): boolean {
    return this.listActions().includes(action);
  }

  protected setYear(v: string): void {
    const n = Number(v);
    this.year.set(v && Number.isInteger(n) && n >= 2000 && n <= 2100 ? n : null);
  }
}
