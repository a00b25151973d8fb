import { Injectable } from '@nestjs/common';
import { notificationsFor, readMarksOf, resolutionsFor } from '@dieu-hanh/api/notification/application';
import type { EventSubscriber, FeedTransaction, RecordedEvent } from '@dieu-hanh/api/shared/kernel';

/** The PostgreSQL channel the projection notifies on commit; every API process LISTENs to it. */
export const NOTIFICATION_CHANNEL = 'notification';
/** Unit codes per NOTIFY payload: about 30 bytes each, far under PostgreSQL's 8,000-byte limit. */
const UNITS_PER_NOTIFY = 150;

/**
 * Stores the notifications the rules derive from the event log: a subscriber of the event feed, one
 * set-based INSERT per batch however many assignments a fan-out made. The rows are written in the
 * batch's transaction, the one that moves this subscriber's checkpoint, so each event's notifications
 * are stored exactly once; a replay inserts nothing twice (unique per event and unit).
 *
 * In the same transaction it
 * - resolves the action requests the batch's events answer (`resolutionsFor`: a plan approved resolves
 *   its "Kế hoạch trình duyệt", a verification resolves "Chờ thẩm định"…): `resolved_at` = when the
 *   resolving event occurred, only on notifications created before it and not made by it;
 * - calls `pg_notify('notification', {"units": [[unit, commune], …]})` for every unit whose notifications
 *   changed (new, resolved, read): PostgreSQL delivers it on COMMIT only, to every API process's LISTEN
 *   connection, which pushes to the Server-Sent Event streams of those units (NotificationLive).
 *
 * The commune of each unit is kept so a commune account sees its offices' notifications too; it comes
 * from the directory's published view `directory_unit` (as do the unit names in execution titles). A
 * notification is dated when its event occurred, not when it was projected.
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
    const touched = new Set<string>();
    const names = await unitNames(events, tx);
    const rows = events.flatMap((e) => notificationsFor(e, (code) => names.get(code) ?? code)).filter((n) => n.unitCode);
    if (rows.length) {
      const occurredAt = new Map(events.map((e) => [e.id, e.occurredAt]));
      const inserted: { unit_code: string }[] = await tx.query(
        `INSERT INTO notification (event_id, unit_code, commune_code, kind, plan_id, plan_title, assignment_id, title_vi, title_en, resolution_key, created_at)
         SELECT x.event_id, x.unit_code, u.commune_code, x.kind, x.plan_id, x.plan_title, x.assignment_id, x.title_vi, x.title_en, x.resolution_key, x.created_at
           FROM jsonb_to_recordset($1::jsonb)
                AS x(event_id uuid, unit_code text, kind text, plan_id uuid, plan_title text, assignment_id uuid, title_vi text, title_en text,
                     resolution_key text, created_at timestamptz)
           JOIN directory_unit u ON u.code = x.unit_code
         ON CONFLICT (event_id, unit_code) DO NOTHING
         RETURNING unit_code`,
        [
          JSON.stringify(
            rows.map((n) => ({
              event_id: n.eventId,
              unit_code: n.unitCode,
              kind: n.kind,
              plan_id: n.planId,
              plan_title: n.planTitle,
              assignment_id: n.assignmentId,
              title_vi: n.titleVi,
              title_en: n.titleEn,
              resolution_key: n.resolutionKey,
              created_at: occurredAt.get(n.eventId),
            })),
          ),
        ],
      );
      for (const r of rowsOf(inserted)) touched.add(r.unit_code);
    }

    const resolutions = events.flatMap((e) => resolutionsFor(e).map((key) => ({ key, at: e.occurredAt, event_id: e.id })));
    if (resolutions.length) {
      const resolved: { unit_code: string }[] = await tx.query(
        `UPDATE notification n SET resolved_at = r.at
           FROM (SELECT key, min(at) AS at, array_agg(event_id) AS by FROM jsonb_to_recordset($1::jsonb) AS x(key text, at timestamptz, event_id uuid) GROUP BY key) r
          WHERE n.resolution_key = r.key AND n.resolved_at IS NULL AND n.created_at <= r.at AND NOT (n.event_id = ANY(r.by))
          RETURNING n.unit_code`,
        [JSON.stringify(resolutions)],
      );
      for (const r of rowsOf(resolved)) touched.add(r.unit_code);
    }

    for (const e of events) for (const unit of readMarksOf(e)) touched.add(unit);
    if (touched.size) {
      // One NOTIFY per chunk of units, with each unit's commune (a commune's stream hears its offices').
      await tx.query(
        `SELECT pg_notify($2, json_build_object('units', json_agg(json_build_array(code, commune_code)))::text)
           FROM (SELECT code, commune_code, (row_number() OVER (ORDER BY code) - 1) / $3 AS chunk FROM directory_unit WHERE code = ANY($1::text[])) c
          GROUP BY chunk`,
        [[...touched], NOTIFICATION_CHANNEL, UNITS_PER_NOTIFY],
      );
    }
  }
}

/** The short names of the units execution events name (a title says "UBND phường Hoàn Kiếm", not "00070"). */
export async function unitNames(events: readonly RecordedEvent[], tx: FeedTransaction): Promise<Map<string, string>> {
  const codes = [...new Set(events.filter((e) => e.type.startsWith('execution.')).map((e) => (e.payload as { unitCode?: unknown }).unitCode).filter((c): c is string => typeof c === 'string'))];
  if (!codes.length) return new Map();
  const found: { code: string; name: string }[] = await tx.query(
    `SELECT code, coalesce(nullif(short_name, ''), official_name) AS name FROM directory_unit WHERE code = ANY($1::text[])`,
    [codes],
  );
  return new Map(rowsOf(found).map((r) => [r.code, r.name]));
}

/** TypeORM answers an UPDATE … RETURNING with [rows, count]; an INSERT/SELECT with rows. */
export function rowsOf<T>(result: T[] | [T[], number]): T[] {
  return Array.isArray(result[0]) ? (result[0] as T[]) : (result as T[]);
}
