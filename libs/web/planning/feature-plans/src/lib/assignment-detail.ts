import { ChangeDetectionStrategy, Component, computed, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { AssignmentDetailDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';
import { UnitGroupsStore } from './unit-groups.store';

/** One unit's responsibility for one task: what, by when, in which plan, and how it was assigned. */
@Component({
  selector: 'dh-assignment-detail',
  imports: [RouterLink, TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    @if (missing()) {
      <p role="alert">{{ 'assignment.notFound' | t }}</p>
    }
    @if (a(); as a) {
      <a [routerLink]="['../..']">← {{ a.plan.title }}</a>
      <h1 class="dh-page-title">{{ 'assignment.title' | t }}</h1>
      <p class="dh-content" data-testid="assignment-task">{{ a.task.content }}</p>
      <dl class="dh-facts">
        <dt>{{ 'assignment.unit' | t }}</dt><dd data-testid="assignment-unit">{{ a.unitName }} <code>{{ a.unitCode }}</code></dd>
        <dt>{{ 'assignment.role' | t }}</dt><dd>{{ (a.role === 'lead' ? 'plans.lead' : 'plans.coordinator') | t }}</dd>
        <dt>{{ 'plans.timeframe' | t }}</dt><dd>{{ a.task.timeframe ?? '—' }}</dd>
        @if (a.task.expectedResult) { <dt>{{ 'plans.result' | t }}</dt><dd>{{ a.task.expectedResult }}</dd> }
        <dt>{{ 'assignment.plan' | t }}</dt>
        <dd>@if (a.plan.number) { {{ a.plan.number }}/{{ a.plan.symbol }} — }{{ a.plan.title }}@if (a.plan.issueDate) { ({{ a.plan.issueDate | dmy }}) }</dd>
        @if (a.viaGroup) { <dt>{{ 'assignment.via' | t }}</dt><dd data-testid="assignment-via" [attr.title]="a.viaGroup">{{ groupName() ?? a.viaGroup }}</dd> }
        @if (a.succeeds) {
          <dt>{{ 'assignment.succeeds' | t }}</dt>
          <dd data-testid="assignment-succeeds">@if (succeedsName(); as n) { {{ n }} <code>{{ a.succeeds }}</code> } @else { <code>{{ a.succeeds }}</code> }</dd>
        }
        <dt>{{ 'assignment.state' | t }}</dt><dd><span class="dh-chip">{{ 'assignment.status.' + a.status | t }}</span></dd>
      </dl>
    }
  `,
  styles: `
    .dh-content { font-weight: 500; background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .75rem 1rem; }
    .dh-facts { display: grid; grid-template-columns: max-content 1fr; gap: .4rem 1rem; background: #fff; padding: 1rem; border: 1px solid var(--dh-line); border-radius: 8px; }
    dt { font-weight: 600; color: var(--dh-muted); }
    dd { margin: 0; }
  `,
})
export class AssignmentDetail {
  private readonly api = inject(ApiClient);
  readonly assignmentId = input.required<string>();
  protected readonly a = signal<AssignmentDetailDto | null>(null);
  protected readonly missing = signal(false);
  private readonly groups = inject(UnitGroupsStore).groups;
  /** The group's name ("Các Sở, ban, ngành"), not its code; the code until the groups arrive or when unknown. */
  protected readonly groupName = computed(() => {
    const code = this.a()?.viaGroup;
    return code ? (this.groups().find((g) => g.code === code)?.name ?? null) : null;
  });
  /** The name of the unit this one took over from (a merger), when the directory shows it to the caller. */
  protected readonly succeedsName = signal<string | null>(null);

  constructor() {
    effect(() => {
      this.api.assignment(this.assignmentId()).subscribe({
        next: (a) => {
          this.a.set(a);
          this.succeedsName.set(null);
          if (a.succeeds) this.api.unit(a.succeeds).subscribe({ next: (u) => this.succeedsName.set(u.shortName), error: () => undefined });
        },
        error: () => this.missing.set(true),
      });
    });
  }
}
