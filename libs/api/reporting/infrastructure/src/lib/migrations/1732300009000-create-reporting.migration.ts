import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting's own tables. Other contexts' data is read through their published views only
 * (planning_plan, planning_assignment, planning_indicator, execution_work*, directory_unit*).
 *
 * - `report_period`: one reporting period of one plan (kỳ báo cáo), regular (its `period_key`, e.g. 2025-Q4,
 *   once per plan) or ad hoc.
 * - `unit_report`: one unit's report for one period, its current revision; `task_notes` are the unit's words per
 *   assignment, `snapshot` the task entries as submitted (null while a draft: a draft reads the live work).
 * - `indicator_value`: the unit's value per indicator in that report; it is approved with the report.
 * - `consolidated_report`: the focal unit's consolidated report for a period (báo cáo tổng hợp).
 * - `report_revision`: every earlier revision of a report, as it was when reopened (immutable history).
 * - `report_expected_unit`: who is expected to report in a period (completeness's denominator).
 * - `report_urge`: when a unit was last urged to report in a period.
 * - `report_trend`: progress reports and completions per plan and week (Vietnam's), for the dashboards' trend.
 * - `export_job`: exports run as jobs; the file is kept here until it expires.
 */
export class CreateReporting1732300009000 implements MigrationInterface {
  name = 'CreateReporting1732300009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE report_period (
        id                     uuid PRIMARY KEY,
        plan_id                uuid NOT NULL,
        province_code          text NOT NULL,
        kind                   text NOT NULL CHECK (kind IN ('month', 'quarter', 'half-year', 'year', 'ad-hoc')),
        period_key             text NOT NULL,
        label                  text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 500),
        start_date             date NOT NULL,
        end_date               date NOT NULL,
        due_date               date NOT NULL,
        status                 text NOT NULL CHECK (status IN ('open', 'closed')),
        requires_unit_approval boolean NOT NULL,
        focal_unit_code        text NOT NULL,
        opened_at              timestamptz NOT NULL,
        opened_by              text NOT NULL,
        closed_at              timestamptz NULL,
        CONSTRAINT report_period_dates CHECK (start_date <= end_date),
        CONSTRAINT report_period_once UNIQUE (plan_id, period_key)
      )`);
    // The units expected to report in a period, fixed when it opens (DHIS2's dataset assignment): the
    // denominator of completeness. A unit given work later is added when it starts its report.
    await q.query(`
      CREATE TABLE report_expected_unit (
        period_id  uuid NOT NULL REFERENCES report_period(id),
        unit_code  text NOT NULL,
        PRIMARY KEY (period_id, unit_code)
      )`);
    await q.query(`CREATE INDEX report_expected_unit_unit_idx ON report_expected_unit (unit_code)`);
    await q.query(`CREATE INDEX report_period_province_idx ON report_period (province_code, due_date DESC)`);
    await q.query(`
      CREATE TABLE unit_report (
        id                 uuid PRIMARY KEY,
        period_id          uuid NOT NULL REFERENCES report_period(id),
        plan_id            uuid NOT NULL,
        province_code      text NOT NULL,
        unit_code          text NOT NULL,
        revision           int NOT NULL CHECK (revision >= 1),
        version            int NOT NULL CHECK (version >= 1),
        status             text NOT NULL CHECK (status IN ('draft', 'awaiting-approval', 'submitted', 'accepted', 'returned')),
        sections           jsonb NOT NULL,
        task_notes         jsonb NOT NULL DEFAULT '{}',
        snapshot           jsonb NULL,
        first_submitted_at timestamptz NULL,
        submitted_at       timestamptz NULL,
        on_time            boolean NULL,
        return_reason      text NULL,
        revision_reason    text NULL,
        accepted_at        timestamptz NULL,
        updated_at         timestamptz NOT NULL,
        updated_by         text NOT NULL,
        CONSTRAINT unit_report_once UNIQUE (period_id, unit_code)
      )`);
    await q.query(`CREATE INDEX unit_report_unit_idx ON unit_report (unit_code, period_id)`);
    await q.query(`
      CREATE TABLE indicator_value (
        report_id     uuid NOT NULL REFERENCES unit_report(id),
        period_id     uuid NOT NULL,
        unit_code     text NOT NULL,
        indicator_id  uuid NOT NULL,
        numerator     numeric NULL,
        denominator   numeric NULL,
        value         numeric NULL,
        rank          int NULL,
        evidence      text NULL,
        PRIMARY KEY (report_id, indicator_id)
      )`);
    await q.query(`CREATE INDEX indicator_value_period_idx ON indicator_value (period_id, indicator_id)`);
    await q.query(`
      CREATE TABLE consolidated_report (
        id               uuid PRIMARY KEY,
        period_id        uuid NOT NULL UNIQUE REFERENCES report_period(id),
        plan_id          uuid NOT NULL,
        province_code    text NOT NULL,
        focal_unit_code  text NOT NULL,
        revision         int NOT NULL CHECK (revision >= 1),
        version          int NOT NULL CHECK (version >= 1),
        status           text NOT NULL CHECK (status IN ('draft', 'submitted', 'approved', 'returned')),
        sections         jsonb NOT NULL,
        document         jsonb NOT NULL,
        composition      jsonb NULL,
        return_reason    text NULL,
        revision_reason  text NULL,
        submitted_at     timestamptz NULL,
        approved_at      timestamptz NULL,
        updated_at       timestamptz NOT NULL,
        updated_by       text NOT NULL
      )`);
    await q.query(`CREATE INDEX consolidated_report_plan_idx ON consolidated_report (plan_id) WHERE status = 'approved'`);
    await q.query(`
      CREATE TABLE report_revision (
        report_id    uuid NOT NULL,
        kind         text NOT NULL CHECK (kind IN ('unit', 'consolidated')),
        revision     int NOT NULL,
        content      jsonb NOT NULL,
        archived_at  timestamptz NOT NULL,
        PRIMARY KEY (report_id, revision)
      )`);
    await q.query(`
      CREATE TABLE report_urge (
        period_id    uuid NOT NULL,
        unit_code    text NOT NULL,
        urged_at     timestamptz NOT NULL,
        urged_by     text NOT NULL,
        PRIMARY KEY (period_id, unit_code)
      )`);
    // Reminders sent before a period's due date, once per period and number of days left.
    await q.query(`
      CREATE TABLE report_reminder (
        period_id  uuid NOT NULL,
        days_left  int NOT NULL,
        sent_at    timestamptz NOT NULL,
        PRIMARY KEY (period_id, days_left)
      )`);
    // The dashboards' trend, kept by the event-feed subscriber `reporting.trend` from execution's events.
    await q.query(`
      CREATE TABLE report_trend (
        plan_id           uuid NOT NULL,
        week              date NOT NULL,
        progress_reports  int NOT NULL,
        completed         int NOT NULL,
        PRIMARY KEY (plan_id, week)
      )`);
    await q.query(`
      CREATE TABLE export_job (
        id             uuid PRIMARY KEY,
        subject        text NOT NULL CHECK (subject IN ('unit-report', 'consolidated-report', 'plan-assignments', 'indicator-values')),
        subject_id     uuid NOT NULL,
        format         text NOT NULL CHECK (format IN ('docx', 'pdf', 'xlsx')),
        status         text NOT NULL CHECK (status IN ('queued', 'running', 'done', 'failed')),
        progress       smallint NOT NULL DEFAULT 0,
        requested_by   text NOT NULL,
        scope          jsonb NOT NULL,
        file_name      text NULL,
        media_type     text NULL,
        content        bytea NULL,
        size           int NULL,
        error          jsonb NULL,
        created_at     timestamptz NOT NULL,
        started_at     timestamptz NULL,
        finished_at    timestamptz NULL
      )`);
    await q.query(`CREATE INDEX export_job_queued_idx ON export_job (created_at) WHERE status IN ('queued', 'running')`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of ['export_job', 'report_trend', 'report_reminder', 'report_urge', 'report_revision', 'consolidated_report', 'indicator_value', 'unit_report', 'report_expected_unit', 'report_period']) await q.query(`DROP TABLE ${t}`);
  }
}
