import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The directory's published read model for other contexts' SQL. Planning and notifications join unit
 * names, tiers and communes for speed (a plan list of 400 rows cannot ask a query bus per row), but they
 * read these views, never the directory's tables: the directory may change its tables as long as the
 * views keep their columns. Adding a column is allowed; renaming or removing one is a breaking change
 * to a published contract (docs: README "Contracts between contexts").
 */
export class PublishDirectoryViews1732300006000 implements MigrationInterface {
  name = 'PublishDirectoryViews1732300006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE VIEW directory_unit AS
        SELECT code, official_name, short_name, kind, tier, parent_code, province_code, commune_code, valid_from, valid_to,
               search_text -- names and aliases folded without diacritics: sort and search like the directory does
          FROM org_unit`);
    await q.query(`CREATE VIEW directory_unit_group AS SELECT code, name, province_code FROM org_unit_group`);
    await q.query(`CREATE VIEW directory_unit_group_member AS SELECT group_code, unit_code FROM org_unit_group_member`);
    await q.query(`COMMENT ON VIEW directory_unit IS 'Published by the organization context: read-only, stable columns.'`);
    await q.query(`COMMENT ON VIEW directory_unit_group IS 'Published by the organization context: read-only, stable columns.'`);
    await q.query(`COMMENT ON VIEW directory_unit_group_member IS 'Published by the organization context: read-only, stable columns.'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW directory_unit_group_member`);
    await q.query(`DROP VIEW directory_unit_group`);
    await q.query(`DROP VIEW directory_unit`);
  }
}
