import { Injectable } from '@nestjs/common';
import { ExtensionRepository } from '@dieu-hanh/api/execution/application';
import type { ExtensionProps } from '@dieu-hanh/api/execution/domain';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { ExtensionRequestDto } from '@dieu-hanh/shared/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

const PROPS = `x.id, x.assignment_id AS "assignmentId", to_char(x.current_due, 'YYYY-MM-DD') AS "currentDue", to_char(x.requested_due, 'YYYY-MM-DD') AS "requestedDue",
  x.reason, x.status, x.requested_at AS "requestedAt", x.requested_by AS "requestedBy", x.requested_unit_code AS "requestedUnitCode",
  x.decided_at AS "decidedAt", x.decided_by AS "decidedBy", x.decided_unit_code AS "decidedUnitCode", x.decision_note AS "decisionNote"`;

/** The DTO's columns (also read by SqlWorkRepository.page in one query). */
export const EXTENSION_DTO_COLUMNS = `x.id, to_char(x.current_due, 'YYYY-MM-DD') AS "currentDue", to_char(x.requested_due, 'YYYY-MM-DD') AS "requestedDue", x.reason, x.status,
  ${ISO('x.requested_at')} AS "requestedAt", x.requested_by AS "requestedBy", ${ISO('x.decided_at')} AS "decidedAt", x.decided_by AS "decidedBy",
  x.decision_note AS "decisionNote"`;

/** Extension requests in `extension_request`; joins the unit of work's transaction. */
@Injectable()
export class SqlExtensionRepository extends ExtensionRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async find(id: string, options: { lock?: boolean } = {}): Promise<ExtensionProps | null> {
    if (typeof id !== 'string' || !UUID.test(id)) return null;
    const rows: ExtensionProps[] = await this.tx.manager().query(`SELECT ${PROPS} FROM extension_request x WHERE x.id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
    return rows[0] ?? null;
  }

  async insert(x: ExtensionProps): Promise<void> {
    await this.tx.manager().query(
      `INSERT INTO extension_request (id, assignment_id, current_due, requested_due, reason, status, requested_at, requested_by, requested_unit_code)
       VALUES ($1, $2, $3::date, $4::date, $5, $6, $7, $8, $9)`,
      [x.id, x.assignmentId, x.currentDue, x.requestedDue, x.reason, x.status, x.requestedAt, x.requestedBy, x.requestedUnitCode],
    );
  }

  async update(x: ExtensionProps): Promise<void> {
    await this.tx.manager().query(
      `UPDATE extension_request SET status = $2, decided_at = $3, decided_by = $4, decided_unit_code = $5, decision_note = $6 WHERE id = $1`,
      [x.id, x.status, x.decidedAt, x.decidedBy, x.decidedUnitCode, x.decisionNote],
    );
  }

  async ofAssignment(assignmentId: string): Promise<ExtensionRequestDto[]> {
    if (!UUID.test(assignmentId)) return [];
    return this.tx.manager().query(`SELECT ${EXTENSION_DTO_COLUMNS} FROM extension_request x WHERE x.assignment_id = $1 ORDER BY x.requested_at, x.id`, [assignmentId]);
  }
}
