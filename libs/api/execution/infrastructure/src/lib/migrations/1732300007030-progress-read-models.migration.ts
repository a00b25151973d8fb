import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The letters `execution_fold` maps: every precomposed Latin letter with diacritics (Vietnamese's among
 * them, đ included), to its base letter in lower case — computed here once, written into the function.
 */
function foldMap(): { from: string; to: string } {
  let from = '';
  let to = '';
  for (let cp = 0xc0; cp <= 0x1eff; cp++) {
    const c = String.fromCodePoint(cp);
    if (c.normalize('NFC') !== c) continue;
    const base = c === 'đ' ? 'd' : c === 'Đ' ? 'D' : c.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (base.length !== 1 || base === c || !/[A-Za-z]/.test(base)) continue;
    from += c;
    to += base.toLowerCase();
  }
  return { from, to };
}

/**
 * Execution's progress read models (issue 10, "Read models and speed"), kept by the event-feed
 * subscriber `execution.progress-tally` (ProgressTallySubscriber) — never computed by scanning every
 * assignment on a request:
 *
 * - `work_tally_source`: what each counted assignment last contributed (its plan, task, unit, role,
 *   status, verification, due date in force, percent). A batch recomputes the touched assignments from
 *   planning's view ⋈ `work_state`, applies the difference to the tallies and stores the new rows —
 *   so a redelivered batch changes nothing (at-least-once delivery) and work is proportional to the
 *   assignments touched, not to the size of a unit or a plan.
 * - `work_task_tally` and `work_unit_tally`: counts and percent sums per (plan, task | unit, role,
 *   status, verification, due). `due` is the due date in force ('infinity' when none), so overdue is
 *   computed from it and Vietnam's today when read: never stored as a status.
 * - `work_tally_task`: each counted task's ordinal, so the roll-up by task reads no assignment, and its
 *   search text (task content, plan title and symbol, folded): work lists match `q` once per task.
 * - `work_tally_plan`: a version per plan, moved whenever its tallies change, so an API process may keep
 *   a plan's assembled roll-up and answer it again after one primary-key read.
 * - `execution_fold(text)`: folds text for search like `foldVietnamese` (lower case, no diacritics,
 *   đ → d, single spaces), for the work lists' diacritics-insensitive `q`.
 */
export class CreateProgressReadModels1732300007030 implements MigrationInterface {
  name = 'CreateProgressReadModels1732300007030';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE work_tally_source (
        assignment_id  uuid PRIMARY KEY,
        plan_id        uuid NOT NULL,
        task_id        uuid NOT NULL,
        unit_code      text NOT NULL,
        role           text NOT NULL,
        status         text NOT NULL,
        verification   text NOT NULL,
        due            date NOT NULL,
        percent        smallint NOT NULL
      )`);
    await q.query(`CREATE INDEX work_tally_source_plan_idx ON work_tally_source (plan_id)`);
    await q.query(`
      CREATE TABLE work_task_tally (
        plan_id        uuid NOT NULL,
        task_id        uuid NOT NULL,
        role           text NOT NULL,
        status         text NOT NULL,
        verification   text NOT NULL,
        due            date NOT NULL,
        n              int NOT NULL,
        percent_sum    bigint NOT NULL,
        PRIMARY KEY (plan_id, task_id, role, status, verification, due)
      )`);
    await q.query(`
      CREATE TABLE work_unit_tally (
        plan_id        uuid NOT NULL,
        unit_code      text NOT NULL,
        role           text NOT NULL,
        status         text NOT NULL,
        verification   text NOT NULL,
        due            date NOT NULL,
        n              int NOT NULL,
        percent_sum    bigint NOT NULL,
        PRIMARY KEY (plan_id, unit_code, role, status, verification, due)
      )`);
    await q.query(`
      CREATE TABLE work_tally_task (
        plan_id        uuid NOT NULL,
        task_id        uuid NOT NULL,
        ordinal        int NOT NULL,
        search         text NOT NULL,
        PRIMARY KEY (plan_id, task_id)
      )`);
    await q.query(`
      CREATE TABLE work_tally_plan (
        plan_id        uuid PRIMARY KEY,
        version        bigint NOT NULL
      )`);
    const { from, to } = foldMap();
    await q.query(`
      CREATE FUNCTION execution_fold(t text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT btrim(regexp_replace(lower(translate(normalize(t, NFC), '${from}', '${to}')), '\\s+', ' ', 'g'))
      $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION execution_fold(text)`);
    await q.query(`DROP TABLE work_tally_plan`);
    await q.query(`DROP TABLE work_tally_task`);
    await q.query(`DROP TABLE work_unit_tally`);
    await q.query(`DROP TABLE work_task_tally`);
    await q.query(`DROP TABLE work_tally_source`);
  }
}
