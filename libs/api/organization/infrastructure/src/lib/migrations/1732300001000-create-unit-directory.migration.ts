import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The unit directory (danh mục đơn vị): provinces, units, groups and succession links. */
export class CreateUnitDirectory1732300001000 implements MigrationInterface {
  name = 'CreateUnitDirectory1732300001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await q.query(`
      CREATE TABLE org_province (
        code  text PRIMARY KEY,
        name  text NOT NULL,
        realm text NOT NULL UNIQUE
      )`);
    await q.query(`
      CREATE TABLE org_unit (
        code          text PRIMARY KEY,
        official_name text NOT NULL,
        short_name    text NOT NULL,
        kind          text NOT NULL CHECK (kind IN ('people-committee','department','commune','commune-office','partner')),
        tier          smallint NOT NULL CHECK (tier IN (1, 2)),
        parent_code   text NULL REFERENCES org_unit(code),
        province_code text NOT NULL REFERENCES org_province(code),
        commune_code  text NULL REFERENCES org_unit(code) DEFERRABLE INITIALLY DEFERRED,
        valid_from    date NOT NULL,
        valid_to      date NULL,
        aliases       text[] NOT NULL DEFAULT '{}',
        search_text   text NOT NULL,
        CHECK (valid_to IS NULL OR valid_to >= valid_from),
        CHECK ((tier = 2) = (commune_code IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX org_unit_province_kind_idx ON org_unit (province_code, kind, code)`);
    await q.query(`CREATE INDEX org_unit_parent_idx ON org_unit (parent_code)`);
    await q.query(`CREATE INDEX org_unit_commune_idx ON org_unit (commune_code)`);
    await q.query(`CREATE INDEX org_unit_search_trgm_idx ON org_unit USING gin (search_text gin_trgm_ops)`);
    await q.query(`
      CREATE TABLE org_unit_group (
        code          text PRIMARY KEY,
        name          text NOT NULL,
        province_code text NOT NULL REFERENCES org_province(code)
      )`);
    await q.query(`
      CREATE TABLE org_unit_group_member (
        group_code text NOT NULL REFERENCES org_unit_group(code),
        unit_code  text NOT NULL REFERENCES org_unit(code),
        PRIMARY KEY (group_code, unit_code)
      )`);
    await q.query(`CREATE INDEX org_unit_group_member_unit_idx ON org_unit_group_member (unit_code)`);
    await q.query(`
      CREATE TABLE org_unit_succession (
        predecessor_code text PRIMARY KEY REFERENCES org_unit(code),
        successor_code   text NOT NULL REFERENCES org_unit(code),
        kind             text NOT NULL CHECK (kind IN ('merged-into','replaced-by')),
        effective_date   date NOT NULL,
        note             text NULL,
        CHECK (predecessor_code <> successor_code)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE org_unit_succession`);
    await q.query(`DROP TABLE org_unit_group_member`);
    await q.query(`DROP TABLE org_unit_group`);
    await q.query(`DROP TABLE org_unit`);
    await q.query(`DROP TABLE org_province`);
  }
}
