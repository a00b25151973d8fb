import { Injectable } from '@nestjs/common';
import { type DirectoryImportData, type DirectoryImportResult, DirectoryImporter } from '@dieu-hanh/api/organization/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { unitSearchText } from './search-text';

/**
 * Idempotent bulk load of the directory seed: a handful of set-based statements whatever the size
 * (3,321 communes load in one INSERT … ON CONFLICT), reporting exactly which units changed.
 */
@Injectable()
export class SqlDirectoryImporter extends DirectoryImporter {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async import(data: DirectoryImportData): Promise<DirectoryImportResult> {
    const m = this.tx.manager();
    await m.query(
      `INSERT INTO org_province (code, name, realm)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, realm = EXCLUDED.realm
         WHERE (org_province.name, org_province.realm) IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.realm)`,
      [data.provinces.map((p) => p.code), data.provinces.map((p) => p.name), data.provinces.map((p) => p.realm)],
    );

    // Parents first, so commune_code can be derived from the parent in the same statement order.
    const byCode = new Map(data.units.map((u) => [u.code, u]));
    const depthOf = new Map(data.units.map((u) => [u.code, depth(u, byCode)]));
    const units = [...data.units].sort((a, b) => depthOf.get(a.code)! - depthOf.get(b.code)! || a.code.localeCompare(b.code));
    const communeOf = (code: string): string | null => {
      let u = byCode.get(code);
      while (u && u.kind !== 'commune') u = u.parentCode ? byCode.get(u.parentCode) : undefined;
      return u ? u.code : null;
    };
    const col = <K extends keyof (typeof units)[number]>(k: K) => units.map((u) => u[k]);
    const result: { code: string; inserted: boolean }[] = await m.query(
      `INSERT INTO org_unit (code, official_name, short_name, kind, tier, parent_code, province_code, commune_code,
                             valid_from, valid_to, aliases, search_text)
       SELECT t.code, t.official_name, t.short_name, t.kind, t.tier, t.parent_code, t.province_code, t.commune_code,
              t.valid_from, t.valid_to, COALESCE(string_to_array(t.aliases, E'\\x1f'), '{}'), t.search_text
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::smallint[], $6::text[], $7::text[], $8::text[],
                     $9::date[], $10::date[], $11::text[], $12::text[])
              AS t(code, official_name, short_name, kind, tier, parent_code, province_code, commune_code, valid_from, valid_to,
                   aliases, search_text)
       ON CONFLICT (code) DO UPDATE SET
         official_name = EXCLUDED.official_name, short_name = EXCLUDED.short_name, kind = EXCLUDED.kind,
         tier = EXCLUDED.tier, parent_code = EXCLUDED.parent_code, province_code = EXCLUDED.province_code,
         commune_code = EXCLUDED.commune_code, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
         aliases = EXCLUDED.aliases, search_text = EXCLUDED.search_text
       WHERE (org_unit.official_name, org_unit.short_name, org_unit.kind, org_unit.tier, org_unit.parent_code,
              org_unit.province_code, org_unit.commune_code, org_unit.valid_from, org_unit.valid_to, org_unit.aliases)
             IS DISTINCT FROM
             (EXCLUDED.official_name, EXCLUDED.short_name, EXCLUDED.kind, EXCLUDED.tier, EXCLUDED.parent_code,
              EXCLUDED.province_code, EXCLUDED.commune_code, EXCLUDED.valid_from, EXCLUDED.valid_to, EXCLUDED.aliases)
       RETURNING code, (xmax = 0) AS inserted`,
      [
        col('code'),
        col('officialName'),
        col('shortName'),
        col('kind'),
        col('tier'),
        col('parentCode'),
        col('provinceCode'),
        units.map((u) => (u.tier === 2 ? communeOf(u.code) : null)),
        col('validFrom'),
        col('validTo'),
        units.map((u) => (u.aliases.length ? u.aliases.join('\u001f') : null)),
        units.map((u) => unitSearchText(u)),
      ],
    );

    await m.query(
      `INSERT INTO org_unit_group (code, name, province_code)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, province_code = EXCLUDED.province_code`,
      [data.groups.map((g) => g.code), data.groups.map((g) => g.name), data.groups.map((g) => g.provinceCode)],
    );
    const pairs = data.groups.flatMap((g) => g.memberCodes.map((u) => [g.code, u] as const));
    // Membership of seeded groups is exactly what the seed says.
    await m.query(`DELETE FROM org_unit_group_member WHERE group_code = ANY($1::text[])`, [data.groups.map((g) => g.code)]);
    await m.query(
      `INSERT INTO org_unit_group_member (group_code, unit_code) SELECT * FROM unnest($1::text[], $2::text[])`,
      [pairs.map((p) => p[0]), pairs.map((p) => p[1])],
    );

    await m.query(
      `INSERT INTO org_unit_succession (predecessor_code, successor_code, kind, effective_date, note)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::text[])
       ON CONFLICT (predecessor_code) DO UPDATE SET successor_code = EXCLUDED.successor_code, kind = EXCLUDED.kind,
         effective_date = EXCLUDED.effective_date, note = EXCLUDED.note`,
      [
        data.successions.map((s) => s.predecessorCode),
        data.successions.map((s) => s.successorCode),
        data.successions.map((s) => s.kind),
        data.successions.map((s) => s.effectiveDate),
        data.successions.map((s) => s.note ?? null),
      ],
    );

    return {
      provinces: data.provinces.length,
      unitsCreated: result.filter((r) => r.inserted).map((r) => r.code),
      unitsUpdated: result.filter((r) => !r.inserted).map((r) => r.code),
      groups: data.groups.length,
      successions: data.successions.length,
    };
  }
}

function depth(u: { parentCode: string | null }, byCode: Map<string, { parentCode: string | null }>): number {
  let d = 0;
  let parent = u.parentCode;
  while (parent && d < 10) {
    d++;
    parent = byCode.get(parent)?.parentCode ?? null;
  }
  return d;
}
