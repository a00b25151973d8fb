import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Planning publishes `planning_assignment`: one row per assignment with its plan's and task's facts, read-only, for execution and reporting. */
export class PublishAssignmentView1732300007000 implements MigrationInterface {
  name = 'PublishAssignmentView1732300007000';

  async up(_q: QueryRunner): Promise<void> {
    // filled in by the execution-core helper
  }

  async down(_q: QueryRunner): Promise<void> {
    // filled in by the execution-core helper
  }
}
