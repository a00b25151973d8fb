import { Injectable } from '@nestjs/common';
import { notificationsFor } from '@dieu-hanh/api/notification/application';
import type { InTransactionProjector } from '@dieu-hanh/api/shared/database';
import type { RecordedEvent } from '@dieu-hanh/api/shared/kernel';
import type { EntityManager } from 'typeorm';

/**
 * Stores the notifications the rules derive from a command's events, in that command's transaction:
 * one set-based INSERT however many assignments a fan-out made. The commune of each unit is kept so a
 * commune account sees its offices' notifications too.
 */
@Injectable()
export class NotificationProjector implements InTransactionProjector {
  readonly name = 'notifications';

  async project(events: readonly RecordedEvent[], manager: EntityManager): Promise<void> {
    const rows = events.flatMap(notificationsFor).filter((n) => n.unitCode);
    if (!rows.length) return;
    await manager.query(
      `INSERT INTO notification (event_id, unit_code, commune_code, kind, plan_id, assignment_id, title_vi, title_en, created_at)
       SELECT x.event_id, x.unit_code, u.commune_code, x.kind, x.plan_id, x.assignment_id, x.title_vi, x.title_en, now()
         FROM jsonb_to_recordset($1::jsonb) AS x(event_id uuid, unit_code text, kind text, plan_id uuid, assignment_id uuid, title_vi text, title_en text)
         JOIN org_unit u ON u.code = x.unit_code
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
          })),
        ),
      ],
    );
  }
}
