import { Injectable } from '@nestjs/common';
import { NotificationStore, type NotificationListOptions } from '@dieu-hanh/api/notification/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { AccessScope } from '@dieu-hanh/api/shared/kernel';
import type { NotificationDto, NotificationGroupDto, NotificationGroupListDto, NotificationListDto } from '@dieu-hanh/shared/contracts';

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const COLUMNS = (n: string) => `${n}.id, ${n}.kind, ${n}.unit_code AS "unitCode", ${n}.plan_id AS "planId", ${n}.assignment_id AS "assignmentId",
  ${n}.title_vi AS "titleVi", ${n}.title_en AS "titleEn", ${iso(`${n}.created_at`)} AS "createdAt", ${iso(`${n}.read_at`)} AS "readAt",
  ${n}.plan_title AS "planTitle", (${n}.resolution_key IS NOT NULL) AS "actionRequired", ${iso(`${n}.resolved_at`)} AS "resolvedAt"`;

/** Counts as unread: not read, and not resolved (an action request done by someone is no longer news). */
const UNREAD = `read_at IS NULL AND resolved_at IS NULL`;

/** Whose notifications the caller sees: their unit's, and for a commune account its offices' as well. */
export function mine(scope: AccessScope, first = 1): { sql: string; params: unknown[] } {
  const commune = scope.tier === 2 ? scope.communeCode : null;
  return { sql: `(unit_code = $${first} OR ($${first + 1}::text IS NOT NULL AND commune_code = $${first + 1}))`, params: [scope.unitCode, commune] };
}

/** `planId` omitted: no condition; null: no plan; a uuid: that plan. */
function ofPlan(planId: string | null | undefined, param: number): { sql: string; params: unknown[] } {
  if (planId === undefined) return { sql: '', params: [] };
  if (planId === null) return { sql: ' AND plan_id IS NULL', params: [] };
  return { sql: ` AND plan_id = $${param}::uuid`, params: [planId] };
}

@Injectable()
export class SqlNotificationStore extends NotificationStore {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async list(scope: AccessScope, options: NotificationListOptions): Promise<NotificationListDto> {
    const { sql, params } = mine(scope);
    const plan = ofPlan(options.planId, 4);
    const m = this.tx.manager();
    const [items, unread]: [NotificationDto[], { n: number }[]] = await Promise.all([
      m.query(
        `SELECT ${COLUMNS('n')} FROM notification n WHERE ${sql} ${options.unreadOnly ? `AND ${UNREAD}` : ''}${plan.sql}
          ORDER BY created_at DESC, id LIMIT $3`,
        [...params, options.limit, ...plan.params],
      ),
      m.query(`SELECT count(*)::int AS n FROM notification WHERE ${sql} AND ${UNREAD}`, params),
    ]);
    return { items, unread: unread[0].n };
  }

  async groups(scope: AccessScope, options: { unreadOnly: boolean; limit: number; offset: number }): Promise<NotificationGroupListDto> {
    const { sql, params } = mine(scope);
    // One pass over the caller's notifications: per plan, the counts and the newest row (DISTINCT ON).
    const rows: (Omit<NotificationGroupDto, 'latest'> & { latest: NotificationDto; total: number; allUnread: number })[] = await this.tx.manager().query(
      `WITH mine AS (SELECT * FROM notification WHERE ${sql}),
            g AS (SELECT plan_id, count(*)::int AS count, (count(*) FILTER (WHERE ${UNREAD}))::int AS unread,
                         (count(*) FILTER (WHERE resolution_key IS NOT NULL AND resolved_at IS NULL))::int AS "actionsOpen"
                    FROM mine GROUP BY plan_id),
            latest AS (SELECT DISTINCT ON (plan_id) * FROM mine ORDER BY plan_id, created_at DESC, id),
            shown AS (SELECT g.*, l.created_at AS at, l.id AS lid FROM g JOIN latest l ON l.plan_id IS NOT DISTINCT FROM g.plan_id
                       ${options.unreadOnly ? 'WHERE g.unread > 0' : ''})
       SELECT s.plan_id AS "planId", coalesce(n.plan_title, (SELECT max(plan_title) FROM mine x WHERE x.plan_id = s.plan_id)) AS "planTitle",
              s.count, s.unread, s."actionsOpen", row_to_json(lr) AS latest,
              (SELECT count(*)::int FROM shown) AS total, (SELECT coalesce(sum(unread), 0)::int FROM g) AS "allUnread"
         FROM shown s JOIN notification n ON n.id = s.lid
         CROSS JOIN LATERAL (SELECT ${COLUMNS('n')}) lr
        ORDER BY s.at DESC, s.lid
        LIMIT $3 OFFSET $4`,
      [...params, options.limit, options.offset],
    );
    if (!rows.length) {
      const [{ n }] = await this.tx.manager().query(`SELECT count(*)::int AS n FROM notification WHERE ${sql} AND ${UNREAD}`, params);
      const [{ total }] = options.offset
        ? await this.tx.manager().query(
            `SELECT count(DISTINCT coalesce(plan_id::text, ''))::int AS total FROM notification WHERE ${sql} ${options.unreadOnly ? `AND ${UNREAD}` : ''}`,
            params,
          )
        : [{ total: 0 }];
      return { groups: [], unread: n, total };
    }
    return {
      groups: rows.map(({ total: _t, allUnread: _u, ...g }) => g), // eslint-disable-line @typescript-eslint/no-unused-vars
      unread: rows[0].allUnread,
      total: rows[0].total,
    };
  }

  async markAllRead(scope: AccessScope, planId?: string | null): Promise<number> {
    const { sql, params } = mine(scope);
    const plan = ofPlan(planId, 3);
    const result = await this.tx.manager().query(`UPDATE notification SET read_at = now() WHERE read_at IS NULL AND ${sql}${plan.sql} RETURNING id`, [...params, ...plan.params]);
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
