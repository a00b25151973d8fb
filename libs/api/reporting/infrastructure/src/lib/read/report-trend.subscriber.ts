import { Injectable } from '@nestjs/common';
import { ExecutionEventType, isExecutionEvent } from '@dieu-hanh/api/execution/contracts';
import type { EventSubscriber, FeedTransaction, RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import { vietnamDate } from '@dieu-hanh/api/shared/kernel';

/** Monday of the (Vietnam) week a moment falls in, yyyy-MM-dd. */
export function weekOf(at: Date): string {
  const day = vietnamDate(at);
  const d = new Date(`${day}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  d.setUTCDate(d.getUTCDate() - back);
  return d.toISOString().slice(0, 10);
}

/**
 * The dashboards' trend over time, from the event log: progress reports and completions per plan and week,
 * kept from execution's typed `progress-reported` events. Its rows commit with its checkpoint (exactly once).
 */
@Injectable()
export class ReportTrendSubscriber implements EventSubscriber {
  readonly name = 'reporting.trend';
  readonly startFrom = 'beginning' as const;
  readonly eventTypes = [ExecutionEventType.ProgressReported];
  readonly batchSize = 500;

  async handle(events: readonly RecordedEvent[], tx: FeedTransaction): Promise<void> {
    const cells = new Map<string, { planId: string; week: string; reports: number; completed: number }>();
    for (const e of events) {
      if (!isExecutionEvent(e, ExecutionEventType.ProgressReported)) continue;
      const week = weekOf(new Date(e.occurredAt));
      const key = `${e.payload.planId}|${week}`;
      const c = cells.get(key) ?? { planId: e.payload.planId, week, reports: 0, completed: 0 };
      c.reports += 1;
      if (e.payload.status === 'done' && e.payload.previousStatus !== 'done') c.completed += 1;
      cells.set(key, c);
    }
    if (!cells.size) return;
    const rows = [...cells.values()];
    await tx.query(
      `INSERT INTO report_trend (plan_id, week, progress_reports, completed)
       SELECT * FROM unnest($1::uuid[], $2::date[], $3::int[], $4::int[])
       ON CONFLICT (plan_id, week) DO UPDATE SET progress_reports = report_trend.progress_reports + EXCLUDED.progress_reports,
                                                 completed = report_trend.completed + EXCLUDED.completed`,
      [rows.map((r) => r.planId), rows.map((r) => r.week), rows.map((r) => r.reports), rows.map((r) => r.completed)],
    );
  }
}
