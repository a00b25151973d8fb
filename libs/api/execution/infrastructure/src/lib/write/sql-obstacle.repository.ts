import { Injectable } from '@nestjs/common';
import { ObstacleRepository } from '@dieu-hanh/api/execution/application';
import type { ObstacleProps } from '@dieu-hanh/api/execution/domain';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { ObstacleDto } from '@dieu-hanh/shared/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const PROPS = `o.id, o.assignment_id AS "assignmentId", o.description, o.proposal, o.status, o.handler_unit_code AS "handlerUnitCode",
  o.raised_at AS "raisedAt", o.raised_by AS "raisedBy", o.raised_unit_code AS "raisedUnitCode", o.answer, o.answered_at AS "answeredAt",
  o.answered_by AS "answeredBy", o.escalated_at AS "escalatedAt", o.escalated_by AS "escalatedBy", o.escalation_note AS "escalationNote",
  o.directive, o.directed_at AS "directedAt", o.directed_by AS "directedBy"`;

/** The DTO's columns (also read by SqlWorkRepository.page in one query). */
export const OBSTACLE_DTO_COLUMNS = `o.id, o.description, o.proposal, o.status, ${ISO('o.raised_at')} AS "raisedAt", o.raised_by AS "raisedBy", o.answer,
  o.answered_by AS "answeredBy", ${ISO('o.escalated_at')} AS "escalatedAt", o.directive, o.directed_by AS "directedBy", ${ISO('o.directed_at')} AS "directedAt"`;

/** Obstacles in `obstacle`; joins the unit of work's transaction. */
@Injectable()
export class SqlObstacleRepository extends ObstacleRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async find(id: string, options: { lock?: boolean } = {}): Promise<ObstacleProps | null> {
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    const rows: ObstacleProps[] = await this.tx.manager().query(`SELECT ${PROPS} FROM obstacle o WHERE o.id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async insert(o: ObstacleProps): Promise<void> {
    await this.tx.manager().query(
      `INSERT INTO obstacle (id, assignment_id, description, proposal, status, handler_unit_code, raised_at, raised_by, raised_unit_code)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [o.id, o.assignmentId, o.description, o.proposal, o.status, o.handlerUnitCode, o.raisedAt, o.raisedBy, o.raisedUnitCode],
    );
  }

  async update(o: ObstacleProps): Promise<void> {
    await this.tx.manager().query(
      `UPDATE obstacle SET status = $2, answer = $3, answered_at = $4, answered_by = $5, escalated_at = $6, escalated_by = $7, escalation_note = $8,
              directive = $9, directed_at = $10, directed_by = $11
        WHERE id = $1`,
      [o.id, o.status, o.answer, o.answeredAt, o.answeredBy, o.escalatedAt, o.escalatedBy, o.escalationNote, o.directive, o.directedAt, o.directedBy],
    );
  }

  async ofAssignment(assignmentId: string): Promise<ObstacleDto[]> {
    if (!UUID.test(assignmentId)) return [];
    return this.tx.manager().query(`SELECT ${OBSTACLE_DTO_COLUMNS} FROM obstacle o WHERE o.assignment_id = $1 ORDER BY o.raised_at, o.id`, [assignmentId]);
  }
}
