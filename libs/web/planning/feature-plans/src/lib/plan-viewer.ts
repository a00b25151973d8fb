import { ChangeDetectionStrategy, Component, effect, inject, input, signal } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { PlanDetailDto, UnitRefDto } from '@dieu-hanh/shared/contracts';
import { ApiClient } from '@dieu-hanh/web/shared/data-access-api';
import { DmyPipe, TranslatePipe } from '@dieu-hanh/web/shared/i18n';

/** The plan viewer: sections, tasks and, per task, the assignments the caller may see. */
@Component({
  selector: 'dh-plan-viewer',
  imports: [RouterLink, TranslatePipe, DmyPipe],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <a routerLink="..">← {{ 'plans.back' | t }}</a>
    @if (missing()) {
      <p role="alert">{{ 'plans.notFound' | t }}</p>
    }
    @if (plan(); as p) {
      <h1 class="dh-page-title" data-testid="plan-title">{{ p.title }}</h1>
      <p>
        @if (p.number) { <strong>{{ p.number }}/{{ p.symbol }}</strong> · }
        <span class="dh-chip" data-testid="plan-status">{{ 'plans.status.' + p.status | t }}</span>
        @if (p.issueDate) { {{ 'plans.issued' | t: { date: (p.issueDate | dmy) } }} }
      </p>
      @if (p.reviewComments.length && p.status === 'returned') {
        <section class="dh-comments" role="note">
          <h2>{{ 'plans.comments' | t }}</h2>
          <ul>
            @for (c of p.reviewComments; track $index) {
              <li>{{ c.text }} @if (c.field) { <code>{{ c.field }}</code> }</li>
            }
          </ul>
        </section>
      }
      <ol class="dh-tasks" data-testid="plan-tasks">
        @for (t of p.tasks; track t.id) {
          <li>
            @if (t.section) { <span class="dh-section">{{ t.section }}</span> }
            <p class="dh-content">{{ t.content }}</p>
            <dl>
              <dt>{{ 'plans.lead' | t }}</dt><dd>{{ refs(t.leads, p.names) }}</dd>
              @if (t.coordinators.length) { <dt>{{ 'plans.coordinator' | t }}</dt><dd>{{ refs(t.coordinators, p.names) }}</dd> }
              @if (t.timeframe) { <dt>{{ 'plans.timeframe' | t }}</dt><dd>{{ t.timeframe }}</dd> }
              @if (t.expectedResult) { <dt>{{ 'plans.result' | t }}</dt><dd>{{ t.expectedResult }}</dd> }
            </dl>
            <details [open]="t.assignments.length > 0 && t.assignments.length <= 6">
              <summary>{{ 'plans.assignments' | t }} ({{ t.assignments.length }})</summary>
              @if (t.assignments.length === 0) {
                <p class="dh-empty">{{ 'plans.noAssignments' | t }}</p>
              } @else {
                <ul class="dh-assignments">
                  @for (a of t.assignments; track a.id) {
                    <li>
                      <a [routerLink]="['giao-viec', a.id]" data-testid="assignment-link">{{ a.unitName }}</a>
                      <span class="dh-chip">{{ (a.role === 'lead' ? 'plans.lead' : 'plans.coordinator') | t }}</span>
                    </li>
                  }
                </ul>
              }
            </details>
          </li>
        }
      </ol>
    }
  `,
  styles: `
    .dh-tasks { padding-left: 1.25rem; display: grid; gap: .75rem; }
    .dh-tasks > li { background: #fff; border: 1px solid var(--dh-line); border-radius: 8px; padding: .75rem 1rem; }
    .dh-section { font-size: .78rem; color: var(--dh-muted); }
    .dh-content { margin: .2rem 0 .5rem; font-weight: 500; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .8rem; margin: 0 0 .5rem; font-size: .88rem; }
    dt { color: var(--dh-muted); }
    dd { margin: 0; }
    .dh-assignments { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.2rem; }
    .dh-assignments .dh-chip { margin-left: .35rem; }
    .dh-comments { background: #fff8e1; border: 1px solid #f0d58a; border-radius: 8px; padding: .5rem 1rem; }
    .dh-comments h2 { font-size: .95rem; margin: .3rem 0; }
  `,
})
export class PlanViewer {
  private readonly api = inject(ApiClient);
  readonly id = input.required<string>();
  protected readonly plan = signal<PlanDetailDto | null>(null);
  protected readonly missing = signal(false);

  constructor() {
    effect(() => {
      this.api.plan(this.id()).subscribe({
        next: (p) => {
          this.plan.set(p);
          this.missing.set(false);
        },
        error: () => this.missing.set(true),
      });
    });
  }

  /** Names as the plan's readers know them; the code when the directory has no name for it. */
  protected refs(list: UnitRefDto[], names: Record<string, string>): string {
    return list.map((r) => ('unit' in r ? r.unit : r.group)).map((c) => names[c] ?? c).join('; ');
  }
}
