import { Injectable } from '@nestjs/common';
import { NotificationStore } from '@dieu-hanh/api/notification/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { NotificationDto, NotificationListDto } from '@dieu-hanh/shared/contracts';

const COLUMNS = `id, kind, unit_code AS "unitCode", plan_id AS "planId", assignment_id AS "assignmentId", title_vi AS "titleVi",
  title_en AS "titleEn", to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt",
  to_char(read_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "readAt"`;

/** Whose notifications the caller sees: their unit's, and for a commune account its offices' as well. */
function mine(scope: AccessScope): { sql: string; params: unknown[] } {
  const commune = scope.tier === 2 ? scope.communeCode : null;
  return { sql: `(unit_code = $1 OR ($2::text IS NOT NULL AND commune_code = $2))`, params: [scope.unitCode, commune] };
}

@Injectable()
export class SqlNotificationStore extends NotificationStore {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async list(scope: AccessScope, options: { unreadOnly: boolean; limit: number }): Promise<NotificationListDto> {
    const { sql, params } = mine(scope);
    const m = this.tx.manager();
    const [items, unread]: [NotificationDto[], { n: number }[]] = await Promise.all([
      m.query(
        `SELECT ${COLUMNS} FROM notification WHERE ${sql} ${options.unreadOnly ? 'AND read_at IS NULL' : ''}
          ORDER BY created_at DESC, id LIMIT $3`,
        [...params, options.limit],
      ),
      m.query(`SELECT count(*)::int AS n FROM notification WHERE ${sql} AND read_at IS NULL`, params),
    ]);
    return { items, unread: unread[0].n };
  }

  async markAllRead(scope: AccessScope): Promise<number> {
    const { sql, params } = mine(scope);
    const result = await this.tx.manager().query(`UPDATE notification SET read_at = now() WHERE read_at IS NULL AND ${sql} RETURNING id`, params);
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows.length;
  }

  async markRead(id: string, scope: AccessScope): Promise<{ unitCode: string } | null> {
    const { sql, params } = mine(scope);
    const result = await this.tx.manager().query(
      `UPDATE notification SET read_at = coalesce(read_at, now()) WHERE id = $3 AND ${sql} RETURNING unit_code AS "unitCode"`,
      [...params, id],
    );
    const rows = Array.isArray(result[0]) ? result[0] : result;
    return rows[0] ?? null;
  }
}
