import { Injectable } from '@nestjs/common';
import { notificationsFor } from '@dieu-hanh/api/notification/application';
import type { EventSubscriber, FeedTransaction, RecordedEvent } from '@dieu-hanh/api/shared/kernel';

/**
 * Stores the notifications the rules derive from the event log: a subscriber of the event feed, one
 * set-based INSERT per batch however many assignments a fan-out made. The rows are written in the
 * batch's transaction, the one that moves this subscriber's checkpoint, so each event's notifications
 * are stored exactly once; a replay inserts nothing twice (unique per event and unit).
 *
 * The commune of each unit is kept so a commune account sees its offices' notifications too; it comes
 * from the directory's published view `directory_unit`. A notification is dated when its event occurred,
 * not when it was projected.
 *
 * Starts at the beginning of the log: a new database (or one upgraded from the in-transaction
 * projector) gets every notification its history calls for.
 */
@Injectable()
export class NotificationProjection implements EventSubscriber {
  readonly name = 'notification.projection';
  readonly startFrom = 'beginning' as const;
  readonly batchSize = 500;

  async handle(events: readonly RecordedEvent[], tx: FeedTransaction): Promise<void> {
    const occurredAt = new Map(events.map((e) => [e.id, e.occurredAt]));
    const rows = events.flatMap(notificationsFor).filter((n) => n.unitCode);
    if (!rows.length) return;
    await tx.query(
      `INSERT INTO notification (event_id, unit_code, commune_code, kind, plan_id, assignment_id, title_vi, title_en, created_at)
       SELECT x.event_id, x.unit_code, u.commune_code, x.kind, x.plan_id, x.assignment_id, x.title_vi, x.title_en, x.created_at
         FROM jsonb_to_recordset($1::jsonb)
              AS x(event_id uuid, unit_code text, kind text, plan_id uuid, assignment_id uuid, title_vi text, title_en text, created_at timestamptz)
         JOIN directory_unit u ON u.code = x.unit_code
       ON CONFLICT (event_id, unit_code) DO NOTHING`,
      [
        JSON.stringify(
          rows.map((n) => ({
            event_id: n.eventId,
            unit_code: n.unitCode,
            kind: n.kind,
            plan_id: n.planId,
            assignment_id: n.assignmentId,
            title_vi: n.titleVi,
            title_en: n.titleEn,
            created_at: occurredAt.get(n.eventId),
          })),
        ),
      ],
    );
  }
}
