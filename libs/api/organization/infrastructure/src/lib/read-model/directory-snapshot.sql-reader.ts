import { Injectable } from '@nestjs/common';
import { DirectorySnapshotReader } from '@dieu-hanh/api/organization/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { DirectorySnapshot, SuccessionInForce } from '@dieu-hanh/api/organization/contracts';

/**
 * The directory as of a date, for fan-out: the named units, every unit on their successor chains, and
 * the groups' members valid on that date. Three queries whatever the number of codes.
 */
@Injectable()
export class DirectorySnapshotSqlReader extends DirectorySnapshotReader {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async successionsInForce(asOf: string, predecessorCodes: string[]): Promise<SuccessionInForce[]> {
    if (!predecessorCodes.length) return [];
    return this.tx.manager().query(
      `SELECT predecessor_code AS "predecessorCode", successor_code AS "successorCode", to_char(effective_date, 'YYYY-MM-DD') AS "effectiveDate"
         FROM org_unit_succession WHERE predecessor_code = ANY($1::text[]) AND effective_date <= $2::date`,
      [predecessorCodes, asOf],
    );
  }

  async snapshot(provinceCode: string, asOf: string, unitCodes: string[], groupCodes: string[]): Promise<DirectorySnapshot> {
    const m = this.tx.manager();
    const groupRows: { group_code: string; unit_code: string }[] = await m.query(
      `SELECT gm.group_code, gm.unit_code
         FROM org_unit_group_member gm
         JOIN org_unit_group g ON g.code = gm.group_code AND g.province_code = $1
         JOIN org_unit u ON u.code = gm.unit_code
        WHERE gm.group_code = ANY($2::text[]) AND u.valid_from <= $3::date AND (u.valid_to IS NULL OR u.valid_to >= $3::date)
        ORDER BY gm.group_code, gm.unit_code`,
      [provinceCode, groupCodes, asOf],
    );
    const groups: DirectorySnapshot['groups'] = Object.fromEntries(
      ((await m.query(`SELECT code FROM org_unit_group WHERE province_code = $1 AND code = ANY($2::text[])`, [provinceCode, groupCodes])) as { code: string }[]).map((g) => [g.code, [] as string[]]),
    );
    for (const r of groupRows) groups[r.group_code].push(r.unit_code);

    const named = [...new Set([...unitCodes, ...groupRows.map((r) => r.unit_code)])];
    // Units and everything reachable through succession links, in one recursive query.
    const rows: { code: string; tier: number; commune_code: string | null; short_name: string; valid: boolean; successor: string | null }[] = await m.query(
      `WITH RECURSIVE reach(code) AS (
         SELECT code FROM org_unit WHERE code = ANY($2::text[]) AND province_code = $1
         UNION
         SELECT s.successor_code FROM org_unit_succession s JOIN reach r ON s.predecessor_code = r.code
       )
       SELECT u.code, u.tier::int AS tier, u.commune_code, u.short_name,
              (u.valid_from <= $3::date AND (u.valid_to IS NULL OR u.valid_to >= $3::date)) AS valid,
              s.successor_code AS successor
         FROM reach r JOIN org_unit u ON u.code = r.code
         LEFT JOIN org_unit_succession s ON s.predecessor_code = u.code AND s.effective_date <= $3::date`,
      [provinceCode, named, asOf],
    );
    const units: DirectorySnapshot['units'] = {};
    const successors: DirectorySnapshot['successors'] = {};
    for (const r of rows) {
      units[r.code] = { state: r.valid ? 'valid' : 'closed', tier: r.tier === 2 ? 2 : 1, communeCode: r.commune_code, shortName: r.short_name };
      if (r.successor) successors[r.code] = r.successor;
    }
    const pc: { code: string }[] = await m.query(
      `SELECT code FROM org_unit WHERE province_code = $1 AND kind = 'people-committee' AND (valid_to IS NULL OR valid_to >= $2::date) LIMIT 1`,
      [provinceCode, asOf],
    );
    return { peopleCommitteeCode: pc[0]?.code ?? null, units, successors, groups };
  }
}
