import { Injectable } from '@nestjs/common';
import {
  type PredecessorNames,
  type UnitSearchCriteria,
  UnitDirectoryReadModel,
  type UnitVisibility,
  inForceSql,
  unitVisibilitySql,
} from '@dieu-hanh/api/organization/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { Clock } from '@dieu-hanh/api/shared/kernel';
import type { UnitDto, UnitGroupDto, UnitSuccessionDto } from '@dieu-hanh/shared/contracts';
import { escapeLikePattern, foldVietnamese } from '@dieu-hanh/shared/util-text';

/**
 * All SQL of the unit-directory read side, in one place. Search folds diacritics on both sides
 * (search_text is stored folded) and is served by a trigram GIN index; visibility is a WHERE clause
 * from the directory's access policy (its SQL twin `unitVisibilitySql`), never a filter applied after the
 * fact. "Valid today" is Vietnam's today from the injected clock, never the session's `current_date`.
 */
const UNIT_COLUMNS = `u.code, u.official_name AS "officialName", u.short_name AS "shortName", u.kind, u.tier::int AS tier,
  u.parent_code AS "parentCode", u.province_code AS "provinceCode",
  to_char(u.valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(u.valid_to, 'YYYY-MM-DD') AS "validTo", u.aliases,
  COALESCE((SELECT array_agg(m.group_code ORDER BY m.group_code) FROM org_unit_group_member m WHERE m.unit_code = u.code), '{}') AS "groupCodes"`;

const KIND_ORDER = `CASE u.kind WHEN 'people-committee' THEN 0 WHEN 'department' THEN 1 WHEN 'commune' THEN 2
  WHEN 'commune-office' THEN 3 ELSE 4 END`;

const visibilityClause = unitVisibilitySql;

@Injectable()
export class UnitDirectorySqlReadModel extends UnitDirectoryReadModel {
  constructor(
    private readonly tx: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async search(c: UnitSearchCriteria, v: UnitVisibility): Promise<{ items: UnitDto[]; total: number }> {
    const params: unknown[] = [];
    const where = [visibilityClause(v, params)];
    if (c.text) {
      for (const token of foldVietnamese(c.text).split(' ').filter(Boolean).slice(0, 8)) {
        params.push(`%${escapeLikePattern(token)}%`);
        where.push(`u.search_text LIKE $${params.length}`);
      }
    }
    if (c.kind) {
      params.push(c.kind);
      where.push(`u.kind = $${params.length}`);
    }
    if (c.tier) {
      params.push(c.tier);
      where.push(`u.tier = $${params.length}`);
    }
    if (c.provinceCode) {
      params.push(c.provinceCode);
      where.push(`u.province_code = $${params.length}`);
    }
    if (c.parentCode) {
      params.push(c.parentCode);
      where.push(`u.parent_code = $${params.length}`);
    }
    if (c.groupCode) {
      params.push(c.groupCode);
      where.push(`EXISTS (SELECT 1 FROM org_unit_group_member gm WHERE gm.unit_code = u.code AND gm.group_code = $${params.length})`);
    }
    if (!c.includeClosed) {
      params.push(this.clock.today());
      where.push(inForceSql('u', `$${params.length}`));
    }
    params.push(c.limit, c.offset);
    const rows: (UnitDto & { total: string })[] = await this.tx.manager().query(
      `SELECT ${UNIT_COLUMNS}, count(*) OVER () AS total
         FROM org_unit u
        WHERE ${where.join(' AND ')}
        ORDER BY ${KIND_ORDER}, u.search_text
        LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    if (rows.length === 0 && c.offset > 0) {
      // Past the last page: still report the total so clients can page back.
      const count = await this.tx.manager().query(
        `SELECT count(*) AS total FROM org_unit u WHERE ${where.join(' AND ')}`,
        params.slice(0, -2),
      );
      return { items: [], total: Number(count[0].total) };
    }
    return { items: rows.map(({ total: _t, ...u }) => u), total: rows.length ? Number(rows[0].total) : 0 };
  }

  async get(code: string, v: UnitVisibility): Promise<UnitDto | null> {
    const params: unknown[] = [code];
    const rows = await this.tx.manager().query(
      `SELECT ${UNIT_COLUMNS} FROM org_unit u WHERE u.code = $1 AND ${visibilityClause(v, params)}`,
      params,
    );
    return rows[0] ?? null;
  }

  async successions(code: string): Promise<UnitSuccessionDto[]> {
    return this.tx.manager().query(
      `WITH RECURSIVE chain AS (
         SELECT s.*, 1 AS depth, ARRAY[s.predecessor_code] AS seen FROM org_unit_succession s WHERE s.predecessor_code = $1
         UNION ALL
         SELECT s.*, c.depth + 1, c.seen || s.predecessor_code
           FROM org_unit_succession s JOIN chain c ON s.predecessor_code = c.successor_code
          WHERE NOT s.predecessor_code = ANY(c.seen) AND c.depth < 50
       )
       SELECT predecessor_code AS "predecessorCode", successor_code AS "successorCode", kind,
              to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate", note
         FROM chain ORDER BY depth`,
      [code],
    );
  }

  async predecessors(codes: string[]): Promise<PredecessorNames[]> {
    if (codes.length === 0) return [];
    // Walks the succession links backwards from each result; nearest predecessor first.
    return this.tx.manager().query(
      `WITH RECURSIVE back AS (
         SELECT s.successor_code AS root, s.predecessor_code, s.kind, s.effective_date, 1 AS depth, ARRAY[s.successor_code] AS seen
           FROM org_unit_succession s WHERE s.successor_code = ANY($1::text[])
         UNION ALL
         SELECT b.root, s.predecessor_code, s.kind, s.effective_date, b.depth + 1, b.seen || s.successor_code
           FROM org_unit_succession s JOIN back b ON s.successor_code = b.predecessor_code
          WHERE NOT s.successor_code = ANY(b.seen) AND b.depth < 20
       )
       SELECT b.root AS "successorCode", p.code, p.short_name AS "shortName", p.official_name AS "officialName", p.aliases,
              b.kind, to_char(b.effective_date, 'YYYY-MM-DD') AS "effectiveDate"
         FROM back b JOIN org_unit p ON p.code = b.predecessor_code
        ORDER BY b.root, b.depth, p.code`,
      [codes],
    );
  }

  async groups(v: UnitVisibility): Promise<UnitGroupDto[]> {
    const params: unknown[] = [];
    const vis = visibilityClause(v, params);
    params.push(this.clock.today());
    const inForce = inForceSql('u', `$${params.length}`);
    // Counts only members the caller may see; a commune sees only groups it can see a member of.
    const rows = await this.tx.manager().query(
      `SELECT g.code, g.name, g.province_code AS "provinceCode", count(u.code)::int AS "memberCount"
         FROM org_unit_group g
         JOIN org_unit_group_member m ON m.group_code = g.code
         JOIN org_unit u ON u.code = m.unit_code AND ${vis} AND ${inForce}
        WHERE g.province_code = $1
        GROUP BY g.code ORDER BY g.name`,
      params,
    );
    return rows;
  }

  async group(code: string, v: UnitVisibility): Promise<UnitGroupDto | null> {
    return (await this.groups(v)).find((g) => g.code === code) ?? null;
  }
}
