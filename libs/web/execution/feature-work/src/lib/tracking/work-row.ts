import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { WorkItemDto } from '@dieu-hanh/shared/contracts';
import { DmyPipe } from '@dieu-hanh/web/shared/i18n';
import { TrackingTextPipe } from './tracking.messages';

/** One unit's assignment as the tracking pages show it: unit, role, task, status, percent, deadline, flags. */
@Component({
  selector: 'dh-work-row',
  imports: [RouterLink, DmyPipe, TrackingTextPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @let w = item();
    <div class="dh-row-head">
      <a class="dh-unit" [routerLink]="['/cong-viec', w.assignmentId]" data-testid="work-open">{{ w.unitName }}</a>
      <span class="dh-chip">{{ 'role.' + w.role | tt }}</span>
    </div>
    @if (showTask()) {
      <p class="dh-task"><span class="dh-muted">{{ w.planSymbol }} · {{ 'board.taskN' | tt: { n: w.taskOrdinal } }}:</span> {{ w.taskContent }}</p>
    }
    <div class="dh-row-facts">
      <span class="dh-chip dh-status-{{ w.status }}" data-testid="work-status">{{ 'status.' + w.status | tt }} · {{ w.percent }}%</span>
      <span class="dh-pbar" aria-hidden="true"><span [style.width.%]="w.percent"></span></span>
      @if (w.urgency === 'overdue') {
        <span class="dh-chip dh-late" data-testid="work-overdue">{{ 'item.overdue' | tt: { days: w.days ?? 0 } }}</span>
      } @else if (w.urgency === 'due-soon') {
        <span class="dh-chip dh-soon">{{ 'item.dueSoon' | tt: { days: w.days ?? 0 } }}</span>
      }
      <span class="dh-due">
        @if (w.due) { {{ 'item.due' | tt: { date: (w.due | dmy) } }} @if (w.originalDue) { <small>{{ 'item.extended' | tt: { date: (w.originalDue | dmy) } }}</small> } }
        @else { {{ 'item.noDue' | tt }} }
      </span>
      @if (w.verification !== 'none') {
        <span class="dh-chip dh-ver-{{ w.verification }}" data-testid="work-verification">{{ 'verification.' + w.verification | tt }}</span>
      }
      @if (w.openObstacles) { <span class="dh-chip dh-soon">{{ 'item.obstacles' | tt: { count: w.openObstacles } }}</span> }
      @if (w.pendingExtension) { <span class="dh-chip dh-soon">{{ 'item.extension' | tt }}</span> }
      @if (w.updatedAt) { <small class="dh-muted">{{ 'item.updated' | tt: { date: (w.updatedAt | dmy) } }}</small> }
    </div>
    <ng-content />
  `,
  styles: `
    :host { display: block; }
    .dh-row-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: .4rem; }
    .dh-unit { font-weight: 600; }
    .dh-task { margin: .2rem 0; font-size: .88rem; }
    .dh-muted { color: var(--dh-muted); }
    .dh-row-facts { display: flex; flex-wrap: wrap; align-items: center; gap: .3rem .6rem; font-size: .85rem; margin-top: .25rem; }
    .dh-row-facts .dh-chip { margin: 0; }
    .dh-pbar { display: inline-block; width: 5rem; height: .4rem; background: #e6ebf0; border-radius: 3px; overflow: hidden; }
    .dh-pbar span { display: block; height: 100%; background: var(--dh-ok); }
    .dh-late { background: #fde7e6; color: #8c1d18; font-weight: 600; }
    .dh-soon { background: #fff4e0; color: var(--dh-warn); }
    .dh-status-done, .dh-ver-verified { background: #e3f3e8; color: var(--dh-ok); }
    .dh-status-unable, .dh-ver-returned { background: #fde7e6; color: #8c1d18; }
    .dh-ver-pending { background: #fff4e0; color: var(--dh-warn); }
  `,
})
export class WorkRow {
  readonly item = input.required<WorkItemDto>();
  readonly showTask = input(true);
}
