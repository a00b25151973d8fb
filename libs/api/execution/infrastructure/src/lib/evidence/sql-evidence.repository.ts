import { Injectable } from '@nestjs/common';
import { EvidenceRepository, type EvidenceRecord, type NewEvidence } from '@dieu-hanh/api/execution/application';
import { TransactionContext } from '@dieu-hanh/api/shared/database';
import type { EvidenceDto } from '@dieu-hanh/shared/contracts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Well-formed ids, lower case (as PostgreSQL prints uuids), each once, in the order given. */
const uuids = (ids: readonly string[]) => [...new Set(ids.filter((id) => typeof id === 'string' && UUID.test(id)).map((id) => id.toLowerCase()))];

const DTO_COLUMNS = `e.id, e.file_name AS "fileName", e.media_type AS "mediaType", e.size::int AS size, e.sha256,
  to_char(e.created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "uploadedAt", e.uploaded_by AS "uploadedBy"`;
const RECORD_COLUMNS = `${DTO_COLUMNS}, e.assignment_id AS "assignmentId", e.uploader_unit_code AS "uploaderUnitCode"`;

/** Evidence metadata in `evidence_file`; joins the unit of work's transaction when there is one. */
@Injectable()
export class SqlEvidenceRepository extends EvidenceRepository {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async attachable(assignmentId: string, ids: string[]): Promise<string[]> {
    const wanted = uuids(ids);
    if (!wanted.length || !UUID.test(assignmentId)) return [];
    const rows: { id: string }[] = await this.tx
      .manager()
      .query(`SELECT e.id FROM evidence_file e WHERE e.assignment_id = $1 AND e.id = ANY($2::uuid[])`, [assignmentId, wanted]);
    const found = new Set(rows.map((r) => r.id));
    return wanted.filter((id) => found.has(id));
  }

  async ofAssignment(assignmentId: string): Promise<EvidenceDto[]> {
    if (!UUID.test(assignmentId)) return [];
    return this.tx
      .manager()
      .query(`SELECT ${DTO_COLUMNS} FROM evidence_file e WHERE e.assignment_id = $1 ORDER BY e.created_at, e.id`, [assignmentId]);
  }

  async byIds(ids: string[]): Promise<EvidenceDto[]> {
    const wanted = uuids(ids);
    if (!wanted.length) return [];
    return this.tx.manager().query(`SELECT ${DTO_COLUMNS} FROM evidence_file e WHERE e.id = ANY($1::uuid[]) ORDER BY e.created_at, e.id`, [wanted]);
  }

  async find(id: string): Promise<EvidenceRecord | null> {
    if (!UUID.test(id)) return null;
    const rows: EvidenceRecord[] = await this.tx.manager().query(`SELECT ${RECORD_COLUMNS} FROM evidence_file e WHERE e.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async byRequestKey(principal: string, requestKey: string): Promise<EvidenceRecord | null> {
    const rows: EvidenceRecord[] = await this.tx
      .manager()
      .query(`SELECT ${RECORD_COLUMNS} FROM evidence_file e WHERE e.principal = $1 AND e.request_key = $2`, [principal, requestKey]);
    return rows[0] ?? null;
  }

  async insert(e: NewEvidence): Promise<EvidenceRecord> {
    const inserted: { id: string }[] = await this.tx.manager().query(
      `INSERT INTO evidence_file (id, assignment_id, sha256, media_type, size, file_name, uploaded_by, uploader_unit_code, principal, request_key)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT ON CONSTRAINT evidence_file_request_once DO NOTHING
       RETURNING id`,
      [e.id, e.assignmentId, e.sha256, e.mediaType, e.size, e.fileName, e.uploadedBy, e.uploaderUnitCode, e.principal, e.requestKey],
    );
    const found = inserted.length ? await this.find(e.id) : await this.byRequestKey(e.principal, e.requestKey);
    if (!found) throw new Error('evidence_file row vanished after insert');
    return found;
  }
}
