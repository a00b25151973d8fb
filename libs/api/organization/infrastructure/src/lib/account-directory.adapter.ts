import { Injectable } from '@nestjs/common';
import { AccountDirectory } from '@dieu-hanh/api/shared/auth';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import { Clock } from '@dieu-hanh/api/shared/kernel';

/**
 * The organization context's answer to the auth layer: realm → province, unit → facts. A unit closed
 * before Vietnam's today (the injected clock, not the session's `current_date`) reports its `validTo`.
 */
@Injectable()
export class SqlAccountDirectory extends AccountDirectory {
  constructor(
    private readonly tx: TransactionContext,
    private readonly clock: Clock,
  ) {
    super();
  }

  async provinceOfRealm(realm: string): Promise<string | null> {
    const rows = await this.tx.manager().query(`SELECT code FROM org_province WHERE realm = $1`, [realm]);
    return rows[0]?.code ?? null;
  }

  async unitFacts(code: string) {
    const rows = await this.tx.manager().query(
      `SELECT province_code AS "provinceCode", tier::int AS tier, commune_code AS "communeCode",
              CASE WHEN valid_to IS NOT NULL AND valid_to < $2::date THEN to_char(valid_to, 'YYYY-MM-DD') END AS "validTo"
         FROM org_unit WHERE code = $1`,
      [code, this.clock.today()],
    );
    return rows[0] ?? null;
  }
}
