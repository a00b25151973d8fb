import { Injectable } from '@nestjs/common';
import { type ParentFacts, type SuccessionLink, Unit, type UnitProps, unitCodeTaken } from '@dieu-hanh/api/organization/domain';
import { UnitRepository } from '@dieu-hanh/api/organization/application';
import { TransactionContext, isUniqueViolation } from '@dieu-hanh/api/shared/database';
import { unitSearchText } from './search-text';

const SELECT_UNIT = `SELECT code, official_name AS "officialName", short_name AS "shortName", kind, tier,
  parent_code AS "parentCode", province_code AS "provinceCode", commune_code AS "communeCode",
  to_char(valid_from, 'YYYY-MM-DD') AS "validFrom", to_char(valid_to, 'YYYY-MM-DD') AS "validTo", aliases
  FROM org_unit`;

@Injectable()
export class TypeOrmUnitRepository extends UnitRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async findByCode(code: string, options: { lock?: boolean } = {}): Promise<Unit | null> {
    const rows = await this.tx.manager().query(`${SELECT_UNIT} WHERE code = $1 ${options.lock ? 'FOR UPDATE' : ''}`, [code]);
    if (!rows.length) return null;
    const { communeCode: _c, ...props } = rows[0];
    return Unit.restore({ ...props, tier: Number(props.tier) } as UnitProps);
  }

  async facts(code: string): Promise<ParentFacts | null> {
    const rows = await this.tx.manager().query(
      `SELECT code, kind, tier, province_code AS "provinceCode", commune_code AS "communeCode",
              to_char(valid_to, 'YYYY-MM-DD') AS "validTo" FROM org_unit WHERE code = $1`,
      [code],
    );
    return rows.length ? { ...rows[0], tier: Number(rows[0].tier) } : null;
  }

  async insert(unit: Unit): Promise<void> {
    const u = unit.snapshot();
    try {
      await this.tx.manager().query(
        `INSERT INTO org_unit (code, official_name, short_name, kind, tier, parent_code, province_code, commune_code,
                               valid_from, valid_to, aliases, search_text)
         VALUES ($1::text,$2,$3,$4::text,$5::smallint,$6::text,$7,
                 CASE WHEN $5::smallint = 2 THEN (CASE WHEN $4::text = 'commune' THEN $1::text ELSE (SELECT commune_code FROM org_unit WHERE code = $6::text) END) END,
                 $8,$9,$10,$11)`,
        [u.code, u.officialName, u.shortName, u.kind, u.tier, u.parentCode, u.provinceCode, u.validFrom, u.validTo, u.aliases, unitSearchText(u)],
      );
    } catch (error) {
      if (isUniqueViolation(error)) throw unitCodeTaken(u.code);
      throw error;
    }
  }

  async update(unit: Unit): Promise<void> {
    const u = unit.snapshot();
    await this.tx.manager().query(
      `UPDATE org_unit SET official_name = $2, short_name = $3, aliases = $4, valid_to = $5, search_text = $6 WHERE code = $1`,
      [u.code, u.officialName, u.shortName, u.aliases, u.validTo, unitSearchText(u)],
    );
  }

  async saveSuccession(link: SuccessionLink): Promise<void> {
    await this.tx.manager().query(
      `INSERT INTO org_unit_succession (predecessor_code, successor_code, kind, effective_date, note)
       VALUES ($1,$2,$3,$4,$5)
       ON CONFLICT (predecessor_code) DO UPDATE
         SET successor_code = EXCLUDED.successor_code, kind = EXCLUDED.kind,
             effective_date = EXCLUDED.effective_date, note = EXCLUDED.note`,
      [link.predecessorCode, link.successorCode, link.kind, link.effectiveDate, link.note],
    );
  }
}
